"""Properties that hold for every corpus document, on the real files."""

from __future__ import annotations

import pytest

from pipeline.extract import extract_figures
from pipeline.ingest import read_report
from schemas.vocab import BASE_UNITS, GROWTH_BASES, MAGNITUDES, MEASURES, QUALIFIERS
from tests.unit.extract.conftest import SOURCES


@pytest.fixture(scope="module", params=sorted(SOURCES))
def extracted(request):
    doc = read_report(SOURCES[request.param])
    return doc, extract_figures(doc)


def test_quotes_are_verbatim_source_spans(extracted):
    doc, ex = extracted
    for fig in ex.figures:
        assert doc.source_text[fig.char_start : fig.char_end] == fig.quote
    for skip in ex.skipped:
        assert doc.source_text[skip.char_start : skip.char_end] == skip.text
        assert skip.reason


def test_values_use_closed_vocabularies(extracted):
    _, ex = extracted
    assert ex.figures
    for fig in ex.figures:
        assert fig.measure in MEASURES
        assert fig.qualifier in QUALIFIERS
        assert fig.base_unit in BASE_UNITS
        assert fig.growth_basis is None or fig.growth_basis in GROWTH_BASES
        assert fig.growth_basis is None or fig.measure in ("growth_pct", "change_pp", "from", "to")


def test_value_base_follows_magnitude(extracted):
    _, ex = extracted
    for fig in ex.figures:
        if fig.unit and fig.base_unit in ("yuan", "person", "tonne", "item", "household"):
            longest_first = sorted(MAGNITUDES, key=len, reverse=True)
            magnitude = next((m for m in longest_first if fig.unit.startswith(m)), "")
            assert fig.unit_mult == MAGNITUDES.get(magnitude, 0)
            if fig.unit.lstrip("万亿") in ("元", "人", "吨", "个", "户"):
                assert fig.value_base == pytest.approx(fig.value * 10**fig.unit_mult)


def test_links_pair_two_rows(extracted):
    _, ex = extracted
    links: dict[str, list] = {}
    for fig in ex.figures:
        if fig.link_id:
            links.setdefault(fig.link_id, []).append(fig)
    for rows in links.values():
        assert len(rows) == 2
        kinds = {rows[0].measure, rows[1].measure}
        assert kinds == {"from", "to"} or (rows[0].qualifier, rows[1].qualifier) == ("at_least", "at_most")


def test_no_figure_inside_markup_or_urls():
    doc = read_report(SOURCES["news_fujian_cities_gdp_2022h1"])
    for fig in extract_figures(doc).figures:
        line_start = doc.source_text.rfind("\n", 0, fig.char_start) + 1
        before = doc.source_text[line_start : fig.char_start]
        assert before.count("<") == before.count(">"), fig  # not inside a tag
        assert "http" not in fig.quote


def test_footnote_marker_glued_to_number():
    doc = read_report(SOURCES["statcomm_national_2024_excerpt"])
    quotes = [f.quote for f in extract_figures(doc).figures]
    assert "1349084亿元" in quotes
    assert not any(q.startswith(("[", "2]")) for q in quotes)


def test_slogans_and_programme_names_are_not_figures():
    doc = read_report(SOURCES["seed"])
    quotes = {f.quote for f in extract_figures(doc).figures}
    for slogan in ("六", "五", "四", "一", "百", "千", "十三", "二", "2021", "2020"):
        assert slogan not in quotes
