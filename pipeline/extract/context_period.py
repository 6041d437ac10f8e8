"""Find the time phrases of a report once, so each figure's period is a bisect away.

A *mention* is a time phrase in the clean text (2020年, 今年上半年, 一季度, 过去五年, “十三五”).
Phrases right after a comparison word (比上年, 较“十三五”时期) are comparison bases and are
not mentions. Mentions are resolved to period strings in document order, because a bare
一季度 takes its year from the phrase that governs it (the sentence, then the paragraph,
then the document scope).

Period strings follow ``schemas.indicators``: ``2020``, ``2020Q1``, ``2022H1``, ``2020M03``,
``2016-2020``, and cumulative spans from the start of the year: 前三季度 is ``2021Q1-Q3``,
1-11月 / 前11个月 is ``2021M01-M11``, so no partial-year figure is passed off as a
full-year one. 前一季度 / 前一个月 (usually "the previous quarter/month") stay unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from pipeline.extract.anchored import Anchored
from pipeline.extract.context_vocab import CN_DIGITS, COMPARISON_BEFORE, FULL_YEAR_NOUNS, TOPIC_YU

#: Marks a mention that blocks inheritance: the text names a period the schema cannot hold.
UNKNOWN = "?"
_CN_NUM = {"十一": 11, "十二": 12}

_CN = "一二两三四五六七八九十"
_Q = rf"(?:第?([{_CN}1-4])季度)"
_H = r"(?:([上下])半年)"
_M = r"(?:(1[0-2]|0?[1-9])月份?(?![\d日号]))"
# 前三季度, 1-3季度, 1-9月, 前11月, 前7个月, 前十一月: cumulative spans from the start of the year.
_CUM_M = rf"(?:1[-－—~至到](1[0-2]|[1-9])月份?|前(1[0-2]|[1-9]|十[一二]?|[{_CN}])个?月(?!\d))"
_CUM = rf"(?:(?:前([{_CN}])|1[-－—~至到]([1-4]))季度|({_CUM_M}))"
_SUB = rf"(?:{_Q}|{_H}|{_CUM}|{_M})"

_PATTERN = re.compile(
    "|".join(
        [
            # 2016-2020年, 2016年至2020年
            r"(?P<r1>(?:19|20)\d{2})年?\s*[-－—~～至到]\s*(?P<r2>(?:19|20)\d{2})年",
            # 2020年 with an optional sub-period; a day after the month makes it a date.
            rf"(?P<y>(?:19|20)\d{{2}})年(?:{_SUB}|(?P<ymd>\d{{1,2}}月\d{{1,2}}[日号]))?(?P<ysince>以?来)?",
            # relative years
            r"(?P<twoyears>今明两年)",
            rf"(?P<rel>今年|去年|(?<![之以提])前年|明年|本年|当年|全年|年末|年底|年初|这一年|那一年|同年)(?:{_SUB})?(?P<relsince>以来)?",
            # the month before the one in scope: 6月份…由上月的95.6%下降至95.4%
            r"(?P<prevmonth>上个?月(?!份?以来))",
            # the last month of the period in scope: 前三季度…。当月进出口… (September)
            r"(?P<thismonth>当月)",
            # five-year plans: “十三五”, 十四五时期
            r"(?P<fyp>“?十([一二三四五六七八九])五”?(?:时期|期间|规划期)?)",
            # 过去五年, 五年来, 这五年, 今后五年, 近三年, 一年来
            rf"(?P<past>(?:过去|这)的?([{_CN}]|10|[1-9])年|近([{_CN}]|10|[1-9])年来?|([{_CN}])年来)",
            rf"(?P<ahead>(?:今后|未来)([{_CN}]|10|[1-9])年)",
            # the close of a review's heading line 这是…的五年。 (see ``_review_of_years``)
            rf"(?P<wasyears>的([{_CN}]|10|[1-9])年)(?=[。！!])",
            # N years after the year just named: 2001年，…。20年后，安徽GDP超过4万亿元
            rf"(?<![\d{_CN}年])(?P<later>([{_CN}]|[1-9]\d?)年后)(?![来续期])",
            # a census names its reference year: 七普, 第七次全国人口普查 (2020), 四经普 (2018)
            r"(?P<census>第([五六七八])次(?:全国)?人口普查|(?<![\d十])([五六七八])普(?![通遍及惠])"
            r"|第([一二三四五六])次(?:全国)?经济普查|([一二三四五六])经普)",
            # a bare sub-period: 一季度, 上半年, 前三季度, 6月
            rf"(?<![\d年{_CN}])(?P<sub>{_SUB})",
        ]
    )
)


def _cn_int(text: str) -> int:
    """Small numeral in Arabic or Chinese digits.

    >>> _cn_int("三"), _cn_int("4"), _cn_int("十")
    (3, 4, 10)
    """
    return int(text) if text.isdigit() else CN_DIGITS[text]


#: ``Mention.rel`` of a census named as the source of its sentence's figures (七普数据显示).
CENSUS = "census"
#: ``Mention.rel`` of N years after the year just named (2001年，…。20年后，…); ``year`` holds N.
YEARS_LATER = "years later"
#: Reference years of the economic censuses (第一次…第六次全国经济普查); population censuses
#: fall every ten years on a year ending in 0 (第五次 2000 … 第七次 2020).
_ECONOMIC_CENSUS = {1: 2004, 2: 2008, 3: 2013, 4: 2018, 5: 2023, 6: 2028}


def census_year(m: re.Match[str]) -> int:
    """The reference year of the census a mention names.

    >>> [census_year(_PATTERN.search(t)) for t in ("七普数据", "第六次全国人口普查", "四经普")]
    [2020, 2010, 2018]
    """
    i = m.re.groupindex["census"]
    population = m.group(i + 1) or m.group(i + 2)
    if population:
        return 2000 + 10 * (CN_DIGITS[population] - 5)
    return _ECONOMIC_CENSUS[CN_DIGITS[m.group(i + 3) or m.group(i + 4)]]


def fyp_years(index: int) -> tuple[int, int]:
    """Years of the index-th five-year plan (the 6th began in 1981).

    >>> fyp_years(13), fyp_years(14), fyp_years(15)
    ((2016, 2020), (2021, 2025), (2026, 2030))
    """
    start = 1981 + 5 * (index - 6)
    return start, start + 4


class Mention(NamedTuple):
    """One time phrase: where it is and what it says before resolution."""

    start: int
    end: int
    kind: str  # year | range | rel | fyp | past | ahead | sub
    year: int | None = None  # explicit year, or relative offset for ``rel``
    year2: int | None = None
    sub: str | None = None  # Q1, H2, M03, Q1-Q3, M01-M11, or UNKNOWN for 前一个月
    rel: str | None = None  # the relative word for ``rel``
    since: bool = False  # ...以来: from then until now, no schema form


#: Every time phrase contains one of these characters; the full pattern runs only around them.
_ANCHOR = re.compile("[年季月半五普]")
#: Within a window the pattern is tried only where a phrase can start (see ``anchored``).
_PATTERN_SCAN = Anchored(_PATTERN)
_BEFORE_ANCHOR = 12
_AFTER_ANCHOR = 12


def _iter_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches ``_PATTERN.finditer(text)`` would give, found near anchor characters.

    The big alternation is slow when tried at every position; the anchors are rare.
    """
    last_end = 0
    n = len(text)
    # _PATTERN_SCAN.search, inlined (one Python call less per anchor): its finder, then the match
    finder = _PATTERN_SCAN.finder
    find, match = (finder or _PATTERN).search, _PATTERN.match
    for a in _ANCHOR.finditer(text):
        p = a.start()
        if p < last_end:
            continue
        pos = max(last_end, p - _BEFORE_ANCHOR)
        while True:
            end = min(n, p + _AFTER_ANCHOR)
            hit = find(text, pos, end)
            if hit is None or hit.start() > p:
                break
            m = match(text, hit.start(), end) if finder is not None else hit
            if m is None:  # never: the finder saw the pattern match here
                break
            yield m
            last_end = pos = m.end()
            if m.end() > p:
                break


#: A sentence saying what the years under review were: 这是粤港澳大湾区建设纵深推进的五年。
_REVIEW_OF_YEARS = re.compile(r"这是[^。！？!?，,；;\n“”]{0,4}")
_SENTENCE_STARTS = "。！？!?\n"


def _review_of_years(text: str, start: int) -> int | None:
    """Where a sentence 这是…的N年 starts, when ``text[start:]`` (的N年。) closes one, else None.

    Provincial reports head each paragraph of their five-year review with such a line; it names
    the N years just past as a 过去N年 would (the paragraphs under it never write a year).

    >>> text = "这是粤港澳大湾区建设纵深推进的五年。预计大湾区经济总量突破15万亿元。"
    >>> _review_of_years(text, text.index("的五年"))
    0
    >>> _review_of_years("我们要打好这场仗，争取用五年。", 11) is None  # no 这是…的五年
    True
    """
    begin = max(0, start - 40)
    cut = max(text.rfind(c, begin, start) for c in _SENTENCE_STARTS) + 1
    if cut == 0 and begin > 0:
        return None  # no sentence start within reach
    lead = len(text[cut:start]) - len(text[cut:start].lstrip(" \u3000\t"))
    return cut + lead if text.startswith("这是", cut + lead) else None


def _sub_of(m: re.Match[str], base: int) -> str | None:
    """Sub-period code from the groups of one ``_SUB`` occurrence starting at group ``base``."""
    quarter, half, cum_q, cum_q_digit, cum_m, cum_m_to, cum_m_front, month = m.group(*range(base, base + 8))
    if quarter:
        return f"Q{_cn_int(quarter)}"
    if half:
        return "H1" if half == "上" else "H2"
    if cum_q or cum_q_digit:
        return cumulative_sub("Q", _cn_int(cum_q or cum_q_digit))
    if cum_m:
        last = cum_m_to or cum_m_front
        return cumulative_sub("M", _CN_NUM.get(last) or _cn_int(last))
    if month:
        return f"M{int(month):02d}"
    return None


def cumulative_sub(unit: str, last: int) -> str:
    """Sub-period of a span from the year's first quarter or month to ``last``.

    >>> cumulative_sub("Q", 3), cumulative_sub("M", 11), cumulative_sub("M", 2)
    ('Q1-Q3', 'M01-M11', 'M01-M02')
    >>> cumulative_sub("M", 1) == UNKNOWN  # 前一个月: usually "the month before"
    True
    """
    top = 4 if unit == "Q" else 12
    if not 2 <= last <= top:
        return UNKNOWN
    return f"Q1-Q{last}" if unit == "Q" else f"M01-M{last:02d}"


def is_cumulative(sub: str | None) -> bool:
    """True for a sub-period running from the start of the year (Q1-Q3, M01-M11) or an unknown one."""
    return sub is not None and (sub == UNKNOWN or "-" in sub)


def is_year_span(period: str | None) -> bool:
    """True for a period over several whole years (2016-2020), not a span within one year.

    >>> is_year_span("2016-2020"), is_year_span("2021Q1-Q3"), is_year_span("2021M01-M11"), is_year_span(None)
    (True, False, False, False)
    """
    return period is not None and period[4:5] == "-"


_Y_SUB = _PATTERN.groupindex["y"] + 1
_REL_SUB = _PATTERN.groupindex["rel"] + 1
_BARE_SUB = _PATTERN.groupindex["sub"] + 1


def _is_comparison(text: str, start: int) -> bool:
    """True when the phrase at ``start`` is a comparison base or a deadline, not a period.

    Comparison bases: 比上年, 较去年同期. Deadlines after a verb of delay: 延长至明年3月底, 延缓到明年
    (力争到2023年 is a goal's horizon: the period of the goal).

    >>> _is_comparison("比去年增长", 1), _is_comparison("延长至明年", 3), _is_comparison("截至2020年", 2)
    (True, True, False)
    >>> _is_comparison("低于2019年", 2), _is_comparison("关于“十五五”时期", 3)
    (True, False)
    >>> _is_comparison("增长11.9%，创下了近5年来的最快增速", 11)
    True
    >>> _is_comparison("力争到2023年", 3), _is_comparison("从2020年的3.68万亿元增长到2025年", 17)
    (False, False)
    """
    before = text[max(0, start - 3) : start]
    if before.endswith(("创下", "创下了", "创出")):
        return True  # 创下了近5年来的最快增速: how rare a record is, not the figures' period
    if before.endswith(("上年", "前年")) and before[:-2].endswith(("比", "较")):
        return True  # 比上年全年提高: 上年 is no time phrase of its own, 全年 continues the base
    if before.endswith(COMPARISON_BEFORE):
        return not before.rstrip("“\"「『").endswith(TOPIC_YU)
    # a deadline moved by a verb of delay; 力争到2023年 and 提出到2020年 set a goal's horizon
    return len(before) >= 3 and before[-1] in "至到" and before[-3:-1] in DELAY_VERBS


def scan_mentions(text: str) -> list[Mention]:
    """Every time phrase in ``text``, in order, comparison bases left out.

    >>> [(m.kind, m.year, m.sub) for m in scan_mentions("2020年一季度增长，比上年下降，今年上半年")]
    [('year', 2020, 'Q1'), ('rel', 0, 'H1')]
    >>> [m.kind for m in scan_mentions("这五年，高新技术企业是2015年的3倍")]
    ['past']
    >>> [m.rel for m in scan_mentions("同时考虑为今年应对困难挑战预留政策空间。今年要…")]  # a provision
    ['今年']
    >>> [(m.year, m.year2) for m in scan_mentions("2020年到2025年，工业投资比重从17.9%提升到35.5%")]
    [(2021, 2025)]
    >>> [m.sub for m in scan_mentions("前三季度，1-11月，前7个月，2021年1至5月，1—2月，前十一个月")]
    ['Q1-Q3', 'M01-M11', 'M01-M07', 'M01-M05', 'M01-M02', 'M01-M11']
    """
    out: list[Mention] = []
    base_end = -1  # end of the last comparison base: 比去年全年 continues it
    for m in _iter_matches(text):
        start, end = m.span()
        if start == base_end or _is_comparison(text, start):
            base_end = end
            continue
        if m.group("r1"):
            y1, y2 = int(m.group("r1")), int(m.group("r2"))
            if y1 < y2 and _CHANGE_FROM_ENDS.match(text, end):
                y1 += 1  # 2020年到2025年，比重从17.9%提升到35.5%: the ends of a change over 2021-2025
            if y1 < y2:
                out.append(Mention(start, end, "range", y1, y2))
        elif m.group("y"):
            if text.startswith("同期", end):  # 比2019年同期: a comparison base
                continue
            if start and text[start - 1] in "是为" and text.startswith("的", end):
                continue  # 是2015年的3倍: the base of a multiple, not the figure's period
            sub = None if m.group("ymd") else _sub_of(m, _Y_SUB)
            out.append(Mention(start, end, "year", int(m.group("y")), sub=sub, since=bool(m.group("ysince"))))
        elif m.group("twoyears"):
            out.append(Mention(start, end, "ahead", 2))
        elif m.group("rel"):
            word = m.group("rel")
            if text.startswith("同期", end):
                opens = text[max(0, start - 6) : start].rstrip(" \u3000\t")[-1:] in "，,；;：:\n由从在"
                if word == "去年" and not m.group("relsince") and opens:
                    # opening a clause or a change, or after 在 (those after a comparison word were skipped
                    # above): 去年同期，上海GDP为…; 占比由去年同期39.7%提高到… date their figures
                    # to the same part of last year. 剔除去年同期低基数 is a base, not a date.
                    out.append(Mention(start, end + 2, "rel", -1, rel=SAME_PERIOD_LAST_YEAR))
                continue  # 今年同期 and the like: a comparison base
            if word == "全年" and text.startswith(FULL_YEAR_NOUNS, end):
                continue  # 完成全年目标的95%: part of a noun, not a period
            if word == "今年" and text[start - 1 : start] == "为" and text[start - 3 : start - 1] != "作为":
                continue  # 为今年应对困难挑战预留政策空间: the year a provision is for, not a frame
            if m.group("relsince") and text[start - 2 : start] in _TREND_VERBS:
                continue  # 持续今年以来两位数增长态势: a trend described, not the figures' period
            offset = {"去年": -1, "前年": -2, "明年": 1}.get(word, 0)
            out.append(
                Mention(
                    start,
                    end,
                    "rel",
                    offset,
                    sub=_sub_of(m, _REL_SUB),
                    rel=word,
                    since=bool(m.group("relsince")),
                )
            )
        elif m.group("fyp"):
            if start and text[start - 1] in "是为" and text.startswith("的", end):
                continue  # 利润总额为“十三五”时期的2.2倍: the base of a multiple, not the period
            y1, y2 = fyp_years(10 + _cn_int(m.group(m.re.groupindex["fyp"] + 1)))
            out.append(Mention(start, end, "fyp", y1, y2))
        elif m.group("past"):
            digits = [g for g in m.groups()[m.re.groupindex["past"] : m.re.groupindex["past"] + 3] if g]
            if start >= 2 and text[start - 2 : start] == "连续":
                continue
            if _RECORD_AFTER.match(text, end):
                continue  # 落实率为近七年最高: how rare a record is, not a period
            out.append(Mention(start, end, "past", _cn_int(digits[0])))
        elif m.group("prevmonth"):
            out.append(Mention(start, end, "rel", rel=PREVIOUS_MONTH))
        elif m.group("thismonth"):
            out.append(Mention(start, end, "rel", rel=CLOSING_MONTH))
        elif m.group("census"):
            out.append(Mention(start, end, "year", census_year(m), rel=CENSUS))
        elif m.group("later"):
            n = m.group(m.re.groupindex["later"] + 1)
            out.append(Mention(start, end, "rel", int(n) if n.isdigit() else CN_DIGITS[n], rel=YEARS_LATER))
        elif m.group("wasyears"):
            opening = _review_of_years(text, start)
            if opening is not None and (not out or out[-1].start < opening):
                years = _cn_int(m.group(m.re.groupindex["wasyears"] + 1))
                out.append(Mention(opening, end, "past", years))
        elif m.group("ahead"):
            out.append(Mention(start, end, "ahead", _cn_int(m.group(m.re.groupindex["ahead"] + 1))))
        elif m.group("sub"):
            out.append(Mention(start, end, "sub", sub=_sub_of(m, _BARE_SUB)))
    return out


#: After a range of years, a change written from its start (2020年到2025年，…从17.9%提升到…).
_CHANGE_FROM_ENDS = re.compile(r"[，,]?[^。；;！!？?从由]{0,24}[从由][^。；;]{0,16}?[\d０-９]")
#: After a span, the words of a record it measures (近七年最高, 近五年来的最快增速, 近十年新高).
_RECORD_AFTER = re.compile(r"来?的?(?:最[高低快慢好大多少佳优]|新高|新低)")
#: Verbs that continue a trend named after them (持续今年以来…态势, 延续去年以来的…).
_TREND_VERBS = frozenset({"持续", "延续", "保持", "继续", "维持"})
#: Verbs that move a deadline: 延长至明年3月底 (增长到2025年的… is growth, not a delay).
DELAY_VERBS = ("延长", "延缓", "推迟", "延续", "延期")

#: ``Mention.rel`` of 上月: the month before the governing month.
PREVIOUS_MONTH = "上月"


#: ``Mention.rel`` of 当月: the last month of the governing period.
CLOSING_MONTH = "当月"
_LAST_MONTH = {"Q": 3, "H": 6}


def closing_month(period: str | None) -> str | None:
    """The last month of a period within one year (2021Q1-Q3 -> 2021M09); None for a year or span.

    >>> closing_month("2021Q1-Q3"), closing_month("2021M01-M08"), closing_month("2022H1")
    ('2021M09', '2021M08', '2022M06')
    >>> closing_month("2021") is None, closing_month("2021-2025") is None
    (True, True)
    """
    if not period or len(period) < 6 or period[4] not in "QHM":
        return None
    tail = period.rsplit("-", 1)[-1].lstrip(period[:4])
    kind, number = tail[0], tail[1:]
    if not number.isdigit():
        return None
    month = int(number) if kind == "M" else int(number) * _LAST_MONTH[kind]
    return f"{period[:4]}M{month:02d}"


def month_earlier(period: str | None) -> str | None:
    """The month before a single month (2022M06 -> 2022M05); None for anything else.

    >>> month_earlier("2022M06"), month_earlier("2022M01"), month_earlier("2022H1")
    ('2022M05', '2021M12', None)
    """
    if not period or len(period) != 7 or period[4] != "M":
        return None
    year, month = int(period[:4]), int(period[5:])
    return f"{year - 1}M12" if month == 1 else f"{year}M{month - 1:02d}"


#: ``Mention.rel`` of 去年同期 used as a time phrase: the governing period, one year earlier.
SAME_PERIOD_LAST_YEAR = "去年同期"


def year_earlier(period: str | None) -> str | None:
    """The same part of the year before (2021Q1 -> 2020Q1); None for a span of years.

    >>> year_earlier("2021Q1"), year_earlier("2021M01-M03"), year_earlier("2016-2020")
    ('2020Q1', '2020M01-M03', None)
    """
    if not period or period[4:5] == "-":
        return None
    return f"{int(period[:4]) - 1}{period[4:]}"


def format_period(year: int | None, sub: str | None = None, year2: int | None = None) -> str | None:
    """Period string in the schema's form, or None.

    >>> format_period(2020), format_period(2022, "H1"), format_period(2016, year2=2020)
    ('2020', '2022H1', '2016-2020')
    >>> format_period(2022, "?") is None
    True
    """
    if year is None or sub == UNKNOWN:
        return None
    if year2 is not None:
        return f"{year}-{year2}" if year2 > year else str(year)
    return f"{year}{sub or ''}"


def year_of(period: str | None) -> int | None:
    """The (last) year a period string covers.

    >>> year_of("2016-2020"), year_of("2022H1"), year_of("2021M01-M11"), year_of(None)
    (2020, 2022, 2021, None)
    """
    if not period:
        return None
    return int(period[-4:]) if period[4:5] == "-" else int(period[:4])


def start_year_of(period: str | None) -> int | None:
    """The first year a period string covers."""
    return int(period[:4]) if period else None


def resolve(mention: Mention, *, ref_year: int | None, context_year: int | None) -> str | None:
    """Period string of one mention.

    ``ref_year`` is the year the report was delivered (今年, 过去五年 count from it);
    ``context_year`` is the year governing the mention (a bare 一季度, 全年, 年末 take it).
    """
    if mention.since:
        this_year = mention.kind == "rel" and mention.rel in ("今年", "本年") and not mention.sub
        if this_year and ref_year is not None:
            return str(ref_year)  # 今年以来: from the start of this year until now, within the year
        return None
    kind = mention.kind
    if kind == "year":
        return format_period(mention.year, mention.sub)
    if kind in ("range", "fyp"):
        return format_period(mention.year, year2=mention.year2)
    if kind == "rel":
        if mention.rel == YEARS_LATER:  # 20年后: counted from the year just named, if any
            return None if context_year is None else str(context_year + (mention.year or 0))
        if mention.rel in ("今年", "去年", "前年", "明年", "本年"):
            base = ref_year
        else:  # 全年, 当年, 年末, 这一年...: the governing year
            base = context_year if context_year is not None else ref_year
            return format_period(base, mention.sub)
        return None if base is None else format_period(base + (mention.year or 0), mention.sub)
    if ref_year is None:
        if kind == "sub" and context_year is not None:
            return format_period(context_year, mention.sub)
        return None
    if kind == "past":
        n = mention.year or 1
        return format_period(ref_year - n, year2=ref_year - 1)
    if kind == "ahead":
        n = mention.year or 1
        return format_period(ref_year, year2=ref_year + n - 1)
    # bare sub-period
    return format_period(context_year if context_year is not None else ref_year, mention.sub)


_LAST_STOP = re.compile(r"(?s:.*)[，,。；;！？!?\n]")
#: 到/至, or a rise to a rank (双双跃居第1位): what ends a written change.
_CHANGE_END = r"(?:到|至|跃居|跃升为?|升为|转为)"
#: The start of a change, also the later items of a list of starts (从全国第8位、[第4位]双双跃居…).
#: A year may name when an end stood: 从2020年的3.68万亿元增长到2025年的4.93万亿元.
_END_YEAR = r"(?:(?:19|20)\d{2}年(?:末|底)?的?)?"
_FROM = re.compile(r"(?:从|由)" + _END_YEAR + r"[^，,。；;、\d]{0,10}(?:[^，,。；;、]{1,8}、)*$")
_TO = re.compile(
    r"(?:从|由)[^，,。；;]*[\d０-９][^，,。；;]*(?:[，,][^，,。；;\d]{0,6})?"
    + _CHANGE_END
    + _END_YEAR
    # the later ends of a paired change (分别提高到58794元和[23184元])
    + r"(?:[^，,。；;\d]{0,3}[\d０-９.．]+[^，,。；;\d、和]{0,5}[、和]" + _END_YEAR + r")*"
    + r"[^，,。；;\d]{0,3}$"
)
_CHANGE_AFTER = re.compile(r"^(?:、[^，,。；;、]{1,8}?)*[^，,。；;\d]{0,12}?" + _CHANGE_END)
_STOCK_QUOTE = ("连续", "超", "突破", "破", "逾")
#: A rank (全国第二, 首位, 前十): the standing at the span's end unless held every year (连年).
_RANK_QUOTE = re.compile(
    r"^(?:全国|全省|全市|全球|世界)?(?:第[一二三四五六七八九十百\d]+|首位|前[一二三四五六七八九十\d]+)"
)
#: Earlier items of a list sharing the verb before them (分别增至37座、[14座]): dropped to reach it.
_LIST_ITEMS_END = re.compile(r"(?:[\d０-９.]+[^\s\d０-９、，,。；;和及]{0,4}[、和及])+$")
#: A gap against a wider total (高于全省3.1个百分点, 优于全国约1个百分点): measured at the span's end.
_GAP = re.compile(
    r"(?:高于|低于|优于|快于|慢于|高出|领先)(?:全国|全省|全市|全区|全球|全部|平均)[^，,。；;]{0,8}$"
)
#: A change over the whole span, which a gap after it shares (年均增长5.7%、高于全国0.3个百分点).
_SPAN_CHANGE = re.compile(r"年均|累计|平均")
#: Verbs that make a clause more than a name (达到, 新增, 实现…): a clause without them names what is counted.
_VERBISH = r"(?!.*(?:达|为|超|突破|增|减|降|提|获|实现|建|完成|新增|新建|累计|引进|投|拥有|是|占))"
#: A clause that only names what is counted (科技型中小企业 before 近10000家): no verb of its own.
_BARE_NOUN = re.compile(_VERBISH + r"[^，,。；;、\d０-９]{2,12}")
#: A level verb with its number right after it, in an earlier clause (高新技术企业达到1100家，…).
_STOCK_BEFORE_NUMBER = re.compile(r"(?:达到?|突破|增至|提高到|增加到|总数|总量)(?:约|近|接近)?[\d０-９]")
#: An earlier item of such a list: a noun and its count, nothing else (科技型中小企业近10000家).
_BARE_NOUN_COUNT = re.compile(
    _VERBISH + r"[^，,。；;、\d０-９]{2,12}?[约近]?[\d０-９.]+[余多]?[^\d０-９，,。；;]{1,2}"
)
#: A threshold crossed during the span (连跨5万亿元、6万亿元两个台阶, 迈上5万亿台阶): when, not a level.
_CROSSING = ("连跨", "跨过", "跨上", "迈上", "迈过", "跃上", "登上")
#: 增加值 (value added) names a quantity, not a change.
#: A year's total (生产总值, 零售总额, 营收) or a stock (装机, 经营主体) named alone before its amount
#: in a review of several years: the amount of the span's last year (a sum over the span says 累计).
_YEARLY_TOTALS = (
    "生产总值", "GDP", "总收入", "营收", "营业收入", "零售总额", "进出口总值", "进出口总额", "增加值",
    "总产量", "装机", "经营主体",
)  # fmt: skip
_CHANGE_WORDS = re.compile(r"增长|增速|增幅|下降|提高|降低|增加(?!值)|减少|上涨|回落|年均|累计|提升")
#: A level reached at the end of a span (突破11万元, 覆盖率达65.85%, 连续22年, 居…前20, 总量接近800万户).
_STOCK_END = re.compile(
    r"(?:达到?|突破|超过?|逾|[稳跃位]?(?<![安宜人定聚])居(?![民住家然室])(?:全国|全省|全市|全区|全球|世界|[东中西]部|同类城市|[^，,。；;]{0,4}?地区)?前?|(?<![入并行系序])列(?:全国|全省|全市)?|保持在?|稳定在|"
    r"(?:提高|提升|增加|增长|上升|扩大|扩容|拓展|降低|下降|缩小|减少|回落|缩短|压缩|压减|提速)[到至]|[增降升]至|在建|"
    r"连续|覆盖|总量|总数|总额|总规模)(?:约|近|接近|将近)?(?:每月|每人)?$"
)
#: A flow over the span named before the number (累计建成…超1.2万个, 引进项目…、总投资超1.6万亿元,
#: 五年增量超1.36万亿元): it keeps the span unless a level verb follows it (新增…、总装机达9157万千瓦).
_FLOW = re.compile(
    r"累计|新增|增量|引进|引入|(?<![强密])(?:总?投资|投入)(?![强密率])|"
    # work done over the span: 开行超万列, 改善农村住房超50万户, 共建…超480家
    r"建成(?!区)|新建(?!建筑)|共建|开行|改善|改造|培育|推广|开工|办理|帮扶|惠及|招引|创建|认定|造林|实施"
)
#: A change ranked (增量居全国第1位, 提升幅度居全国第1): the rank covers the span the change does.
_CHANGE_RANKED = re.compile(r"(?:增量|增幅|增速|幅度|降幅)[^，,。；;\d]{0,4}$")
#: A count per year of the span (每年开展…超过3万场次, 年均服务…): not a level reached at its end.
_PER_YEAR = re.compile(r"(?:年均|年平均|每年)(?!浓度|气温|降水|值|水平)")
#: Right after a flow word, a bound verb qualifies the flow's total (累计突破, 累计分别超过).
_BOUND_ON_FLOW = re.compile(r"(?:分别|均)?(?:突破|超过?|逾)(?:约|近)?$")
#: A level held through the span (民生支出占比持续保持在70%以上, 办复率均为100%): every year of it.
_HELD = re.compile(r"(?:持续|始终|一直|连年|均)?(?:保持|稳定|维持)在?(?:约|近|接近)?$|均为$")


#: A level held for N years the text counts (粮食总产量连续9年稳定在, 安全感连续7年保持,
#: 销售额连续3年突破百亿元).
_HELD_FOR_YEARS = re.compile(
    rf"连续([{_CN}]|10|[1-9]\d?)年[^，,。；;\d]{{0,8}}?(?:(?:保持|稳定|维持)在?|突破|超过)(?:约|近|接近)?$"
)


#: A change over N years the text counts (财政收入达到1350亿元，3年增长58.6%).
_GROWTH_OVER_YEARS = re.compile(
    rf"(?<![\d{_CN}年第近])([{_CN}]|10|[2-9])年(?:来)?(?:累计)?(?:增长|增加|提高|提升|下降|减少)了?$"
)


def held_for_years(period: str | None, before: str, quote: str = "") -> str | None:
    """The N years ending with ``period``'s last year that the text counts for the figure.

    A level held 连续N年, or a change counted over N years (3年增长).

    The text counts the years the level was held, so they, not the span under review nor the
    single year in scope, are the figure's period.

    >>> held_for_years("2021-2025", "粮食总产量连续9年稳定在"), held_for_years("2021", "连续8年稳定在")
    ('2017-2025', '2014-2021')
    >>> held_for_years("2021-2025", "“津农精品”销售额连续3年", "突破百亿元")
    '2023-2025'
    >>> held_for_years("2021-2025", "财政收入达到1350亿元，3年增长", "58.6%")
    '2023-2025'
    >>> held_for_years("2025", "实际使用外资连续8年全国第一，粮食稳定在") is None  # another clause
    True
    """
    last = year_of(period)
    if quote.startswith(("突破", "超过")):
        before += quote[:2]  # 连续3年[突破百亿元]: the verb is quoted with its bound
    m = _HELD_FOR_YEARS.search(before) or _GROWTH_OVER_YEARS.search(before)
    if last is None or m is None:
        return None
    years = _cn_int(m.group(1)) if len(m.group(1)) == 1 or m.group(1) == "10" else int(m.group(1))
    return format_period(last - years + 1, year2=last) if years > 1 else None


def _list_of_levels(earlier: str) -> bool:
    """True when the clauses before end a list that opened with a level (达到1100家，近10000家，…)."""
    for _ in range(4):
        k = _LAST_STOP.match(earlier)
        clause = earlier[k.end() :] if k else earlier
        if _STOCK_BEFORE_NUMBER.search(clause):
            return True
        if not k or not _BARE_NOUN_COUNT.fullmatch(clause):
            return False
        earlier = earlier[: k.end() - 1]
    return False


def change_role(before: str, after: str) -> str | None:
    """``from`` or ``to`` when the number is an end of a written change (从X提高到Y).

    >>> change_role("城镇化率从", "提高到68.5%"), change_role("城镇化率从63.6%提高到", "。")
    ('from', 'to')
    >>> change_role("城镇化率达", "。") is None
    True
    >>> change_role("生产总值从2020年的", "增长到2025年的4.93万亿元")
    'from'
    >>> change_role("从2020年的3.68万亿元增长到2025年的", "")
    'to'
    """
    if "从" not in before and "由" not in before:
        return None  # both ends of a written change need 从 or 由 before them
    if _FROM.search(before) and _CHANGE_AFTER.search(after):
        return "from"
    if _TO.search(before):
        return "to"
    return None


def period_in_span(period: str, role: str | None, before: str, after: str, quote: str = "") -> str:
    """Narrow a multi-year period for one figure.

    The start of a change is the year before the span (2015 for 2016-2020), its end and
    any stock (a level reached: 突破11万元, 覆盖率达65.85%, 总量接近800万户) the span's last
    year; flows over the span (新增, 累计, 引进, 增量, 总投资, 年均, 增长, 建成, and anything
    not marked as a level) and levels held through it (持续保持在, 均为, 稳定在) keep the
    whole span. A flow word beats a bound word on the number (累计…超1.2万个) but not a
    level verb after it (新增…、总装机达…).

    >>> period_in_span("2016-2020", "from", "", ""), period_in_span("2016-2020", None, "人均生产总值突破", "")
    ('2015', '2020')
    >>> period_in_span("2016-2020", None, "累计新增公办幼儿园学位", "")
    '2016-2020'
    >>> period_in_span("2021-2025", None, "累计建成美丽乡村", "", "超1.2万个")  # 超 qualifies a flow
    '2021-2025'
    >>> period_in_span("2021-2025", None, "新增发电装机4178万千瓦、总装机达", "")  # a level after the flow
    '2025'
    >>> period_in_span("2021-2025", None, "民生支出占比持续保持在", "", "70%以上")  # held every year
    '2021-2025'
    >>> period_in_span("2021-2025", None, "农村居民收入年均增长", "", "7.2%")  # 居民 is no rank (居)
    '2021-2025'
    >>> period_in_span("2021-2025", None, "综合实力稳步提升。生产总值", "", "6.66万亿元")  # a year's total
    '2025'
    >>> period_in_span("2021-2025", None, "一般公共预算收支累计分别突破9千亿元、", "", "3万亿元")
    '2021-2025'
    >>> period_in_span("2021-2025", None, "人均预期寿命增量居", "", "全国第1位")  # a change ranked
    '2021-2025'
    >>> period_in_span("2021-2025", None, "公共文化机构年均服务群众", "", "超过9000万人次")  # per year
    '2021-2025'
    >>> period_in_span("2021-2025", None, "建成安居房", "", "7.5万套")  # 安居房 holds no rank (居)
    '2021-2025'
    >>> period_in_span("2021-2025", None, "装配式建筑面积占新建建筑比重", "", "超80%")  # no flow (新建)
    '2025'
    >>> period_in_span("2021-2025", None, "城乡低保标准提高到每月", "", "815元")  # 每月 is the unit's base
    '2025'
    >>> period_in_span("2021-2025", None, "跨境电商综试区扩容至", "", "7个")  # an end state
    '2025'
    >>> period_in_span("2013-2018", None, "规模以上工业增加值平均增速为", "", "7.35%")  # a rate of change
    '2013-2018'
    >>> period_in_span("2026-2030", None, "投入年均增长10%以上，新兴产业增加值占规上工业比重", "", "30%")
    '2030'
    """
    first, last = int(period[:4]), int(period[-4:])
    if role == "from":
        return str(first - 1)
    if role == "to":
        return str(last)
    if after[:1] == "的" and _CHANGE_WORDS.search(after, 0, 8):
        return period  # 保持6%左右的年均增长率: a change over the span, named after the number
    m = _LAST_STOP.match(before)
    clause = _LIST_ITEMS_END.sub("", before[m.end() :] if m else before)
    if _HELD.search(clause) or quote.startswith(_CROSSING) or clause.endswith(_CROSSING):
        return period
    if _PER_YEAR.search(clause) and not _RANK_QUOTE.match(quote):
        return period  # 公共文化机构年均服务群众超过9000万人次: a yearly level across the span
    if _RANK_QUOTE.match(quote) and _CHANGE_RANKED.search(clause):
        return period  # 近5年人均预期寿命增量居全国第1位, 提升幅度居全国第1: the rank of a change over it
    if quote.startswith("连续") or (_RANK_QUOTE.match(quote) and "连年" not in clause):
        return str(last)  # 新增本外币贷款连续4年保持全国首位, 实际使用外资连续8年全国第一
    earlier = before[: m.end() - 1] if m else ""  # the clauses before, within the window
    k = _LAST_STOP.match(earlier)
    previous = earlier[k.end() :] if k else earlier
    if _GAP.search(clause) and quote.endswith("百分点") and not _SPAN_CHANGE.search(previous + clause):
        return str(last)  # 占比达到67.7%，高于全省3.1个百分点: a gap between two end levels
    # a share naming its own whole (战略性新兴产业增加值占规上工业比重30%) is no share of the flow before
    share_of = clause.startswith("占") or (clause.endswith(("率", "比重", "比例"))  and "占" not in clause)
    if share_of and _FLOW.search(previous) and not _STOCK_END.search(clause):
        return period  # 累计支出2806亿元，占公共财政预算支出的85%; 累计办理…，满意率100%: of a flow
    if _BARE_NOUN.fullmatch(clause) and not _CHANGE_WORDS.search(clause + quote) and _list_of_levels(earlier):
        return str(last)  # 高新技术企业达到1100家，科技型中小企业近10000家: the list goes on
    flow_end = max((f.end() for f in _FLOW.finditer(clause)), default=-1)
    if flow_end >= 0 and not _STOCK_END.search(clause, flow_end):
        return period  # 累计建成美丽乡村超1.2万个: 超 qualifies a flow, it marks no level
    if flow_end >= 0 and _BOUND_ON_FLOW.match(clause, flow_end):
        return period  # 收支累计分别突破9千亿元、3万亿元: the bound of the flow's total, no level
    if _STOCK_END.search(clause) or quote.startswith(_STOCK_QUOTE):
        return str(last)
    if clause.endswith("的") and ("是" in clause or "为" in clause):
        return str(last)  # 是2015年的3倍: a multiple of the start reached at the end
    if "连续" in clause and quote.endswith("年"):
        return str(last)  # 分别连续21年、37年: each duration runs to the span's end
    if quote.endswith(("%", "％", "‰")) and not _CHANGE_WORDS.search(clause + quote):
        return str(last)  # a rate with no verb of change is a level: 优良水质比例100%
    if clause.endswith(_YEARLY_TOTALS) and _BARE_NOUN.fullmatch(clause):
        return str(last)  # 生产总值6.66万亿元 in a five-year review: the last year's total, not a sum
    return period
