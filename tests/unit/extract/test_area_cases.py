"""Shared helper for the area tests: describe a real figure of a real document.

A case is (source, anchor, quote, area): the quote is the figure's span inside the first
occurrence of the anchor in the document's clean text, described by the resolver that reads the
whole document (its kind, its own area, its headings), as the extractor does.
"""

from __future__ import annotations

from functools import cache

from pipeline.extract import extract_figures
from pipeline.extract.context import ContextResolver
from pipeline.extract.figure import Figure
from pipeline.ingest import read_report
from pipeline.ingest.document import Document
from tests.unit.extract.conftest import CORPUS, DEV_EXTRA, SOURCES, describe_at

AREA_SOURCES = {
    **SOURCES,
    "news_provinces_gdp_2021q1": DEV_EXTRA / "news_provinces_gdp_2021q1.md",
    "news_changsha_congress_digital_2021": DEV_EXTRA / "news_changsha_congress_digital_2021.md",
    "gwr_jiangsu_2026_excerpt": DEV_EXTRA / "gwr_jiangsu_2026_excerpt.txt",
    "gwr_beijing_2026_review_excerpt": DEV_EXTRA / "gwr_beijing_2026_review_excerpt.txt",
    "news_hebei_gwr_2022": DEV_EXTRA / "news_hebei_gwr_2022.txt",
    "gwr_shaanxi_2026_goals_excerpt": DEV_EXTRA / "gwr_shaanxi_2026_goals_excerpt.txt",
    "gwr_anhui_2026_review_excerpt": DEV_EXTRA / "gwr_anhui_2026_review_excerpt.txt",
    "gwr_fujian_2026": CORPUS / "gwr_fujian_2026.txt",
    "news_central_capitals_census_2020": DEV_EXTRA / "news_central_capitals_census_2020.md",
    "gwr_liaoning_2026_review_excerpt": DEV_EXTRA / "gwr_liaoning_2026_review_excerpt.txt",
    "news_hangzhou_gdp_2021q1q3_targets": DEV_EXTRA / "news_hangzhou_gdp_2021q1q3_targets.md",
    "news_national_gdp_2022h1": DEV_EXTRA / "news_national_gdp_2022h1.md",
}


@cache
def resolver(source: str) -> tuple[Document, ContextResolver]:
    """The document ``source`` as read, and its resolver (built once per test session)."""
    doc = read_report(AREA_SOURCES[source])
    return doc, ContextResolver(doc)


def area_of(source: str, anchor: str, quote: str) -> str | None:
    """Area the resolver gives the figure ``quote`` inside the first ``anchor`` of ``source``."""
    return describe_at(*resolver(source), anchor, quote).area


@cache
def _figures(source: str) -> tuple[str, tuple[Figure, ...]]:
    doc = read_report(AREA_SOURCES[source])
    return doc.source_text, tuple(extract_figures(doc).figures)


def figure_area(source: str, anchor: str, quote: str) -> str | None:
    """Area the extractor gives the figure ``quote`` inside the first ``anchor`` of ``source``.

    For figures that share a predicate (分别高达41%和60%): the extractor passes their places in
    the list, which a lone ``describe`` call does not know.
    """
    text, figures = _figures(source)
    at = text.find(anchor)
    assert at >= 0, f"anchor {anchor!r} not in {source}"
    start = at + anchor.find(quote)
    found = [f for f in figures if f.char_start == start and f.quote == quote]
    assert found, f"no figure {quote!r} at {start} in {source}"
    return found[0].area
