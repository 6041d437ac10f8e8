"""Second cleaning pass: classify lines, drop page furniture, assemble the clean text.

Works on the markup-free text line by line with generic rules:

- navigation bars: one line of >= 4 short items split by ``|``/spaces, or a run of
  >= 4 consecutive very short lines (menu items on their own lines);
- breadcrumbs ("您所在的位置：东南网 > …", or >= 2 ``>`` separators between short items);
- widget lines made only of words in :data:`~pipeline.ingest.vocab.WIDGET_WORDS`
  (分享到, 打印, 【字号…), promotion lines ("…尽在新浪财经APP");
- pagination ("1  2  3  4", 上一页/下一页);
- byline/metadata lines (来源：, 责任编辑：, a datetime followed by names...): kept out of
  the article text but returned so :mod:`pipeline.ingest.metadata` can read them;
- "相关新闻"-style lists: the heading and the short title lines after it.

Kept lines are stripped of surrounding whitespace (ASCII, full-width and no-break
spaces) and joined by the newline that ended them, so every clean character, line
breaks included, maps to a real character of the source.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import numpy as np

from pipeline.ingest import vocab
from pipeline.ingest.offsets import Piece, rewrite

CONTENT = "content"
NAV = "nav"
BREADCRUMB = "breadcrumb"
WIDGET = "widget"
PAGINATION = "pagination"
BYLINE = "byline"
RELATED = "related"

_WS = " \t\u3000\xa0\u200b\ufeff\x0b\x0c"
_SEPARATOR_RUN = re.compile(f"[{re.escape(vocab.SEPARATORS)}]+")
_WIDGET_RE = re.compile("|".join(map(re.escape, sorted(vocab.WIDGET_WORDS, key=len, reverse=True))))
_NAV_SPLIT = re.compile(r"\s*[|｜]\s*|[ \t\u3000\xa0]+")
_SENTENCE_PUNCT = re.compile(r"[。，；！？,;!?]")
_PAGE_TOKEN = re.compile(r"^(?:\d{1,3}|上一页|下一页|首页|尾页|末页|第\d+页|共\d+页|[<>«»‹›]+)$")
_CRUMB_SPLIT = re.compile(r"\s*[>›»]\s*|\s*&gt;\s*")
_DATETIME_START = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?")
#: A table cell holding a number alone (8.4, -120.5, 43214.85, 8.1%).
_CELL_NUMBER = re.compile(r"^[-−+]?\d[\d,]*(?:\.\d+)?%?$")
#: An outlet's dateline: a short name, then a full date and nothing else (长江日报 2025年01月17日).
_DATELINE = re.compile(
    r"^[A-Za-z\u4e00-\u9fff·]{2,16}[\s\u3000]+\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
    r"(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$"
)
_LABELS = (
    *vocab.SOURCE_LABELS,
    *vocab.EDITOR_LABELS,
    *vocab.AUTHOR_LABELS,
    *vocab.DATE_LABELS,
    *vocab.OTHER_LABELS,
)
_LABEL_RE = re.compile(
    r"(?:^|[\s(（【\[|])(?:" + "|".join(map(re.escape, sorted(_LABELS, key=len, reverse=True))) + r")\s*[:：]"
)
_BREADCRUMB_RE = re.compile(r"^(?:" + "|".join(map(re.escape, vocab.BREADCRUMB_PREFIXES)) + r")\s*[:：]")
_RELATED_RE = re.compile(r"^(?:" + "|".join(map(re.escape, vocab.RELATED_HEADINGS)) + r")\s*[:：]?$")
_PROMO_RE = re.compile(r"(?:" + "|".join(map(re.escape, vocab.PROMO_ENDINGS)) + r")[!！。]?$")

#: Longest item of a navigation bar, and of a menu item on its own line.
_NAV_ITEM_MAX = 6
_MENU_LINE_MAX = 5
_MENU_RUN_MIN = 4
#: Longest line still considered a byline / a related-article title.
_BYLINE_MAX = 120
_RELATED_TITLE_MAX = 50
#: Longest line that can still be furniture (a long navigation bar).
_FURNITURE_MAX = 160


@dataclass(frozen=True)
class Line:
    """A non-blank line of the markup-free text, stripped, with its kind."""

    start: int  # offset of the stripped line in the markup-free text
    end: int
    text: str
    kind: str


@dataclass
class Cleaned:
    """Clean text, its offset map into the source, and every classified line."""

    text: str
    offsets: np.ndarray
    lines: list[Line]  # all non-blank lines, furniture included, in order
    clean_starts: dict[int, int]  # Line.start -> offset in the clean text, for kept lines


def classify_line(text: str) -> str:
    """Kind of one stripped line, judged on its own.

    >>> classify_line("直通屏山| 视频| 福建| 时评| 台海| 娱乐")
    'nav'
    >>> classify_line("您所在的位置:东南网 > 东南网泉州频道 > 正文")
    'breadcrumb'
    >>> classify_line("分享到:")
    'widget'
    >>> classify_line("1  2  3  4")
    'pagination'
    >>> classify_line("2021-01-17 09:55:20 蔡紫旻 陈凌鹭 来源:泉州晚报  责任编辑:王娇榕")
    'byline'
    >>> classify_line("长江日报 2025年01月17日")
    'byline'
    >>> classify_line("全市生产总值由一季度下降10.3%到全年增长2.8%。")
    'content'
    """
    if len(text) > _FURNITURE_MAX and "。" in text:
        return CONTENT  # furniture lines are short; skip the checks on long paragraphs
    if _is_pagination(text):
        return PAGINATION
    if _is_breadcrumb(text):
        return BREADCRUMB
    if _RELATED_RE.match(text):
        return RELATED
    if not _SEPARATOR_RUN.sub("", _WIDGET_RE.sub("", text)):
        return WIDGET
    if _is_nav(text):
        return NAV
    if len(text) <= 40 and _PROMO_RE.search(text) and "。" not in text[:-1]:
        return WIDGET
    if _is_byline(text):
        return BYLINE
    return CONTENT


def _is_pagination(text: str) -> bool:
    tokens = text.split()
    if len(tokens) < 2 or not all(_PAGE_TOKEN.match(t) for t in tokens):
        return False
    numbers = [int(t) for t in tokens if t.isdigit()]
    return all(b == a + 1 for a, b in itertools.pairwise(numbers)) and (
        len(numbers) < len(tokens) or (numbers and numbers[0] == 1)
    )


def _is_breadcrumb(text: str) -> bool:
    if _BREADCRUMB_RE.match(text):
        return True
    items = _CRUMB_SPLIT.split(text)
    return len(items) >= 3 and all(0 < len(i) <= 16 for i in items) and not _SENTENCE_PUNCT.search(text)


def _is_nav(text: str) -> bool:
    if _SENTENCE_PUNCT.search(text):
        return False
    items = [i for i in _NAV_SPLIT.split(text) if i]
    return (
        len(items) >= 4
        and all(len(i) <= _NAV_ITEM_MAX for i in items)
        and ("|" in text or "｜" in text or len(items) >= 6)
        and not _is_table_row(items)
    )


def _is_table_row(items: list[str]) -> bool:
    """Cells of a table row of figures (福州 | 8.4 | 842 | -120.5), not navigation.

    Two or more numbers, one of them more than a page number (a decimal, a percentage or
    three digits).

    >>> _is_table_row(["福州", "8.4", "842", "-120.5"]), _is_table_row(["首页", "1", "2", "3", "下一页"])
    (True, False)
    """
    numbers = [i for i in items if _CELL_NUMBER.match(i)]
    return len(numbers) >= 2 and any(len(n.strip("-−+%")) >= 3 or "." in n or "%" in n for n in numbers)


def _is_byline(text: str) -> bool:
    if len(text) > _BYLINE_MAX or "。" in text:
        return False
    if _LABEL_RE.search(text) and (
        len(text) <= 40 or _DATETIME_START.match(text) or text.count("：") + text.count(":") >= 2
    ):
        return True
    if _DATELINE.match(text):
        return True
    return bool(_DATETIME_START.match(text)) and len(text) <= 60 and not _SENTENCE_PUNCT.search(text)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of ``text`` with their stripped spans, classified."""
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip(_WS)
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip(_WS)))
            lines.append(Line(start, start + len(stripped), stripped, classify_line(stripped)))
        pos += len(raw) + 1
    return _mark_runs(lines)


def _mark_runs(lines: list[Line]) -> list[Line]:
    """Rules that need neighbours: menu runs and the titles listed after 相关新闻."""
    out = list(lines)
    run: list[int] = []
    for i, line in enumerate([*lines, None]):
        short = (
            line is not None
            and line.kind in {CONTENT, WIDGET, NAV}
            and len(line.text) <= _MENU_LINE_MAX
            and not _SENTENCE_PUNCT.search(line.text)
        )
        if short:
            run.append(i)
            continue
        if len(run) >= _MENU_RUN_MIN:
            for j in run:
                out[j] = Line(out[j].start, out[j].end, out[j].text, NAV)
        run = []
    in_related = False
    for i, line in enumerate(out):
        if line.kind == RELATED:
            in_related = True
        elif in_related and line.kind == CONTENT:
            if len(line.text) <= _RELATED_TITLE_MAX and "。" not in line.text:
                out[i] = Line(line.start, line.end, line.text, RELATED)
            else:
                in_related = False
    return out


def build_clean(text: str, offsets: np.ndarray, sentinel: int) -> Cleaned:
    """Keep the content lines of ``text``, joined by their own newlines."""
    lines = split_lines(text)
    kept = [line for line in lines if line.kind == CONTENT]
    pieces: list[Piece] = []
    clean_starts: dict[int, int] = {}
    length = 0
    for n, line in enumerate(kept):
        clean_starts[line.start] = length
        pieces.append((line.start, line.end, None))
        length += line.end - line.start
        if n + 1 < len(kept):
            newline = text.find("\n", line.end)
            pieces.append((newline, newline + 1, None))
            length += 1
    clean, clean_offsets = rewrite(text, offsets, pieces, sentinel)
    return Cleaned(clean, clean_offsets, lines, clean_starts)
