"""The code location loads, validates, and describes itself for the UI."""

import subprocess
import sys

import dagster as dg

from pipeline.config import REPO_ROOT
from pipeline.defs.versions import code_version_of

PER_REPORT = ["report_file", "report_document", "report_indicators"]
COMBINED = ["indicators_table", "reports_table", "release"]


def test_code_location_loads_with_every_asset_check_sensor_and_schedule():
    from pipeline.definitions import defs

    graph = defs.resolve_asset_graph()
    assert {k.to_user_string() for k in graph.get_all_asset_keys()} == set(PER_REPORT + COMBINED)
    checks = {(k.asset_key.to_user_string(), k.name) for k in graph.asset_check_keys}
    assert checks == {
        ("report_indicators", "reports_extracted"),
        ("report_indicators", "indicators_schema"),
        ("report_indicators", "indicators_provenance"),
        ("indicators_table", "indicators_table_schema"),
        ("reports_table", "reports_table_schema"),
    }
    assert all(graph.get_check_spec(k).blocking for k in graph.asset_check_keys)
    assert defs.resolve_sensor_def("seeds_sensor").default_status == dg.DefaultSensorStatus.RUNNING
    assert defs.resolve_schedule_def("daily_reconcile").cron_schedule == "0 3 * * *"


def test_asset_graph_reads_left_to_right():
    from pipeline.definitions import defs

    graph = defs.resolve_asset_graph()

    def parents(name):
        return {k.to_user_string() for k in graph.get(dg.AssetKey(name)).parent_keys}

    assert parents("report_file") == set()
    assert parents("report_document") == {"report_file"}
    assert parents("report_indicators") == {"report_document"}
    assert parents("indicators_table") == {"report_indicators"}
    assert parents("reports_table") == {"report_indicators"}
    assert parents("release") == {"indicators_table", "reports_table"}


def test_every_asset_is_described_for_the_ui():
    from pipeline.definitions import defs

    for spec in defs.resolve_all_asset_specs():
        name = spec.key.to_user_string()
        assert spec.description and len(spec.description) > 40, name
        assert spec.group_name in {"reports", "release"}, name
        assert spec.owners == ["team:open-data"], name
        assert spec.kinds, name
        assert spec.code_version and len(spec.code_version) == 12, name
        is_partitioned = spec.partitions_def is not None
        assert is_partitioned == (name in PER_REPORT), name
    schema = next(s for s in defs.resolve_all_asset_specs() if s.key.path == ["indicators_table"]).metadata[
        "dagster/column_schema"
    ]
    columns = {c.name: c for c in schema.columns}
    assert {"report_id", "indicator_id", "value", "quote", "char_start", "char_end"} <= set(columns)
    assert columns["indicator_id"].constraints.unique
    assert "one of:" in " ".join(columns["measure"].constraints.other)


def test_code_version_follows_the_source(tmp_path, monkeypatch):
    package = tmp_path / "probe_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("X = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = code_version_of("probe_pkg")
    assert code_version_of("probe_pkg") == before
    (package / "rules.py").write_text("Y = 2\n")
    after_add = code_version_of("probe_pkg")
    (package / "rules.py").write_text("Y = 3\n")
    assert len({before, after_add, code_version_of("probe_pkg")}) == 3


def test_dagster_definitions_validate_passes(env):
    proc = subprocess.run(
        [sys.executable, "-m", "dagster", "definitions", "validate", "-m", "pipeline.definitions"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "All code locations passed validation" in proc.stdout + proc.stderr


def test_executor_is_chosen_by_environment(monkeypatch):
    import dagster as dg
    import pytest

    from pipeline.defs.build import build_defs, select_executor

    assert select_executor() is dg.in_process_executor
    monkeypatch.setenv("DAGSTER_EXECUTOR", "multiprocess")
    assert select_executor() is dg.multiprocess_executor
    assert build_defs().resolve_job_def("build_release").executor_def is dg.multiprocess_executor
    with pytest.raises(ValueError, match="choose one of"):
        select_executor("spark")
