"""The shortcuts that keep publishing fast at 1,000 reports give the same answers as the slow paths.

publish never parses its own CSV back (the diff uses the cells it wrote), skips the diff
when the content fingerprint is unchanged, validates identical CSV and Parquet rows once
and lets frictionless read only the first rows; each test below pins one of those to the
behaviour it replaces.
"""

from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest

from pipeline.publish import diff_releases, publish_release, verify_release
from pipeline.publish.files import (
    build_csv_bytes,
    build_parquet_bytes,
    build_text_columns,
    build_text_csv_bytes,
    read_csv_table,
    read_csv_text,
)
from pipeline.publish.verify import check_tables
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
    cells = build_text_columns(frame, model)
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
