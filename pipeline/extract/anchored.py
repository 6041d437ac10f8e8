"""Regex scans that try a big pattern only where one of its matches can start.

Python's ``re`` runs a fast C loop over the text only when a pattern opens with one
literal or one character class. Our big alternations (the mask, the number grammar, time
phrases, target words, growth keywords) open with many different characters, so
``finditer`` spends most of its time trying every alternative at positions where none can
start (about 140 ns per character of text). :class:`Anchored` derives from the pattern
the class of characters its matches can start with and builds a finder that opens with
that class (so ``re`` skips ahead in C) and checks the pattern in a look-ahead. The
matches are exactly those of the pattern's own ``finditer``/``search``, several times
faster.

The class is read from the pattern's parse tree, so it cannot go stale when a pattern
changes. Patterns outside what the reader understands (negated classes, ``.``, back
references, case folding, or a pattern that can match the empty string) get no class and
are scanned the ordinary way: slower, never wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

try:  # the parser behind re.compile; private, so a change in it only costs speed
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    _sre = _sre_parse = None  # type: ignore[assignment]


class _Unsupported(Exception):
    """A pattern construct whose first characters are not worked out here."""


_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _first_of_sequence(items: Iterable[tuple[object, object]]) -> tuple[set[str], bool]:
    """(class items a match of the sequence can start with, whether it can match empty)."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _first_of_item(op, av)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_of_item(op: object, av: object) -> tuple[set[str], bool]:
    """First-character class items of one parsed element, and whether it can match empty."""
    name = str(op)
    if name == "LITERAL":
        return {re.escape(chr(av))}, False  # type: ignore[arg-type]
    if name == "IN":
        return _class_items(av), False  # type: ignore[arg-type]
    if name == "SUBPATTERN":
        _group, add_flags, _del_flags, sub = av  # type: ignore[misc]
        if add_flags & re.IGNORECASE:
            raise _Unsupported("case folding")
        return _first_of_sequence(sub)
    if name == "ATOMIC_GROUP":
        return _first_of_sequence(av)  # type: ignore[arg-type]
    if name == "BRANCH":
        out: set[str] = set()
        any_empty = False
        for branch in av[1]:  # type: ignore[index]
            chars, nullable = _first_of_sequence(branch)
            out |= chars
            any_empty = any_empty or nullable
        return out, any_empty
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _high, sub = av  # type: ignore[misc]
        chars, nullable = _first_of_sequence(sub)
        return chars, nullable or low == 0
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return set(), True  # zero width: the next element supplies the first character
    raise _Unsupported(name)


def _class_items(items: Iterable[tuple[object, object]]) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.add(re.escape(chr(av)))  # type: ignore[arg-type]
        elif name == "RANGE":
            out.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")  # type: ignore[index]
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            out.add(_CATEGORIES[str(av)])
        else:
            raise _Unsupported(name)  # NEGATE and the like
    return out


def _start_items(pattern: re.Pattern[str]) -> tuple[set[str], bool] | None:
    """The class items a match of ``pattern`` can start with, and whether it can match empty.

    ``None`` when the pattern uses anything the analysis does not follow.
    """
    if _sre_parse is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        return _first_of_sequence(_sre_parse.parse(pattern.pattern, pattern.flags))
    except (_Unsupported, TypeError, ValueError, IndexError):
        return None


def _one_class(items: set[str]) -> re.Pattern[str] | None:
    """A one-character class of ``items`` (sorted, so the pattern is stable), or ``None``."""
    return re.compile("[" + "".join(sorted(items)) + "]") if items else None


def start_class(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    r"""A one-class regex matching every character a match of ``pattern`` can start with.

    >>> start_class(re.compile(r"(?<=近)[千万]|第?[一二]季度|\d+年")).pattern
    '[\\d一万二千第]'
    >>> start_class(re.compile(r"[^，]+")) is None  # negated class: not analysed
    True
    """
    analysed = _start_items(pattern)
    if analysed is None or analysed[1]:
        return None
    return _one_class(analysed[0])


def nonempty_start_class(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    r"""A one-class regex of the characters a non-empty match of ``pattern`` can start with.

    For a pattern that may also match empty (every part optional), where :func:`start_class`
    gives up: text opening on none of these characters gets the empty match, no regex call.

    >>> nonempty_start_class(re.compile(r"(?:多|余)?(?:万|亿)?(?:元|个)?")).pattern
    '[万个亿余元多]'
    """
    analysed = _start_items(pattern)
    return None if analysed is None else _one_class(analysed[0])


def _finder(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """One character wherever ``pattern`` matches, found by ``re`` without leaving C.

    The finder opens with the start class, so ``re`` skips ahead in C, and checks
    ``pattern`` itself in a look-ahead from there (inside a one-character look-behind).
    Only the positions of real matches come back to Python, not every candidate.
    """
    starts = start_class(pattern)
    if starts is None:
        return None
    cls = starts.pattern
    body = pattern.pattern + ("\n" if pattern.flags & re.VERBOSE else "")  # end a trailing comment
    try:
        return re.compile(f"{cls}(?<=(?=(?:{body})){cls})", pattern.flags)
    except re.error:
        return None


class Anchored:
    """A compiled pattern that is tried only at the characters its matches start with."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.finder = _finder(pattern)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        r"""Exactly the matches of ``pattern.finditer(text, pos, endpos)``.

        >>> scan = Anchored(re.compile(r"\d+年|第[一二三]"))
        >>> [m.group() for m in scan.finditer("第一，2020年和2021年，第四")]
        ['第一', '2020年', '2021年']
        """
        end = len(text) if endpos is None else endpos
        if self.finder is None:
            yield from self.pattern.finditer(text, pos, end)
            return
        find, match = self.finder.search, self.pattern.match
        while (hit := find(text, pos, end)) is not None:
            m = match(text, hit.start(), end)
            if m is None:  # never: the finder saw the pattern match here
                pos = hit.start() + 1
                continue
            yield m
            pos = m.end()

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        r"""Exactly ``pattern.search(text, pos, endpos)``.

        >>> Anchored(re.compile(r"\d+年")).search("自2020年以来").span()
        (1, 6)
        """
        end = len(text) if endpos is None else endpos
        if self.finder is None:
            return self.pattern.search(text, pos, end)
        hit = self.finder.search(text, pos, end)
        return None if hit is None else self.pattern.match(text, hit.start(), end)


def word_alternation(words: Iterable[str]) -> str:
    r"""Regex source matching, at a position, the longest of ``words`` that is written there.

    The same matches as ``"|".join(sorted(map(re.escape, words), key=len, reverse=True))``
    (an ordered alternation tries the longest word first), built as a trie so that ``re``
    does not try each word in turn: words sharing a first character share one branch, and
    words of one character that open no longer word fold into one class. Inside a larger
    pattern it backtracks to the shorter words at a position as the plain alternation does.
    No capturing group is added.

    >>> word_alternation(["个", "个月", "个百分点", "元", "%", "亿元"])
    '(?:个(?:百分点|月|)|亿元|[%元])'
    >>> re.fullmatch(word_alternation(["ab", "a", "b"]) + "+", "aab") is not None
    True
    """
    trie: dict[str, dict] = {}
    for word in words:
        if not word:
            raise ValueError("an empty word matches everywhere")
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # the end of a word

    def emit(node: dict[str, dict]) -> str:
        chars = sorted(ch for ch in node if ch)
        branches = [re.escape(ch) + emit(node[ch]) for ch in chars if set(node[ch]) != {""}]
        leaves = [re.escape(ch) for ch in chars if set(node[ch]) == {""}]  # a word ends with the character
        if len(leaves) > 1:
            branches.append("[" + "".join(leaves) + "]")
        else:
            branches += leaves
        if "" in node:
            branches.append("")  # a word ends here: tried after every longer one
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)
