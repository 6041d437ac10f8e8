"""The release files open everywhere, carry the right types, and are reproducible byte for byte."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import frictionless
import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.publish import publish_release, rebuild_release
from pipeline.publish.files import (
    CSV_BOM,
    arrow_reader,
    read_csv_table,
    read_csv_text_table,
    read_parquet_table,
)
from pipeline.schema_export import columns_of
from schemas import IndicatorsModel, ReportsModel

from .conftest import NOW, with_changed_value

DUCKDB_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN"}
MODELS = {"indicators": IndicatorsModel, "reports": ReportsModel}


@pytest.fixture(scope="module")
def release(seed_tables, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("releases")
    return publish_release(*seed_tables, root, now=NOW).path


def test_csv_has_bom_lf_and_intact_chinese_for_excel(release, seed_tables):
    data = (release / "indicators.csv").read_bytes()
    assert data.startswith(CSV_BOM)  # what makes Excel read UTF-8
    assert b"\r" not in data
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].split(",")[0] == "report_id"
    quotes = [q for q in seed_tables[0]["quote"] if any("\u4e00" <= ch <= "\u9fff" for ch in q)]
    assert quotes, "the seed should yield quotes with Chinese characters"
    assert all(q in text for q in quotes)


@pytest.mark.parametrize("table", ["indicators", "reports"])
def test_pandas_reads_csv_and_parquet_alike(release, seed_tables, table):
    model = MODELS[table]
    original = seed_tables[0] if table == "indicators" else seed_tables[1]
    plain = pd.read_csv(release / f"{table}.csv")  # default encoding: the BOM must not leak
    sig = pd.read_csv(release / f"{table}.csv", encoding="utf-8-sig")
    assert list(plain.columns) == list(sig.columns) == list(original.columns)
    from_csv = read_csv_table(release / f"{table}.csv", model)
    from_parquet = read_parquet_table(release / f"{table}.parquet", model)
    pd.testing.assert_frame_equal(from_csv, from_parquet)
    pd.testing.assert_frame_equal(
        from_parquet.reset_index(drop=True), original.reset_index(drop=True), check_dtype=False
    )
    parquet = pd.read_parquet(release / f"{table}.parquet")
    for spec in columns_of(model):
        if spec.type == "integer" and not spec.nullable:
            assert parquet[spec.name].dtype == "int64", spec.name


@pytest.mark.parametrize("table", ["indicators", "reports"])
def test_duckdb_reads_csv_and_parquet_alike(release, table):
    types = {s.name: DUCKDB_TYPES[s.type] for s in columns_of(MODELS[table])}
    con = duckdb.connect()
    csv_rows = con.execute(
        "select * from read_csv(?, header=true, types=?)", [str(release / f"{table}.csv"), types]
    ).fetchall()
    parquet_rows = con.execute(
        "select * from read_parquet(?)", [str(release / f"{table}.parquet")]
    ).fetchall()
    assert csv_rows == parquet_rows and csv_rows
    auto = con.execute("select * from read_csv(?)", [str(release / f"{table}.csv")])
    assert [d[0] for d in auto.description] == list(types)  # header read without the BOM
    assert con.execute(
        "select column_name, column_type from (describe select * from read_parquet(?))",
        [str(release / f"{table}.parquet")],
    ).fetchall() == list(types.items())


def test_frictionless_reads_the_csv_with_types(release, seed_tables):
    package = frictionless.Package(str(release / "datapackage.json"))
    rows = package.get_resource("indicators").read_rows()
    indicators = seed_tables[0]
    assert [r["indicator_id"] for r in rows] == indicators["indicator_id"].tolist()
    assert [r["quote"] for r in rows] == indicators["quote"].tolist()
    assert [r["char_start"] for r in rows] == indicators["char_start"].tolist()
    assert all(isinstance(r["is_estimate"], bool) for r in rows)


def test_frictionless_validate_passes(release):
    report = frictionless.validate(str(release / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])
    cli = shutil.which("frictionless") or str(Path(sys.executable).with_name("frictionless"))
    if Path(cli).exists():
        run = subprocess.run(
            [cli, "validate", "datapackage.json"], cwd=release, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stdout + run.stderr


def test_parquet_types_compression_and_metadata(release):
    for table, model in MODELS.items():
        handle = pq.ParquetFile(release / f"{table}.parquet")
        schema = handle.schema_arrow
        for spec in columns_of(model):
            field = schema.field(spec.name)
            assert field.nullable is spec.nullable, spec.name
            assert (
                str(field.type)
                == {"string": "string", "integer": "int64", "number": "double", "boolean": "bool"}[spec.type]
            )
        metadata = handle.metadata.metadata
        assert metadata[b"dataset"] == b"gov-report-indicators"
        assert metadata[b"version"] == b"1.0.0"
        assert set(metadata) == {b"dataset", b"version", b"ARROW:schema"}  # no pandas block, no clock
        columns = handle.metadata.row_group(0)
        assert {columns.column(i).compression for i in range(columns.num_columns)} == {"ZSTD"}
    year = pq.read_table(release / "reports.parquet").schema.field("year")
    assert str(year.type) == "int64" and year.nullable


def test_sha256sum_checks_the_release(release):
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum not installed")
    run = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=release, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    listed = [line.split("  ", 1)[1] for line in (release / "SHA256SUMS").read_text().splitlines()]
    assert listed == sorted(listed)
    assert set(listed) == {p.name for p in release.iterdir()} - {"SHA256SUMS"}


def test_identical_inputs_give_identical_bytes(seed_tables, fewer_tables, tmp_path):
    """Two publishes of the same data, and a rebuild of each version, match SHA256SUMS exactly."""
    roots = [tmp_path / "a", tmp_path / "b"]
    for root in roots:
        publish_release(*fewer_tables, root, now=NOW)
        publish_release(*seed_tables, root, now=NOW)
    for version in ("1.0.0", "1.1.0"):
        sums = [(root / "gov-report-indicators" / version / "SHA256SUMS").read_bytes() for root in roots]
        assert sums[0] == sums[1]
    rebuilt = tmp_path / "rebuilt"
    rebuild_release(roots[0] / "gov-report-indicators" / "1.1.0", *seed_tables, rebuilt)
    assert (rebuilt / "SHA256SUMS").read_bytes() == sums[1]
    assert (rebuilt / "changes.csv").read_bytes() == (
        roots[0] / "gov-report-indicators" / "1.1.0" / "changes.csv"
    ).read_bytes()


def test_rebuild_detects_different_inputs(release, seed_tables, tmp_path):
    rebuild_release(release, with_changed_value(seed_tables[0]), seed_tables[1], tmp_path / "x")
    assert (tmp_path / "x" / "SHA256SUMS").read_bytes() != (release / "SHA256SUMS").read_bytes()


def test_release_id_is_unique_and_name_stable(seed_tables, tmp_path):
    first = publish_release(*seed_tables, tmp_path, now=NOW).path
    second = publish_release(with_changed_value(seed_tables[0]), seed_tables[1], tmp_path, now=NOW).path
    a, b = (json.loads((p / "datapackage.json").read_text()) for p in (first, second))
    assert a["name"] == b["name"] and a["id"] != b["id"]


def test_arrow_readers_hold_no_reference_to_python_bytes(release):
    """Arrow's threaded readers may drop their input buffer on a pool thread after returning.

    A Python-owned buffer dropped there during interpreter shutdown aborted a publishing
    process ("terminate called without an active exception"); the publisher therefore hands
    Arrow a copy in Arrow memory, so no Python reference is left behind.
    """
    data = (release / "indicators.csv").read_bytes()
    before = sys.getrefcount(data)
    reader = arrow_reader(data)
    assert sys.getrefcount(data) == before
    assert reader.read() == data
    assert read_csv_text_table(data).num_rows == read_csv_text_table(release / "indicators.csv").num_rows
    assert sys.getrefcount(data) == before
