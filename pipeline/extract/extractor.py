"""Text -> figures.

PLACEHOLDER spine implementation (Arabic numbers followed by 亿元/万元/%); the
extraction work replaces it behind the same signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.figure import Figure, Skipped
from pipeline.ingest.document import Document

_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(亿元|万元|%)")
_UNITS = {"亿元": (8, "yuan"), "万元": (4, "yuan"), "%": (0, "percent")}


@dataclass(frozen=True)
class Extraction:
    """The figures found in one document, and the number-like spans skipped with a reason."""

    figures: list[Figure]
    skipped: list[Skipped] = field(default_factory=list)


def extract_figures(doc: Document) -> Extraction:
    """Extract figures from ``doc.clean_text`` with offsets into ``doc.source_text``."""
    figures = []
    for match in _NUMBER.finditer(doc.clean_text):
        start, end = doc.source_span(match.start(), match.end())
        mult, base = _UNITS[match.group(2)]
        value = float(match.group(1))
        figures.append(
            Figure(
                quote=doc.source_text[start:end],
                char_start=start,
                char_end=end,
                value=value,
                unit=match.group(2),
                unit_mult=mult,
                value_base=value * 10**mult,
                base_unit=base,
                measure="growth_pct" if base == "percent" else "level",
                area=doc.area,
            )
        )
    return Extraction(figures)
