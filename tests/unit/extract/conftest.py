"""Helpers for extraction tests: run the real reader and extractor on a text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import extract_figures
from pipeline.ingest import read_report

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO / "tests" / "fixtures" / "corpus"
SOURCES = {
    "seed": REPO / "seeds" / "000_809e7810154ce7d6.txt",
    "gwr_national_2020": CORPUS / "gwr_national_2020.txt",
    "gwr_fujian_2026": CORPUS / "gwr_fujian_2026.txt",
    "statcomm_national_2024_excerpt": CORPUS / "statcomm_national_2024_excerpt.txt",
    "news_fujian_cities_gdp_2022h1": CORPUS / "news_fujian_cities_gdp_2022h1.txt",
}


@pytest.fixture
def extract_text(tmp_path):
    """Extract from ``text`` written to a report file (the real reader, the real extractor)."""

    def run(text: str, name: str = "case.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return extract_figures(read_report(path))

    return run
