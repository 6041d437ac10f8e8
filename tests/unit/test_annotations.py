"""The hand annotations (gold) are themselves right: every row resolves to its source span,
its value agrees with the quote where that can be checked, and its columns use the closed
vocabularies. Independent of the extractor: a bad score must never come from bad gold.
"""

from __future__ import annotations

import csv
import doctest
import itertools
import re
import sys
import unicodedata
from pathlib import Path

import pytest

# benchmarks/ is not an installed package; make the repo root importable (as `python -m` does).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import benchmarks.accuracy as accuracy
from benchmarks.accuracy import (
    COLUMNS,
    DEV_DIR,
    HELDOUT_DIR,
    REPO,
    decode_source,
    iter_documents,
    load_coverage,
    load_gold,
)
from schemas.indicators import IndicatorsModel
from schemas.vocab import GROWTH_BASES, MEASURES, QUALIFIERS, VALUE_KINDS

FOLDERS = [d for d in (DEV_DIR, HELDOUT_DIR) if (d / accuracy.COVERAGE_FILE).exists()]
DOCS = [(src, gold, ranges) for folder in FOLDERS for src, gold, ranges in iter_documents(folder)]
IDS = [f"{gold.parent.parent.name}/{gold.stem}" for _, gold, _ in DOCS]
PERIOD = re.compile(IndicatorsModel.to_schema().columns["period"].checks[0].statistics["pattern"])
MAGNITUDES = (("万亿", 12), ("千亿", 11), ("百亿", 10), ("亿", 8), ("千万", 7), ("百万", 6), ("万", 4))
ARABIC = re.compile(r"\d+(?:\.\d+)?")
CHINESE_NUMERALS = set("零〇一二三四五六七八九十百千两半几数")
DECLINE_VERBS = ("下降", "减少", "降低", "压减", "下滑", "回落")
#: Bound words whose presence in a quote fixes the qualifier.
BOUND_WORDS = {
    "左右": "approx", "约": "approx", "以上": "at_least", "以内": "at_most", "以下": "at_most",
    "突破": "exceeds", "接近": "nearly", "超过": "more_than", "不足": "less_than", "不到": "less_than",
}  # fmt: skip


def test_the_dev_corpus_is_annotated():
    stems = {gold.stem for _, gold, _ in iter_documents(DEV_DIR)}
    assert {"000_809e7810154ce7d6", "gwr_national_2020", "news_fujian_cities_gdp_2022h1"} <= stems


def test_benchmark_doctests():
    assert doctest.testmod(accuracy).failed == 0


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.parent.name)
def test_every_gold_file_is_listed_in_coverage(folder: Path):
    listed = {Path(c.file).stem for c in load_coverage(folder)}
    on_disk = {p.stem for p in folder.glob("*.csv") if p.name != accuracy.COVERAGE_FILE}
    assert on_disk == listed


@pytest.mark.parametrize(("source", "gold_csv", "ranges"), DOCS, ids=IDS)
def test_coverage_ranges_lie_in_the_source(source: Path, gold_csv: Path, ranges):
    text = decode_source(source)
    for cov in ranges:
        assert 0 <= cov.char_start < cov.char_end <= len(text), cov
    # Folders hold their own sources: dev gold points into the repo, held-out into benchmarks/heldout.
    assert source.is_relative_to(REPO) and source.exists()


@pytest.mark.parametrize(("source", "gold_csv", "ranges"), DOCS, ids=IDS)
def test_rows_resolve_to_their_quote(source: Path, gold_csv: Path, ranges):
    with gold_csv.open(encoding="utf-8", newline="") as fh:
        assert tuple(csv.DictReader(fh).fieldnames or ()) == COLUMNS
    text = decode_source(source)
    gold = load_gold(gold_csv, source)  # raises GoldError on an unresolved anchor
    assert gold, f"{gold_csv} has no rows"
    for g in gold:
        assert text[g.char_start : g.char_end] == g.quote, g
        assert any(c.char_start <= g.char_start and g.char_end <= c.char_end for c in ranges), (
            f"row {g.row} {g.quote!r} lies outside the covered ranges"
        )
    spans = sorted((g.char_start, g.char_end, g.row) for g in gold)
    for (_, end_a, row_a), (start_b, _, row_b) in itertools.pairwise(spans):
        assert end_a <= start_b, f"rows {row_a} and {row_b} overlap"


@pytest.mark.parametrize(("source", "gold_csv", "ranges"), DOCS, ids=IDS)
def test_columns_use_the_vocabularies(source: Path, gold_csv: Path, ranges):
    for g in load_gold(gold_csv, source):
        where = f"{gold_csv.name} row {g.row} {g.quote!r}"
        assert g.measure in MEASURES, where
        assert g.qualifier in QUALIFIERS, where
        assert g.value_kind in VALUE_KINDS, where
        assert g.growth_basis is None or g.growth_basis in GROWTH_BASES, where
        if g.growth_basis is not None:
            assert g.measure in ("growth_pct", "change_pp", "from", "to"), where
        if g.measure == "growth_pct":
            assert g.growth_basis is not None, where
        assert g.period is None or PERIOD.fullmatch(g.period), where
        assert 0 <= g.unit_mult <= 16, where
        assert g.subject, f"{where}: no subject"
        assert g.area, f"{where}: no area"


def _arabic(quote: str) -> list[float]:
    plain = unicodedata.normalize("NFKC", quote).replace(",", "")
    return [float(m) for m in ARABIC.findall(plain)]


@pytest.mark.parametrize(("source", "gold_csv", "ranges"), DOCS, ids=IDS)
def test_values_agree_with_their_quote(source: Path, gold_csv: Path, ranges):
    for g in load_gold(gold_csv, source):
        where = f"{gold_csv.name} row {g.row} {g.quote!r}"
        numbers = _arabic(g.quote)
        # 近8成 is the share 0.8: tenths written with an Arabic digit.
        tenths = g.measure == "share" and g.quote.endswith("成")
        if len(numbers) == 1 and not CHINESE_NUMERALS & set(g.quote):
            written = numbers[0] / 10 if tenths else numbers[0]
            assert abs(g.value) == pytest.approx(written, rel=1e-12), where
        if g.quote.startswith(DECLINE_VERBS):
            assert g.value < 0, where
        if g.measure == "share":
            assert 0 <= g.value <= 1, where
        if g.measure in ("rank", "duration"):
            assert g.value > 0, where
        if g.unit:
            # 4万多名: the bound word 多/余 may sit between the magnitude and the unit.
            written = unicodedata.normalize("NFKC", g.quote).replace("多", "").replace("余", "")
            # 分别高出2.6个、2.5个百分点: a list's unit written once, at its end.
            cut_short = g.unit == "个百分点" and written.endswith("个")
            assert g.unit in written or cut_short, where
            want = next((m for prefix, m in MAGNITUDES if g.unit.startswith(prefix)), 0)
            assert g.unit_mult == want, where
        else:
            assert g.unit_mult == 0, where
        for word, qualifier in BOUND_WORDS.items():
            if word in g.quote:
                assert g.qualifier == qualifier, f"{where}: {word} means {qualifier}"
