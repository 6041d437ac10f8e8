"""The year a report speaks from, when its metadata gives none.

今年, 去年 and 过去五年 resolve against the report's year. The reader takes it from the
report's delivery or publication date or a year in its title; a page saved without any of
those (an HTML excerpt, a repost with no byline) still carries dating clues, tried here in
order of trust, each read once per document:

1. a full date written near the top of the text (2021年3月5日, 2021-03-05);
2. the page's own machine dates: ``<time datetime>``, the canonical or ``og:url`` address;
3. a text about this year's work report (今年 with 政府工作报告 or 预期目标) that states a
   full-year outturn of year N (2021年我国GDP同比增长8.1%) speaks from N+1: a report is
   delivered early in the year after the one it reviews (see :func:`parse_report_season_year`);
4. dated paths of the addresses in the page (``/2021-03/``, ``/202103/``, ``/2021/03/``,
   ``/20210305/``): the most frequent year, the latest on a tie;
5. a national plenary session named by term and session (十四届全国人大一次会议 → 2023,
   see :func:`parse_session_year`), then the report's own headings: a review of year Y
   (2025年工作回顾, 2025年和“十四五”时期工作回顾) is delivered in Y+1; the year's plan
   (2026年工作安排, 关于2026年工作, 2026年主要预期目标) names the report's year; the draft of a
   five-year plan it submits (“十五五”规划纲要（草案）) is the plan's first year's;
6. the year's place in a five-year plan or an anniversary, said of the text's own year
   (今年是“十四五”开局之年 → 2021, 今年是新中国成立70周年 → 2019) or of the year under
   review (过去的一年是“十三五”收官之年 → 2020, so the text speaks from 2021); see
   :func:`parse_milestone_year`;
7. the latest year named near the top of the text as a fact;
8. the latest year the body names as a past or present fact, leaving out goals and
   deadlines (到2025年, 2035年远景目标, 2025年前), which name years still to come, and
   comparison bases (比2019年同期, 较2019年), which name years already past; a part of a year
   (2021年前三季度) is a fact of that year, not a deadline;
9. a text that names years only as comparison bases speaks from after the latest one: the
   year after it, or N years after it when it gives an N-year average (比2019年1-7月增长20.5%，
   两年平均增长9.8% → 2021);
10. a text that names no year at all takes the year its file name carries
    (2026_浙江省_政府工作报告.txt), see :func:`parse_file_name_year`.

A year the text calls the one just past (刚刚过去的2021年) dates it to the year after, with the
same trust as its headings (5).

A text that looks back (过去五年, 五年来, 这五年, 过去一年) and never says 今年 speaks from
the year after the last one it names (a review of 2018-2022 names 2022 and is given in 2023).

Only the head and tail of the source are searched for addresses, so the cost stays bounded.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.extract.context_period import fyp_years
from pipeline.extract.context_vocab import CN_DIGITS as CN_DIGIT_VALUES
from pipeline.extract.numerals import parse_number
from pipeline.ingest.document import Document

_HEAD = 600
#: Characters of the source searched for machine dates and addresses (head and tail).
_SOURCE_HEAD = 60_000
_SOURCE_TAIL = 10_000
_YEAR = r"((?:19|20)\d{2})"
_YEAR_IN = re.compile(_YEAR + "年")
_DATE_IN = re.compile(_YEAR + r"(?:年\d{1,2}月\d{1,2}日|-\d{2}-\d{2})")
_TIME_TAG = re.compile(r"<time\b[^>]*?\bdatetime\s*=\s*[\"']?" + _YEAR + r"-\d{2}", re.I)
_OWN_URL = re.compile(
    r"<(?:link|meta)\b[^>]*?(?:rel\s*=\s*[\"']?canonical|property\s*=\s*[\"']?og:url)[^>]*>", re.I
)
#: A dated path segment: /2021-03/, /2021/03/, /202103/, /20210305/, /2021_03_05/.
_URL_DATE = re.compile(r"/" + _YEAR + r"[-/_]?(?:0[1-9]|1[0-2])(?:[-_]?(?:0[1-9]|[12]\d|3[01]))?(?=[/_.-])")
_ADDRESS = re.compile(r"(?:https?:)?//[^\s\"'<>()]+|(?:href|src)\s*=\s*[\"']?/[^\s\"'<>]+", re.I)
#: A year named as a goal or deadline: 到2025年, 至2035年, 2035年远景目标, 2025年前, 2025年底前.
_FILE_NAME_YEAR = re.compile(r"(?<![0-9A-Za-z])" + _YEAR + r"(?![0-9A-Za-z])")
_REVIEW_HEADING = re.compile(_YEAR + r"年[^。，,；\n]{0,14}?工作回顾")
_PLAN_HEADING = re.compile(
    r"关于"
    + _YEAR
    + r"年(?:政府)?工作|"
    + _YEAR
    + r"年(?:政府)?工作(?:安排|的?总体要求)|"
    + _YEAR
    + r"年(?:经济社会发展的?)?主要(?:预期)?目标(?![^，。；]{0,6}(?:完成|实现))"
)
_LOOK_BACK = re.compile(
    r"过去的?[一二两三四五六七八九十]年|[一二两三四五六七八九十]年来|这[一二两三四五六七八九十]年"
)
_FUTURE_BEFORE = ("到", "至", "于", "在", "—", "－", "-", "~")
_FUTURE_AFTER = ("远景", "前", "底前", "末前", "以前", "目标", "的目标")
#: 前 opening a part of the year (2021年前三季度, 2021年前11个月) is no deadline (2025年前).
_PART_AFTER = re.compile(r"前[一二三四五六七八九十两\d０-９]")
#: A comparison base right before a year: 比2019年, 较2019年, 比疫情前的2019年同期, 与2019年相比.
#: 比重, 比例, 较快, 较大 are no comparison (占比重…, 保持较快增长的2021年).
_BASE_NEAR = re.compile(
    r"(?:相比|对比|相较|同比|(?:比|较)(?![重例率值好快大高低多少强]))[^，。；;,！？!?\d]{0,6}$"
)
#: A year that is a comparison base after the fact: 与2019年相比, 和2019年同期相比.
_BASE_AFTER = re.compile(r"(?:同期)?(?:相比|比较|相较)")
#: An N-year average growth (两年平均增长): the base year lies N years back.
_AVERAGE_SPAN = re.compile(r"([两二三四五])年(?:平均|年均)")
_SPAN_YEARS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5}
#: The year just past, named: 刚刚过去的2021年, 过去的2021年.
_PAST_YEAR = re.compile(r"(?:刚刚|刚)?过去的" + _YEAR + "年(?![前上下一二三四1-9０-９]|末|底)")


#: A plenary session of the national congress or of the national CPPCC, named by its term and
#: session: 第十四届全国人民代表大会第一次会议, 十四届全国人大一次会议, 全国政协十四届二次会议,
#: 政协第十三届全国委员会第五次会议. Standing-committee sessions (常委会第十次会议) are many a year.
_CN_NUM = "[一二三四五六七八九十]"
_NATIONAL_SESSION = re.compile(
    rf"第?({_CN_NUM}{{1,3}})届全国人(?:民代表)?大(?:会)?第?({_CN_NUM}{{1,2}})次会议"
    rf"|全国(?:人大|政协)({_CN_NUM}{{1,3}})届({_CN_NUM}{{1,2}})次会议"
    rf"|政协第?({_CN_NUM}{{1,3}})届全国委员会第?({_CN_NUM}{{1,2}})次会议"
)


def parse_session_year(text: str) -> int | None:
    """The year of the latest national plenary session the text names, else None.

    Both bodies have met once a year, in spring, since their sixth terms began in 1983, and
    each term lasts five years: session k of term N falls in 1983 + 5·(N − 6) + (k − 1). A
    national report is delivered at such a session, so news of it names its year this way
    even when no date survives on the page.

    >>> parse_session_year("在十四届全国人大一次会议上，国务院总理作政府工作报告")
    2023
    >>> parse_session_year("第十三届全国人民代表大会第五次会议"), parse_session_year("全国政协十四届二次会议")
    (2022, 2024)
    >>> parse_session_year("十四届全国人大常委会第十次会议") is None
    True
    """
    years = []
    for m in _NATIONAL_SESSION.finditer(text):
        term, session = [g for g in m.groups() if g]
        n, k = parse_number(term), parse_number(session)
        if n is not None and k is not None and 6 <= n <= 30 and 1 <= k <= 5:
            years.append(1983 + 5 * (int(n) - 6) + int(k) - 1)
    return max(years, default=None)


def parse_report_year(doc: Document) -> int | None:
    """The report's year: its metadata, else the best dating clue in the page (see module doc).

    >>> from pipeline.ingest.document import Document
    >>> def page(text, source=None):
    ...     return Document("r", "r.html", "", 0, "utf-8", source or text, text, None, year=None)
    >>> parse_report_year(page("过去五年，我们…到2025年基本实现…", '<a href="/n/2021-03/05/c_1.htm">'))
    2021
    >>> parse_report_year(page("x" * 700 + "2020年，全市生产总值增长3%。到2025年，翻一番。2035年远景目标"))
    2020
    >>> parse_report_year(page("过去五年极不平凡。" + "x" * 700 + "2022年国内生产总值达到121万亿元"))
    2023
    >>> parse_report_year(page("1-7月，全市投资同比增长7.4%，比2019年1-7月增长20.5%，两年平均增长9.8%。"))
    2021
    """
    if doc.year is not None:
        return doc.year
    if doc.published_at:
        return int(doc.published_at[:4])
    text = doc.clean_text
    head = text[:_HEAD]
    date = _DATE_IN.search(head)
    if date:
        return int(date.group(1))
    source = doc.source_text
    probe = (
        source
        if len(source) <= _SOURCE_HEAD + _SOURCE_TAIL
        else source[:_SOURCE_HEAD] + source[-_SOURCE_TAIL:]
    )
    machine = parse_own_machine_year(probe)
    if machine is None:
        # a text about this year's report that states last year's outturns outranks the vote
        # of linked addresses (site-wide images and older links carry other years)
        machine = parse_report_season_year(text)
    if machine is None:
        machine = parse_link_year(probe)
    if machine is not None:
        return machine
    own = parse_session_year(text)
    if own is None:
        own = parse_heading_year(text)
    if own is None:
        own = parse_plan_draft_year(text)
    if own is None:
        own = parse_past_year(text)
    if own is not None:
        return own
    milestone = parse_milestone_year(text)
    if milestone is not None:
        return milestone
    year = parse_latest_fact_year(head)
    if year is None:
        year = parse_latest_fact_year(text)
    if year is None:
        year = parse_base_year(text)
        return year if year is not None else parse_file_name_year(doc.file_name)
    if "今年" not in text and _LOOK_BACK.search(text):
        return year + 1  # a look-back (过去五年) names years up to the last one it reviews
    return year


def parse_file_name_year(file_name: str) -> int | None:
    """The year a report's file name carries (2026_浙江省_政府工作报告.txt, gwr_x_2026_excerpt.txt).

    The last resort, for a text that names no year at all (an excerpt of the year's goals that
    says only 今年): whoever saved the file usually named its year, though a news file may carry
    its data's year rather than the writer's, so any year in the text outranks it. A year must
    stand apart from letters and digits, so hash-like names (a2019f) carry none; of several, the
    latest.

    >>> parse_file_name_year("2026_浙江省_政府工作报告.txt"), parse_file_name_year("gwr_hb_2026.html")
    (2026, 2026)
    >>> parse_file_name_year("000_809e7810154ce7d6.txt") is None, parse_file_name_year("plan_2016-2020.md")
    (True, 2020)
    """
    years = [int(m.group(1)) for m in _FILE_NAME_YEAR.finditer(file_name)]
    return max(years) if years else None


_PLAN_DRAFT = re.compile(
    r"(?:第十([一二三四五六七八九])个五年规划|“?十([一二三四五六七八九])五”?规划)(?:和[^（》]{0,20})?纲要（草案）"
)


def parse_plan_draft_year(text: str) -> int | None:
    """The year a report submitting a five-year plan's draft is given: the plan's first year.

    A congress adopts the plan in its first year (the 2021 reports submit the 十四五 draft),
    so a report that names the draft, however little else it dates, speaks from then.

    >>> parse_plan_draft_year("我们编制了“十五五”规划纲要（草案），提交大会审议。")
    2026
    >>> parse_plan_draft_year("第十四个五年规划和二〇三五年远景目标纲要（草案）》一并审议")
    2021
    >>> parse_plan_draft_year("“十五五”规划纲要明确") is None
    True
    """
    m = _PLAN_DRAFT.search(text)
    if m is None:
        return None
    return fyp_years(10 + CN_DIGIT_VALUES[m.group(1) or m.group(2)])[0]


def parse_heading_year(text: str) -> int | None:
    """The report's year from its review or plan headings (first one found).

    >>> parse_heading_year("一、2025年和“十四五”时期工作回顾。过去的一年…")
    2026
    >>> parse_heading_year("三、关于2026年工作"), parse_heading_year("今年主要预期目标是…")
    (2026, None)
    >>> parse_heading_year("2025年主要目标任务的完成，标志着“十四五”规划顺利收官") is None  # a look back
    True
    """
    review = _REVIEW_HEADING.search(text)
    plan = _PLAN_HEADING.search(text)
    if review and (plan is None or review.start() < plan.start()):
        return int(review.group(1)) + 1
    if plan:
        return int(next(g for g in plan.groups() if g))
    return None


def parse_own_machine_year(source: str) -> int | None:
    """Year of the page's own ``<time datetime>``, else of its canonical or ``og:url`` address.

    >>> parse_own_machine_year('<time datetime="2022-03-05T10:00">3月5日</time>')
    2022
    >>> parse_own_machine_year('<link rel="canonical" href="http://www.gov.cn/xinwen/2021-03/12/content.htm">')
    2021
    >>> parse_own_machine_year("<p>no dates</p>") is None
    True
    """
    tag = _TIME_TAG.search(source)
    if tag:
        return int(tag.group(1))
    for own in _OWN_URL.finditer(source):
        dated = _URL_DATE.search(own.group())
        if dated:
            return int(dated.group(1))
    return None


def parse_link_year(source: str) -> int | None:
    """The most frequent year in the dated paths of the page's addresses (the latest on a tie).

    >>> parse_link_year('<img src="/a/202303/x.jpg"><a href="/b/202303/y.htm"><a href="/c/202401/z.htm">')
    2023
    """
    counts: Counter[int] = Counter()
    for address in _ADDRESS.finditer(source):
        for dated in _URL_DATE.finditer(address.group()):
            counts[int(dated.group(1))] += 1
    if not counts:
        return None
    return max(counts, key=lambda year: (counts[year], year))


def parse_past_year(text: str) -> int | None:
    """The year after the one the text calls just past (刚刚过去的2021年 → 2022).

    >>> parse_past_year("刚刚过去的2021年，我国诞生了首个“四万亿”城市。")
    2022
    >>> parse_past_year("过去的2021年前三季度") is None  # a part of the year is no year just past
    True
    """
    m = _PAST_YEAR.search(text)
    return int(m.group(1)) + 1 if m else None


def parse_latest_fact_year(text: str) -> int | None:
    """The latest year ``text`` names as a fact, goals, deadlines and comparison bases left out.

    >>> parse_latest_fact_year("2019年增长6%，2020年增长3%；到2025年翻番，2035年远景目标")
    2020
    >>> parse_latest_fact_year("2021年前三季度增长9.8%，比疫情前的2019年同期增长4.9%，2025年前建成")
    2021
    >>> parse_latest_fact_year("没有年份") is None
    True
    >>> parse_latest_fact_year("生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元")
    2025
    """
    latest = None
    for m in _YEAR_IN.finditer(text):
        start, end = m.span()
        if _is_goal_year(text, start, end) or _is_base_year(text, start, end):
            continue
        year = int(m.group(1))
        if latest is None or year > latest:
            latest = year
    return latest


def parse_base_year(text: str) -> int | None:
    """The year of a text that names years only as comparison bases: after the latest base.

    Growth 比2019年同期 is told from a later year: the next one, or N years on when the text
    gives an N-year average (两年平均增长, the way 2021 figures were set against 2019).

    >>> parse_base_year("同比增长14.9%，比2019年1-7月增长5.1%，两年平均增长2.5%。")
    2021
    >>> parse_base_year("全市生产总值比2020年增长8%。"), parse_base_year("增长8%。")
    (2021, None)
    """
    latest = None
    for m in _YEAR_IN.finditer(text):
        if _is_base_year(text, m.start(), m.end()):
            latest = max(latest or 0, int(m.group(1)))
    if latest is None:
        return None
    span = _AVERAGE_SPAN.search(text)
    return latest + (_SPAN_YEARS[span.group(1)] if span else 1)


def _is_goal_year(text: str, start: int, end: int) -> bool:
    """The year at text[start:end] is a goal or deadline (到2025年, 2025年前), not 2021年前三季度."""
    if text[max(0, start - 1) : start].endswith(_FUTURE_BEFORE):
        # …增长到2025年的4.93万亿元: the dated end of a change, a fact (到2025年的目标 is a goal)
        return not (text.startswith("的", end) and text[end + 1 : end + 2].isdigit())
    return text.startswith(_FUTURE_AFTER, end) and _PART_AFTER.match(text, end) is None


def _is_base_year(text: str, start: int, end: int) -> bool:
    """The year at text[start:end] is a comparison base (比2019年, 与2019年同期相比) or a change's start."""
    if text[max(0, start - 1) : start] in ("从", "由"):
        return True  # 从2013年的1.76缩小到1.61: the change runs to a later year
    if _BASE_NEAR.search(text, max(0, start - 8), start):
        return True
    return _BASE_AFTER.match(text, end, end + 4) is not None


#: What a text about the year's work report says: 今年 with the report or its goals.
_SEASON_TOPIC = re.compile(r"政府工作报告|今年[^。，；;\n]{0,12}?(?:预期目标|主要目标)")
#: A year that opens a full-year outturn: 2021年我国GDP同比增长8.1% / 2022年，全国粮食产量达到.
#: The clause after it (a comma right after the year, then no break) must hold an outturn verb
#: or the GDP's name (全省地区生产总值141633.81亿元) right before a number; a part of the year
#: (2021年前三季度, 2021年上半年, 2021年1-11月, 2021年末) or a comparison base (比2019年,
#: 较2020年) is no full-year outturn.
_OUTTURN_YEAR = re.compile(
    _YEAR
    + r"年(?![前上下一二三四1-9０-９]|末|底|全年目标|的?(?:政府工作报告|预期|目标|计划))"
    + r"[，,]?\s*[^，。；;！？!?\n]{0,24}?"
    + r"(?:增长|增速为?|下降|达到?|实现|突破|超过|上涨|净增|为|是|生产总值(?:（GDP）)?|GDP)"
    + r"\s*[约近超逾]?[\d０-９一二三四五六七八九十]"
)
_GOAL_IN_CLAUSE = re.compile(r"目标|预期|预测|预计|有望|计划|规划|力争|要求|要|将")
#: Words right before a year that make what follows a forecast (预测2021年中国GDP增长8%).
_FORECAST_BEFORE = re.compile(r"(?:预测|预计|估计|预期|有望|展望)[^，。；;\n]{0,4}$")
_BASE_BEFORE = ("比", "较", "同", "与", "和", "对", "于", "从", "自", "由")


def parse_report_season_year(text: str) -> int | None:
    """The year of a text that discusses this year's work report and states last year's outturns.

    A national or local work report is delivered in the first months of year Y and reviews
    year Y-1, so a text that speaks of 今年 together with the report or its goals, and
    states full-year outturns of year N, speaks from N+1 (2021年我国GDP同比增长8.1%, 今年的
    政府工作报告 → 2022). Part-year figures (2021年前三季度) and comparison bases (比2019年)
    are no outturns; a later year named as a fact (2023年…) voids the clue.

    >>> parse_report_season_year("今年的政府工作报告把目标确定在5.5%左右。2021年我国GDP同比增长8.1%。")
    2022
    >>> parse_report_season_year("今年发展主要预期目标是：增长5%左右。2022年国内生产总值增长3%。")
    2023
    >>> parse_report_season_year("今年的政府工作报告提出增长5.5%左右。2021年，全国粮食产量达到6.8亿吨。")
    2022
    >>> parse_report_season_year("2021年前三季度GDP增长9.8%，今年政府工作报告提出6%以上") is None
    True
    >>> parse_report_season_year("2022年，全市生产总值增长5%。") is None  # no 今年, no report
    True
    """
    if "今年" not in text or _SEASON_TOPIC.search(text) is None:
        return None
    latest = None
    for m in _OUTTURN_YEAR.finditer(text):
        if text[max(0, m.start() - 1) : m.start()].endswith(_BASE_BEFORE + _FUTURE_BEFORE) or _is_base_year(
            text, m.start(), m.start() + 5
        ):
            continue
        if _GOAL_IN_CLAUSE.search(m.group()) or _FORECAST_BEFORE.search(
            text, max(0, m.start() - 8), m.start()
        ):
            continue  # 2021年的目标是6%以上, 预测2021年中国GDP增长8%: a goal or forecast, not an outturn
        year = int(m.group(1))
        if latest is None or year > latest:
            latest = year
    if latest is None or _later_fact_year(text, latest + 1):
        return None
    return latest + 1


def _later_fact_year(text: str, year: int) -> bool:
    """True when ``text`` names a year after ``year`` as a fact (not a goal: 2035年我国要达到…)."""
    for m in _YEAR_IN.finditer(text):
        if int(m.group(1)) <= year:
            continue
        start, end = m.span()
        if _is_goal_year(text, start, end):
            continue
        cut = len(text)
        for ch in "，。；;\n":
            k = text.find(ch, end, end + 24)
            if k >= 0:
                cut = min(cut, k)
        if not _GOAL_IN_CLAUSE.search(text, end, min(cut, end + 24)):
            return True
    return False


#: The Nth five-year plan (“十四五”, "十三五", 「十五五」): 十一五 is 2006-2010, so plan N starts
#: in 1956 + 5(N-1).
_PLAN = r"[“\"「『‘]?十([一二三四五])五[”\"」』’]?"
_PLAN_N = {"一": 11, "二": 12, "三": 13, "四": 14, "五": 15}
#: The year's place in the plan: index 0-4 into its five years (收官 is the last).
_PLACES = {
    "开局": 0, "起步之年": 0, "起步年": 0, "第一年": 0, "首年": 0, "头一年": 0,
    "第二年": 1, "第三年": 2, "第四年": 3, "第2年": 1, "第3年": 2, "第4年": 3,
    "收官": 4, "最后一年": 4, "完成之年": 4,
}  # fmt: skip
#: Words between the plan and its place: 规划, 时期, 实施的, 圆满 (never a clause break or a quote).
_PLAN_PLACE = re.compile(
    _PLAN
    + r"(?:规划|时期)?[^，。；,;！？!?\n“”\"「」]{0,6}?("
    + "|".join(sorted(_PLACES, key=len, reverse=True))
    + ")"
)
_COUNT = r"(\d{2,3}|[一二三四五六七八九十百零]{1,5})"
#: Anniversaries: (pattern, founding year). The count N gives the year founding + N.
_ANNIVERSARIES = (
    (re.compile(r"(?:建党|(?:中国共产党|我们党|我党|党)成立)" + _COUNT + "周年"), 1921),
    (re.compile(r"(?:新中国|中华人民共和国|人民共和国|共和国)成立" + _COUNT + "周年"), 1949),
    (re.compile(r"改革开放" + _COUNT + "周年"), 1978),
)
#: Fixed-year milestones: 建党百年, and 2020 as the year 小康 and the fight against poverty were to be won.
_FIXED = (
    (re.compile(r"建党百年|(?:中国共产党|党的)百年华诞"), 2021),
    (
        re.compile(
            r"全面建成小康社会的?(?:目标实现|收官)?之年|脱贫攻坚战?的?(?:收官|决胜)之年|决战(?:决胜)?脱贫攻坚之年"
        ),
        2020,
    ),
)
#: Who a milestone is said of, nearest before it in its sentence: the text's own year (offset 0),
#: the year under review (offset +1: the text speaks from the year after), or another year (None).
_SUBJECT = re.compile(
    r"(?P<own>今年度?|本年度?)|(?P<review>过去的?一年|刚刚过去的一年|去年|上一年)"
    r"|(?P<other>明年|来年|下一?年|后年|前年|(?:19|20)\d{2}年|[一二三四五六七八九十两]年(?:来|前|后|间))"
)
#: Right after the subject (a pronoun or 也/将 between at most), a copula: 今年是, 今年恰逢,
#: 今年，我们将迎来. A 去年 that is a comparison's base (比去年增长5%，是…) is no subject.
#: 这一年 is left out: in a review it names the year just told, not the text's own.
_COPULA = re.compile(
    r"[，,\s]*(?:我们|我国|我省|我市|我区|我县|全国|全省|全市|也|又|将|正|就)*[，,\s]*"
    r"(?:是|为|恰逢|正逢|适逢|正值|迎来)"
)
#: Words after the copula that turn the milestone into a goal of another year (为“十四五”开好局打基础).
_FORWARD = re.compile(r"为|向|迎接|奠定|打下|基础|献礼|筹备|谋划|之前|前夕")
_SENTENCE_BREAK = "。；;！？!?\n"
_WINDOW = 60


def parse_milestone_year(text: str) -> int | None:
    """The text's year from a five-year-plan place or an anniversary said of its own year.

    Only a milestone whose sentence makes the text's own year (今年, 本年) or the year under
    review (过去的一年, 去年) its subject through a copula counts: 为“十四五”开好局 in a 2020
    text looks ahead, and 我们隆重庆祝新中国成立70周年 in a 2020 review names the past year.
    The first such statement in the text wins.

    >>> parse_milestone_year("今年是“十四五”开局之年，也是全面建设社会主义现代化国家新征程开启之年。")
    2021
    >>> parse_milestone_year("过去的一年，是“十三五”规划圆满收官之年。")
    2021
    >>> parse_milestone_year("今年是中国共产党成立98周年，是中华人民共和国成立70周年")
    2019
    >>> parse_milestone_year("今年要为“十四五”开好局打下坚实基础，为建党100周年献礼。") is None
    True
    """
    found = None
    for start, year in _milestones(text):
        offset = _subject_offset(text, start)
        if offset is not None and (found is None or start < found[0]):
            found = (start, year + offset)
    return found[1] if found else None


def _milestones(text: str) -> list[tuple[int, int]]:
    """Every plan place and anniversary in ``text``: (start offset, the year it names)."""
    found = []
    for m in _PLAN_PLACE.finditer(text):
        found.append((m.start(), 1956 + 5 * (_PLAN_N[m.group(1)] - 1) + _PLACES[m.group(2)]))
    for pattern, founded in _ANNIVERSARIES:
        for m in pattern.finditer(text):
            count = int(parse_number(m.group(1)))
            if 0 < count <= 200:
                found.append((m.start(), founded + count))
    for pattern, year in _FIXED:
        found.extend((m.start(), year) for m in pattern.finditer(text))
    return found


def _subject_offset(text: str, start: int) -> int | None:
    """0 when the milestone at ``start`` is said of the text's own year, 1 of the reviewed year, else None."""
    lo = max(0, start - _WINDOW)
    window = text[lo:start]
    cut = max(window.rfind(ch) for ch in _SENTENCE_BREAK)
    window = window[cut + 1 :]
    subjects = list(_SUBJECT.finditer(window))
    if not subjects:
        return None
    subject = subjects[-1]
    if subject.lastgroup == "other":
        return None
    rest = window[subject.end() :]
    copula = _COPULA.match(rest)
    if copula is None or _FORWARD.search(rest, copula.end()):
        return None
    return 0 if subject.lastgroup == "own" else 1
