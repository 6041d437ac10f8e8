"""The team deployment (deploy/postgres/dagster.yaml) against a real PostgreSQL server.

The server is started by the ``pg_server`` fixture (conftest.py); each test gets its own
database and ``DAGSTER_HOME`` holding a copy of the shipped dagster.yaml, so what is tested
is the file a team would deploy, not a variant of it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.postgres

psycopg2 = pytest.importorskip(
    "psycopg2", reason="psycopg2 is needed to talk to PostgreSQL (see deploy/README.md)"
)
pytest.importorskip("dagster_postgres", reason="dagster-postgres is not installed (see deploy/README.md)")

from dagster import DagsterInstance  # noqa: E402
from dagster_postgres import (  # noqa: E402
    PostgresEventLogStorage,
    PostgresRunStorage,
    PostgresScheduleStorage,
)

REPO = Path(__file__).resolve().parents[2]
DEPLOY_YAML = REPO / "deploy" / "postgres" / "dagster.yaml"
SEED = REPO / "seeds" / "000_809e7810154ce7d6.txt"
QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


@pytest.fixture()
def pg_env(pg_server, monkeypatch, tmp_path) -> Iterator[dict[str, str]]:
    """A fresh database and a DAGSTER_HOME with the shipped dagster.yaml; env set for both."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(pg_server.dsn())
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(DEPLOY_YAML, home / "dagster.yaml")
    env = {**pg_server.dagster_env(), "DAGSTER_PG_DB": name, "DAGSTER_HOME": str(home)}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    yield env
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def _query(env: dict[str, str], sql: str, params: tuple = ()) -> list[tuple]:
    dsn = (
        f"host={env['DAGSTER_PG_HOST']} port={env['DAGSTER_PG_PORT']} "
        f"user={env['DAGSTER_PG_USERNAME']} dbname={env['DAGSTER_PG_DB']}"
    )
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()


def test_server_setup_time_is_recorded(pg_server, record_property):
    # Not a timing assertion: the figure goes into the JUnit report and deploy/README.md.
    record_property("postgres_setup_seconds", round(pg_server.setup_seconds, 2))
    record_property("postgres_installed_by_fixture", pg_server.installed_now)
    assert (pg_server.bin_dir / "postgres").exists()


def test_shipped_yaml_builds_a_postgres_instance(pg_env):
    shipped = yaml.safe_load(DEPLOY_YAML.read_text(encoding="utf-8"))
    with DagsterInstance.get() as instance:
        assert isinstance(instance.run_storage, PostgresRunStorage)
        assert isinstance(instance.event_log_storage, PostgresEventLogStorage)
        assert isinstance(instance.schedule_storage, PostgresScheduleStorage)
        assert type(instance.run_coordinator).__name__ == shipped["run_coordinator"]["class"]
        queue = instance.get_concurrency_config().run_queue_config
        assert queue.max_concurrent_runs == shipped["concurrency"]["runs"]["max_concurrent_runs"]
        assert queue.tag_concurrency_limits == shipped["concurrency"]["runs"]["tag_concurrency_limits"]
    tables = {row[0] for row in _query(pg_env, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert {"runs", "event_logs", "dynamic_partitions", "jobs", "job_ticks"} <= tables


def test_dynamic_partitions_live_in_postgres(pg_env):
    from pipeline.ingest import report_id_for

    report_ids = sorted(report_id_for(p) for p in (REPO / "seeds").iterdir() if p.suffix == ".txt")
    with DagsterInstance.get() as instance:
        instance.add_dynamic_partitions("reports", report_ids)
        instance.delete_dynamic_partition("reports", report_ids[-1])
        assert sorted(instance.get_dynamic_partitions("reports")) == report_ids[:-1]
    rows = _query(
        pg_env, "SELECT partition FROM dynamic_partitions WHERE partitions_def_name = %s", ("reports",)
    )
    assert sorted(r[0] for r in rows) == report_ids[:-1]


def test_one_partition_of_the_seed_materializes_into_postgres(pg_env, tmp_path):
    # The orchestration tests' folders and code location, on the shipped PostgreSQL instance.
    from dagster import AssetKey

    from pipeline.defs.partitions import REPORTS
    from pipeline.ingest import report_id_for
    from tests.orchestration.conftest import Env

    env = Env(tmp_path / "seeds", tmp_path / "releases", Path(pg_env["DAGSTER_HOME"]))
    env.seeds.mkdir()
    env.add(SEED)
    key = report_id_for(SEED)
    with DagsterInstance.get() as instance:
        instance.add_dynamic_partitions(REPORTS.name, [key])
        result = (
            env.defs()
            .resolve_job_def("build_reports")
            .execute_in_process(instance=instance, partition_key=key, run_config=QUIET, raise_on_error=False)
        )
        assert result.success
        assert instance.get_run_by_id(result.run_id).tags["dagster/partition"] == key

    assert _query(pg_env, "SELECT status FROM runs WHERE run_id = %s", (result.run_id,)) == [("SUCCESS",)]
    materialized = _query(
        pg_env,
        "SELECT DISTINCT asset_key FROM event_logs WHERE run_id = %s "
        "AND dagster_event_type = 'ASSET_MATERIALIZATION' AND partition = %s",
        (result.run_id, key),
    )
    expected = {
        AssetKey(name).to_string() for name in ("report_file", "report_document", "report_indicators")
    }
    assert {row[0] for row in materialized} == expected
    checks = _query(
        pg_env,
        "SELECT count(*) FROM event_logs WHERE run_id = %s AND dagster_event_type = 'ASSET_CHECK_EVALUATION'",
        (result.run_id,),
    )
    assert checks[0][0] == len(result.get_asset_check_evaluations()) > 0


def test_release_of_the_seed_is_recorded_in_postgres(pg_env, tmp_path):
    from pipeline.config import DATASET_NAME
    from pipeline.ingest import report_id_for

    seeds, releases = tmp_path / "seeds", tmp_path / "releases"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    report_id = report_id_for(SEED)
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "release", "--seeds", str(seeds), "--releases", str(releases)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]

    statuses = [row[0] for row in _query(pg_env, "SELECT status FROM runs")]
    assert statuses and set(statuses) == {"SUCCESS"}
    partitions = {row[0] for row in _query(pg_env, "SELECT partition FROM dynamic_partitions")}
    assert report_id in partitions
    materialized = _query(
        pg_env,
        "SELECT DISTINCT asset_key FROM event_logs WHERE dagster_event_type = 'ASSET_MATERIALIZATION' "
        "AND partition = %s",
        (report_id,),
    )
    assert len(materialized) >= 2, materialized  # at least the parsed document and its indicators
    latest = json.loads((releases / DATASET_NAME / "latest.json").read_text(encoding="utf-8"))
    assert (releases / DATASET_NAME / latest["path"] / "indicators.parquet").exists()
