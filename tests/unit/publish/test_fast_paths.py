"""The shortcuts that keep publishing fast at 1,000 reports give the same answers as the slow paths.

publish writes CSV with Arrow's string kernels, diffs CSV files line by line (parsing only
the lines found on one side), skips the diff when the content fingerprint is unchanged,
checks its staged files against the tables it validated instead of validating them again,
validates identical CSV and Parquet rows once and lets frictionless read only the first
rows; each test below pins one of those to the behaviour it replaces.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import shutil

import numpy as np
import pandas as pd
import pyarrow as pa_arrow
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.publish import diff_releases, publish_release, verify_release
from pipeline.publish.diff import diff_csv, diff_frames
from pipeline.publish.files import (
    CSV_BOM,
    build_arrow_table,
    build_csv_bytes,
    build_parquet_bytes,
    build_text_csv_bytes,
    build_text_table,
    read_csv_table,
    read_csv_text,
    read_csv_text_table,
    sha256_file,
)
from pipeline.publish.verify import ValidatedTable, check_tables, check_tables_match
from pipeline.schema_export import build_table_schema
from schemas import IndicatorsModel, ReportsModel

from .conftest import NOW, with_changed_value


def _awkward_reports(reports: pd.DataFrame) -> pd.DataFrame:
    """The real reports table with cells that need CSV quoting and with nulls of every flavour."""
    frame = reports.copy()
    frame["title"] = frame["title"].astype(object)
    frame.at[0, "title"] = 'a,"b"\nc 政府工作报告'
    frame["year"] = frame["year"].astype("Int64")
    frame.at[0, "year"] = pd.NA
    frame["url"] = frame["url"].astype(object)
    frame.at[0, "url"] = np.nan
    return frame


@pytest.mark.parametrize("table", ["indicators", "reports"])
def test_text_columns_are_exactly_the_csv_cells(seed_tables, table):
    frame = seed_tables[0] if table == "indicators" else _awkward_reports(seed_tables[1])
    model = IndicatorsModel if table == "indicators" else ReportsModel
    cells = build_text_table(frame, model).to_pydict()
    parsed = read_csv_text(build_csv_bytes(frame, model))
    assert list(parsed.columns) == list(cells)
    for name, column in cells.items():
        assert parsed[name].tolist() == column, name
    if table == "reports":
        assert cells["year"][0] == "" and cells["url"][0] == ""
        assert cells["title"][0] == 'a,"b"\nc 政府工作报告'


def test_diff_from_memory_equals_diff_of_the_published_files(seed_tables, fewer_tables, tmp_path):
    root = tmp_path / "releases"
    old = publish_release(*fewer_tables, root, now=NOW).path
    new = publish_release(with_changed_value(seed_tables[0], row=2), seed_tables[1], root, now=NOW).path
    from_files = diff_releases(old, new)
    assert from_files.count("indicators", "added") > 0 and from_files.count("indicators", "changed") == 1
    assert build_text_csv_bytes(from_files.changes) == (new / "changes.csv").read_bytes()


def test_unchanged_shortcut_agrees_with_a_forced_version(seed_tables, tmp_path):
    """Forcing a version over identical tables takes the no-diff path: an empty patch release."""
    publish_release(*seed_tables, tmp_path, now=NOW)
    forced = publish_release(*seed_tables, tmp_path, now=NOW, version="1.0.1")
    assert (forced.published, forced.bump) == (True, "patch")
    header = read_csv_text(forced.path / "changes.csv")
    assert header.empty and list(header.columns)[:3] == ["table", "key", "change"]
    assert "indicators: 0 rows added, 0 removed, 0 changed" in forced.summary[2]
    assert diff_releases(tmp_path / "gov-report-indicators" / "1.0.0", forced.path).is_empty


def test_bad_cell_past_the_frictionless_sample_is_still_caught(seed_tables, tmp_path):
    release = publish_release(*seed_tables, tmp_path / "releases", now=NOW).path
    copy = tmp_path / "copy"
    shutil.copytree(release, copy)
    lines = (copy / "indicators.csv").read_bytes().decode("utf-8-sig").split("\n")
    header = lines[0].split(",")
    assert len(lines) > 12, "the seed should give more rows than the sample below"
    last = len(lines) - 2  # the file ends with a newline
    cells = lines[last].split(",")
    cells[header.index("measure")] = "not_a_measure"
    lines[last] = ",".join(cells)
    (copy / "indicators.csv").write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8"))

    sampled = verify_release(copy, frictionless_rows=10)
    assert any(p.startswith("indicators.csv: isin") and "not_a_measure" in p for p in sampled), sampled
    assert not any("constraint-error" in p for p in sampled)  # frictionless stopped before that row
    assert "indicators: CSV and Parquet files hold different rows" in sampled
    full = verify_release(copy)
    assert any("constraint-error" in p for p in full), full


def test_identical_csv_and_parquet_rows_are_reported_once(seed_tables, tmp_path):
    """A bad value published in both formats is one schema failure, named after the CSV file."""
    bad = seed_tables[0].copy()
    bad["measure"] = bad["measure"].astype(object)
    bad.at[0, "measure"] = "not_a_measure"
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "indicators.csv").write_bytes(build_csv_bytes(bad, IndicatorsModel))
    (folder / "indicators.parquet").write_bytes(
        build_parquet_bytes(bad, IndicatorsModel, dataset="d", version="1.0.0")
    )
    schema = build_table_schema(IndicatorsModel)
    resources = [
        {"name": name, "path": f"indicators.{fmt}", "format": fmt, "schema": schema}
        for name, fmt in (("indicators", "csv"), ("indicators-parquet", "parquet"))
    ]
    package = {"name": "d", "version": "1.0.0", "resources": resources}
    tables, problems = check_tables(folder, package, {"indicators": IndicatorsModel})
    failures = [p for p in problems if "not_a_measure" in p]
    assert len(failures) == 1 and failures[0].startswith("indicators.csv: isin"), problems
    assert len(tables["indicators"]) == len(bad)


def test_bad_integer_cell_names_its_column(seed_tables):
    data = build_csv_bytes(seed_tables[0], IndicatorsModel)
    text = data.decode("utf-8-sig").split("\n")
    header = text[0].split(",")
    cells = text[1].split(",")
    cells[header.index("char_start")] = "12x"
    text[1] = ",".join(cells)
    with pytest.raises(ValueError, match=r"column char_start: cannot read '12x' as integer"):
        read_csv_table(("\ufeff" + "\n".join(text)).encode("utf-8"), IndicatorsModel)
    typed = read_csv_table(data, IndicatorsModel)
    assert typed["char_start"].dtype == "int64"
    assert typed["char_start"].tolist() == seed_tables[0]["char_start"].tolist()


def _python_csv(columns: dict[str, list[str]]) -> bytes:
    """The same cells written by Python's csv module (the writer the Arrow one replaced)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL, doublequote=True)
    writer.writerow(list(columns))
    writer.writerows(zip(*columns.values(), strict=True))
    return CSV_BOM + buffer.getvalue().encode("utf-8")


@pytest.mark.parametrize("table", ["indicators", "reports"])
def test_arrow_csv_writer_matches_python_csv_on_real_tables(seed_tables, table):
    frame = seed_tables[0] if table == "indicators" else _awkward_reports(seed_tables[1])
    model = IndicatorsModel if table == "indicators" else ReportsModel
    assert build_csv_bytes(frame, model) == _python_csv(build_text_table(frame, model).to_pydict())


_CELL = st.text(alphabet=st.sampled_from(list(',"\n ab1.政府报告\u3000\ufeff\t')), max_size=12)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.tuples(_CELL, _CELL), min_size=0, max_size=8))
def test_arrow_csv_writer_matches_python_csv_and_reads_back(rows):
    """Any cells without CR: the bytes Python's csv writes, and both readers return the cells."""
    frame = pd.DataFrame(rows, columns=["subject", "unit"], dtype="string")
    text = pa_arrow.table({c: pa_arrow.array(frame[c].tolist(), pa_arrow.large_string()) for c in frame})
    data = build_csv_bytes(frame, IndicatorsModel, text)
    assert data == _python_csv({c: frame[c].tolist() for c in frame})
    assert read_csv_text_table(data).equals(text)
    assert read_csv_text(data).to_dict("list") == {c: frame[c].tolist() for c in frame}


def test_a_bare_carriage_return_is_quoted_so_every_reader_keeps_the_row(seed_tables):
    """Python's csv left 'a\\rb' unquoted with a \\n terminator; Arrow and DuckDB split the row there."""
    frame = _awkward_reports(seed_tables[1])
    frame.at[0, "title"] = "第一行\r第二行"
    data = build_csv_bytes(frame, ReportsModel)
    assert b'"\xe7\xac\xac\xe4\xb8\x80\xe8\xa1\x8c\r' in data  # the cell opens with a quote
    assert read_csv_text_table(data).column("title")[0].as_py() == "第一行\r第二行"
    assert read_csv_text(data)["title"].tolist() == build_text_table(frame, ReportsModel).to_pydict()["title"]


@pytest.mark.parametrize("multiline", [False, True])
def test_line_diff_of_csv_bytes_equals_the_full_frame_diff(seed_tables, fewer_tables, multiline):
    """diff_csv compares only the lines found on one side; the answer is the full diff's."""
    old_frames = {"indicators": fewer_tables[0], "reports": fewer_tables[1]}
    new_indicators = with_changed_value(seed_tables[0], row=2)
    new_reports = _awkward_reports(seed_tables[1]) if multiline else seed_tables[1]
    new_frames = {"indicators": new_indicators, "reports": new_reports}
    models = {"indicators": IndicatorsModel, "reports": ReportsModel}
    schemas = {t: build_table_schema(m) for t, m in models.items()}
    old_csv = {t: build_csv_bytes(old_frames[t], m) for t, m in models.items()}
    new_csv = {t: build_csv_bytes(new_frames[t], m) for t, m in models.items()}
    full = diff_frames(
        {t: read_csv_text(b) for t, b in old_csv.items()},
        {t: read_csv_text(b) for t, b in new_csv.items()},
        schemas,
        schemas,
    )
    fast = diff_csv(old_csv, new_csv, schemas, schemas)
    assert fast.changes.equals(full.changes) and fast.schema_changes == full.schema_changes
    assert fast.count("indicators", "added") > 0 and fast.count("indicators", "changed") == 1
    assert fast.count("reports", "changed") == (1 if multiline else 0)


def test_publish_read_back_catches_a_file_that_is_not_the_validated_table(seed_tables, tmp_path):
    """The publisher's read-back: a CSV or Parquet file that differs from its validated table fails."""
    release = publish_release(*seed_tables, tmp_path / "releases", now=NOW).path
    package = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    models = {"indicators": IndicatorsModel, "reports": ReportsModel}
    frames = {"indicators": seed_tables[0], "reports": seed_tables[1]}
    validated = {
        t: ValidatedTable(build_text_table(frames[t], m), build_arrow_table(frames[t], m))
        for t, m in models.items()
    }
    assert check_tables_match(release, package, validated) == []
    changed = with_changed_value(seed_tables[0], row=0)
    validated["indicators"] = ValidatedTable(
        build_text_table(changed, IndicatorsModel), build_arrow_table(changed, IndicatorsModel)
    )
    problems = check_tables_match(release, package, validated)
    assert problems == [
        "indicators.csv: does not read back as the validated indicators table",
        "indicators.parquet: does not read back as the validated indicators table",
    ]


def test_the_read_back_of_the_csv_bytes_stands_for_the_file_only_when_the_hashes_agree(seed_tables, tmp_path):
    release = publish_release(*seed_tables, tmp_path / "releases", now=NOW).path
    package = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    frames = {"indicators": seed_tables[0], "reports": seed_tables[1]}
    models = {"indicators": IndicatorsModel, "reports": ReportsModel}
    stale = read_csv_text_table(build_csv_bytes(with_changed_value(seed_tables[0], row=0), IndicatorsModel))

    def validated(read_back, digest):
        tables = {
            t: ValidatedTable(build_text_table(frames[t], m), build_arrow_table(frames[t], m))
            for t, m in models.items()
        }
        tables["indicators"] = dataclasses.replace(
            tables["indicators"], csv_read_back=read_back, csv_sha256=digest
        )
        return tables

    file_digest = sha256_file(release / "indicators.csv")
    # Another read-back under another hash: ignored, the file itself is parsed (and is right).
    assert check_tables_match(release, package, validated(stale, "0" * 64)) == []
    # A read-back claimed for the file's very bytes is trusted, so a wrong one is reported.
    assert check_tables_match(release, package, validated(stale, file_digest)) == [
        "indicators.csv: does not read back as the validated indicators table"
    ]
