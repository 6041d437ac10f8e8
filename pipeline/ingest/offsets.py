"""Rewrite text while keeping, for every output character, its offset in the original.

Cleaning is done in passes (markup, then lines). Each pass describes its output as a
list of pieces of its input: a kept run ``(start, end, None)`` or a replacement
``(start, end, "text")`` whose characters all map to ``start`` (the first character of
the entity or tag they came from). :func:`rewrite` builds the new text with one join and
the new offset map with a few vectorised numpy operations, so the cost is linear in the
text and no per-character Python loop runs. Offsets are int32/int64 numpy arrays internally
and become an ``array('q')`` only in the final :class:`~pipeline.ingest.document.Document`.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

import numpy as np

Piece = tuple[int, int, str | None]


def identity_offsets(n: int) -> np.ndarray:
    """Offsets of an unchanged text of length ``n`` (plus the trailing sentinel).

    int32 while it fits (halves the memory of a 20 MB report), int64 beyond.
    """
    return np.arange(n + 1, dtype=np.int32 if n < 2**31 - 1 else np.int64)


def edits_to_pieces(n: int, edits: Sequence[Piece]) -> list[Piece]:
    """Turn sorted edits ``(start, end, replacement)`` into kept runs and replacements.

    Overlapping edits (an entity inside a dropped ``<script>``, say) keep the first one.

    >>> edits_to_pieces(10, [(2, 4, ""), (3, 5, "x"), (6, 7, "yy")])
    [(0, 2, None), (4, 6, None), (6, 7, 'yy'), (7, 10, None)]
    """
    pieces: list[Piece] = []
    pos = 0
    for start, end, replacement in edits:
        if start < pos:
            continue
        if start > pos:
            pieces.append((pos, start, None))
        if replacement:
            pieces.append((start, end, replacement))
        pos = end
    if pos < n:
        pieces.append((pos, n, None))
    return pieces


def rewrite(text: str, offsets: np.ndarray, pieces: Sequence[Piece], sentinel: int) -> tuple[str, np.ndarray]:
    """Assemble ``pieces`` of ``text`` and map each output character through ``offsets``.

    ``offsets[i]`` is the original offset of ``text[i]``; the result has one extra
    trailing entry, ``sentinel``.

    >>> new, off = rewrite("a&amp;b", identity_offsets(7), [(0, 1, None), (1, 6, "&"), (6, 7, None)], 7)
    >>> new, off.tolist()
    ('a&b', [0, 1, 6, 7])
    """
    if not pieces:
        return "", np.array([sentinel], dtype=offsets.dtype)
    chunks = [text[s:e] if r is None else r for s, e, r in pieces]
    dtype = offsets.dtype
    starts = np.fromiter((s for s, _, _ in pieces), dtype=np.int64, count=len(pieces))
    lengths = np.fromiter((len(c) for c in chunks), dtype=np.int64, count=len(pieces))
    before = np.cumsum(lengths) - lengths
    total = int(lengths.sum())
    # Kept run: index = start + (k - before). A one-character replacement gets the same
    # formula (k == before); longer replacements are fixed up below (rare: a few entities).
    index = np.arange(total, dtype=dtype)
    index += np.repeat((starts - before).astype(dtype), lengths)
    for n, (start, _, replacement) in enumerate(pieces):
        if replacement is not None and len(replacement) > 1:
            index[before[n] : before[n] + len(replacement)] = start
    mapped = np.empty(total + 1, dtype=dtype)
    np.take(offsets, index, out=mapped[:total])
    del index
    mapped[total] = sentinel
    return "".join(chunks), mapped


def to_array(offsets: np.ndarray) -> array:
    """Copy an int64 numpy offset map into the ``array('q')`` a Document holds."""
    out = array("q")
    out.frombytes(memoryview(np.ascontiguousarray(offsets, dtype=np.int64)).cast("B"))
    return out
