"""The value object the extractor emits: one figure with its meaning and source span."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One figure found in a report.

    Offsets are into the decoded source text (``Document.source_text``) so that
    ``source_text[char_start:char_end] == quote``. Columns mirror
    ``schemas.indicators.IndicatorsModel`` minus the ids, which ``pipeline.tables`` adds.
    """

    quote: str
    char_start: int
    char_end: int
    value: float
    unit: str | None
    unit_mult: int
    value_base: float
    base_unit: str
    measure: str
    qualifier: str = "exact"
    growth_basis: str | None = None
    value_kind: str = "actual"
    is_estimate: bool = False
    period: str | None = None
    area: str | None = None
    subject: str | None = None
    section: str | None = None
    link_id: str | None = None


@dataclass(frozen=True)
class Skipped:
    """A number-like span the extractor saw but would not turn into a figure, and why."""

    text: str
    char_start: int
    char_end: int
    reason: str
