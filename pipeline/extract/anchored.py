"""Regex scans that try a big pattern only where one of its matches can start.

Python's ``re`` runs a fast C loop over the text only when a pattern opens with one
literal or one character class. Our big alternations (the mask, the number grammar, time
phrases, target words) open with many different characters, so ``finditer`` spends most
of its time trying every alternative at positions where none can start (about 140 ns per
character of text). Here a one-class pattern, which ``re`` scans in C, finds the few
candidate positions and the big pattern is tried only there: the same matches, several
times faster.

The contract: every match of ``pattern`` starts at a position where ``starts`` matches
(its first character is in the class), and ``pattern`` never matches the empty string.
Each use keeps its start class next to its pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def finditer_from(
    pattern: re.Pattern[str], starts: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    r"""Exactly the matches of ``pattern.finditer(text, pos, endpos)``, found from candidates.

    >>> pattern = re.compile(r"\d+年|第[一二三]")
    >>> starts = re.compile(r"[0-9第]")
    >>> text = "第一，2020年和2021年，第四"
    >>> [m.group() for m in finditer_from(pattern, starts, text)]
    ['第一', '2020年', '2021年']
    >>> [m.span() for m in finditer_from(pattern, starts, text)] == [m.span() for m in pattern.finditer(text)]
    True
    """
    end = len(text) if endpos is None else endpos
    match = pattern.match
    for candidate in starts.finditer(text, pos, end):
        start = candidate.start()
        if start < pos:
            continue  # inside the previous match
        m = match(text, start, end)
        if m is not None:
            yield m
            pos = m.end()


def search_from(
    pattern: re.Pattern[str], starts: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> re.Match[str] | None:
    r"""Exactly ``pattern.search(text, pos, endpos)``, tried only at candidate positions.

    >>> search_from(re.compile(r"\d+年"), re.compile(r"[0-9]"), "自2020年以来", 0).span()
    (1, 6)
    """
    return next(finditer_from(pattern, starts, text, pos, endpos), None)
