"""Materialize real reports into temporary folders, and prove blocking checks stop publication."""

import dataclasses

import dagster as dg
import pandas as pd

from pipeline.defs.partitions import REPORTS, range_tags
from pipeline.ingest import report_id_for
from tests.orchestration.conftest import CORPUS, SEED

QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


def run(env, instance, job, **kwargs):
    return (
        env.defs()
        .resolve_job_def(job)
        .execute_in_process(instance=instance, run_config=QUIET, raise_on_error=False, **kwargs)
    )


def checks_by_name(result):
    return {e.check_name: e for e in result.get_asset_check_evaluations()}


def test_one_partition_materializes_with_metadata_and_passing_checks(env, instance):
    env.add(SEED)
    key = report_id_for(SEED)
    instance.add_dynamic_partitions(REPORTS.name, [key])

    result = run(env, instance, "build_reports", partition_key=key)

    assert result.success
    file_meta = result.asset_materializations_for_node("report_file")[0].metadata
    assert file_meta["n_bytes"].value == SEED.stat().st_size
    assert len(file_meta["sha256"].value) == 64
    assert file_meta["encoding"].value == "utf-8"
    doc_meta = result.asset_materializations_for_node("report_document")[0].metadata
    assert doc_meta["sha256"].value == file_meta["sha256"].value
    assert {"title", "area", "published_at", "encoding"} <= set(doc_meta)
    ind = result.asset_materializations_for_node("report_indicators")[0]
    assert ind.partition == key
    assert ind.metadata["dagster/row_count"].value > 0
    assert "| measure | figures |" in ind.metadata["figures_by_measure"].value
    checks = checks_by_name(result)
    assert set(checks) == {"reports_extracted", "indicators_schema", "indicators_provenance"}
    assert all(c.passed for c in checks.values())
    assert f"{ind.metadata['dagster/row_count'].value} rows" in checks["indicators_schema"].description

    store = env.paths.store(instance)
    built = store.built(key)
    assert built.error is None and built.sha256 == file_meta["sha256"].value
    assert len(store.load_tables(built.tables_key).indicators) == ind.metadata["dagster/row_count"].value
    assert not env.releases.exists()  # build_reports never publishes


def test_range_run_reuses_unchanged_reports(env, instance):
    for source in (SEED, CORPUS / "gwr_national_2020.txt"):
        env.add(source)
    keys = [report_id_for(p) for p in sorted(env.seeds.iterdir())]
    instance.add_dynamic_partitions(REPORTS.name, keys)

    first = run(env, instance, "build_reports", tags=range_tags(keys[0], keys[-1]))
    second = run(env, instance, "build_reports", tags=range_tags(keys[0], keys[-1]))

    assert first.success and second.success
    assert {m.partition for m in first.asset_materializations_for_node("report_indicators")} == set(keys)

    def counters(result, node):
        return result.asset_materializations_for_node(node)[0].metadata

    assert counters(first, "report_document")["parsed"].value == 2
    assert counters(second, "report_document")["parsed"].value == 0
    assert counters(second, "report_document")["reused"].value == 2
    assert counters(second, "report_indicators")["extracted"].value == 0


def test_full_run_publishes_a_release_with_lineage_and_file_hashes(env, instance):
    env.add(SEED)
    key = report_id_for(SEED)
    instance.add_dynamic_partitions(REPORTS.name, [key])

    result = run(env, instance, "build_release", partition_key=key)

    assert result.success
    meta = result.asset_materializations_for_node("release")[0].metadata
    assert meta["published"].value is True
    folder = env.releases / "gov-report-indicators" / meta["version"].value
    assert str(folder) == meta["folder"].value
    reports = pd.read_csv(folder / "reports.csv")
    assert reports["report_id"].tolist() == [key]
    assert "indicators.csv" in meta["files"].value
    lineage = meta["dagster/column_lineage"].value.deps_by_column
    assert [(d.asset_key.to_user_string(), d.column_name) for d in lineage["value"]] == [
        ("indicators_table", "value")
    ]
    table_meta = result.asset_materializations_for_node("indicators_table")[0].metadata
    assert table_meta["dagster/row_count"].value == len(pd.read_parquet(folder / "indicators.parquet"))
    assert all(c.passed for c in result.get_asset_check_evaluations())


def test_failed_blocking_check_stops_the_release(env, instance):
    env.add(SEED)
    key = report_id_for(SEED)
    instance.add_dynamic_partitions(REPORTS.name, [key])
    assert run(env, instance, "build_reports", partition_key=key).success
    # Inject a bad table where the pipeline keeps this report's results: the next run
    # reuses it (same bytes, same code), so only the checks stand between it and a release.
    store = env.paths.store(instance)
    built = store.built(key)
    tables = store.load_tables(built.tables_key)
    bad = tables.indicators.copy()
    bad.loc[0, "measure"] = "not_a_measure"
    bad.loc[1, "quote"] = bad.loc[1, "quote"] + "X"
    store.save_tables(built.tables_key, dataclasses.replace(tables, indicators=bad))

    result = run(env, instance, "build_release", partition_key=key)

    assert not result.success
    checks = checks_by_name(result)
    schema, provenance = checks["indicators_schema"], checks["indicators_provenance"]
    assert not schema.passed and not provenance.passed
    assert "not_a_measure" in schema.metadata["failing_rows"].value
    assert "measure: isin" in schema.metadata["pandera_message"].value
    assert bad.loc[1, "indicator_id"] in provenance.metadata["failing_rows"].value
    assert result.asset_materializations_for_node("release") == []
    assert not env.releases.exists()


def test_bad_report_fails_its_partition_only_and_blocks_publication(env, instance):
    env.add(SEED)
    (env.seeds / "empty.txt").write_bytes(b"")
    keys = sorted(report_id_for(p) for p in env.seeds.iterdir())
    instance.add_dynamic_partitions(REPORTS.name, keys)

    result = run(env, instance, "build_release", tags=range_tags(keys[0], keys[-1]))

    assert not result.success
    extracted = checks_by_name(result)["reports_extracted"]
    assert not extracted.passed
    assert f"{env.seeds / 'empty.txt'}: " in extracted.description
    assert "1 of 2 report(s) failed" in extracted.description
    store = env.paths.store(instance)
    assert store.built(report_id_for(SEED)).error is None  # the good report was still processed
    assert result.asset_materializations_for_node("release") == []
    assert not env.releases.exists()


def test_release_refuses_reports_that_were_never_built(env, instance):
    env.add(SEED)
    instance.add_dynamic_partitions(REPORTS.name, [report_id_for(SEED)])

    result = run(env, instance, "publish_release")

    assert not result.success
    failure = result.get_step_failure_events()[0].step_failure_data.user_failure_data
    assert "not built yet" in failure.description


def test_a_long_list_of_blocking_reports_is_cut_in_the_message_but_kept_in_metadata(env, instance):
    names = [f"copy_{i:02d}.txt" for i in range(25)]
    for name in names:
        env.add(SEED, name)
    instance.add_dynamic_partitions(REPORTS.name, [report_id_for(env.seeds / n) for n in names])

    result = run(env, instance, "publish_release")

    failure = result.get_step_failure_events()[0].step_failure_data.user_failure_data
    lines = failure.description.splitlines()
    assert lines[0] == "25 report(s) block the release:"
    assert len(lines) == 22 and lines[-1].startswith("... and 5 more")
    assert failure.metadata["blocking_reports"].value.count("not built yet") == 25


def test_release_validates_tables_itself_unless_this_run_checked_them(env, instance, monkeypatch):
    """publish skips its own pandera pass only when both table checks passed in the same run."""
    from pipeline.defs import assets
    from pipeline.publish import release as publish_module

    calls = []
    real = publish_module.check_table

    def recording_check_table(model, frame):
        calls.append(model.__name__)
        return real(model, frame)

    monkeypatch.setattr(publish_module, "check_table", recording_check_table)
    env.add(SEED)
    key = report_id_for(SEED)
    instance.add_dynamic_partitions(REPORTS.name, [key])

    assert run(env, instance, "build_release", partition_key=key).success
    assert calls == []  # indicators_table_schema and reports_table_schema passed in this run

    unchecked = dg.define_asset_job(
        "publish_unchecked",
        selection=dg.AssetSelection.assets(
            assets.indicators_table, assets.reports_table, assets.release
        ).without_checks(),
    )
    defs = env.defs()
    job = dg.Definitions.merge(defs, dg.Definitions(jobs=[unchecked])).resolve_job_def("publish_unchecked")
    assert job.execute_in_process(instance=instance, run_config=QUIET).success
    assert calls == ["IndicatorsModel", "ReportsModel"]  # no check ran: the publisher validated
