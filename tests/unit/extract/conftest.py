"""Helpers for extraction tests: run the real reader and extractor on a text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import extract_figures
from pipeline.extract.context import Context, ContextResolver
from pipeline.extract.figure import Figure
from pipeline.ingest import read_report
from pipeline.ingest.document import Document

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO / "tests" / "fixtures" / "corpus"
DEV_EXTRA = REPO / "tests" / "fixtures" / "dev_extra"
SOURCES = {
    "seed": REPO / "seeds" / "000_809e7810154ce7d6.txt",
    "gwr_national_2020": CORPUS / "gwr_national_2020.txt",
    "gwr_fujian_2026": CORPUS / "gwr_fujian_2026.txt",
    "statcomm_national_2024_excerpt": CORPUS / "statcomm_national_2024_excerpt.txt",
    "news_fujian_cities_gdp_2022h1": CORPUS / "news_fujian_cities_gdp_2022h1.txt",
    "news_guangdong_cities_gdp_2021q1q3": DEV_EXTRA / "news_guangdong_cities_gdp_2021q1q3.md",
    "news_top10_cities_gdp_2021": DEV_EXTRA / "news_top10_cities_gdp_2021.md",
    "news_national_gdp_2021q3": DEV_EXTRA / "news_national_gdp_2021q3.md",
    "news_zhejiang_decade_2022": DEV_EXTRA / "news_zhejiang_decade_2022.md",
    "news_national_gwr_2022_gdp_target": DEV_EXTRA / "news_national_gwr_2022_gdp_target.md",
    "news_xian_econ_2021m01_07": DEV_EXTRA / "news_xian_econ_2021m01_07.md",
    "news_national_gwr_2022_briefing_tasks": DEV_EXTRA / "news_national_gwr_2022_briefing_tasks.md",
    "gwr_hunan_2026_excerpt": DEV_EXTRA / "gwr_hunan_2026_excerpt.txt",
    "news_provinces_gwr_2022_targets": DEV_EXTRA / "news_provinces_gwr_2022_targets.md",
}


def case_params(cases: dict[str, list[tuple]], *, with_group: bool = False) -> list:
    """``pytest.param`` per case of a table grouped by source, with ids ``<group>-<i>``.

    ``with_group`` passes the group name as the first argument (tests that name their source).
    """
    return [
        pytest.param(*((group,) if with_group else ()), *case, id=f"{group.split('.')[0]}-{i}")
        for group, group_cases in cases.items()
        for i, case in enumerate(group_cases)
    ]


def describe_at(
    doc: Document, resolver: ContextResolver, anchor: str, quote: str, group: tuple[int, int] | None = None
) -> Context:
    """Context of the figure ``quote`` inside the first ``anchor`` of ``doc``'s clean text."""
    at = doc.clean_text.find(anchor)
    assert at >= 0, f"anchor {anchor!r} not in {doc.file_name}"
    inner = anchor.find(quote)
    assert inner >= 0, f"quote {quote!r} not in anchor"
    start = at + inner
    return resolver.describe(start, start + len(quote), group=group)


def figures_by_quote(folder: Path, text: str, name: str = "case.txt") -> dict[str, Figure]:
    """Write ``text`` as a report file in ``folder``, extract it, and key its figures by quote.

    The first figure with a quote wins (a quote repeated later in the text is the same words).
    """
    path = folder / name
    path.write_text(text, encoding="utf-8")
    doc = read_report(path)
    found: dict[str, Figure] = {}
    for f in extract_figures(doc).figures:
        found.setdefault(doc.source_text[f.char_start : f.char_end], f)
    return found


@pytest.fixture
def extract_text(tmp_path):
    """Extract from ``text`` written to a report file (the real reader, the real extractor)."""

    def run(text: str, name: str = "case.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return extract_figures(read_report(path))

    return run
