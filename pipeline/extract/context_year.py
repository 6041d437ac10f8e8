"""The year a report speaks from, when its metadata gives none.

今年, 去年 and 过去五年 resolve against the report's year. The reader takes it from the
report's delivery or publication date or a year in its title; a page saved without any of
those (an HTML excerpt, a repost with no byline) still carries dating clues, tried here in
order of trust, each read once per document:

1. a full date written near the top of the text (2021年3月5日, 2021-03-05);
2. the page's own machine dates: ``<time datetime>``, the canonical or ``og:url`` address;
3. dated paths of the addresses in the page (``/2021-03/``, ``/202103/``, ``/2021/03/``,
   ``/20210305/``): the most frequent year, the latest on a tie;
4. the report's own headings: a review of year Y (2025年工作回顾, 2025年和“十四五”时期工作
   回顾) is delivered in Y+1; the year's plan (2026年工作安排, 关于2026年工作, 2026年主要预期
   目标) names the report's year;
5. the latest year named near the top of the text;
6. the latest year the body names as a past or present fact, leaving out goals and
   deadlines (到2025年, 2035年远景目标, 2025年前), which name years still to come.

A text that looks back (过去五年, 五年来, 这五年, 过去一年) and never says 今年 speaks from
the year after the last one it names (a review of 2018-2022 names 2022 and is given in 2023).

Only the head and tail of the source are searched for addresses, so the cost stays bounded.
"""

from __future__ import annotations

import re
from collections import Counter

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
_REVIEW_HEADING = re.compile(_YEAR + r"年[^。，,；\n]{0,14}?工作回顾")
_PLAN_HEADING = re.compile(
    r"关于"
    + _YEAR
    + r"年(?:政府)?工作|"
    + _YEAR
    + r"年(?:政府)?工作(?:安排|的?总体要求)|"
    + _YEAR
    + r"年(?:经济社会发展的?)?主要(?:预期)?目标"
)
_LOOK_BACK = re.compile(
    r"过去的?[一二两三四五六七八九十]年|[一二两三四五六七八九十]年来|这[一二两三四五六七八九十]年"
)
_FUTURE_BEFORE = ("到", "至", "于", "在", "—", "－", "-", "~")
_FUTURE_AFTER = ("远景", "前", "底前", "末前", "以前", "目标", "的目标")


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
    machine = parse_machine_year(probe)
    if machine is not None:
        return machine
    own = parse_heading_year(text)
    if own is not None:
        return own
    years = [int(y) for y in _YEAR_IN.findall(head)]
    year = max(years) if years else parse_latest_fact_year(text)
    if year is not None and "今年" not in text and _LOOK_BACK.search(text):
        return year + 1  # a look-back (过去五年) names years up to the last one it reviews
    return year


def parse_heading_year(text: str) -> int | None:
    """The report's year from its review or plan headings (first one found).

    >>> parse_heading_year("一、2025年和“十四五”时期工作回顾。过去的一年…")
    2026
    >>> parse_heading_year("三、关于2026年工作"), parse_heading_year("今年主要预期目标是…")
    (2026, None)
    """
    review = _REVIEW_HEADING.search(text)
    plan = _PLAN_HEADING.search(text)
    if review and (plan is None or review.start() < plan.start()):
        return int(review.group(1)) + 1
    if plan:
        return int(next(g for g in plan.groups() if g))
    return None


def parse_machine_year(source: str) -> int | None:
    """Year of the page's own machine-readable date or address, else of its dated addresses.

    >>> parse_machine_year('<time datetime="2022-03-05T10:00">3月5日</time>')
    2022
    >>> parse_machine_year('<link rel="canonical" href="http://www.gov.cn/xinwen/2021-03/12/content.htm">')
    2021
    >>> parse_machine_year('<img src="/a/202303/x.jpg"><a href="/b/202303/y.htm"><a href="/c/202401/z.htm">')
    2023
    >>> parse_machine_year("<p>no dates</p>") is None
    True
    """
    tag = _TIME_TAG.search(source)
    if tag:
        return int(tag.group(1))
    for own in _OWN_URL.finditer(source):
        dated = _URL_DATE.search(own.group())
        if dated:
            return int(dated.group(1))
    counts: Counter[int] = Counter()
    for address in _ADDRESS.finditer(source):
        for dated in _URL_DATE.finditer(address.group()):
            counts[int(dated.group(1))] += 1
    if not counts:
        return None
    return max(counts, key=lambda year: (counts[year], year))


def parse_latest_fact_year(text: str) -> int | None:
    """The latest year ``text`` names as a fact, goals and deadlines left out.

    >>> parse_latest_fact_year("2019年增长6%，2020年增长3%；到2025年翻番，2035年远景目标")
    2020
    >>> parse_latest_fact_year("没有年份") is None
    True
    """
    latest = None
    for m in _YEAR_IN.finditer(text):
        start, end = m.span()
        if text[max(0, start - 1) : start].endswith(_FUTURE_BEFORE) or text.startswith(_FUTURE_AFTER, end):
            continue
        year = int(m.group(1))
        if latest is None or year > latest:
            latest = year
    return latest
