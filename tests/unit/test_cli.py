import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

from pipeline.cli import main
from pipeline.validate import check_provenance, check_table
from schemas import IndicatorsModel

ROOT = Path(__file__).parents[2]
SEED = ROOT / "seeds" / "000_809e7810154ce7d6.txt"


def test_extract_prints_a_schema_valid_csv_for_the_seed(capsys):
    assert main(["extract", str(SEED)]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out), keep_default_na=False, na_values=[""])
    assert len(table) > 0
    assert list(table.columns) == list(IndicatorsModel.to_schema().columns)
    source = SEED.read_text(encoding="utf-8")
    assert check_provenance(table, {table["report_id"][0]: source}).empty


def test_extract_json_matches_csv(capsys):
    main(["extract", str(SEED), "--format", "json"])
    records = json.loads(capsys.readouterr().out)
    main(["extract", str(SEED)])
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert len(records) == len(table)
    assert [r["quote"] for r in records] == table["quote"].tolist()
    frame = pd.DataFrame(records).astype({"unit_mult": "int64", "char_start": "int64", "char_end": "int64"})
    assert check_table(IndicatorsModel, frame.astype({"value": float, "value_base": float})).empty


def test_extract_bad_input_exits_non_zero_naming_the_file(tmp_path):
    empty = tmp_path / "empty report.txt"
    empty.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(empty)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert str(empty) in result.stderr
    assert "empty" in result.stderr
    assert result.stdout == ""
