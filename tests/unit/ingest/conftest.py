"""Shared fixtures for the ingest tests: the real corpus files and an offset-map checker."""

import itertools
from pathlib import Path

import pytest

from pipeline.ingest.script import build_tables

ROOT = Path(__file__).parents[3]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
SEED = ROOT / "seeds" / "000_809e7810154ce7d6.txt"
NEWS = CORPUS / "news_fujian_cities_gdp_2022h1.txt"
GWR_NATIONAL = CORPUS / "gwr_national_2020.txt"
GWR_FUJIAN = CORPUS / "gwr_fujian_2026.txt"
REPORTS = [SEED, *sorted(CORPUS.glob("*.txt"))]


@pytest.fixture(params=REPORTS, ids=lambda p: p.stem)
def report_path(request):
    return request.param


def check_offset_map(doc):
    """Every clean char maps to itself in the source (or its Simplified form), or to the start of
    the markup it replaced."""
    offsets = doc.clean_to_source
    assert len(offsets) == len(doc.clean_text) + 1
    assert all(a <= b for a, b in itertools.pairwise(offsets)), "offset map not monotone"
    assert offsets[-1] <= len(doc.source_text)
    problems = []
    for i, char in enumerate(doc.clean_text):
        src = doc.source_text[offsets[i]]
        if src != char and src not in "&<" and not (src == "\r" and char == "\n"):  # entity, tag, lone CR
            if simplified_char(src) == char:
                continue
            problems.append((i, char, src))
    assert problems == []


def simplified_char(char: str) -> str:
    """The Simplified form of one character under the conversion table (itself if it has none)."""
    target = build_tables().target
    return chr(target[ord(char)]) if ord(char) < len(target) else char
