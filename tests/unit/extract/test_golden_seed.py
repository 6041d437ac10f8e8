"""The seed's extraction against its hand-reviewed golden file.

tests/golden/seed_indicators.csv was produced by ``python -m pipeline extract`` on the seed
and read row by row. The columns the number grammar owns must match it exactly; the
context columns (period, area, subject, ...) are scored by benchmarks/accuracy.py instead,
since they are tuned separately.
"""

from __future__ import annotations

import csv
import math

from pipeline.extract import extract_figures
from pipeline.ingest import read_report
from pipeline.tables import build_indicators_table
from tests.unit.extract.conftest import REPO, SOURCES

GOLDEN = REPO / "tests" / "golden" / "seed_indicators.csv"
GRAMMAR_COLUMNS = (
    "quote", "char_start", "char_end", "value", "unit", "unit_mult", "value_base", "base_unit",
    "measure", "qualifier", "growth_basis", "link_id",
)  # fmt: skip


def _norm(column: str, value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return None
    if column in ("value", "value_base"):
        return round(float(value), 9)
    if column in ("char_start", "char_end", "unit_mult"):
        return int(value)
    return str(value)


def test_seed_matches_golden_file():
    doc = read_report(SOURCES["seed"])
    table = build_indicators_table(doc, extract_figures(doc).figures)
    with GOLDEN.open(encoding="utf-8", newline="") as handle:
        golden = list(csv.DictReader(handle))
    got = [{c: _norm(c, row[c]) for c in GRAMMAR_COLUMNS} for row in table.to_dict(orient="records")]
    want = [{c: _norm(c, row[c]) for c in GRAMMAR_COLUMNS} for row in golden]
    missing = [row for row in want if row not in got]
    extra = [row for row in got if row not in want]
    assert not missing and not extra, f"missing: {missing}\nextra: {extra}"
    assert len(got) == len(want)


def test_golden_quotes_are_the_source_text():
    source = SOURCES["seed"].read_text(encoding="utf-8")
    with GOLDEN.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            assert source[int(row["char_start"]) : int(row["char_end"])] == row["quote"]
