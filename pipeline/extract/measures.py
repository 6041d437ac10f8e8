"""What a number measures, read from the words before it in its clause.

The nearest keyword wins: a growth verb (增长, 下降) makes a percentage a change, a rate
noun (率, 比例, 比重, 占) makes it a level, and a verb ending in 到/至 (提高到, 降至)
makes it an end state. Windows are bounded, so the cost per number is constant.
"""

from __future__ import annotations

import re

from pipeline.extract.anchored import Anchored

#: How far back (characters) the classifier looks, never past the start of the clause.
WINDOW = 24

_CLAUSE_BREAK = re.compile(r".*[，。；！？：\n,;!?]", re.DOTALL)
_SENTENCE_BREAK = re.compile(r".*[。；！？\n;!?]", re.DOTALL)

_KEYWORD = re.compile(
    r"""
    (?P<to>(?:提高|提升|上升|增加|增长|扩大|下降|降低|减少|缩小|缩短|回落|拓展|攀升|下跌|上涨|下滑|升|降|压减|压缩|控制
              |放缓|滑落|跌|涨|回升|加快)
           (?:到|至)|降为)
    | (?P<rate>自然增长率)
    | (?P<neg>下降|降幅|下跌|跌幅|回落|减少|降低|减产|缩小|缩短|收窄|贬值|下滑|放缓|压减|压缩|削减|精简
             |降价|减价|减(?=时间|材料|环节|跑动|证明|流程|手续))
    | (?P<pos>增长率|增长|增速|增幅|涨幅|上涨|上升|回升|提高|提升|增加|增产|扩大|拉动|同比|环比
             |比上年|较上年|多增|升值|高出|加快|改善|(?<!新)增)
    | (?P<rate2>率|比例|比重|占比|占|份额|贡献)
    """,
    re.VERBOSE,
)
#: The matches of ``_KEYWORD.finditer``, found by ``re`` skipping ahead in C to the characters
#: a keyword starts with (see ``anchored``); the kind and span come from the groups.
_KEYWORD_FIND = (Anchored(_KEYWORD).finder or _KEYWORD).search
assert _KEYWORD.groups == len(_KEYWORD.groupindex), "last_keyword reads the kind from the last group"

_RATIO_OF = re.compile(r"(?:是|为|相当于|达到|完成)[^，。；]{0,14}的$")
#: A degree of completion (完成全年目标任务95.0%): a ratio to the goal, a level.
_COMPLETION = re.compile(r"完成[^，。；]{0,10}(?:目标|任务|计划)(?:任务)?$")
#: After the number: the clause's own word for what it is (均有6%以上的增长, 以14.3%的GDP增速,
#: 接近40%的进出口增长); a short noun may stand between 的 and the word.
_AFTER = re.compile(
    r"(?:的[^，。；、\d%的]{0,6}?)?(?:(?P<pos>增速|增幅|增长)(?![率点])|(?P<rate>比重|占比|份额))"
)
#: What a comparative with 于 compares with when it is an earlier time (快于上年同期): a change.
_EARLIER = re.compile(r"上年|去年|前年|同期|上半年|上月|上季|年初|季度|月份")
#: A gap below a yardstick: 低0.5个百分点, 低于全国0.3个百分点, 慢于全省1个百分点.
_NEG_PP = re.compile(r"(?:低|(?:低|慢)于[^，。；、\d%％]{0,8}?(?:约|近)?)了?$")
#: A change by an amount, then the level it reaches (回落0.4个百分点至): the number after is a level.
_CHANGE_THEN_TO = re.compile(r"[\d０-９](?:个百分点|个点)[至到]$")
#: A verb of trend with no rate noun after it in the sentence (连续回落，分别为…): what follows
#: 为 are levels; after 增速/增幅 (增速…均为9.9%) they are rates of change.
_TREND_VERB = re.compile(
    r"(?:回落|下降|下滑|回升|上升|攀升|走低|走高)(?![^，,。；;]*(?:增速|增幅|涨幅|降幅|跌幅|增长率))[^增涨降跌]*$"
)
#: A clause that only says what the values are (分别为5.9%、5.5%): levels, whatever trend came before.
_LEVEL_COPULA = re.compile(r"^[^，,。；;\d]{0,4}(?:分别|均|依次)?为[^，,。；;]{0,12}$")
#: A gap against another area or group: 高出5个, 低0.5个, or a comparative with 于 and what is compared
#: with (高于全省3.1个, 快于城镇居民2.1个, 优于全国约1个).
_COMPARE_PP = re.compile(
    r"(?:(?:(?<![提升])高出?|(?<![降减])低)|(?:高|低|快|慢|优)于[^，。；、\d%％]{0,8}?(?:约|近|超过?)?)了?$"
)
#: How far back a list of values may name its keyword (a sentence of 20 places and their rates).
_LIST_REACH = 240
#: A bracketed list's measure named after it (江西（6.9%）、…7省份的增速超过或等于6%).
_AFTER_LIST_RATE = re.compile(r"的[^，。；、\d%]{0,6}?(?:增速|增幅|增长率|涨幅)")
_GDP_GOAL = re.compile(r"(?:GDP|生产总值|经济)[^，。；]{0,4}目标")
#: Each contains 均 (see classify_growth_basis); 年均浓度, 年平均气温 name a level, not a rate per year.
_AVG = re.compile(r"(?:年均|年平均)(?!浓度|气温|降水|值|水平)|平均每年")
_CUMUL = re.compile(r"累计")
_DIGIT = re.compile(r"[\d０-９]")
#: The steps of a public service cut by a reform (平均压减时间58%、材料52%, 减时间83%, 审批环节
#: 精简60%), and prices cut by a collective purchase: measured against the way before the reform,
#: not against last year.
_PROCESS_CUT = re.compile(
    r"(?:压减|减少|压缩|精简|缩短|减)(?:办事|办理|审批|申请|申报)?(?:时间|材料|环节|跑动|证明|流程|手续)"
    r"|(?:时间|材料|环节|跑动次数|证明|流程|手续)[^，。；\d]{0,2}(?:压减|减少|压缩|精简|缩短)"
    # prices cut by a collective purchase (集中带量采购药品、耗材平均降价58%): against the price before
    r"|采购[^，。；\d]{0,12}降价"
)


def clause_window(text: str, start: int, width: int = WINDOW) -> str:
    """The text before ``start`` back to the clause start, at most ``width`` characters.

    >>> clause_window("全市生产总值增长2.8%，出口增长3.4%", 17)
    '出口增长'
    """
    window = text[max(0, start - width) : start]
    m = _CLAUSE_BREAK.match(window)
    return window[m.end() :] if m else window


def sentence_window(text: str, start: int, width: int = 48) -> str:
    """The text before ``start`` back to the sentence start (。；！？ or a line break).

    >>> sentence_window("增长5%。其增速领先，达到", 13)
    '其增速领先，达到'
    """
    window = text[max(0, start - width) : start]
    m = _SENTENCE_BREAK.match(window)
    return window[m.end() :] if m else window


def last_keyword(window: str) -> str | None:
    """Kind of the last growth/rate keyword in ``window``: 'to', 'rate', 'pos', 'neg' or None.

    >>> last_keyword("城镇化率从63.6%提高到")
    'to'
    >>> last_keyword("对工业增长贡献率达")
    'rate'
    >>> last_keyword("比上年下降")
    'neg'
    """
    kind = None
    pos = 0
    while (m := _KEYWORD_FIND(window, pos)) is not None:
        kind = m.lastgroup  # the kinds are the only groups, none nested: the last closed one matched
        pos = m.end(kind)
    if kind == "rate2":
        return "rate"
    return kind


def _last_keyword_end(window: str) -> int:
    """Where the last growth/rate keyword of ``window`` ends (0 when there is none)."""
    end = pos = 0
    while (m := _KEYWORD_FIND(window, pos)) is not None:
        end = pos = m.end(m.lastgroup)
    return end


def classify_percent(text: str, start: int, end: int) -> tuple[str, int]:
    """(measure, sign) of a percentage whose quote starts at ``start`` and ends at ``end``.

    >>> classify_percent("贫困发生率降至0.6%", 7, 11)
    ('rate_pct', 1)
    >>> classify_percent("全市GDP增速放缓至5.1%", 11, 15)
    ('rate_pct', 1)
    >>> classify_percent("工业生产者出厂价格下降2.2%", 11, 15)
    ('growth_pct', -1)
    >>> classify_percent("城镇调查失业率4.7%", 7, 11)
    ('rate_pct', 1)
    >>> classify_percent("而泉州2.5%的增速低于", 3, 7)
    ('growth_pct', 1)
    >>> classify_percent("分别约为全国平均的70%", 10, 13)
    ('rate_pct', 1)
    >>> classify_percent("经济亮点在于接近40%的进出口增长", 6, 11)
    ('growth_pct', 1)
    >>> classify_percent("就业人数完成全年目标的95.0%", 11, 16)
    ('rate_pct', 1)
    >>> classify_percent("就业人数完成全年目标任务95.0%", 12, 17)
    ('rate_pct', 1)
    >>> classify_percent("2022年GDP目标平均值为6.4%", 16, 20)
    ('growth_pct', 1)
    >>> classify_percent("营收增长9%，90%的县医院达到三级水平", 7, 10)
    ('rate_pct', 1)
    >>> classify_percent("5、6月份连续回落，分别为5.9%", 13, 17)
    ('rate_pct', 1)
    >>> classify_percent("回落0.4个百分点至5.5%", 10, 14), classify_percent("增速达到9.6%", 4, 8)
    (('rate_pct', 1), ('growth_pct', 1))
    >>> classify_percent("警情总量下降8.76%，全省公众安全感达99.3%", 21, 26)  # 下降 has its own number
    ('rate_pct', 1)
    """
    window = clause_window(text, start)
    if window.endswith("的") and _RATIO_OF.search(window):  # the clause has no line break: 的$ is the end
        return "rate_pct", 1
    if window.endswith(("至", "到")) and _CHANGE_THEN_TO.search(window):
        return "rate_pct", 1  # 回落0.4个百分点至5.5%: the level reached, whatever the change before
    if window.endswith(("标", "务", "划")) and _COMPLETION.search(window):
        return "rate_pct", 1
    kind = last_keyword(window)
    if kind is None:
        after = _AFTER.match(text, end)
        if after is not None and after.lastgroup == "pos":
            return "growth_pct", 1  # 均有6%以上的增长: the clause's own word, not an earlier 下降
        if text[end : end + 1] == "的" and not window:
            return "rate_pct", 1  # ，90%的县医院达到…: opening its clause, the share of a group
        # 其增速…领先于全省其他地区，达到9.6%: the keyword may sit earlier in the sentence
        sentence = sentence_window(text, start)
        kind = last_keyword(sentence)
        if kind == "neg" and _DIGIT.search(sentence, _last_keyword_end(sentence)):
            # 警情总量下降8.76%，全省公众安全感达99.3%: the decline has a number of its own (a rise
            # named earlier may still be the measure of a breakdown: 增速…，其中，湖北为18.7%)
            kind = None
        if kind in ("pos", "neg") and _LEVEL_COPULA.search(window) and _TREND_VERB.search(sentence):
            return "rate_pct", 1  # 5、6月份连续回落，分别为5.9%、5.5%: after a trend, the values are levels
        if kind is None and "目标" in sentence and _GDP_GOAL.search(sentence):
            return "growth_pct", 1  # GDP目标平均值为6.4%，中位数为6.5%: a goal for output is a growth rate
        if kind is None and (
            (text[start - 1 : start] in "（(" and text[end : end + 1] in "）)")  # 广东（3.3%）、江苏（4.6%）
            or text[end : end + 1] == "、"
            or "%、" in sentence
        ):
            kind = _list_keyword(text, start, end)
    if kind is None:
        return "rate_pct", 1
    if kind in ("to", "rate"):
        return "rate_pct", 1
    return "growth_pct", -1 if kind == "neg" else 1


def _list_keyword(text: str, start: int, end: int) -> str | None:
    """The keyword of a long list of values (苏州达到10.9%、北京为10.7%、南京为10.2%).

    A list names its measure after it (江西10.2%、…、湖北12.9%的GDP增速均高于全国), or before it,
    possibly past the usual look-back, or in the sentence before (…增速居首。此外，苏州达到10.9%、…),
    positive whatever its trend (增速有所放缓。其中，广东（3.3%）、…).

    >>> _list_keyword("GDP增速居十强首位。此外，苏州达到10.9%、北京为10.7%", 26, 31)
    'pos'
    >>> _list_keyword("江西10.2%、安徽10.2%的GDP增速均高于全国。", 9, 14)
    'pos'
    >>> _list_keyword("城镇化率较高。其中，广州达到86.5%、深圳为99.5%", 21, 26) is None
    True
    >>> _list_keyword("增速有所放缓。其中，广东（3.3%）低于全国水平。", 13, 17)  # values in brackets
    'pos'
    """
    stop = text.find("。", end)
    if _AFTER_LIST_RATE.search(text, end, stop if stop >= 0 else len(text)) is not None:
        return "pos"
    sentence = sentence_window(text, start, _LIST_REACH)
    kind = last_keyword(sentence)
    if kind is not None:
        return kind
    sentence_start = start - len(sentence)
    if sentence_start <= 0 or text[sentence_start - 1] not in "。；;":
        return None
    return "pos" if last_keyword(sentence_window(text, sentence_start - 1)) in ("pos", "neg") else None


def classify_pp_sign(text: str, start: int) -> int:
    """Sign of a change in percentage points (提高 0.84个百分点 +, 回落/低 2个百分点 -).

    >>> classify_pp_sign("比上年末提高0.84个百分点", 7)
    1
    >>> classify_pp_sign("比全国低0.5个百分点", 4), classify_pp_sign("增长4.7%、低于全国0.3个百分点", 11)
    (-1, -1)
    """
    window = clause_window(text, start)
    if _NEG_PP.search(window):
        return -1
    return -1 if last_keyword(window) == "neg" else 1


def is_comparison_pp(text: str, start: int) -> bool:
    """True for a gap against another area or average (高出5个百分点), not a change in time.

    >>> is_comparison_pp("比全省平均水平高出了5个百分点", 9)
    True
    >>> is_comparison_pp("比上年末提高0.84个百分点", 7)
    False
    >>> is_comparison_pp("高于全省3.1个百分点", 4), is_comparison_pp("优于全国约1个百分点", 5)
    (True, True)
    >>> is_comparison_pp("增速快于上年同期2个百分点", 8)
    False
    """
    gap = _COMPARE_PP.search(clause_window(text, start))
    return gap is not None and _EARLIER.search(gap.group()) is None


def classify_growth_basis(text: str, start: int) -> str:
    """yoy, annual_avg (年均) or cumulative (累计), from the clause before the number.

    >>> classify_growth_basis("年均增长7.8%", 4)
    'annual_avg'
    >>> classify_growth_basis("累计下降15%", 4)
    'cumulative'
    >>> classify_growth_basis("比上年增长5%", 5)
    'yoy'
    >>> classify_growth_basis("PM2.5年均浓度较上年改善16.5%", 15)
    'yoy'
    >>> classify_growth_basis("平均跑动次数减少93%", 10)  # a reform's cut, against the way before it
    'cumulative'
    """
    low = max(0, start - 40)
    if text.find("均", low, start) < 0 and text.find("累", low, start) < 0:
        # every basis word has 均 or 累: most growth rates settle without the clause split
        return "cumulative" if _is_process_cut(text, start) else "yoy"
    window = clause_window(text, start, 40)
    if _AVG.search(window):
        return "annual_avg"
    if _CUMUL.search(window) or _is_process_cut(text, start):
        return "cumulative"
    return "yoy"


def _is_process_cut(text: str, start: int) -> bool:
    """True when the clause before ``start`` cuts a step of a public service (see ``_PROCESS_CUT``).

    >>> _is_process_cut("“高效办成一件事”平均压减时间58%、材料52%", 24), _is_process_cut("能耗下降3%", 4)
    (True, False)
    """
    # the verb may open the quote itself (平均跑动次数[减少93%])
    return _PROCESS_CUT.search(clause_window(text, start, 40) + text[start : start + 2]) is not None
