"""The matcher: one pass of a compiled regex over the masked clean text.

Candidates are tried in a fixed order at each position (fractions 三分之二, halves 一半,
ranks 第一, shares 三成, then Arabic-led and Chinese-led numerals). Each match is read
into a :class:`Token`: its exact value, written unit and magnitude, bound words and
sign verbs that touch it, and its measure. A number with no unit word is kept only as
the value of a ratio its noun governs (比值为2.34, 倍差从2.37缩小到1.94, 收入比2.5:1; base
unit ``multiple``). Everything looked at around a match lies in a bounded window, so the
pass is linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from pipeline.extract.anchored import Anchored
from pipeline.extract.measures import (
    WINDOW,
    classify_growth_basis,
    classify_percent,
    classify_pp_sign,
    clause_window,
    is_comparison_pp,
    sentence_window,
)
from pipeline.extract.numerals import (
    has_approx_mark,
    normalize_digits,
    parse_fraction,
    parse_number,
    read_numeral,
)
from pipeline.extract.qualifiers import (
    POST_FIRST_CHARS,
    PRE_LAST_CHARS,
    PRE_QUALIFIERS,
    SIGN_LAST_CHARS,
    match_post_qualifier,
    match_pre_qualifier,
    match_sign_verb,
)
from pipeline.extract.units import Unit, infer_base_unit, match_unit

_D = "0-9０-９"
_CN = "零〇一二两三四五六七八九"
_CNCH = rf"(?:[{_CN}十万亿]|千(?![瓦米克卡伏])|百(?!分))"

MASTER_RE = re.compile(
    rf"""
    (?P<frac>(?:[{_D}.．]+|[{_CN}十百千万]+)分之(?:[{_D}.．]+|[{_CN}十百千]+(?:点[{_CN}]+)?))
    | (?P<half>一半|过半|半数)
    | (?P<rank>第(?:[{_D}]+|[一二三四五六七八九十]+))
    | (?P<top>(?<![此之以提目当日])前(?:[{_D}]+|[一二三四五六七八九十]+)(?:名|位|强)?)
        (?![季月年天日个期批届次{_D}一二三四五六七八九十])
    | (?P<cheng>(?:[一二三四五六七八九两]|(?<![{_D}.．])[1-9１-９])成)(?![为功立本长员果效就交型都熟绩])
    | (?P<slash>(?<![0-9０-９.．/／:：\-A-Za-z])[1-9１-９][0-9０-９]?[/／][1-9１-９][0-9０-９]{{0,2}}
        (?![0-9０-９.．/／:：\-A-Za-z]))
    | (?P<digits>[{_D}](?:[{_D}]|[.．](?=[{_D}])|,(?=[0-9]{{3}}(?![0-9]))|[十百万亿多余]|千(?![瓦米克卡伏]))*)
    | (?P<cn>{_CNCH}(?:{_CNCH}|点(?=[{_CN}])|[多余](?={_CNCH}))+[多余]?
            |{_CNCH}[多余]?(?=倍|番|个多?百分点|个?月|个季度|年)
            |(?<=[近超逾破])[百千万]
            |[十百千万][多余](?![{_CN}十百千万亿])
            |(?<=上)[百千万亿])
    """,
    re.VERBOSE,
)

_MASTER = Anchored(MASTER_RE)  # tried only where a number can start (see ``anchored``)
#: The master pattern checked inside a look-ahead at each possible start: its groups are kept,
#: so one search gives the kind (the one named group that matched) and the span.
_FIND = _MASTER.finder.search if _MASTER.finder is not None else MASTER_RE.search
assert MASTER_RE.groups == len(MASTER_RE.groupindex), "scan reads the kind from the last group"

_DATE_WORDS = re.compile(r"月|日|号|季度|时|点|周年|世纪|年代|期|届|级|类|线|批次|代|版|秒|次会议|大|中全会")
_PERIOD_AFTER = ("来", "以来", "前", "后", "间", "内", "中", "里", "度", "底", "初", "末")
_PERIOD_BEFORE = ("近", "过去", "未来", "今后", "前", "这", "最近", "每")
#: Nouns of a level counted in days or years (优良天数242天, 受教育年限达到14.2年).
_TIME_LEVEL_NOUN = re.compile(r"天数|年限|回收期|周转期")
_DURATION_CONTEXT = re.compile(r"连续|历时|长达|持续|用了?|花了?|经过|缩短|延长|提前|压缩|减少|时间|期限")
_RANK_CONTEXT = re.compile(r"全国|全省|全市|全区|全球|世界|居|位列|名列|排|跃升|保持|列|同类|城市|地市")
_APPROX_RATIO = re.compile(r"约(?:为|是|相当于|占)[^，。；]{0,14}的$")
_RANK_MOVE = re.compile(r"(?:上升|下降|提升|前进|后退|前移|后移|跃升|上移|下滑|提高|降低)了?$")
_APPROX_SHARE = re.compile(r"约(?:为|是|占|相当于)[^，。；\d]{0,10}$")
_PER_BEFORE = re.compile(r"每[^\d\s，。；、]{1,4}$")
_GROWTH_BEFORE = re.compile(r"(?:增长|提高|提升|增加|上升|下降|降低|减少|回落)了?$")
#: After 前N: a noun naming the group of the first N (排名前十的城市, 前十大GDP城市).
_GROUP_LABEL = re.compile(r"(?:的|大|名的|位的)(?!$)[^，,。；;！？!?、\d]|城市|省份")
_RANK_SCOPE = re.compile(r"(?:全国|全省|全市|全区|全县|全球|世界)$")
#: A ratio written without a unit (比值为2.34, 倍差从2.37缩小到1.94): its value right after the
#: noun (为, 是, 从, 由, or a start 从2013年的), or after a change verb (缩小到1.94, 缩小0.05).
#: Words before N/M that make it a share of a whole (占全国1/3, 全国增量的1/4, 约为…的1/5).
_SHARE_BEFORE = re.compile(r"占|全[国省市区县]|全球|世界|总[量数额]|增量|比重|份额|相当于|约为|仅为")
_RATIO_NOUN = re.compile(r"比值|倍差|之比|收入比(?![上去前同较])")
_RATIO_LEVEL = re.compile(
    r"(?:比值|倍差|之比|收入比)(?:[为是达]|达到|降为)?(?:[从由](?:[^，。；、\d]{0,2}(?:\d{4}年)?[^，。；、\d]{0,6}的)?)?$"
)
_RATIO_CHANGE = re.compile(r"(?:缩小|扩大|下降|降低|提高|上升|增加|减少|收窄)(?:了|到|至|为)?$")
_POINTS_FOUND = match_unit("个百分点", 0)
assert _POINTS_FOUND is not None, "个百分点 is a unit word of schemas.vocab"
_POINTS = _POINTS_FOUND[0]  # the unit of 1个多百分点, where 多 splits the written word
#: A ratio written against one (城乡居民收入比由2.5:1缩小到2.3:1).
_TO_ONE = re.compile(r"[:：∶]1(?![0-9.．:：∶])")  # ∶ (U+2236, RATIO) in typeset reports
#: A unit or a rate between the ratio noun and the number: the number is about something else.
_NOT_RATIO_BETWEEN = re.compile(r"[%％‰元人个家户吨亿万倍]")
_FIRMS = re.compile(r"企业|主体|商户|个体")  # 户 counts firms, not households
_MAGNITUDE_WORDS = {4: "万", 8: "亿", 12: "万亿", 16: "亿亿"}
_RANK_STOP = "届次批期产个条季章部步阶轮号大梯方档阵层"
_VAGUE_BEFORE = "数几上成"
#: Characters before 上 that make it the end of a word (线上, 以上, 基础上) or an idiom (成千上万).
_UP_WORD = "线网以向之加马础界面身场手路海台会北早晚楼山千百往爬顶头"
#: A bound word before 有 (至少已有27个省份, 不少于有): it governs the count after 有.
_BOUND_HAVE = re.compile(r"(至少|最多|不少于|不到|不足)(?:已经|已|共|仍)?有$")
#: After N次: a plenary session named by its ordinal (十一次全会, 十一次、十二次全会).
_SESSION = re.compile(r"(?:[、和及与][一二三四五六七八九十\d]{1,3}次)*全会")
#: A bound word before a share with the whole named between them (超过全球一半, 不到全国的三分之一).
_SCOPE_BOUND = re.compile(
    r"(超过|超|逾|多于|高于|不到|不足|低于|少于|接近|将近|近)(?:全国|全省|全市|全区|全县|全球|世界)"
    r"(?:[^，。；、\d]{0,4}的)?$"
)
#: After N个: a round magnitude naming the size of each step (4个万亿元台阶, 两个千亿级).
_STEP_AFTER = re.compile(r"[百千万亿]+[^\s，。；、\d]{0,2}?(?:台阶|关口|大关|级)")
#: After a bound number: the benchmark it is the value of (超过18.3%的全国平均水平).
_BENCHMARK_AFTER = re.compile(
    r"的(?:(?:全国|全省|全市|全区|全县|全球|世界)(?:平均)?(?:水平|增速|值)|平均水平|平均增速|平均值|均值)"
)
#: A coefficient or index noun governing a unitless number (基尼系数0.465, 系数从0.47降至).
_INDEX_LEVEL = re.compile(
    r"(?:系数|指数)[^，。；%％元人个家户吨亿万倍年\d]{0,6}(?:[从由][\d.]+[^，。；%％\d]{0,6})?$"
)
_MONEY = frozenset(("yuan", "usd"))
_TIME_BASES = frozenset(("year", "quarter", "month", "day", "hour", "minute"))
#: After N类: the name of a class (1类新药, 3类水质), not a count of kinds (12类45件, 210类数据).
_CLASS_NAME = re.compile(r"新药|创新药|药|疫苗|医疗器械|器械|水|地区|区域|城市|口岸|标准|[以及]")
_DURATION_BASES = frozenset(("count", *_TIME_BASES))  # 连续3次, 连续22年
_SIGN_CHARS = "-－−"
_LIST_JOINERS = "、，,和"  # before a list item's own minus sign (3.4、-0.5、1.0个百分点)
_PRE = dict(PRE_QUALIFIERS)
_NOT_BEFORE_MINUS = set("0123456789０１２３４５６７８９%％‰元人个家户吨亿万")


@dataclass(slots=True)
class Token:
    """One number read from the text, before context (period, subject) is attached."""

    kind: str
    start: int
    end: int
    q_start: int
    q_end: int
    raw: str
    value: Decimal | Fraction = Decimal(0)
    mult: int = 0
    unit: str | None = None
    base_unit: str = "count"
    factor: Decimal = Decimal(1)
    qualifier: str = "exact"
    measure: str = "level"
    sign: int = 1
    own_sign: bool = False
    growth_basis: str | None = None
    link_id: str | None = None
    skip: str | None = None
    bare: bool = False
    pre_bound: bool = False
    label: str | None = None  # what a table column's header says the number measures
    #: Measure, sign and growth basis still to be read from the words before the number
    #: (``_classify``): ``scan`` does it for every token in a pass after the reading one.
    classify: bool = False
    #: A number read with its unit, whose bound words and measure are still to be read
    #: (``_finish_number(text, token, *finish)``, in ``scan``'s last pass): (上 read as a bound
    #: word before it, the unit word as written).
    finish: tuple[bool, str] | None = None


def scan(text: str) -> list[Token]:
    """Every number-like token of ``text`` (already masked by ``filters.build_mask``), in order.

    The matches are those of ``MASTER_RE.finditer``; the loop is written out (one regex
    search per token, no generator) because it runs once per number of every report.
    """
    tokens: list[Token] = []
    append, find, read_number = tokens.append, _FIND, _read_number
    pos = 0
    while (hit := find(text, pos)) is not None:
        kind = hit.lastgroup  # the kinds are the only groups, none nested: the last closed one matched
        start, pos = hit.span(kind)
        # numerals are nine tokens in ten: read them without the dispatch call
        if kind == "digits":
            token = read_number(text, start, pos, False)
        elif kind == "cn":
            token = read_number(text, start, pos, True)
        else:
            token = _read(text, kind, start, pos)
            if token is None and kind == "slash":  # 1/17, 3/4万吨: no share; read the numerator alone
                pos = start + 1 if text[start + 1] in "/／" else start + 2
                token = read_number(text, start, pos, False)
        if token is not None:
            append(token)
            if token.end > pos:
                pos = token.end  # the token read past its match (the :1 of a ratio 2.5:1)
    # Bound words and the measure of each token in a pass of their own: their patterns
    # (``qualifiers``, ``measures``) stay cached through the pass instead of being evicted by the
    # reader's at every number, about a twentieth of the extractor's time. Equivalent: they are
    # the readers' last steps, they read only the text and their own token, and the loop above
    # reads nothing they set (a token's ``end`` is final when it is read).
    for token in tokens:
        if token.finish is not None:
            up, unit_text = token.finish
            token.finish = None
            _finish_number(text, token, up, unit_text)
        elif token.classify:
            token.classify = False
            _classify(text, token)
    return tokens


def _read(text: str, kind: str, start: int, end: int) -> Token | None:
    if kind == "digits" or kind == "cn":
        return _read_number(text, start, end, kind == "cn")
    raw = text[start:end]
    if kind == "frac":
        return _read_fraction(text, start, end, raw)
    if kind == "half":
        token = Token("share", start, end, start, end, raw, Decimal("0.5"))
        token.base_unit, token.measure = "fraction", "share"
        if raw == "过半":
            token.qualifier = "more_than"
        _finish_bounds(text, token)
        return _approx_share(text, token)
    if kind == "cheng":
        return _read_cheng(text, start, end, raw)
    if kind == "slash":
        return _read_slash(text, start, end, raw)
    if kind == "top":
        return _read_top(text, start, end, raw)
    return _read_rank(text, start, end, raw)


def _approx_share(text: str, token: Token) -> Token:
    """约占全省的三分之一, 约为全国平均水平的一半: 约 before the verb of a share makes it approximate."""
    q = token.q_start
    if (
        token.qualifier == "exact"
        and text.find("约", max(0, q - 14), q) >= 0  # cheap test first
        and _APPROX_SHARE.search(clause_window(text, q, 14))
    ):
        token.qualifier = "approx"
    elif token.qualifier == "exact" and (scope := _SCOPE_BOUND.search(clause_window(text, q, 14))):
        token.qualifier = match_pre_qualifier(scope.group(1), len(scope.group(1)))[0]  # 超过全球一半
    return token


def _read_slash(text: str, start: int, end: int, raw: str) -> Token | None:
    """稳定在全国1/10以上, 占全国增量的1/4: N/M written as a share (value N/M, below one).

    Only with the words of a share before it (占, 全国, 总量, 比重...) or a bound word after
    it: elsewhere N/M is a date (1/17), a score or a ratio, and None lets ``scan`` read the
    numerator as an ordinary number.
    """
    num, den = normalize_digits(raw).replace("／", "/").split("/")
    if int(num) >= int(den) or match_unit(text, end) is not None or text.startswith(("万", "亿"), end):
        return None
    if not (
        _SHARE_BEFORE.search(clause_window(text, start, 12))
        or match_post_qualifier(text, end)
        or match_pre_qualifier(text, start)  # 约1/3的企业, 超过1/2的县
    ):
        return None
    token = Token("share", start, end, start, end, raw, Fraction(int(num), int(den)))
    token.base_unit, token.measure = "fraction", "share"
    _finish_bounds(text, token)
    return _approx_share(text, token)


def _read_cheng(text: str, start: int, end: int, raw: str) -> Token:
    """三成 / 8成 is a share (0.3, 0.8); after a growth verb (增长近四成) it is a change of 40 percent."""
    token = Token("share", start, end, start, end, raw, Decimal(0))
    tenths = parse_number(raw[0])
    token.value, token.base_unit, token.measure = tenths / 10, "fraction", "share"
    if end < len(text) and text[end] in "多余":  # 增长两成多
        token.qualifier, token.q_end = "more_than", end + 1
    _finish_bounds(text, token)
    _approx_share(text, token)
    if token.own_sign or _GROWTH_BEFORE.search(text, max(0, token.q_start - 3), token.q_start):
        token.measure = "growth_pct"  # 增长近四成, 下降了近一成: a change of 40 (10) percent
        token.growth_basis = classify_growth_basis(text, token.q_start)
    return token


def _read_top(text: str, start: int, end: int, raw: str) -> Token | None:
    """前20 / 前六名: a rank at most N."""
    if _GROUP_LABEL.match(text, end) or (raw.endswith("强") and _is_cjk(text[end : end + 1])):
        return None  # 排名前十的城市, 前十强城市, 前十城市合计: the name of a group, not a rank
    try:
        value = parse_number(raw[1:].rstrip("名位强"))
    except ValueError:
        return None
    token = Token("rank", start, end, start, end, raw, value)
    token.base_unit, token.measure, token.qualifier = "rank", "rank", "at_most"
    return token


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _read_rank(text: str, start: int, end: int, raw: str) -> Token | None:
    window = clause_window(text, start, 10)
    following = text[end : end + 1]
    if following == "大" and _RANK_SCOPE.search(window):
        following = ""  # 全省第一大消费城市, 全国第二大经济体: a rank within the scope named before it
    if (following and following in _RANK_STOP) or not _RANK_CONTEXT.search(window):
        return None
    try:
        value = parse_number(raw[1:])
    except ValueError:
        return None
    token = Token("rank", start, end, start, end, raw, value)
    token.base_unit, token.measure = "rank", "rank"
    scope = _RANK_SCOPE.search(window)
    if scope is not None:
        token.q_start -= len(scope.group())
    if following in ("位", "名"):
        token.q_end += 1  # 第13位, 第五名: the classifier of the place belongs to the quote
    return token


def _read_fraction(text: str, start: int, end: int, raw: str) -> Token | None:
    den, num = raw.split("分之")
    try:
        value = parse_fraction(num, den)
    except ValueError:
        return None
    token = Token("number", start, end, start, end, raw, Decimal(0))
    if den in ("百", "千"):
        token.value = parse_number(num)
        token.unit, token.base_unit = ("%", "percent") if den == "百" else ("‰", "permille")
    else:
        token.value, token.base_unit, token.measure, token.kind = value, "fraction", "share", "share"
    _finish_bounds(text, token)
    if token.kind == "share":
        _approx_share(text, token)
    if token.kind == "number":
        token.classify = True  # _classify, run by scan in its own pass: the last step here
    return token


def _group_width(raw: str) -> int:
    """How many digits open ``raw`` (4386万 -> 4), the width a digit group after a comma has.

    >>> _group_width("4386"), _group_width("２３４.5")
    (4, 3)
    """
    width = 0
    for ch in raw:
        if not ch.isdigit():
            break
        width += 1
    return width


def _after_broken_point(text: str, start: int) -> bool:
    """True when the digits at ``start`` follow ``<digits>. `` inside a sentence (超2. 2万亿元).

    A list marker at the start of a line (1. 2万家企业…) is no broken decimal.

    >>> _after_broken_point("超2. 2万亿元", 4), _after_broken_point("1. 2万家企业", 3)
    (True, False)
    """
    if start < 3 or text[start - 1] != " " or text[start - 2] not in ".．" or not text[start - 3].isdigit():
        return False
    j = start - 3
    while j > 0 and text[j - 1].isdigit():
        j -= 1
    return j > 0 and text[j - 1] not in " \t\r\n\u3000>"


def _read_number(text: str, start: int, end: int, is_cn: bool) -> Token | None:
    raw = text[start:end]
    up = False  # 上万人, 上千个, 上亿: a round magnitude reached, read as more than it
    if is_cn and start and text[start - 1] in _VAGUE_BEFORE:
        if not (text[start - 1] == "上" and _is_round_magnitude(raw) and _up_is_bound(text, start)):
            return None
        up = match_pre_qualifier(text, start) is None  # 迈上, 站上 are bound words of their own
    token = Token("number", start, end, start, end, raw)
    if up:
        token.qualifier, token.q_start, token.pre_bound = "more_than", start - 1, True
    if not is_cn and text[start - 1 : start] == " " and _after_broken_point(text, start):
        # 超2. 2万亿元: a decimal split by a stray space (text copied from a PDF); the tail alone
        # would publish 2万亿元 for 2.2万亿元
        token.skip = "decimal point followed by a space"
        return token
    if (
        not is_cn
        and start >= 2
        and text[start - 1] in ",，"
        and text[start - 2].isdigit()
        # 约占全国1/10，4386万名: a Chinese comma before anything but a group of three digits
        # ends a clause; the number after it stands alone
        and (text[start - 1] == "," or _group_width(raw) == 3)
    ):
        # 12,345,67万元 / 1,2345亿元: a broken digit grouping; reading the tail alone
        # would publish a wrong, smaller number
        token.skip = "malformed digit grouping"
        return token
    try:
        token.value, mult = read_numeral(raw)
    except ValueError as err:
        if is_cn:
            return None
        token.skip = f"ambiguous numeral: {err}"
        return token
    token.mult = mult
    found = match_unit(text, end)
    if found is not None and text.startswith("个多百分点", end):
        # 提高1个多百分点: more than one point; 多 sits inside the unit word
        found = (_POINTS, end + 5)
        token.qualifier = "more_than"
    if found is None and not is_cn and text[end : end + 1] == " ":
        found = _read_spaced(text, token)
        mult = token.mult
    if found is None:
        if text[end : end + 1] == "届" and text[max(0, start - 2) : start] == "连续":
            token.unit, token.base_unit, token.measure = "届", "count", "duration"
            token.q_start, token.q_end = start - 2, end + 1
            return token
        return _read_unitless(text, token, is_cn)
    (unit_text, base, factor), unit_end = found
    if (unit_text == "方" and not mult) or (unit_text == "类" and _CLASS_NAME.match(text, unit_end)):
        return _read_unitless(text, token, is_cn)  # 三方, 1类新药, 3类水: parties and class names
    if unit_text == "次" and _SESSION.match(text, unit_end):
        if is_cn:
            return None  # 十一次全会: the ordinal of a plenary session
        token.skip = "ordinal of a session"
        return token
    if is_cn and _is_round_magnitude(raw) and (
        text[start - 1 : start] == "个" or text.startswith(("级", "之城", "俱乐部"), unit_end)
    ):
        return None  # 连跨4个万亿元台阶: the size of each step; 千亿元级, 万亿元俱乐部: a class, not a figure
    if base in _MONEY and text[unit_end : unit_end + 1] == "兑":
        token.skip = "base of an exchange rate (1美元兑…)"
        token.q_end = unit_end
        return token
    token.unit = (_MAGNITUDE_WORDS.get(mult, "") + unit_text) if mult else unit_text
    token.base_unit, token.factor, token.q_end = base, factor, unit_end
    if is_cn and not up and not _cn_figure_ok(text, token):
        return None
    if base in _TIME_BASES and not _duration_ok(text, token, is_cn):
        if is_cn:
            return None
        token.skip = "date or period phrase"
        return token
    if base == "bed" and "床" not in clause_window(text, start, 16):
        token.base_unit = "item"
    elif unit_text == "位" and _RANK_MOVE.search(text, max(0, start - 5), start):
        token.base_unit = "rank"  # 排名上升了2位: places in a ranking, not people
    elif base == "household" and _FIRMS.search(clause_window(text, start, 16)):
        token.base_unit = "enterprise"
    if "多" in raw or "余" in raw:  # has_approx_mark, inlined on the hottest path
        token.qualifier = "more_than"
    token.finish = (up, unit_text)  # _finish_number, run by scan in its own pass: the last step here
    return token


def _finish_number(text: str, token: Token, up: bool, unit_text: str) -> None:
    """The last steps of reading a number with a unit: bound words, age groups, the measure.

    ``scan`` runs them for every token after reading them all (see there); ``token.q_end`` is
    still the end of the unit word, as ``_read_number`` left it.
    """
    unit_end = token.q_end
    _finish_bounds(text, token)
    if token.pre_bound and not up:
        _unbind_counts_and_benchmarks(text, token, unit_text)
    if token.unit == "岁" and token.q_end > unit_end and _is_cjk(text[token.q_end : token.q_end + 1]):
        token.skip = "age group"  # 3岁以下婴幼儿, 60岁以上的老年人: names a group of people
        return
    _classify(text, token)


def _read_unitless(text: str, token: Token, is_cn: bool) -> Token | None:
    """A number with no unit word: a date, a rank 前20, a bare magnitude, or nothing."""
    end = token.end
    if text[end : end + 1] == "番" and is_cn:
        token.value = Decimal(2) ** int(token.value)
        token.unit, token.base_unit, token.measure, token.q_end = None, "multiple", "multiple", end + 1
        if text[end + 1 : end + 2] == "多":  # 翻了一番多: more than double
            token.qualifier, token.q_end = "more_than", end + 2
        elif (post := match_post_qualifier(text, end + 1)) is not None:
            token.qualifier, token.q_end = post  # 翻一番以上
        if text[token.start - 1 : token.start] == "翻":
            token.q_start -= 1
        elif text[token.start - 2 : token.start] == "翻了":
            token.q_start -= 2
        return token
    if token.start and text[token.start - 1] == "前" and not _DATE_WORDS.match(text, end):
        token.kind, token.base_unit, token.measure = "rank", "rank", "rank"
        token.qualifier, token.q_start = "at_most", token.start - 1
        return token
    if token.mult:
        pre = match_pre_qualifier(text, token.start)
        if token.raw.strip("多余").strip("百千万亿") == "" and pre is None and not token.pre_bound:
            return None
        token.unit = _magnitude_word(token.mult)
        token.base_unit = infer_base_unit(clause_window(text, token.start, 16) + text[end : end + 6])
        if has_approx_mark(token.raw):
            token.qualifier = "more_than"
        _finish_bounds(text, token)
        return token
    if is_cn:
        return None
    if _DATE_WORDS.match(text, end):
        token.skip = "date, period or ordinal"
    elif _is_index(text, token):
        token.base_unit = "index"  # 基尼系数0.465: a unitless coefficient its noun names
        _finish_bounds(text, token)
    elif _is_ratio(text, token):
        token.base_unit = "multiple"  # a ratio A/B of like quantities: times, with no written unit
        if _TO_ONE.match(text, end):  # 2.5:1 is written whole; the 1 is not a figure of its own
            token.end = token.q_end = end + 2
        _finish_bounds(text, token)
    else:
        token.skip = "no unit"
        token.bare = True
        s = token.start
        if s >= 2 and text[s - 1] in _SIGN_CHARS and text[s - 2] in _LIST_JOINERS:
            # 分别拉动经济增长3.4、-0.5、1.0个百分点: a list item's own minus sign
            token.sign, token.own_sign, token.q_start = -1, True, s - 1
    return token


def _is_round_magnitude(raw: str) -> bool:
    """True for a magnitude written without a digit (千万, 亿, 百): 上千万, 万亿元台阶.

    >>> _is_round_magnitude("千万"), _is_round_magnitude("三千万")
    (True, False)
    """
    body = raw.strip("多余")
    return bool(body) and all(ch in "十百千万亿" for ch in body)


def _up_is_bound(text: str, start: int) -> bool:
    """True when the 上 before a round magnitude reaches it (惠及上千万, 稳住上亿), not a word's end.

    成千上万 and 成百上千 are idioms of a vague many; 线上, 网上, 以上, 基础上 end a word.
    """
    return start < 2 or text[start - 2] not in _UP_WORD


def _read_spaced(text: str, token: Token) -> tuple[Unit, int] | None:
    """跃过 4000 亿元大关: a number set apart by ASCII spaces; the magnitude and unit after them.

    The token is widened over the spaces and the magnitude when a unit follows; a bound word
    before the leading space is read by ``_finish_bounds`` through ``q_start``.
    """
    end, start = token.end, token.start
    before = text[start - 2 : start - 1] if text[start - 1 : start] == " " else text[start - 1 : start]
    if before == "第" or before.isdigit():
        return None  # 第 3 名, 2021 12: an ordinal, or columns of a table
    j = end + 1 if text[end + 1 : end + 2] != " " else end + 2
    k = j
    while k < len(text) and text[k] in "万亿":
        k += 1
    found = match_unit(text, k)
    if found is None and k == j:
        return None
    try:
        value, mult = read_numeral(token.raw + text[j:k])
    except ValueError:
        return None
    # 4000 亿 with no unit word is widened too: a bare magnitude, read as 4000亿 would be
    token.value, token.mult, token.end, token.q_end = value, mult, k, k
    token.raw = token.raw + text[j:k]
    if text[start - 1 : start] == " " and match_pre_qualifier(text, start - 1) is not None:
        token.q_start = start - 1
    return found


def _unbind_counts_and_benchmarks(text: str, token: Token, unit_text: str) -> None:
    """Undo a touching bound word that describes something else than the number.

    连续迈上4个万亿元台阶: 迈上 bounds the thresholds; the count of steps is exact.
    8个省份GDP增速超过18.3%的全国平均水平: 超过 compares the provinces with the national
    average, and 18.3% is that average itself.
    """
    step = unit_text == "个" and _STEP_AFTER.match(text, token.q_end) is not None
    if step or (
        text[token.q_end : token.q_end + 1] == "的"
        and token.qualifier in ("more_than", "less_than")
        and _BENCHMARK_AFTER.match(text, token.q_end) is not None
    ):
        token.qualifier, token.q_start, token.pre_bound = "exact", token.start, False


def _is_index(text: str, token: Token) -> bool:
    """True for the value of a coefficient or index written without a unit (基尼系数0.465).

    The noun must govern the number: nothing but words without units or a start value
    (从0.47降至) between them, within the clause.
    """
    if token.mult or token.value >= 100:
        return False
    low = max(0, token.start - 16)
    if text.find("系数", low, token.start) < 0 and text.find("指数", low, token.start) < 0:
        return False  # cheap test first
    return _INDEX_LEVEL.search(clause_window(text, token.start, 16)) is not None


def _is_ratio(text: str, token: Token) -> bool:
    """True for the value of a ratio written with no unit (比值为2.34, 倍差…缩小到1.94, 缩小0.05).

    The ratio noun must govern the number: either it (with 为/是, or 从…的 for a start value)
    stands right before it, or it opens the sentence and a change verb touches the number, with
    no other quantity (a unit word) between them.
    """
    start = token.start
    low = max(0, start - 48)
    if token.mult or token.value >= 100:
        return False
    if text.find("比", low, start) < 0 and text.find("倍差", low, start) < 0:
        return False  # cheap test first: every ratio noun holds 比 or is 倍差
    window = clause_window(text, start, 20)
    if _RATIO_LEVEL.search(window) or (_TO_ONE.match(text, token.end) and "比" in window):
        return True  # 比值为2.34 / 收入比由2.5:1
    if not _RATIO_CHANGE.search(window):
        return False
    sentence = sentence_window(text, start)
    nouns = _RATIO_NOUN.findall(sentence)
    if not nouns:
        return False
    return not _NOT_RATIO_BETWEEN.search(sentence, sentence.rfind(nouns[-1]) + len(nouns[-1]))


def _cn_figure_ok(text: str, token: Token) -> bool:
    """Chinese numerals are figures only when they cannot be a name or a slogan."""
    body = token.raw.strip("多余")
    if not any(ch in _CN for ch in body) and any(ch in "百千万亿" for ch in body):
        # 千万家庭, 百万: a bare magnitude is a figure only for money or after a bound word, or with
        # a bound of its own (千余家优质企业, 万余人)
        return (
            token.base_unit in _MONEY
            or match_pre_qualifier(text, token.start) is not None
            or token.raw.endswith(("余", "多"))
        )
    if token.mult == 0 and token.value < 10:
        return token.base_unit in ("multiple", "percentage_point", "year", "quarter", "month")
    return True


def _duration_ok(text: str, token: Token, is_cn: bool) -> bool:
    if token.unit == "岁":
        return True
    after = text[token.q_end : token.q_end + 2]
    window = clause_window(text, token.start, 8)
    if token.unit == "年":
        if not token.mult and not is_cn and token.raw.isdigit() and 1900 <= int(token.raw) <= 2100:
            return False
        if is_cn and token.raw.strip("多余") in ("二〇二〇",):
            return False
        if after.startswith(_PERIOD_AFTER) or window.endswith(_PERIOD_BEFORE):
            return False
    if is_cn:
        return "连续" in window
    if token.unit in ("个月", "月") and window.endswith("前"):
        return False  # 前7个月: the cumulative months of a year, a period
    if token.unit == "个季度":  # 连续5个季度 is a duration; 前3个季度, 近两个季度 are periods
        return _DURATION_CONTEXT.search(window) is not None and not window.endswith(("前", "近"))
    if token.unit != "年" or after.startswith(("时间", "之久")) or "." in token.raw or "．" in token.raw:
        return True  # 平均受教育年限达到14.2年: a decimal number of years is a length, never a date
    return _DURATION_CONTEXT.search(window) is not None


def _magnitude_word(mult: int) -> str:
    return _MAGNITUDE_WORDS.get(mult, "")


def _finish_bounds(text: str, token: Token) -> Token:
    """Widen the quote over touching bound words and sign verbs; set qualifier and sign.

    Most numbers touch no bound word: a set test on the neighbouring character skips each
    lookup that cannot succeed (the ``match_*`` functions make the same test first).
    """
    s = token.q_start
    pre = match_pre_qualifier(text, s) if s and text[s - 1] in PRE_LAST_CHARS else None
    if pre is not None:
        token.qualifier, s = pre
        token.q_start = s
        token.pre_bound = True
    elif (
        text[s - 1 : s] == "了"
        and text[s - 2 : s - 1] in PRE_LAST_CHARS
        and (done := match_pre_qualifier(text, s - 1)) is not None
        and s - 1 - done[1] >= 2
    ):
        # 突破了2千亿元大关, 超过了1万亿元: a two-character verb of bound, done (了 inside the
        # quote); a single 超 before 了 ends another verb (被上海反超了255.65亿元)
        token.qualifier, s = done
        token.q_start = s
        token.pre_bound = True
    elif text[s - 1 : s] == "有":
        # 至少已有27个省份: the bound word governs across 有 (not quoted)
        have = _BOUND_HAVE.search(text, max(0, s - 6), s)
        if have is not None:
            token.qualifier = _PRE[have.group(1)]
    else:
        # 低于每立方米19微克: the bound word governs across a 每X denominator (not quoted)
        low = s - 6 if s > 6 else 0
        if text.find("每", low, s) >= 0:
            per = _PER_BEFORE.search(text, low, s)
            if per is not None:
                through = match_pre_qualifier(text, per.start())
                if through is not None:
                    token.qualifier = through[0]
    e = token.q_end
    if text[e : e + 1] in POST_FIRST_CHARS:
        post = match_post_qualifier(text, e)
        if post is not None:
            if pre is None:
                token.qualifier = post[0]
            token.q_end = post[1]
    if s:
        before = text[s - 1]
        if before in _SIGN_CHARS and s >= 2 and text[s - 2] not in _NOT_BEFORE_MINUS:
            token.sign, token.own_sign, token.q_start = -1, True, s - 1
            return token
        if before == "了" or before in SIGN_LAST_CHARS:
            verb = match_sign_verb(text, s)
            if verb is not None:
                token.sign, token.own_sign, token.q_start = -1, True, verb
    return token


def _classify(text: str, token: Token) -> None:
    """Set measure (and sign, growth basis) from the unit and the words before the number."""
    base = token.base_unit
    if base in _DURATION_BASES and text[token.q_start - 2 : token.q_start] == "连续":
        token.measure, token.q_start = "duration", token.q_start - 2  # 连续3次, 连续22年
        return
    if base in ("percent", "permille"):
        measure, sign = classify_percent(text, token.start, token.q_end)
        token.measure = measure
        if token.qualifier == "exact" and text[token.q_start - 1 : token.q_start] == "的":
            scope = _SCOPE_BOUND.search(clause_window(text, token.q_start, 14))
            if scope is not None:  # 超过全国的30%: the bound word governs across the whole and 的
                token.qualifier = _PRE[scope.group(1)]
        if (
            token.qualifier == "exact"
            and text.find("约", max(0, token.q_start - WINDOW), token.q_start) >= 0  # cheap test first
            and _APPROX_RATIO.search(clause_window(text, token.q_start))
        ):
            token.qualifier, token.pre_bound = "approx", True  # 约为全国平均的70%
        if measure == "growth_pct":
            if not token.own_sign:
                token.sign = sign
            token.growth_basis = classify_growth_basis(text, token.q_start)
        elif not token.own_sign or text[token.q_start] not in _SIGN_CHARS:
            token.sign = -1 if text[token.q_start] in _SIGN_CHARS else 1
    elif base == "percentage_point":
        token.measure = "change_pp"
        if not token.own_sign:
            token.sign = classify_pp_sign(text, token.q_start)
        if not is_comparison_pp(text, token.q_start):
            token.growth_basis = classify_growth_basis(text, token.q_start)
    elif base == "multiple":
        token.measure = "multiple"
    elif base in _TIME_BASES and token.unit != "岁":
        # 优良天数242天, 比2015年增加115天: a count of days, not a length of time
        # 平均受教育年限达到14.2年: a level measured in years (年限, 寿命) is no duration either
        level_noun = _TIME_LEVEL_NOUN.search(sentence_window(text, token.q_start, 32))
        token.measure = "level" if level_noun else "duration"
