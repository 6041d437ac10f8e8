"""Document metadata from the text: title, dates, authors, outlet, editor, site, area.

Reads the classified lines of :mod:`pipeline.ingest.lines` (bylines and breadcrumbs are
furniture for the article text but carry the metadata) and what the markup said (front
matter, ``<title>``, ``<meta>``, ``<h1>``). Only the head and the tail of a report are
searched, so the cost does not grow with the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from pipeline.ingest import places, vocab
from pipeline.ingest.dates import parse_date_in, parse_datetime_value
from pipeline.ingest.lines import BREADCRUMB, BYLINE, CONTENT, Line
from pipeline.ingest.markup import Markup

_HEAD_LINES = 40
_TAIL_LINES = 15
_TITLE_MAX = 80
_BYLINE_MAX = 80
#: Characters of clean text searched for place names (the area shows early; bounds the cost).
_AREA_SAMPLE = 200_000

_NAME = r"[\u4e00-\u9fff][\u4e00-\u9fff·]{1,4}"
_NAME_RE = re.compile(rf"^{_NAME}$")
_ALL_LABELS = sorted(
    {
        *vocab.SOURCE_LABELS,
        *vocab.EDITOR_LABELS,
        *vocab.AUTHOR_LABELS,
        *vocab.DATE_LABELS,
        *vocab.OTHER_LABELS,
    },
    key=len,
    reverse=True,
)
_ANY_LABEL = re.compile(r"(?:" + "|".join(map(re.escape, _ALL_LABELS)) + r")\s*[:：]")
_SOURCE_RE = re.compile(
    r"(?:" + "|".join(map(re.escape, sorted(vocab.SOURCE_LABELS, key=len, reverse=True))) + r")\s*[:：]\s*"
    r"([^\s\u3000:：|｜()（）\[\]【】,，;；]+)"
)
_EDITOR_RE = re.compile(r"(?:责任编辑|责编|编辑)\s*[:：]\s*(" + _NAME + r")")
_AUTHOR_RE = re.compile(
    r"(?:^|[\s(（【])(?:作者|记者|通讯员|撰稿|撰文|文)\s*[:：/]\s*((?:"
    + _NAME
    + r")(?:[\s、，,]+"
    + _NAME
    + r")*)"
)
_DATE_LABEL_RE = re.compile(r"(?:" + "|".join(map(re.escape, vocab.DATE_LABELS)) + r")\s*[:：]\s*")
_DATETIME_START = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?")
_ONLY_DATE = re.compile(r"^[（(]?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[）)]?$|^\d{4}-\d{1,2}-\d{1,2}$")
#: A delivery line (——2020年5月22日在…会议上, （2022年1月6日北京市…会议）); a date that opens a
#: sentence of the article (2022年1月6日，北京市…大会…上，…) tells an event, not this text's date.
_DELIVERY = re.compile(r"^[—－\-─]*\s*[（(]?\d{4}\s*年.{0,20}?日(?!\s*[，,、])[^。]*?(?:会议|大会|会上)")
_SPEAKER = re.compile(
    r"^(?P<office>[\u4e00-\u9fff（）()]{0,24}?(?:" + "|".join(map(re.escape, vocab.SPEAKER_OFFICES)) + r"))"
    r"[\s\u3000]+(?P<name>" + _NAME + r")$"
)
_REPORTER = re.compile(
    r"^(?P<outlet>\S{2,16}?(?:" + "|".join(map(re.escape, vocab.OUTLET_ENDINGS)) + r"))"
    r"[\s\u3000]+(?P<names>" + _NAME + r"(?:[\s\u3000、]+" + _NAME + r")*)$"
)
_TITLE_SPLIT = re.compile(r"\s+[-_|–—]+\s+|\s*[|｜_]\s*")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_REVIEW_TITLE = re.compile(r"(?:19|20)\d{2}\s*年[^。，,；\n]{0,14}?工作回顾")
#: Title words after a year that make the year the report's own (2021年XX市政府工作报告).
_REPORT_TITLE_WORDS = ("政府工作报告", "工作报告")
#: Title words after a year that make it a full year's outturn (2021年GDP十强城市, 2024年…统计公报).
_OUTTURN_TITLE = re.compile(r"GDP|生产总值|经济总量|经济运行|成绩单|统计公报|十强|百强|排名|排行")
#: ...unless the title is about a part of that year, a goal or a forecast (2021年前三季度GDP, 2022年GDP目标).
_NOT_OUTTURN_TITLE = re.compile(
    r"^\s*(?:前|上半年|下半年|第?[一二三四1-4]季度|\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月|\d{1,2}\s*月)"
    r"|目标|预期|预计|预测|有望|计划|规划|力争|工作报告"
)
_CLAUSE_BREAK = re.compile(r"[，,：:！？!?；;|｜]")
_NOT_TITLE_START = re.compile(r"^(?:[—－\-─(（]|各位|同志们)")
_HOME = {"首页", "网站首页", "主页", "返回首页"}
_DATE_META_KEYS = (
    "article:published_time",
    "og:release_date",
    "pubdate",
    "publishdate",
    "publish_date",
    "date",
    "dc.date",
    "firstpublishedtime",
)
_FRONT_DATE_KEYS = ("date", "published", "pubdate", "pubDate", "published_at")


@dataclass(frozen=True)
class Metadata:
    """What the text says about itself; ``None``/empty when it does not say."""

    title: str | None = None
    title_start: int | None = None  # offset (markup-free text) of the title line, if it is one
    published_at: str | None = None
    year: int | None = None
    authors: tuple[str, ...] = ()
    source: str | None = None
    editor: str | None = None
    site: str | None = None
    area: str | None = None


def extract_metadata(markup: Markup, lines: list[Line], clean_text: str) -> Metadata:
    """Collect the metadata of one document from its lines and markup."""
    head = lines[:_HEAD_LINES]
    tail = lines[-_TAIL_LINES:] if len(lines) > _HEAD_LINES else []
    near = head + tail
    title, title_start = _title(markup, head)
    published, delivered = _dates(markup, near)
    speaker = _speaker(head)
    local_names = places.extract_local_names(clean_text[:_AREA_SAMPLE])
    return Metadata(
        title=title,
        title_start=title_start,
        published_at=published or delivered,
        year=_year(delivered, published, title),
        authors=_authors(near, speaker, tail or head),
        source=_first_group(_SOURCE_RE, near),
        editor=_first_group(_EDITOR_RE, near),
        site=_site(markup, head),
        area=_area(speaker, title, head, clean_text[:_AREA_SAMPLE], local_names),
    )


def _title(markup: Markup, head: list[Line]) -> tuple[str | None, int | None]:
    front = markup.front_matter.get("title")
    if isinstance(front, str) and front.strip():
        return front.strip(), _line_with_text(head, front.strip())
    h1 = _first_h1_line(markup, head)
    if h1 is not None:
        return h1.text, h1.start
    if markup.html_title:
        parts = [p for p in _TITLE_SPLIT.split(markup.html_title) if p]
        title = max(parts[:2], key=len) if parts else markup.html_title
        return title, _line_with_text(head, title)
    for line in head:
        if line.kind == CONTENT and _looks_like_title(line.text):
            return line.text, line.start
    return None, None


def _looks_like_title(text: str) -> bool:
    return (
        4 <= len(text) <= _TITLE_MAX
        and not text.endswith(("：", ":", "。", "；", "，"))
        and "。" not in text
        and not _NOT_TITLE_START.match(text)
        and not _SPEAKER.match(text)
        and not _ONLY_DATE.match(text)
    )


def _line_with_text(head: list[Line], text: str) -> int | None:
    for line in head:
        if line.kind == CONTENT and line.text == text:
            return line.start
    return None


def _first_h1_line(markup: Markup, head: list[Line]) -> Line | None:
    spans = [(s, e) for s, e, level in markup.heading_spans if level == 1]
    if not spans or not head:
        return None
    start, end = (int(x) for x in np.searchsorted(markup.offsets, min(spans)))
    for line in head:
        if line.kind == CONTENT and line.start < end and line.end > start:
            return line
    return None


def _dates(markup: Markup, near: list[Line]) -> tuple[str | None, str | None]:
    """(published, delivered) dates of the page, in order of trust.

    A labelled date or a byline opening with one, then meta, then front matter, then a date
    anywhere in a byline or short labelled line, then a date alone on a line.
    """
    published = delivered = None
    standalone = byline = None
    for line in near:
        labelled = _DATE_LABEL_RE.search(line.text)
        if published is None and labelled:
            published = parse_date_in(line.text[labelled.end() :])
        if published is None and line.kind == BYLINE and _DATETIME_START.match(line.text):
            published = parse_date_in(line.text)
        if byline is None and _is_byline(line):
            byline = parse_date_in(line.text)  # 来源：新华网 | 2021-03-05, 作者：张三 2021-03-05
        if delivered is None and _DELIVERY.match(line.text):
            delivered = parse_date_in(line.text)
        if standalone is None and _ONLY_DATE.match(line.text):
            standalone = parse_date_in(line.text)
    if published is None:
        for key in _DATE_META_KEYS:
            if key in markup.meta:
                published = parse_datetime_value(markup.meta[key])
                if published:
                    break
    if published is None:
        for key in _FRONT_DATE_KEYS:
            if key in markup.front_matter:
                published = parse_datetime_value(markup.front_matter[key])
                if published:
                    break
    return published or byline or standalone, delivered


def _is_byline(line: Line) -> bool:
    """A byline or a short labelled line (来源：…, 作者：…): a date in it is the page's date."""
    return line.kind == BYLINE or (len(line.text) <= _BYLINE_MAX and _ANY_LABEL.search(line.text) is not None)


def _year(delivered: str | None, published: str | None, title: str | None) -> int | None:
    """The year the report speaks from: delivered, else a report's own title year, else published.

    A page reposting “2021年政府工作报告” a year later still speaks from 2021 (its 今年 is
    2021); a news title's year (2021年GDP…) is the data's year, not the writer's.

    >>> _year(None, "2022-01-10", "2021年政府工作报告（全文）"), _year(None, "2022-01-10", "2021年GDP")
    (2021, 2022)
    >>> _year("2021-01-17", "2022-01-10", "2020年政府工作报告"), _year(None, "2022-01-10", "2021年GDP十强")
    (2021, 2022)
    >>> _year(None, None, "一、2025年和“十四五”时期工作回顾")  # a review is delivered the year after
    2026

    With no date at all, a title naming a year's full outturn (2021年GDP十强城市, 2024年国民经济和
    社会发展统计公报) was written once that year's figures were out, in the year after; a part
    of the year (2021年前三季度GDP), a goal or a forecast keeps the title's year.

    >>> _year(None, None, "2021年GDP十强城市"), _year(None, None, "2021年前三季度GDP十强")
    (2022, 2021)
    >>> _year(None, None, "中华人民共和国2024年国民经济和社会发展统计公报")
    2025
    >>> _year(None, None, "2022年GDP目标")
    2022
    """
    if delivered:
        return int(delivered[:4])
    match = _TITLE_YEAR.search(title or "")
    if match and any(word in title[match.end() :] for word in _REPORT_TITLE_WORDS):
        return int(match.group(1))
    if published:
        return int(published[:4])
    if match and _REVIEW_TITLE.search(title):
        return int(match.group(1)) + 1  # 一、2025年工作回顾 as the first line: the 2026 report
    if match is None:
        return None
    clause = _CLAUSE_BREAK.split(title[match.end() :], maxsplit=1)[0]
    if _OUTTURN_TITLE.search(clause) and not _NOT_OUTTURN_TITLE.search(clause):
        return int(match.group(1)) + 1
    return int(match.group(1))


def _speaker(head: list[Line]) -> re.Match[str] | None:
    for line in head:
        if line.kind == CONTENT:
            match = _SPEAKER.match(line.text)
            if match:
                return match
    return None


def _authors(near: list[Line], speaker: re.Match[str] | None, tail: list[Line]) -> tuple[str, ...]:
    for line in near:
        if line.kind == BYLINE:
            start = _DATETIME_START.match(line.text)
            if start:
                rest = line.text[start.end() :]
                label = _ANY_LABEL.search(rest)
                names = [t for t in (rest[: label.start()] if label else rest).split() if _NAME_RE.match(t)]
                if names:
                    return tuple(names)
        labelled = _AUTHOR_RE.search(line.text)
        if labelled and line.kind in {BYLINE, CONTENT} and len(line.text) <= 60:
            return tuple(n for n in re.split(r"[\s、，,]+", labelled.group(1)) if n)
    if speaker:
        return (speaker.group("name"),)
    for line in reversed([x for x in tail if x.kind == CONTENT][-5:]):
        reporter = _REPORTER.match(line.text)
        if reporter:
            return tuple(re.split(r"[\s\u3000、]+", reporter.group("names")))
    return ()


def _first_group(pattern: re.Pattern[str], lines: list[Line]) -> str | None:
    for line in lines:
        if line.kind in {BYLINE, CONTENT} and len(line.text) <= 160:
            match = pattern.search(line.text)
            if match:
                return match.group(1)
    return None


def _breadcrumb_items(head: list[Line]) -> list[str]:
    for line in head:
        if line.kind == BREADCRUMB:
            text = re.sub(r"^[^:：>›»]*[:：]\s*", "", line.text, count=1)
            return [i for i in re.split(r"\s*[>›»]\s*", text) if i and i not in _HOME]
    return []


def _site(markup: Markup, head: list[Line]) -> str | None:
    """og:site_name, else a breadcrumb root naming an outlet, else the <title> suffix, else front matter."""
    if markup.meta.get("og:site_name"):
        return markup.meta["og:site_name"]
    crumbs = _breadcrumb_items(head)
    if crumbs and crumbs[0].endswith((*vocab.OUTLET_ENDINGS, "政府", "网站")):
        return crumbs[0]
    if markup.html_title:
        parts = [p for p in _TITLE_SPLIT.split(markup.html_title) if p]
        if len(parts) >= 2:
            return parts[-1]
    for key in ("site", "author", "source"):
        value = markup.front_matter.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _area(
    speaker: re.Match[str] | None,
    title: str | None,
    head: list[Line],
    clean_text: str,
    local_names: dict[str, str],
) -> str | None:
    congress = next((a for line in head if (a := places.parse_congress_area(line.text))), None)
    if congress:
        return congress  # the congress that hears the report is the report's own area
    contexts = [speaker.group("office") if speaker else None, title, " ".join(_breadcrumb_items(head))]
    for context in contexts:
        if context:
            area = places.parse_local_government(context, clean_text) or places.parse_area_in(
                context, local_names
            )
            if area:
                return area
    return places.parse_most_frequent_area(clean_text, local_names)
