"""Versions decided from the data; unchanged data publishes nothing; versions are write-once."""

from __future__ import annotations

import json

import pandas as pd
import pandera.pandas as pa
import pytest
from pandera.typing import Series

from pipeline.errors import PublishError
from pipeline.publish import publish_release, verify_release
from pipeline.publish.files import read_csv_text
from schemas import IndicatorsModel, ReportsModel
from schemas.vocab import BASE_UNITS

from .conftest import NOW, snapshot, with_changed_value

DATASET = "gov-report-indicators"


def test_first_release_is_1_0_0_and_complete(seed_tables, tmp_path):
    indicators, reports = seed_tables
    result = publish_release(indicators, reports, tmp_path, now=NOW)
    assert (result.version, result.published, result.reason) == ("1.0.0", True, "first release")
    folder = tmp_path / DATASET / "1.0.0"
    assert result.path == folder
    expected = {
        "indicators.csv",
        "indicators.parquet",
        "reports.csv",
        "reports.parquet",
        "datapackage.json",
        "SHA256SUMS",
        "README.md",
        "CHANGELOG.md",
        "changes.csv",
    }
    assert {p.name for p in folder.iterdir()} == expected
    assert set(result.files) == expected
    assert verify_release(folder) == []
    latest = json.loads((tmp_path / DATASET / "latest.json").read_text())
    assert latest["version"] == "1.0.0" and latest["path"] == "1.0.0"
    catalog = json.loads((tmp_path / "index.json").read_text())
    entry = catalog["datasets"][DATASET]["versions"][0]
    assert catalog["datasets"][DATASET]["latest"] == "1.0.0"
    assert entry["rows"] == {"indicators": len(indicators), "reports": len(reports)}
    assert entry["created"] == "2026-03-01T08:00:00Z"
    assert entry["sha256sums_sha256"] == result.files["SHA256SUMS"]
    assert "First release." in (folder / "CHANGELOG.md").read_text()


def test_datapackage_describes_the_release(seed_tables, tmp_path):
    indicators, reports = seed_tables
    folder = publish_release(indicators, reports, tmp_path, now=NOW).path
    package = json.loads((folder / "datapackage.json").read_text())
    required = ("name", "id", "version", "created", "title", "description", "licenses", "sources")
    for key in (*required, "contributors"):
        assert package[key], key
    assert package["name"] == DATASET and package["version"] == "1.0.0"
    assert len(package["sources"]) == len(reports)
    assert {s["sha256"] for s in package["sources"]} == set(reports["sha256"])
    by_name = {r["name"]: r for r in package["resources"]}
    assert set(by_name) == {"indicators", "indicators-parquet", "reports", "reports-parquet"}
    for resource in package["resources"]:
        path = folder / resource["path"]
        assert resource["bytes"] == path.stat().st_size
        assert resource["hash"].startswith("sha256:")
        assert resource["schema"]["primaryKey"]
    assert by_name["indicators"]["encoding"] == "utf-8"
    assert by_name["indicators"]["mediatype"] == "text/csv"


def test_unchanged_rerun_publishes_nothing(seed_tables, tmp_path):
    indicators, reports = seed_tables
    first = publish_release(indicators, reports, tmp_path, now=NOW)
    before = snapshot(tmp_path)
    again = publish_release(indicators.copy(), reports.copy(), tmp_path)
    assert (again.published, again.reason, again.version) == (False, "unchanged", "1.0.0")
    assert again.files == first.files != {}
    assert snapshot(tmp_path) == before
    assert sorted(p.name for p in (tmp_path / DATASET).iterdir() if not p.name.startswith(".")) == [
        "1.0.0",
        "latest.json",
    ]


def test_added_report_is_a_minor_release(seed_tables, fewer_tables, tmp_path):
    publish_release(*fewer_tables, tmp_path, now=NOW)
    result = publish_release(*seed_tables, tmp_path, now=NOW)
    assert (result.version, result.bump) == ("1.1.0", "minor")
    folder = result.path
    changes = read_csv_text(folder / "changes.csv")
    new_report = sorted(set(seed_tables[1]["report_id"]) - set(fewer_tables[1]["report_id"]))
    assert changes.query("table == 'reports' and change == 'added'")["key"].tolist() == new_report
    added_rows = changes.query("table == 'indicators' and change == 'added'")["key"]
    expected = set(seed_tables[0]["indicator_id"]) - set(fewer_tables[0]["indicator_id"])
    assert set(added_rows) == expected
    changelog = (folder / "CHANGELOG.md").read_text()
    assert changelog.index("## 1.1.0") < changelog.index("## 1.0.0")  # newest first, older kept
    assert f"{len(expected)} rows added" in changelog
    readme = (folder / "README.md").read_text()
    assert "Compared with version 1.0.0" in readme
    # the old version is still there and still valid
    assert verify_release(tmp_path / DATASET / "1.0.0") == []


def test_changed_value_is_a_patch_release(seed_tables, tmp_path):
    indicators, reports = seed_tables
    publish_release(indicators, reports, tmp_path, now=NOW)
    corrected = with_changed_value(indicators, row=3)
    result = publish_release(corrected, reports, tmp_path, now=NOW)
    assert (result.version, result.bump) == ("1.0.1", "patch")
    changes = read_csv_text(result.path / "changes.csv")
    key = indicators.at[3, "indicator_id"]
    changed = changes[changes["change"] == "changed"]
    assert set(changed["key"]) == {key}
    assert set(changed["column"]) == {"value", "value_base"}
    row = changed[changed["column"] == "value"].iloc[0]
    assert float(row["old_value"]) == indicators.at[3, "value"]
    assert float(row["new_value"]) == corrected.at[3, "value"]


def test_removed_rows_are_a_patch_release(seed_tables, tmp_path):
    indicators, reports = seed_tables
    publish_release(indicators, reports, tmp_path, now=NOW)
    dropped = indicators.iloc[1:].reset_index(drop=True)
    counts = dropped["report_id"].value_counts()
    fixed_reports = reports.assign(n_indicators=[int(counts.get(r, 0)) for r in reports["report_id"]])
    result = publish_release(dropped, fixed_reports, tmp_path, now=NOW)
    assert result.version == "1.0.1"
    changes = read_csv_text(result.path / "changes.csv")
    assert changes.query("change == 'removed'")["key"].tolist() == [indicators.at[0, "indicator_id"]]


class IndicatorsWithNote(IndicatorsModel):
    """The indicators model plus one column: a schema change."""

    note: Series[str] = pa.Field(nullable=True, title="Note", description="A free-text note.")


def test_schema_change_is_a_major_release(seed_tables, tmp_path):
    indicators, reports = seed_tables
    publish_release(indicators, reports, tmp_path, now=NOW)
    extended = indicators.assign(note=pd.Series([None] * len(indicators), dtype="string"))
    models = {"indicators": IndicatorsWithNote, "reports": ReportsModel}
    result = publish_release(extended, reports, tmp_path, models=models, now=NOW)
    assert (result.version, result.bump) == ("2.0.0", "major")
    assert "indicators: column note added" in "\n".join(result.summary)
    assert verify_release(result.path, models=models) == []
    # code that still has the old model sees the difference, not a silent pass
    assert any("schema differs" in p for p in verify_release(result.path))


class IndicatorsBeforePflops(IndicatorsModel):
    """The indicators model as it was before the base-unit vocabulary gained ``pflops``."""

    base_unit: Series[str] = pa.Field(
        isin=[u for u in BASE_UNITS if u != "pflops"],
        title="Base unit",
        description="Unit of value_base, from a closed vocabulary.",
    )


def test_a_vocabulary_that_only_gains_values_is_a_minor_release(seed_tables, tmp_path):
    indicators, reports = seed_tables
    assert "pflops" not in set(indicators["base_unit"])
    old_models = {"indicators": IndicatorsBeforePflops, "reports": ReportsModel}
    publish_release(indicators, reports, tmp_path, models=old_models, now=NOW)
    result = publish_release(indicators, reports, tmp_path, now=NOW)
    assert (result.version, result.bump) == ("1.1.0", "minor")
    assert 'indicators: column base_unit allows new values "pflops"' in "\n".join(result.summary)
    # the reverse, a value taken away, breaks readers of the old vocabulary: major
    back = publish_release(indicators, reports, tmp_path, models=old_models, now=NOW)
    assert (back.version, back.bump) == ("2.0.0", "major")


def test_existing_version_is_never_overwritten(seed_tables, tmp_path):
    indicators, reports = seed_tables
    publish_release(indicators, reports, tmp_path, now=NOW)
    before = snapshot(tmp_path / DATASET / "1.0.0")
    with pytest.raises(PublishError, match=r"1\.0\.0 already exists.*write-once"):
        publish_release(with_changed_value(indicators), reports, tmp_path, version="1.0.0")
    assert snapshot(tmp_path / DATASET / "1.0.0") == before
    assert not [p for p in (tmp_path / DATASET).iterdir() if p.name.startswith(".staging-")]


def test_invalid_tables_are_refused_and_nothing_is_written(seed_tables, tmp_path):
    indicators, reports = seed_tables
    publish_release(indicators, reports, tmp_path, now=NOW)
    before = snapshot(tmp_path)
    bad = indicators.copy()
    bad["quote"] = bad["quote"].astype(object)
    bad.at[0, "quote"] = bad.at[0, "quote"] + "x"  # span no longer matches the quote
    with pytest.raises(PublishError, match="fail validation"):
        publish_release(bad, reports, tmp_path)
    assert snapshot(tmp_path) == before


def test_zero_row_indicators_table_is_publishable(seed_files, tmp_path):
    """A report without figures still makes a valid release (header-only indicators files)."""
    from pipeline.tables import build_reports_table, empty_frame

    from .conftest import _report

    doc, _ = _report(seed_files[0])
    result = publish_release(empty_frame(IndicatorsModel), build_reports_table([doc], {}), tmp_path, now=NOW)
    assert result.version == "1.0.0"
    assert (result.path / "indicators.csv").read_bytes().decode("utf-8-sig").count("\n") == 1
    assert verify_release(result.path) == []
