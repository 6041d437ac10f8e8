"""Text -> figures: mask, scan, link, attach context, emit.

The number grammar (``grammar``) finds and reads every quantity in one pass over the
masked clean text (``filters``); ``links`` joins ranges, from/to pairs and lists; the
context resolver (``context``) adds period, value kind, estimate flag, area, subject and
section. Offsets are mapped back to the decoded source with ``Document.source_span``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from pipeline.extract.context import Context, ContextResolver
from pipeline.extract.figure import Figure, Skipped, figure_from_all_fields
from pipeline.extract.filters import build_mask
from pipeline.extract.grammar import Token, scan
from pipeline.extract.links import link_tokens
from pipeline.extract.table_cells import apply_header_units
from pipeline.ingest.document import Document

_GROWTH_MEASURES = ("growth_pct", "change_pp", "from", "to")


@dataclass(frozen=True)
class Extraction:
    """The figures found in one document, and the number-like spans skipped with a reason."""

    figures: list[Figure]
    skipped: list[Skipped] = field(default_factory=list)


def extract_figures(doc: Document) -> Extraction:
    """Extract figures from ``doc.clean_text`` with offsets into ``doc.source_text``."""
    with _cyclic_gc_paused():
        return _extract(doc)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause CPython's cycle collector while one document is read.

    Extraction allocates tens of short-lived objects per figure (matches, tokens,
    contexts) and makes no reference cycles, so the collector's passes over the growing
    figure list find nothing; on a 2 MB report they cost about a tenth of the run.
    Reference counting still frees everything as usual; the collector resumes after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _extract(doc: Document) -> Extraction:
    text = build_mask(doc.clean_text)
    tokens = scan(text)
    apply_header_units(text, tokens)
    groups = link_tokens(text, tokens)
    resolver = ContextResolver(doc)
    # Each step runs over all figures before the next (subjects, then contexts, then the rows):
    # a step's patterns, vocabularies and code stay in the processor's caches for its whole
    # pass, where one figure at a time through all of them evicts them at every figure. The
    # context is still read in text order (news goals are remembered as they are met).
    kept = [
        (token.q_start, token.q_end, group)
        for token, group in zip(tokens, groups, strict=True)
        if token.skip is None
    ]
    describe = resolver.describe
    contexts = [
        describe(q_start, q_end, group=group, words=words)
        for (q_start, q_end, group), words in zip(kept, resolver.subjects(kept), strict=True)
    ]
    figures: list[Figure] = []
    skipped: list[Skipped] = []
    # Document.source_span, inlined: a token's span is never empty (a match, only widened)
    to_source, source = doc.clean_to_source, doc.source_text
    add_figure, next_context = figures.append, iter(contexts).__next__
    for token in tokens:
        q_start, q_end = token.q_start, token.q_end
        start, end = to_source[q_start], to_source[q_end - 1] + 1
        if token.skip is not None:
            skipped.append(Skipped(source[start:end], start, end, token.skip))
            continue
        add_figure(_build_figure(token, source[start:end], start, end, next_context()))
    return Extraction(figures, skipped)


def _build_figure(token: Token, quote: str, start: int, end: int, context: Context) -> Figure:
    period, value_kind, is_estimate, area, subject, section = context
    if token.label is not None:
        subject = token.label  # a table cell: its column's header names what it measures
    value, measure = token.value, token.measure
    if token.sign < 0:
        value = -value
    # base units: scaled exactly before the one conversion to float; a Fraction (三分之二)
    # has no magnitude (and Fraction's ABC isinstance is slow, Decimal's is not)
    base = float(value.scaleb(token.mult) * token.factor) if isinstance(value, Decimal) else float(value)
    basis = token.growth_basis if measure in _GROWTH_MEASURES else None
    if basis == "yoy" and period and period[4:5] == "-":  # over years (2016-2020), not 2021Q1-Q3
        basis = "cumulative"
    return figure_from_all_fields(
        {
            "quote": quote,
            "char_start": start,
            "char_end": end,
            "value": float(value),
            "unit": token.unit,
            "unit_mult": token.mult,
            "value_base": base,
            "base_unit": token.base_unit,
            "measure": measure,
            "qualifier": token.qualifier,
            "growth_basis": basis,
            "value_kind": value_kind,
            "is_estimate": bool(is_estimate),
            "period": period,
            "area": area,
            "subject": subject,
            "section": section,
            "link_id": token.link_id,
        }
    )
