"""The extractor's fast paths give what the plain formulations give, on every corpus report.

The grammar reads the kind and span of a number from the anchored finder's look-ahead
groups instead of running ``MASTER_RE.finditer``; ``last_keyword`` does the same with its
keyword pattern; ``read_numeral`` settles plain numbers without the general parser. Each
is checked here against the plain formulation over the real texts (every number of every
report of the corpus and dev set), so a pattern edit that breaks the equivalence fails.
"""

from __future__ import annotations

import pytest

from pipeline.extract import grammar, measures
from pipeline.extract.filters import build_mask
from pipeline.extract.measures import clause_window, sentence_window
from pipeline.extract.numerals import parse_number, split_magnitude
from pipeline.ingest import read_report
from tests.unit.extract.conftest import SOURCES


@pytest.fixture(scope="module")
def masked_texts() -> dict[str, str]:
    return {name: build_mask(read_report(path).clean_text) for name, path in SOURCES.items()}


def _finder_spans(text: str) -> list[tuple[str, tuple[int, int]]]:
    """The loop ``grammar.scan`` runs, without reading the numbers."""
    out = []
    pos = 0
    while (hit := grammar._FIND(text, pos)) is not None:
        kind = hit.lastgroup
        span = hit.span(kind)
        out.append((kind, span))
        pos = span[1]
    return out


def test_scan_sees_exactly_the_matches_of_the_master_pattern(masked_texts):
    for name, text in masked_texts.items():
        expected = [(m.lastgroup, m.span()) for m in grammar.MASTER_RE.finditer(text)]
        assert expected, name
        assert _finder_spans(text) == expected, name


def test_scan_tokens_start_at_master_matches(masked_texts):
    for name, text in masked_texts.items():
        spans = {m.span() for m in grammar.MASTER_RE.finditer(text)}
        tokens = grammar.scan(text)
        assert tokens, name
        assert all((t.start, t.end) in spans for t in tokens), name
        assert [t.start for t in tokens] == sorted(t.start for t in tokens), name


def _last_keyword_plain(window: str) -> str | None:
    kind = None
    for m in measures._KEYWORD.finditer(window):
        kind = m.lastgroup
    return "rate" if kind == "rate2" else kind


def test_last_keyword_matches_the_plain_scan_on_every_window(masked_texts):
    checked = 0
    for name, text in masked_texts.items():
        for m in grammar.MASTER_RE.finditer(text):
            for window in (clause_window(text, m.start()), sentence_window(text, m.start())):
                assert measures.last_keyword(window) == _last_keyword_plain(window), (name, window)
                checked += 1
    assert checked > 1000


def test_read_numeral_fast_path_agrees_with_the_general_parser(masked_texts):
    raws = {m.group() for text in masked_texts.values() for m in grammar.MASTER_RE.finditer(text)}
    raws = {raw for raw in raws if raw[0].isdigit()}
    assert len(raws) > 500
    for raw in raws:
        try:
            total = parse_number(raw)
        except ValueError:
            continue
        _, mult = split_magnitude(raw)
        value, got_mult = grammar.read_numeral(raw)
        assert got_mult == mult, raw
        assert value == (total.scaleb(-mult) if mult else total), raw
