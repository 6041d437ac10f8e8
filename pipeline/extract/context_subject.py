"""What a figure measures: a short, faithful Chinese noun phrase from the words before it.

Works on a short window (the clause before the number, at most ``LOOK_BACK`` characters),
so its cost does not grow with the document. Rules, in order:

1. 分别 lists (A、B分别增长x、y; A和B分别…) give item i the i-th noun of the list, with the
   shared head completed (城镇居民、农村居民人均可支配收入 -> 城镇居民人均可支配收入; a
   measure written once after the last item, 限上新能源汽车、节能家电零售额). The list may be
   a clause back (…服务业，持续较快增长，同比分别增长) or one word for two (产销, 进出口).
2. Otherwise the subject is the words between the previous number (or clause start) and
   this one, with framing stripped: time phrases, place names, connectives and verbs of
   level or change (实现, 达到, 增长, 比上年), keeping words that change what is counted
   (新增, 累计, 年均, 人均, 开工).
3. A later item of a 、 list inherits the first item's counting verb (新增A350家、B141家).
4. Nothing left (、增长34.9%) or a generic word left (数额, 增速): the previous figure's
   subject (plus the generic word when it adds meaning: 增速, 比重).
5. Nothing before at all (98个重点项目竣工投产), a verb of work or counting verbs alone
   (抓好6条续建高铁, 全省新增8个), names listed before a count (航空、…、绿色石化4个集群)
   or a list joiner (测试区及40多个大数据中心): the noun after the number, through quotes and
   a year (53个“高效办成一件事”重点事项). N的X (以58.3%的增速位居首位): X.

Words that name no measure are dropped or passed over: a place alone or a place compared with
(广东省的18.6%, 高于江苏的19.2%), a rank's pool (跻身全国169个国新区, 位居省内), a threshold
crossed (连续迈上4个万亿元台阶, whose count counts the 台阶), 以/目前/至少/上述. Words that stand
for something named before are resolved: an anaphor (这一数据高出上海), a repeated verb
(…发行超长期特别国债，…今年先发行), a generic stock word (总数, 总量, 规模), a bare verb of
flow (上半年销售260万辆). A sentence of framing alone (分季度看，三季度同比增长4.9%) takes the
subject of the last figure of the sentence before (``subject_from_previous``, called by the
resolver only when nothing was found).

Also: both ends of a move in a ranking (从全国第五提升到第三) rank what is named before
从/由; a bare number after a colon or in a table cell takes the label before it
(- **生产总值增长**:5.5%左右); a trend clause with no figure (工业投资持续恢复) names the
subject of the rate after it; list bullets and 预计 open no subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pipeline.extract.anchored import nonempty_start_class, start_class, word_alternation
from pipeline.extract.context_area import PLACE_FIRST, place_length
from pipeline.extract.context_vocab import (
    GENERIC_SUBJECTS,
    PARALLEL_HEADS,
    SUBJECT_DROP_LEAD,
    SUBJECT_DROP_TAIL,
    SUBJECT_KEEP_VERBS,
    WEAK_LEAD_ENDINGS,
)

#: Characters looked at before a number at most.
LOOK_BACK = 80
#: Longest subject kept (longer phrases keep their tail, where the head noun is).
MAX_LEN = 24

_CLAUSE_STOPS = "，,；;：:。！？!?\n\r"
_SPACES = " \u3000\t"
_NUM_CHARS = re.compile(r"[\d０-９]")
_WORD_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_PAREN = re.compile(r"（[^（）]{0,20}）|\([^()]{0,20}\)|\[\d+\]|【[^【】]{0,20}】")
_TIME_LEAD = (
    r"(?:19|20)\d{2}年(?:[一二三四1-4]季度|[上下]半年|前三季度|\d{1,2}月份?)?"
    r"|(?:今年|去年|明年|上年|全年|当年|年末|年底|年初)(?:[一二三四]季度|[上下]半年|前三季度|\d{1,2}月份?)?"
    r"|第?[一二三四]季度|[上下]半年|前三季度|\d{1,2}月份?|过去的?五年|五年来|今后五年|一年来"
    r"|前(?:\d{1,2}|[一二三四五六七八九十]{1,3})个?月份?|\d{1,2}[-—–~～至]\d{1,2}月份?"
    r"|“?十[一二三四五六]五”?(?:时期|期间)?|同期|以来"
)
_LEAD = re.compile(
    "(?:"
    + _TIME_LEAD
    + "|"
    # 其 (其增速) is a pronoun, but 其他/其余 open a noun (其他城市固定资产投资); 在建 counts
    + "|".join(
        re.escape(w) + {"其": "(?![他余它])", "在": "(?!建)"}.get(w, "")
        for w in sorted(SUBJECT_DROP_LEAD, key=len, reverse=True)
    )
    + "|[，,、 “”\"'●○■□◆◇▲△★☆►▶•·*）)-])+"  # list bullets (●预计…, - 生产总值) frame no noun
)
#: The characters a framing lead can open with, read from ``_LEAD`` itself (so it cannot go
#: stale): a one-class match rules out the big alternation for most texts (about two in three).
_LEAD_START = start_class(_LEAD)
# Trailing words are stripped by matching the reversed text at its start: an anchored
# ``match`` instead of a ``$`` search that would try every position.
_CHANGE_TO_VERBS = ("放缓", "回升", "滑落", "加快", "回落", "下滑", "跌", "跃升", "上升", "升")
_TAIL_WORDS = sorted(
    {
        *SUBJECT_DROP_TAIL,
        "全省",
        "全市",
        "全国",
        "全区",
        "全县",
        "全球",
        "世界",
        "第",  # 总量位居全国第12: the rank's own word, cut from its number
        "省内",  # 连续6个月位居省内第一: the pool of a rank
        "排全国",  # 发展增速排全国第四
        "排全省",
        "排全市",
        # a gap stated before a rank (增幅比全国高1.8个百分点，居全国第12位)
        *(f"比{scope}{way}" for scope in ("全国", "全省", "全市") for way in "高低快慢"),
        "（",  # 河南（9935.55万）: the value in brackets after a place
        "(",
        "去年同期",  # 占比由去年同期39.7%提高到43.8%
        "折合",  # 实际使用外资8263亿元，折1162亿美元: the same amount in another currency
        "折",
        "兑",  # 人民币平均汇率为1美元兑7.1217元人民币
        "上月",  # 失业率由上月的18.4%上升至19.3%
        "上季度",
        "上年同期",
        "中西部",  # 规模居中西部第1
        "中部",
        "西部",
        "东部",
        "市内",
        "由",
        "从",
        "今年",
        "去年",
        "全年",
        "累计",  # whole, not cut to 累 by the tail word 计 (累计比上年同期下降2.1%)
        # verbs of placing before a rank (增速在全省排名第六位, 稳居全国第三位)
        "排名",
        "稳居",
        "位居",
        "居于",
        "位列",
        "跃居",
        "名列",
        "在",
        # change verbs before an end value (增速放缓至5.1%, PMI回升至50.1%); alone (比上月加快)
        # they say what the figure is and stay
        *(verb + to for verb in _CHANGE_TO_VERBS for to in "至到"),
    },
    key=len,
    reverse=True,
)
_TAIL_REV = re.compile(
    "(?:"
    + word_alternation(w[::-1] for w in _TAIL_WORDS)  # the longest word first, as a trie
    + r"|年\d\d(?:91|02)|度季[一二三四]|年半[上下]|份?月\d{1,2}|[，,、 “”])+"
)
#: Characters that can end a trailing word (the first of each reversed alternative of
#: ``_TAIL_REV``): a text ending in none of them has no tail to strip, without a regex call.
_TAIL_LAST = frozenset(w[-1] for w in _TAIL_WORDS) | frozenset("年度份月，,、 “”")
_LAST_STOP = re.compile("(?s:.*)[" + re.escape(_CLAUSE_STOPS + _SPACES) + "—]")  # ——如长沙…
_LAST_CLAUSE_STOP = re.compile("(?s:.*)[" + re.escape(_CLAUSE_STOPS) + "]")


def clause_start(text: str) -> int:
    """Offset just past the last clause stop (，；：。！？ or newline) in ``text``, or 0.

    >>> clause_start("甲，乙"), clause_start("甲乙")
    (2, 0)
    """
    m = _LAST_CLAUSE_STOP.match(text)
    return m.end() if m else 0


_KEEP_HEAD = re.compile("^" + word_alternation(SUBJECT_KEEP_VERBS))  # the longest verb first, as a trie
_KEEP_VERBS = frozenset(SUBJECT_KEEP_VERBS)  # membership tests, several per figure
_KEEP_ENDS = frozenset(v[-2:] for v in SUBJECT_KEEP_VERBS)  # a quick test before _only_keep_verbs
_LIST_SPLIT = re.compile(r"、|和|及|与|以及")
#: Items joined by 、 only: 和 inside an item (电气机械和器材制造业) is part of its name.
_COMMA_SPLIT = re.compile(r"、")


def _list_items(head: str, size: int | None) -> list[str]:
    """The items of a list head; split at 、 alone when 和/及 inside items break the count."""
    head = _PAREN.sub("", head)
    raw = [p for p in _LIST_SPLIT.split(head) if p.strip()]
    if size is not None and len(raw) != size:
        commas = [p for p in _COMMA_SPLIT.split(head) if p.strip()]
        if len(commas) == size:
            return commas
    return raw


#: The noun after a number, up to its clause end: quotes and a year inside it are part of the
#: phrase (53个“高效办成一件事”重点事项, 8成省份都完成了2021年经济增速目标).
_FORWARD = re.compile(r"^[^\d，,。；;：:、！？!?\n（()）\[【]{1,22}")
_FORWARD_YEAR = re.compile(r"(?:19|20)\d\d年[^\d，,。；;：:、！？!?\n（()）\[【]{0,20}")


def _area_lead(text: str) -> int:
    """Length of a place name and its 的 opening ``text`` when more follows, else 0."""
    length = place_length(text)
    if not length:
        return 0
    end = length + (text[length : length + 1] == "的")
    return end if end < len(text) else 0


@lru_cache(maxsize=256)
def clean_subject(text: str) -> str:
    """Strip framing from a noun phrase before a number.

    Cached: a report repeats its framing pieces (比上年增长, 同比增长, the subject before a
    list of numbers), so about a third to a half of the calls on one report are repeats.

    >>> clean_subject("初步统计，2025年全省地区生产总值")
    '全省地区生产总值'
    >>> clean_subject("其中，锂电新能源产业增加值增长")
    '锂电新能源产业增加值'
    >>> clean_subject("上半年全市规模以上工业增加值同比增长")
    '全市规模以上工业增加值'
    >>> clean_subject("全市生产总值由一季度下降")
    '全市生产总值'
    >>> clean_subject("宁德的GDP增速")
    'GDP增速'
    >>> clean_subject("-"), clean_subject("比")
    ('', '')
    """
    if "（" in text or "(" in text or "[" in text or "【" in text:
        text = _PAREN.sub("", text)
    if text and text[-1] in _SPACES:
        text = text.rstrip(_SPACES)  # 深圳实现GDP 21791.18亿元: a space before the number ends no clause
    m = _LAST_STOP.match(text)
    if m:
        text = text[m.end() :]
    for _ in range(4):
        m = _LEAD.match(text) if _LEAD_START.match(text) else None
        if m:
            text = text[m.end() :]
        cut = _area_lead(text) if len(text) > 3 and text[0] in PLACE_FIRST else 0
        if not cut:
            break
        text = text[cut:]
    if text and text[-1] in _TAIL_LAST:
        m = _TAIL_REV.match(text[::-1])
        if m:
            text = text[: len(text) - m.end()]
    if len(text) > MAX_LEN:
        text = text[-MAX_LEN:]
    if len(text) <= 2 and (not _WORD_CHAR.search(text) or text in ("比", "较")):
        return ""  # 比1-6月提高 cut at its numbers leaves "-" and "比": no noun
    return text


def _only_keep_verbs(own: str) -> bool:
    """True when ``own`` is counting verbs alone (新增, 全省新增, 累计惠及): the noun follows.

    >>> _only_keep_verbs("全省新增"), _only_keep_verbs("累计惠及"), _only_keep_verbs("新增企业")
    (True, True, False)
    """
    rest = _strip_own(own)
    for _ in range(3):
        if rest in _KEEP_VERBS:
            return True
        verb = _keep_verb(rest)
        if not verb:
            return False
        rest = rest[len(verb) :]
    return False


def _keep_verb(segment: str) -> str:
    """The counting verb at the head of a cleaned segment (新增, 累计新增), or ''."""
    m = _KEEP_HEAD.match(segment)
    return m.group(0) if m else ""


def _complete_list(items: list[str]) -> list[str]:
    """Give every item of a shared-head list its head noun.

    >>> _complete_list(["城镇居民", "农村居民人均可支配收入"])
    ['城镇居民人均可支配收入', '农村居民人均可支配收入']
    >>> _complete_list(["职工医保", "城乡居民基本医保政策范围内报销比例"])
    ['职工医保政策范围内报销比例', '城乡居民基本医保政策范围内报销比例']
    >>> _complete_list(["泉台贸易总额", "利用台资"])
    ['泉台贸易总额', '利用台资']
    >>> _complete_list(["第二", "第三产业占GDP比重"])[0], _complete_list(["城镇", "农村常住人口"])[0]
    ('第二产业占GDP比重', '城镇常住人口')
    >>> _complete_list(["出口", "利用外资"])[0]  # a noun of its own, not a head of the last item's noun
    '出口'
    >>> _complete_list(["限上新能源汽车", "节能家电零售额"])[0], _complete_list(["出口", "固定资产投资"])[0]
    ('限上新能源汽车零售额', '出口')
    """
    last = items[-1]
    out = []
    for item in items[:-1]:
        suffix = ""
        if len(last) > len(item) + 1:
            for k in range(min(len(item), 4), 0, -1):
                pos = last.find(item[-k:], 1)
                if pos > 0 and pos + k < len(last):
                    suffix = last[pos + k :]
                    break
            if not suffix and _parallel_heads(item, last[: len(item)]):
                suffix = last[len(item) :]  # 第二、第三产业…, 城镇、农村常住人口: heads of one noun
        if (
            not suffix
            and (head := _MEASURE_HEAD.search(last))
            and not _MEASURE_HEAD.search(item)
            and not _MEASURE_END.search(item)
        ):
            suffix = head.group(0)  # 限上新能源汽车、节能家电零售额: the measure the items share
        out.append(item + suffix if suffix and not item.endswith(suffix) else item)
    out.append(last)
    return out


#: Words naming two measures at once, for a 分别 list of two (产销 = 产量 and 销量).
_PAIRS = {
    "产销": ("产量", "销量"),
    "进出口": ("进口", "出口"),
    "收支": ("收入", "支出"),
    "存贷款": ("存款", "贷款"),
}
_PAIR = re.compile("|".join(_PAIRS))
#: Verbs of cause before a list (以旧换新带动A、B零售额分别增长): the list opens after them.
_CAUSE_VERBS = ("带动", "拉动", "推动")
#: Measure nouns a list's items share when written once after the last item.
_MEASURE_HEAD = re.compile(
    r"(?:零售额|销售额|营业收入|营收|增加值|产值|产量|销量|投资|进出口额|出口额|进口额|收入|利润)$"
)

#: Endings of an item that is a measure of its own (出口、固定资产投资分别增长: not 出口投资).
_MEASURE_END = re.compile(r"(?:口|额|量|值|率|数|资|收|费|重|入|价|GDP|比|度|次)$")


def _parallel_heads(item: str, other: str) -> bool:
    """True when two short list items are heads of one noun.

    Ordinals (第二/第三) or a pair such as 城镇/农村 (PARALLEL_HEADS).
    """
    if not 1 <= len(item) <= 3 or item == other:
        return False
    if item[0] == other[0] == "第":
        return True
    return item in PARALLEL_HEADS and other in PARALLEL_HEADS


def list_subject(head: str, index: int, size: int) -> str | None:
    """Subject of item ``index`` of a ``size``-item 分别 list whose nouns are in ``head``.

    >>> list_subject("城镇居民、农村居民人均可支配收入", 0, 2)
    '城镇居民人均可支配收入'
    >>> list_subject("福州、龙岩、三明固定资产投资增速", 1, 3)
    '固定资产投资增速'
    """
    raw = _list_items(head, size)
    if (len(raw) != size or size < 2) and not (size == 2 and len(raw) == 1 and _PAIR.search(raw[0])):
        return None
    # All but the last item are place names: the items name areas, the noun is shared.
    if all(place_length(p.strip()) == len(p.strip()) for p in raw[:-1]) and place_length(raw[-1].strip()):
        return _drop_compared_place(clean_subject(raw[-1])) or None  # 江苏和北京: places only, no noun
    # 消费品以旧换新带动限上新能源汽车、节能家电零售额: the list opens after the verb of cause
    cause = max(raw[0].rfind(v) for v in _CAUSE_VERBS)
    if cause >= 0:
        raw[0] = raw[0][cause + 2 :]
    if size == 2 and len(raw) == 1 and (pair := _PAIR.search(raw[0])):
        # 汽车产销分别为249.9万辆和250.2万辆: one word for two measures
        lead, tail = raw[0][: pair.start()], raw[0][pair.end() :]
        return clean_subject(lead + _PAIRS[pair.group(0)][min(index, 1)] + tail) or None
    items = _complete_list([clean_subject(p) for p in raw])
    lead = _keep_verb(items[0])
    item = items[index]
    if lead and not _keep_verb(item):
        item = lead + item
    return item or None


def list_slot(clause: str, index: int | None, size: int | None) -> tuple[str, int, int] | None:
    """(head, index, size) when ``clause`` ends inside a 分别 list (A、B分别增长x、), else None.

    Without ``index``/``size`` from the caller they are counted from the text.

    >>> list_slot("A、B分别增长4.5%、", None, None)
    ('A、B', 1, 2)
    """
    fb = clause.rfind("分别")
    if fb <= 0:
        return None
    head = clause[:fb]
    n_items = len(_list_items(head, size))
    if n_items == 1 and _PAIR.search(head):
        n_items = 2  # 汽车产销分别为…: 产量 and 销量
    if size != n_items:
        # no group from the caller, or one that also holds figures before the 分别 (出口增长11%,
        # A、B分别增长x、y): the list's own items and the numbers since 分别 say where this one is
        index, size = None, None
    n = n_items
    idx = index if index is not None else len(_NUMBER_SPLIT.findall(clause[fb + 2 :]))
    if n < 2:
        return None
    return head, min(idx, n - 1), n


_LIST_JOINER = re.compile(r"[、和及与]")
_LIST_LEAD = re.compile(r"(?:其次|再次|随后|然后|依次|其中)?(?:为|是|有)?")


def list_head_before(window: str, size: int | None) -> str | None:
    """The list of a 分别 that opens its clause: the clause before (其次为江苏和北京，分别高出…).

    >>> list_head_before("其次为江苏和北京，分别高出2.6个、", 2)
    '江苏和北京'
    >>> list_head_before("江苏和北京分别高出2.6个、", 2) is None
    True
    """
    cut = clause_start(window)
    if not size or cut < 2:
        return None
    if not window.startswith("分别", cut):
        fb = window.find("分别", cut)
        if fb < 0 or fb - cut > 6 or clean_subject(window[cut:fb]):
            return None  # words of its own before 分别 (江苏和北京分别…): the list is there
    prev = window[: cut - 1]
    head = prev[clause_start(prev) :]
    for _ in range(3):
        if "分别" in head:
            # 汽车产销分别为249.9万辆和250.2万辆，环比分别增长…，同比分别增长…: the same list
            head = head[: head.find("分别")]
            if clean_subject(head):
                break
        elif len(head) > 8 or _LIST_JOINER.search(head):
            break
        # 互联网和相关服务业、软件和信息技术服务业，持续较快增长，同比分别增长…: a trend clause
        # (or a 分别 clause of framing alone) between the list and this 分别 is passed over
        start = clause_start(prev)
        if start < 2:
            break
        prev = prev[: start - 1]
        head = prev[clause_start(prev) :]
    return head[_LIST_LEAD.match(head).end() :]  # the pattern can match empty: always a match


def list_areas(head: str, size: int) -> list[str] | None:
    """Written place names of a 分别 list whose items are places, or None."""
    raw = [p for p in _LIST_SPLIT.split(_PAREN.sub("", head)) if p.strip()]
    if len(raw) != size or size < 2:
        return None
    names = []
    for p in raw:
        length = place_length(p.strip())
        if not length:
            return None
        names.append(p.strip()[:length])
    return names


def forward_noun(after: str) -> str:
    """The noun right after a number (98个重点项目竣工投产 -> 重点项目竣工投产)."""
    if after[:1] == "[":
        after = _FOOTNOTE.sub("", after[:6], count=1) + after[6:]  # 3.2%[8]。: a citation names nothing
    if after[:1].isdigit() and (count := _SECOND_COUNT.match(after)):
        after = after[count.end() :]  # 12类45件民生实事全面完成: the items of the classes
    m = _FORWARD.match(after)
    if not m:
        return ""
    # 100家以上特色企业和100个…, 80个乡镇近300万: the joiner or bound word is the next number's
    noun = m.group(0)
    end = m.end()
    for _ in range(2):  # 8成省份都完成了2021年经济增速目标: a year inside the noun
        if after[end : end + 1] not in ("1", "2") or not (year := _FORWARD_YEAR.match(after, end)):
            break
        end = year.end()
        noun = after[:end][:28]
    if after[end : end + 1].isdigit():
        noun = noun.rstrip("和及与近约超逾")
    if noun in ("位", "名") or not _WORD_CHAR.search(noun):
        return ""  # 第三位: the rank's own classifier names nothing
    # 以27117.96亿元居于全国首位: a rank said of the number names nothing it measures
    # 5.5%是务实理性的: the number is what the words after say something of, not a count of them
    return "" if noun[0] in _NOT_NOUN_FIRST and noun.startswith(_NOT_NOUN_OPENINGS) else noun


#: Words after a number that open no noun it counts: bounds, 的, a copula, a rank, a comparison.
_NOT_NOUN_OPENINGS = (
    *("以上", "左右", "以内", "的", "和", "多", "是"),
    *("居于", "居全", "居首", "居第", "位居", "排名", "排在", "位列", "名列", "稳居", "领先"),
    *("力压", "超过", "高于", "低于"),
)
_NOT_NOUN_FIRST = frozenset(w[0] for w in _NOT_NOUN_OPENINGS)
#: Last characters of a clause that opens a new list item at the number (A、19个B, 测试区及40多个).
_LIST_JOINERS = frozenset(("、", "和", "及"))
#: Last characters of 包括…在内(的), which only illustrates the noun after the number.
_INCLUDING_ENDS = frozenset(("的", "内"))
_RANGE_MARKS = frozenset(("~", "～", "-", "—", "–", "至", "到"))
#: Verbs ending in 及 (累计惠及80个乡镇): not the 及 that joins list items.
_JI_VERBS = ("惠及", "涉及", "普及", "波及", "顾及", "提及", "危及", "遍及")
_VERB_HEAD = re.compile(r"^(?:落地|新|累计)?(?:建设|建成|培育|认定|创建|打造|引进|实施|开工|完成)")
_SECOND_COUNT = re.compile(r"\d{1,5}[个家项件类组所座条批]")
_AFTER_DE = re.compile(
    r"^的([^\d，,。；;：:、！？!?\n（(“”]{1,12}?)"
    # the predicate after the noun: 以58.3%的增速位居首位, 的GDP增速有些“夸张”, 的同比增速目前仅次于
    r"(?=成为|产出|是|为|的|和|以及|位居|居于|居全|排名|排在|仅次于|[高低快慢]于|达到|实现|目前|有些|足以|计算|[，,。；;、！？!?]|$)"
)


def _weak_lead(own: str) -> bool:
    """True when the words before a number say nothing of what it measures (以, 聚集了广东).

    A place they end with (聚集了广东六成的人口) is the pool the share is of.

    >>> _weak_lead("却聚集了广东"), _weak_lead("能耗产出"), _weak_lead("投资")
    (True, True, False)
    """
    if own.endswith(WEAK_LEAD_ENDINGS):
        return True
    for k in (2, 3):
        if len(own) > k and place_length(own[-k:]) == k:
            return own[:-k].endswith(WEAK_LEAD_ENDINGS)
    return False


def _noun_after_de(after: str) -> str:
    """The noun a number qualifies through 的 (的GDP增速成为… -> GDP增速), or ''.

    >>> _noun_after_de("的能耗产出了6.4%"), _noun_after_de("的人口以及八成")
    ('能耗', '人口')
    """
    m = _AFTER_DE.match(after)
    return m.group(1) if m else ""


def subject_before(
    window: str, after: str, *, index: int | None = None, size: int | None = None, quote: str = ""
) -> str | None:
    """Subject of the number that follows ``window`` (text before it) and precedes ``after``.

    >>> subject_before("网络零售额2574亿元、增长", "，数额全省第一")
    '网络零售额'
    >>> subject_before("新增高新技术企业350家、科技小巨人领军企业", "")
    '新增科技小巨人领军企业'
    >>> subject_before("城镇居民、农村居民人均可支配收入分别增长4.5%、", "")
    '农村居民人均可支配收入'
    >>> subject_before("，", "重点项目竣工投产")
    '重点项目竣工投产'
    >>> subject_before("城镇化率从63.6%提高到", "")
    '城镇化率'
    >>> subject_before("编制完成", "乡村振兴试点村规划，")
    '乡村振兴试点村规划'
    >>> subject_before("全年国内生产总值[2]", "，比上年增长5.0%")
    '国内生产总值'
    >>> subject_before("3D打印设备产量341.8万台，增长", "。")
    '3D打印设备产量'
    >>> subject_before("国内生产总值同比增长9.8%，两年平均增长", "")
    '国内生产总值两年平均'
    """
    if "[" in window:
        window = _FOOTNOTE.sub("", window)
    m = _LAST_CLAUSE_STOP.match(window)  # clause_start, inlined: once per figure
    if m:
        cut = m.end()
        clause, prior = window[cut:], window[:cut]
    else:
        clause, prior = window, ""
    # 1. 分别 lists (one test for the clauses that have none)
    if "分别" in clause:
        slot = list_slot(clause, index, size)
        if slot:
            got = list_subject(*slot)
            if got:
                return got
        elif index is not None and size and (head := list_head_before(window, size)):
            got = list_subject(head, index, size)  # 其次为江苏和北京，分别…: the list is the clause before
            if got:
                return got
    # a rank that moves (从全国第五提升到第三, 由全国第12位跃升至第9位): both ends rank what is named
    # before 从/由; the words after it are scope and verb
    if "第" in quote[:4] and ("从" in clause or "由" in clause) and (move := _RANK_MOVE.search(clause)):
        before = clause[: move.start()]
        named = [got for piece in _split_numbers(before) if (got := clean_subject(piece))] if before else []
        got = named[-1] if named else _previous_subject([], prior)
        if got and GENERIC_SUBJECTS.get(got) is not None:
            # 新增境内上市公司62家，总数186家、从全国第9位升至第7位: the stock of what was named before
            got = _with_generic(_previous_subject([], prior), got)
        if not got and 2 <= len(before) <= MAX_LEN and not _NUM_CHARS.search(before):
            got = before  # 全市排名从第5位上升到第3位: the ranking word alone is all there is
        if got:
            return got
    # 2. the words since the previous number in the clause
    pieces = _split_numbers(clause) if _NUM_CHARS.search(clause) else (clause,)
    own = clean_subject(pieces[-1])
    first = _strip_own(clean_subject(pieces[0])) if len(pieces) > 1 else ""
    first_keep = _keep_verb(first) if first else ""
    if len(own) == 1 and own != "年":
        own = ""  # 高, 或: a character left over from framing names nothing (年 of 年平均增长 stays)
    if own and ((len(own) <= 9 and own[0] in PLACE_FIRST) or "于" in own or "超过" in own or "力压" in own):
        own = _drop_compared_place(own)  # 广东省的18.6%, 高于江苏的19.2%: a place names no measure
    if own[-1:] == "排" and quote.startswith(("全国", "全省", "全市", "第")):
        own = own[:-1]  # 发展增速排全国第四
    if not own and len(pieces) > 1 and pieces[-1] in ("", "的") and pieces[-2].endswith(("从", "由")):
        own = clean_subject(pieces[-2])  # 倍差从2013年的1.76缩小到: the start year split the noun off
    elif not own and len(pieces) > 1 and pieces[-1] in _RANGE_MARKS:
        own = clean_subject(pieces[-2])  # 人口增量始终在12~18万之间: the range's start split the noun off
    if not own or (own[0] not in "这该此先再又" and quote[:1] != "第" and "、" not in own):
        pass  # most subjects: none of the words that stand for or list something
    elif own[0] in "这该此" and (ana := _ANAPHOR.match(own)):
        # 安徽省的GDP为9529.1亿元，这一数据高出上海70.24亿元: the figure before, and what is said of it
        prev = _previous_subject(pieces[:-1], prior)
        own = (prev + own[ana.end() :].lstrip("还也又")) if prev else own
    elif (
        quote[:1] == "第"
        and len(pieces) > 1
        and _POOL_HINT & set(pieces[-2])
        and (pool := _rank_pool(pieces[-2]))
    ):
        own = pool  # 长沙高新区综合实力跻身全国169个国新区第11位: the 169 are the pool, not the subject
    elif "、" in own and quote[-1:] in _CLASSIFIER_SET and "等" not in own and (noun := forward_noun(after)):
        # 航空、机器人及智能制造、工业母机、绿色石化4个集群获评…: the names listed are the items counted
        own = (_keep_verb(own) or _count_verb_head(own)) + noun
    elif (
        "等" in own
        and "、" in own
        and len(own) - own.rfind("等") > 2
        and quote[-1:] in _CLASSIFIER_SET
        and (own[0] == "、" or len(own) > 16)  # a list cut off by an earlier number, or a long one
    ):
        own = own[own.rfind("等") + 1 :]  # 白洋淀上游生态环境保护、工业遗产保护等地方立法12部: a count of
    elif own[:1] in ("先", "再", "又") and len(own) <= 4 and (obj := _object_before(own[1:], prior)):
        own = obj  # 拟连续几年发行超长期特别国债，…，今年先发行1万亿元: what was issued
    tail = clause[-1:]  # the character before the number: most clauses end on none that matters below
    if (
        tail in _LIST_JOINERS
        and not clause.endswith(_JI_VERBS)
        and quote.rstrip("以上多余左右")[-1:] in _CLASSIFIER_SET
    ):
        # 新增2个A、19个B / 6个企业品牌、2个区域品牌 / 测试区及40多个大数据中心 / 100家以上特色
        # 企业和100个以上行业级大模型: this number opens a new list item, its noun after it
        own = "" if len(pieces) > 1 or forward_noun(after) else own
    if after[:1] == "的":  # the two N的X rules below (one test for the numbers without 的 after)
        if not own and place_length(after[1:6]):
            # 全国排名第9位，距离10223.99亿元的湖南: the place's value of what was measured before
            return _previous_subject(pieces[:-1], prior) or None
        # 以5%的能耗, 汕尾以14.3%的GDP增速, 聚集了六成的人口: the noun after 的 is what is measured
        if (not own or _weak_lead(own) or clause.endswith(("、", "和", "以及"))) and (
            noun := _noun_after_de(after)
        ):
            # 6.4%的GDP、8.6%的税收 / 六成的人口以及八成的经济总量: a list of N的X, each its own noun
            return noun
    if tail in _INCLUDING_ENDS and clause.endswith(("在内的", "在内")) and "包括" in clause:
        own = ""  # 包括广州、佛山在内的14个地级市: the list only illustrates the noun after
    # the noun after the number is read only when the words before leave room for it
    own_end = own[-2:]
    if (
        not own
        or (own_end in _KEEP_ENDS and _only_keep_verbs(own))
        or own_end in _COUNT_ENDS
        or own_end[-1:] == "等"
        or (quote[-1:] == "个" and _THRESHOLD.match(after))
        or (tail == "有" and pieces[-1].endswith("有") and not pieces[-1].endswith(("所有", "没有", "占有")))
        or (quote[-1:] in _CLASSIFIER_SET and pieces[-1][-2:] in _COUNT_ENDS)
    ) and (noun := forward_noun(after)):
        # 5. 开展13个新基建基地建设比拼 / 新增9家智能工厂: the noun after the number is counted
        verb = own if own and _only_keep_verbs(own) else first_keep
        return verb + noun
    if own.endswith("两年") and len(own) <= 4 and not size:
        # 两年平均增长4.9% (the tail 平均增长 stripped): the basis of the growth, said of the subject
        # named before (国内生产总值…，两年平均增长 -> 国内生产总值两年平均)
        lead = _strip_own(own[:-2])
        if lead in ("过去", "近", "这", "前", "最近"):
            lead = ""  # 过去两年平均: a time word, not a subject
        prev = lead or _previous_subject(pieces[:-1], prior)
        return prev + "两年平均" if prev else own
    if own in _TOTAL_OF_ITEM and len(pieces) > 1 and (item := clean_subject(pieces[-2])):
        own = item + own  # 引进“三类500强”项目1608个、总投资超1.6万亿元: the projects' total
    if own in _BARE_VERBS:
        # 同时发行1万亿元抗疫特别国债: what follows; 上半年销售260万辆，: what was named before
        own = own + noun if (noun := forward_noun(after)) else _said_of(own, pieces[:-1], prior)
    if own:
        generic = GENERIC_SUBJECTS.get(own)
        if generic is None:
            if own in _KEEP_VERBS:  # 开工…297个、完工152个: verb + previous noun
                prev = _previous_subject(pieces[:-1], prior)
                prev = prev[len(_keep_verb(prev)) :] if prev else prev
                return own + prev if prev else own
            if first_keep and not _keep_verb(_strip_own(own)):
                own = first_keep + own
            return own
    # 4. nothing or a generic word left: the label before a colon, else the previous figure's subject
    if not own and (prior or "|" in clause) and (label := _colon_label(prior, clause)):
        return label
    prev = _previous_subject(pieces[:-1], prior)
    if own and GENERIC_SUBJECTS.get(own) is not None:
        return _with_generic(prev, own)
    return prev or None


#: A phrase standing for the figure before (这一数据高出上海, 该指标).
_ANAPHOR = re.compile(r"(?:这一|这个|该|此)(?:指标数据|数据|指标|数字)")
#: A verb placing a rank in a pool (跻身全国169个国新区第11位): what is ranked comes before it.
_POOL_VERB = re.compile(
    r"(.{2,}?)(?:更是|已经|已|也)?(?:跻身|位列|位居|居|排名|排在|名列|稳居|跃居)(?:全国|全省|全市|全球|世界)?$"
)


def _count_verb_head(own: str) -> str:
    """The verb of work opening ``own`` (落地建设肿瘤与代谢、… -> 落地建设), or ''.

    >>> _count_verb_head("落地建设肿瘤与代谢、闽台地区"), _count_verb_head("航空、机器人")
    ('落地建设', '')
    """
    m = _VERB_HEAD.match(own)
    return m.group(0) if m else ""


def _rank_pool(piece: str) -> str:
    """What is ranked, when ``piece`` places it in a counted pool (…跻身全国169个国新区第11位), or ''.

    >>> _rank_pool("长沙高新区综合实力更是跻身全国"), _rank_pool("全省")  # 长沙 is the area
    ('高新区综合实力', '')
    """
    m = _POOL_VERB.match(piece)
    return clean_subject(m.group(1)) if m else ""


def _object_before(verb: str, prior: str) -> str:
    """The object of ``verb`` in the clauses before (发行超长期特别国债 for 先发行), or ''.

    >>> _object_before("发行", "从今年开始拟连续几年发行超长期特别国债，专项用于建设，")
    '超长期特别国债'
    """
    if len(verb) < 2:
        return ""
    at = prior.rfind(verb)
    if at < 0:
        return ""
    obj = prior[at + len(verb) :]
    obj = obj[: min((i for i in (obj.find(c) for c in "，,。；;、") if i >= 0), default=len(obj))]
    return clean_subject(obj) if 2 <= len(obj) <= 12 else ""


def _with_generic(prev: str, generic: str) -> str:
    """A generic word (增速, 总数) said of the previous subject: 新增境内上市公司62家，总数186家.

    >>> _with_generic("新增境内上市公司", "总数"), _with_generic("网络零售额", "数额")
    ('境内上市公司总数', '网络零售额')
    >>> _with_generic("对非贸易额", "规模")
    '对非贸易规模'

    """
    if not prev:
        return generic
    word = GENERIC_SUBJECTS[generic]
    if word == "总数":
        prev = prev[len(_keep_verb(prev)) :]  # the stock, not the flow the counting verb named
    elif word == "规模" and prev.endswith("额"):
        prev = prev[:-1]  # 对非贸易额…、规模居中西部第1: 对非贸易规模
    elif word == "总量" and prev.endswith("规模"):
        prev = prev[:-2]  # 数字经济规模…，总量位居全国第12: 数字经济总量
    return prev + word


_MARKUP = re.compile(r"[*#_`]+")
#: 从/由 opening the start of a move in a ranking, up to the number (scope, rank, verb only).
_RANK_MOVE = re.compile(
    r"(?:从|由)(?!于|而|事|业|此|中)[^从由\d，,。；;：:]{0,12}(?:第[^从由，,。；;：:]{0,12})?$"
)


def _colon_label(prior: str, clause: str) -> str:
    """The label before a colon (or table cell) that is followed by the number alone, or ''.

    In a goal list (- **生产总值增长**:5.5%左右, 研发投入强度：达到3.2%) the label names the
    figure; the caller asks only when the words after the colon name nothing themselves.

    >>> _colon_label("- **规上工业增加值增长**:", ""), _colon_label("增长5%，", "")
    ('规上工业增加值', '')
    >>> _colon_label("", "| 城镇新增就业 | ")
    '城镇新增就业'
    """
    cells = clause.rstrip(_SPACES)
    head = prior.rstrip(_SPACES)
    if cells.endswith("|"):
        # | 地区生产总值增长 | 6% |: in a Markdown table the cell before is the row's label
        cells = cells[:-1]
        label = cells[cells.rfind("|") + 1 :]
    elif head.endswith((":", "：")):
        head = head[:-1]
        label = head[clause_start(head) :]
    else:
        return ""
    label = clean_subject(_MARKUP.sub("", label))
    return "" if _NUM_CHARS.search(label) else label


@lru_cache(maxsize=256)
def _split_numbers(clause: str) -> tuple[str, ...]:
    """The clause cut at its numbers (with their units): the texts between figures.

    Cached: the figures of one list look back at the same earlier clause, one after another.
    """
    if _NUM_CHARS.search(clause) is None:
        return (clause,)  # most clauses hold no earlier number: nothing to split
    pieces = _NUMBER_SPLIT.split(clause)
    # each piece after a number without the unit and bound words that open it (亿元以上, 个百分点);
    # every part of _UNIT_RESIDUE is optional, so it always matches (at 0 only): no None test
    residue, opens = _UNIT_RESIDUE.match, _RESIDUE_OPENS
    pieces[1:] = [(p[residue(p).end() :] if opens(p) else p).lstrip("、，, ") for p in pieces[1:]]
    return tuple(pieces)


def _strip_own(subject: str) -> str:
    """Drop a leading 全市/全省/全国 (kept in subjects, but not when looking for a verb)."""
    return subject[2:] if subject.startswith(("全市", "全省", "全国", "全区", "全县")) else subject


def subject_from_previous(window: str, prev_sentence: str) -> str | None:
    """Subject of the last figure of the sentence before, for a figure whose own sentence names none.

    分季度看，三季度同比增长4.9% and 此外，苏州达到10.9% measure what the sentence before measured.
    A sentence with words of its own before the number (广东拥有全国最多的地级市数量，到达21个)
    is not continued from the one before. Only the tail of that sentence is read (the caller
    passes at most ``LOOK_BACK`` characters of it).

    >>> prev = "前三季度国内生产总值823131亿元，按可比价格计算，同比增长9.8%，两年平均增长5.2%。"
    >>> subject_from_previous("分季度看，三季度同比增长", prev)
    '国内生产总值'
    >>> subject_from_previous("广东拥有土地，达", prev) is None
    True
    """
    for clause in _CLAUSES.split(window):
        for piece in _split_numbers(clause):
            if _drop_compared_place(clean_subject(piece)):
                return None
    return _previous_subject([], prev_sentence.rstrip("。！？!?\n "), depth=6) or None


_CLAUSES = re.compile("[" + re.escape(_CLAUSE_STOPS) + "]")


def _previous_subject(pieces: Sequence[str], prior: str, depth: int = 3) -> str:
    """Subject of the nearest earlier number in the clause, else of the earlier clause.

    In an earlier clause, a comparison (比1-6月加快, 增速比, 比疫情前) names no subject of its
    own: it is passed over.
    """
    for i in range(len(pieces) - 1, -1, -1):
        got = clean_subject(pieces[i])
        if got and ((len(got) <= 9 and got[0] in PLACE_FIRST) or "于" in got or "超过" in got):
            got = _drop_compared_place(got)
        if got and GENERIC_SUBJECTS.get(got) != "" and got not in _STOCK_WORDS:
            # 总量位居全国第12，同比增长13.9%: skips 总量
            return _said_of(got, pieces[:i], prior) if got in _BARE_VERBS else got
    for _ in range(depth):  # 一季度增长5.3%，二季度增长4.7%，三季度增长…: up to three clauses back
        prior = prior.rstrip("，,；;：:")
        if not prior:
            return ""
        cut = clause_start(prior)
        clause, prior = prior[cut:], prior[:cut]
        if len(clause) <= 12:  # time phrases and topic clauses are short: most clauses skip both tests
            if _LEAD_START.match(clause) and _LEAD.fullmatch(clause):
                continue  # 前11个月，全省…: a time phrase names no subject
            if clause[:1] in "在从就" and (topic := _TOPIC.fullmatch(clause)) is not None:
                return topic.group(1)  # 在经济总量上，深圳稳居全国第三位: the clause names the topic
            if (trend := _TREND.fullmatch(clause)) is not None and (got := clean_subject(trend.group(1))):
                return got  # 工业投资持续恢复，同比增长10.2%: a trend clause names what the rate is of
        hint = "最" in clause or "出现" in clause or "领先" in clause or "相" in clause or "持平" in clause
        most = _MOST.search(clause) if hint else None
        if most and (got := _drop_compared_place(clean_subject(next(g for g in most.groups() if g)))):
            return got  # 河南人口绝对增量最多，达到534.2万人 / 中部地区占全国人口的比重出现下跌，已降至
        step = _THRESHOLD_CLAUSE.search(clause) if "台阶" in clause else None
        if step and (got := clean_subject(step.group(1))):
            return got  # 全省地区生产总值连跨两个万亿元台阶，年均增长5.7%: the noun that crossed
        # a whole clause (not one cut by the look-back window) with no figure of its own
        if cut and len(clause) <= 20 and not _NUM_CHARS.search(clause):
            crossed = _CROSSED.fullmatch(clause)
            if crossed and (got := clean_subject(crossed.group(1))):
                return got  # 规模以上工业总产值突破万亿，达10051.6亿元
            if (got := clean_subject(clause)) and len(got) <= 10 and _MEASURE_NOUN.search(got):
                return got  # 特别是工业投资，增势强劲，增长达50.8%: the topic clause's noun
        pieces = _split_numbers(clause)
        if (
            pieces[-1][:1] == "的"
            and len(pieces) > 1
            and (not (lead := clean_subject(pieces[-2])) or _weak_lead(lead))
            and (got := _noun_after_de(pieces[-1]))
        ):
            # 19.8%的同比增速目前仅次于湖北省，全国排名第二: the noun after 的 was measured (but
            # 固定资产投资均有6%以上的增长: the noun before the number was)
            return got
        for i in range(len(pieces) - 2, -1, -1):
            got = clean_subject(pieces[i])
            if got and ((len(got) <= 9 and got[0] in PLACE_FIRST) or "于" in got or "超过" in got):
                got = _drop_compared_place(got)
            if (
                got
                and not _COMPARISON_ONLY.search(got)
                and GENERIC_SUBJECTS.get(got) != ""
                and got not in _STOCK_WORDS
            ):
                if got.endswith("两年") and len(got) <= 4:
                    continue  # 两年平均增长5.2%: the basis of a rate, said of the noun before
                return _said_of(got, pieces[:i], prior) if got in _BARE_VERBS else got
    return ""


def _said_of(got: str, pieces: Sequence[str], prior: str) -> str:
    """``got``, or a bare verb of flow (销售, 生产) with the noun named before it.

    尤其是新能源汽车快速增长，上半年销售260万辆，同比增长120%: the sales are of 新能源汽车.
    """
    if got not in _BARE_VERBS:
        return got
    noun = _previous_subject(pieces, prior, depth=2)
    return noun + got if noun and noun not in _BARE_VERBS else got


#: Totals said of the item counted just before (项目1608个、总投资…).
_TOTAL_OF_ITEM = frozenset({"总投资", "总额", "总金额", "投资额", "总产值", "总面积"})
#: Verbs of flow that name no noun of their own (上半年销售260万辆).
_BARE_VERBS = frozenset({"销售", "生产", "发行", "成交", "接待", "发放", "交付"})


#: A comparison with a place (增速仅次于湖北省的58.3%, 高于江苏的19.2%): the place is the other side.
_COMPARED_PLACE = re.compile(r"(?:高于|低于|仅次于|快于|慢于|超过|领先于?|落后于?|不及|力压)(?=.)")


def _drop_compared_place(subject: str) -> str:
    """``subject`` without a place it is compared with, '' when a place is all it names.

    In a run of places and values (高于江苏的19.2%、广东省的18.6%) each place is the area of its
    figure, not what is measured: the measure is named before the run.

    >>> [_drop_compared_place(s) for s in ("增速仅次于湖北省", "广东省", "高于江苏")]
    ['增速', '', '']
    >>> _drop_compared_place("广东省GDP"), _drop_compared_place("收入高于支出")
    ('广东省GDP', '收入高于支出')
    """
    compared = "于" in subject or "超过" in subject or "力压" in subject
    if not compared and (not subject or subject[0] not in PLACE_FIRST):
        return subject  # most subjects: neither a comparison nor a place first
    m = _COMPARED_PLACE.search(subject) if compared else None
    if m and place_length(subject[m.end() :]) == len(subject) - m.end():
        return subject[: m.start()]
    if place_length(subject) == len(subject):
        return ""
    return subject


#: Generic words for the whole of what was named before (总量位居全国第12): passed over when looking back.
_STOCK_WORDS = frozenset({"总量", "总数", "规模"})
#: A clause naming the topic of what follows (在经济总量上, 在消费方面, 从工业生产看).
_TOPIC = re.compile(r"(?:在|从|就)([^\d，,。；;：:、]{2,10}?)(?:上|方面|来看|看)")
#: A clause stating a trend with no figure (工业投资持续恢复, 消费市场稳步回升): its noun is the
#: subject of the rate in the next clause.
_TREND = re.compile(
    r"([^\d]{2,8}?)(?:实现)?(?:持续|稳步|稳定|快速|较快|明显|继续|逐步|加快|迅猛|大幅度?|强劲|高速)"
    r"(?:恢复|回升|增长|向好|改善|好转|攀升|扩大|提升)(?:态势)?"
)
#: A clause with no figure of its own that names a noun crossing a threshold (规模以上工业总产值突破万亿,
#: 达10051.6亿元): the figures after it measure that noun.
_CROSSED = re.compile(
    r"([^\d，,。；;]{2,14}?)(?:突破|跨越|迈上|跃上|站上|超过)[一二两三四五六七八九十百千万亿]+"
)
#: A topic clause that is a measure noun alone (特别是工业投资，增势强劲，增长达50.8%).
_MEASURE_NOUN = re.compile(
    r"(?:投资|产值|总值|总额|增加值|收入|出口|进口|进出口|消费|零售额|产量|销量|利润|营收)$"
)
#: A clause with no figure naming its noun's rank or trend (河南人口绝对增量最多, 比重出现下跌).
_MOST = re.compile(
    r"^(?:[^\d，,。；;]{0,6}最多的([^\d，,。；;]{2,10})"
    r"|([^\d，,。；;]{2,20}?)(?:仍然|依然|也)?(?:最多|最大|最高|最快|出现(?:下跌|下降|增长|回升|回落))"
    # 其增速仍然明显领先于全省其他地区，达到9.6% / 增速与广州相同，均为9.9%
    r"|([^\d，,。；;]{2,12}?)(?:仍然|依然|也)?(?:明显)?(?:领先于?|与[^\d，,。；;]{1,8}(?:相同|持平|相当))"
    r"[^\d，,。；;]{0,12})$"
)
#: A clause crossing a threshold written in words (连跨两个万亿元台阶): its noun before the verb.
_THRESHOLD_CLAUSE = re.compile(
    r"([^，,。；;]{2,16}?)(?:连续迈上|迈上|连跨|跨上|站上|跨越)[^，,。；;\d]{0,8}台阶$"
)
#: What is left of a comparison clause once its framing is stripped (比疫情前, 增速比, 加快).
_COMPARISON_ONLY = re.compile(r"^比|(?<!占)比$|^(?:加快|放缓|回升|回落|增速|增幅)$")


# The digit comes first and the look-behind checks the character before it, so that ``re``
# can skip ahead to digits in C instead of trying the look-behind at every position.
_NUMBER_SPLIT = re.compile(
    r"[\d０-９](?<![A-Za-z_.．\d][\d０-９])[\d０-９.．,，]*(?:[%％‰])?(?![A-Za-z\d])"
    # an age or age band (16-24岁人口, 60岁及以上) and a ranked list's name (中国企业500强) are
    # part of the noun, not figures before it
    r"(?!岁|强|[-—~～至]\d{1,3}岁)"
)
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")
_CLASSIFIERS = tuple("个家项处所座条张台套辆名位批场届对种支款间栋艘架只头片块部件户")
_CLASSIFIER_SET = frozenset(_CLASSIFIERS)
#: Characters one of which a piece placing a rank in a pool holds (跻身, 位居, 排名, 位列).
_POOL_HINT = frozenset("跻居排列")
_UNIT_RESIDUE = re.compile(
    # a threshold crossed (迈上4个万亿元台阶, 迈上5万亿台阶) is not a noun of its own
    r"^(?:个?(?:万亿|千亿|百亿|亿|万)[元级]?台阶|个方面|"
    r"(?:多|余)?(?:万亿|亿|万|千|百)?(?:多|余)?"
    r"(?:美元|元|个百分点|百分点|%|％|‰|倍|平方公里|平方米|立方米|公里|千米|公顷|亩|吨|千瓦时|千瓦|标箱|"
    r"人次|人|户|家|个月|个|件|项|处|座|张|台|套|辆|所|条|名|位|次|天|年|月份|月|岁|部|艘|架|只|头|片|块|批|场|"
    r"届|对|株|棵|篇|册|种|支|款|间|栋|列|趟|班|起|宗|笔|单|份|组|类|级|星|分|PF|[PET]FLOPS|[PET]F[Ll]ops)?"
    r"(?:/[年月日天人次])?(?:(?<=年)(?:以来|来))?(?:[及或]?以上|左右|[及或]?以[内下]|多|余)?)"
)
#: A piece opening on none of the characters a unit residue can start with has none to cut
#: (most pieces open on the noun after a bare number): one C-level test instead of the big match.
_RESIDUE_OPENS = (nonempty_start_class(_UNIT_RESIDUE) or re.compile("")).match
#: The thresholds a count of 个 counts (连续迈上4个万亿元台阶): the noun after the number.
_THRESHOLD = re.compile(r"(?:万亿|千亿|百亿|亿|万)[元级]?台阶")
#: Endings of a verb that counts what follows the number (编制完成145个规划).
_COUNT_VERB_ENDINGS: tuple[str, ...] = (
    "开展",
    "实施",
    "完成",
    "建立",
    "编制",
    "建设",
    "打造",
    "创建",
    "举办",
    "出台",
    "制定",
    "组建",
    "设立",
    "发布",
    "推出",
    "认定",
    "获批",
    "入选",
    "落地",
    "启动",
    "抓好",
    "推进",
    "建成",
    "开通",
    "实现",
    "等",
)
#: The two-character endings above as a set (one probe per figure; 等 is tested alone).
_COUNT_ENDS = frozenset(e for e in _COUNT_VERB_ENDINGS if len(e) == 2)
