"""The value object the extractor emits: one figure with its meaning and source span."""

from __future__ import annotations

from dataclasses import dataclass, fields


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


_FIGURE_FIELDS = tuple(f.name for f in fields(Figure))


def figure_from_all_fields(values: dict[str, object]) -> Figure:
    """A :class:`Figure` from a dict naming every field (in declaration order, as ``__init__`` sets them).

    The frozen dataclass ``__init__`` sets each of the 18 fields through
    ``object.__setattr__``, and the extractor builds one Figure per figure found; this
    installs the dict as the instance's ``__dict__`` in one step. The result is the same
    object ``Figure(**values)`` builds (equal, hashable, pickled alike). The keys are not
    checked (a set comparison of 18 keys would cost a tenth of building the figure): the
    caller's dict literal names every field.

    >>> values = dict(quote="48.2亿元", char_start=0, char_end=6, value=48.2, unit="亿元", unit_mult=8,
    ...               value_base=4.82e9, base_unit="yuan", measure="level")
    >>> values.update((name, getattr(Figure, name)) for name in _FIGURE_FIELDS[len(values):])
    >>> figure_from_all_fields(values) == Figure(**values)
    True
    """
    figure = _new(Figure)
    _set(figure, "__dict__", values)
    return figure


_new, _set = object.__new__, object.__setattr__


@dataclass(frozen=True)
class Skipped:
    """A number-like span the extractor saw but would not turn into a figure, and why."""

    text: str
    char_start: int
    char_end: int
    reason: str
