"""Section headings of the clean text, with their clean and source offsets.

Recognised, in order: heading elements of the markup (``<h1>``-``<h4>``, a line that is
all ``<strong>``, markdown ``#``); numbered headings (一、 / （一） / 1. / （1）, the
whole line or its first short sentence); bullet-marked headings over items with another mark
(■ 2024年成绩单 / ●…); run-in headings (a short first sentence without
commas or digits that opens a long paragraph, "先进制造业骨干作用增强。…"); and short
standalone lines in heading position (no closing punctuation, followed by a paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from pipeline.ingest.document import Section
from pipeline.ingest.lines import CONTENT, Line

_NUMBERED = (
    (re.compile(r"^第[一二三四五六七八九十百]+[章节部分篇]"), 1),
    (re.compile(r"^[一二三四五六七八九十百]+[、.．]"), 1),
    (re.compile(r"^[（(][一二三四五六七八九十]+[）)]"), 2),
    (re.compile(r"^\d{1,2}[、.．](?!\d)"), 3),
    (re.compile(r"^[（(]\d{1,2}[）)]"), 4),
)
_BULLET = re.compile(r"^[★☆●○■□◆◇▲△►•·\-*—－]")
#: Marks that news summaries put before a heading over bullet items (■ 2024年成绩单 / ●…).
_HEADING_BULLET = re.compile(r"^[■□◆◇▲△★☆►▶]\s*")
_END_PUNCT = ("。", "；", ";", "，", ",", "：", ":", "！", "!", "？", "?", "、", "…")
_RUN_IN = re.compile(r"^(?:——)?([^，,、：:；;。！？\d]{4,16})。")
_SHORT_MAX = 30
_NUMBERED_MAX = 60
_FIRST_SENTENCE_MAX = 40
_PARAGRAPH_MIN = 40
_ONLY_DIGITS = re.compile(r"^[\d\s.,%]+$")


def extract_sections(
    lines: Sequence[Line],
    clean_starts: dict[int, int],
    clean_offsets: np.ndarray,
    markup_offsets: np.ndarray,
    heading_spans: Sequence[tuple[int, int, int]],
    skip: int | None = None,
) -> tuple[Section, ...]:
    """Headings among the kept lines; ``skip`` is the title line's start (not a section).

    Neighbours are judged on all lines, furniture included, so that an issuer line
    followed by a dropped date line is not taken for a heading.
    """
    kept = [line for line in lines if line.kind == CONTENT]
    marked = _marked_levels(kept, markup_offsets, heading_spans)
    sections: list[Section] = []
    for i, line in enumerate(lines):
        if line.kind != CONTENT or line.start == skip:
            continue
        found = _heading(line, i, lines, marked)
        if found is None:
            continue
        title, level = found
        clean_start = clean_starts[line.start]
        sections.append(Section(" ".join(title.split()), clean_start, int(clean_offsets[clean_start]), level))
    return tuple(sections)


def _marked_levels(
    kept: Sequence[Line], markup_offsets: np.ndarray, heading_spans: Sequence[tuple[int, int, int]]
) -> dict[int, int]:
    """Line start -> level, for lines wholly inside a heading element of the markup."""
    if not heading_spans or not kept:
        return {}
    starts = np.fromiter((line.start for line in kept), dtype=np.int64, count=len(kept))
    marked: dict[int, int] = {}
    for src_start, src_end, level in heading_spans:
        start, end = (int(x) for x in np.searchsorted(markup_offsets, (src_start, src_end)))
        i = int(np.searchsorted(starts, start))
        while i < len(kept) and kept[i].end <= end:
            if kept[i].start >= start:
                marked[kept[i].start] = min(level, marked.get(kept[i].start, level))
            i += 1
    return marked


def _heading(line: Line, i: int, lines: Sequence[Line], marked: dict[int, int]) -> tuple[str, int] | None:
    text = line.text
    if line.start in marked and len(text) <= _NUMBERED_MAX:
        return text, marked[line.start]
    for pattern, level in _NUMBERED:
        if pattern.match(text):
            title = _numbered_title(text)
            return (title, level) if title else None
    bulleted = _bulleted_heading(text, lines[i + 1] if i + 1 < len(lines) else None)
    if bulleted:
        return bulleted, 2
    run_in = _RUN_IN.match(text)
    if run_in and len(text) - run_in.end() >= _PARAGRAPH_MIN:
        return run_in.group(1), 3
    if not _is_short(text):
        return None
    following = lines[i + 1] if i + 1 < len(lines) else None
    if following is None or following.kind != CONTENT:
        return None
    if _is_paragraph(following.text):
        return text, 2
    # The first of two short lines over a paragraph ("落实“六稳”“六保” / 发展更加全方位").
    after = lines[i + 2] if i + 2 < len(lines) else None
    previous = lines[i - 1] if i > 0 else None
    if (
        _is_short(following.text)
        and after is not None
        and after.kind == CONTENT
        and _is_paragraph(after.text)
        and not (previous is not None and previous.kind == CONTENT and _is_short(previous.text))
        and not any(pattern.match(following.text) for pattern, _ in _NUMBERED)
    ):
        return text, 2
    return None


def _bulleted_heading(text: str, following: Line | None) -> str | None:
    """The title of a bullet-marked heading (■ 2025年主要预期目标) over differently marked items.

    News summaries mark a heading with one sign and its items with another (■ … / ●…); a
    line followed by a line with the same mark is an item of a list, not a heading.
    """
    mark = _HEADING_BULLET.match(text)
    if mark is None or following is None or following.kind != CONTENT:
        return None
    title = text[mark.end() :].strip()
    if not _is_short(title) or following.text.startswith(text[0]):
        return None
    return title if _is_paragraph(following.text) else None


def _numbered_title(text: str) -> str | None:
    if "。" not in text[:-1] and len(text) <= _NUMBERED_MAX:
        return text.rstrip("。")
    first = text.split("。", 1)[0]
    return first if len(first) <= _FIRST_SENTENCE_MAX else None


def _is_short(text: str) -> bool:
    return (
        len(text) <= _SHORT_MAX
        and not text.endswith(_END_PUNCT)
        and not _BULLET.match(text)
        and not text.startswith(("（", "("))
        and not _ONLY_DIGITS.match(text)
    )


def _is_paragraph(text: str) -> bool:
    """A paragraph (or a bullet item) under a heading."""
    return (
        "。" in text
        or len(text) >= _PARAGRAPH_MIN
        or text.endswith(("！", "!", "？", "?"))
        or bool(_BULLET.match(text) and not text.startswith(("—", "－", "-")))
    )
