"""``run_release`` (``python -m pipeline release``) end to end into temporary folders."""

import hashlib
import json

import dagster as dg
import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.defs.run import run_release
from pipeline.ingest import report_id_for
from tests.orchestration.conftest import CORPUS, SEED

DATASET = "gov-report-indicators"


def latest(env):
    return json.loads((env.releases / DATASET / "latest.json").read_text(encoding="utf-8"))


def materialized_partitions(asset, since_run_ids=()):
    with dg.DagsterInstance.get() as instance:
        runs = instance.get_runs()
        found = set()
        for run in (r for r in runs if r.run_id not in since_run_ids):
            for record in instance.all_logs(run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION):
                event = record.dagster_event
                if event.asset_key == dg.AssetKey(asset):
                    found.add(event.partition)
        return found, {r.run_id for r in runs}


def test_release_builds_publishes_and_reruns_incrementally(env, capsys):
    env.add(SEED)
    env.add(CORPUS / "gwr_national_2020.txt")

    assert run_release(env.seeds, env.releases) == 0
    first = latest(env)
    assert f"published {first['version']}" in capsys.readouterr().out
    folder = env.releases / DATASET / first["path"]
    reports = pd.read_csv(folder / "reports.csv")
    assert sorted(reports["report_id"]) == sorted(report_id_for(p) for p in env.seeds.iterdir())
    indicators = pq.read_table(folder / "indicators.parquet").to_pandas()
    assert reports["n_indicators"].sum() == len(indicators) > 0
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split(maxsplit=1)
        assert hashlib.sha256((folder / name.lstrip("*")).read_bytes()).hexdigest() == digest

    # Same seeds: nothing parsed, nothing published.
    _, seen = materialized_partitions("report_document")
    assert run_release(env.seeds, env.releases) == 0
    assert "unchanged" in capsys.readouterr().out
    assert latest(env) == first
    parsed, seen = materialized_partitions("report_document", seen)
    assert parsed == set()

    # One new report: only its partition is parsed and extracted, and a new version appears.
    new = env.add(CORPUS / "news_fujian_cities_gdp_2022h1.txt")
    assert run_release(env.seeds, env.releases) == 0
    assert latest(env)["version"] != first["version"]
    parsed, _ = materialized_partitions("report_indicators", seen)
    assert parsed == {report_id_for(new)}
    reports = pd.read_csv(env.releases / DATASET / latest(env)["path"] / "reports.csv")
    assert report_id_for(new) in set(reports["report_id"])


@pytest.mark.parametrize("workers", ["1", "2"])
def test_bad_report_exits_nonzero_naming_the_file_and_keeps_the_release(env, capsys, monkeypatch, workers):
    monkeypatch.setenv("PIPELINE_WORKERS", workers)
    env.add(SEED)
    assert run_release(env.seeds, env.releases) == 0
    before = (env.releases / DATASET / "latest.json").read_bytes()
    capsys.readouterr()

    (env.seeds / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8" * 4 + b"\x00\x00\xff")
    env.add(CORPUS / "gwr_national_2020.txt")
    code = run_release(env.seeds, env.releases)

    err = capsys.readouterr().err
    assert code == 2
    assert f"error: {env.seeds / 'broken.txt'}: " in err
    assert "latest release is unchanged" in err
    assert (env.releases / DATASET / "latest.json").read_bytes() == before
    assert len([p for p in (env.releases / DATASET).iterdir() if p.is_dir()]) == 1


def test_empty_seeds_folder_is_an_error(env, capsys):
    assert run_release(env.seeds, env.releases) == 2
    assert "no report files" in capsys.readouterr().err


def test_large_builds_share_the_work_among_processes(env, capsys, monkeypatch):
    monkeypatch.setenv("PIPELINE_WORKERS", "2")
    for source in (SEED, CORPUS / "gwr_national_2020.txt", CORPUS / "news_fujian_cities_gdp_2022h1.txt"):
        env.add(source)

    assert run_release(env.seeds, env.releases) == 0

    with dg.DagsterInstance.get() as instance:
        runs = instance.get_runs()
    assert sorted(r.job_name for r in runs) == ["build_reports", "build_reports", "publish_release"]
    built, _ = materialized_partitions("report_indicators")
    assert built == {report_id_for(p) for p in env.seeds.iterdir()}
    reports = pd.read_csv(env.releases / DATASET / latest(env)["path"] / "reports.csv")
    assert len(reports) == 3
