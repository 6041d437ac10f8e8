"""The shipped deployment files parse and satisfy the real libraries' config schemas.

No server is needed: the instance files are checked against Dagster's instance schema, the
Kubernetes run launcher and executor configs against dagster-k8s's own schemas, and the
Celery executor config against dagster-celery's (those two are skipped when the library is
not installed). The Helm values must say the same run-queue limits as the instance file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from dagster import job, op, validate_run_config

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
INSTANCE_FILES = sorted(DEPLOY.glob("*/dagster.yaml"))
PG_ENV = {
    "DAGSTER_PG_HOST": "db.invalid",
    "DAGSTER_PG_PORT": "5432",
    "DAGSTER_PG_USERNAME": "dagster",
    "DAGSTER_PG_PASSWORD": "",
    "DAGSTER_PG_DB": "dagster",
}


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@op
def _step() -> None:
    """A one-op body: only the executor's config is under test."""


def test_every_deployment_has_an_instance_file():
    assert {p.parent.name for p in INSTANCE_FILES} >= {"postgres", "k8s", "celery"}


@pytest.mark.parametrize("path", INSTANCE_FILES, ids=lambda p: p.parent.name)
def test_instance_file_matches_dagster_instance_schema(path, tmp_path, monkeypatch):
    # The function DagsterInstance itself uses to read and validate $DAGSTER_HOME/dagster.yaml.
    from dagster._core.instance.config import dagster_instance_config

    for key, value in PG_ENV.items():
        monkeypatch.setenv(key, value)
    shutil.copy(path, tmp_path / "dagster.yaml")
    config, _ = dagster_instance_config(str(tmp_path))
    assert "postgres" in config["storage"]
    runs = config["concurrency"]["runs"]
    assert runs["max_concurrent_runs"] >= 1
    assert any(
        limit["key"] == "gov_report/publishes" and limit["limit"] == 1
        for limit in runs["tag_concurrency_limits"]
    )


@pytest.mark.parametrize("path", INSTANCE_FILES, ids=lambda p: p.parent.name)
def test_instance_file_reads_every_connection_setting_from_the_environment(path):
    postgres_db = _load(path)["storage"]["postgres"]["postgres_db"]
    sources = {key: value["env"] for key, value in postgres_db.items() if isinstance(value, dict)}
    assert set(sources.values()) == set(PG_ENV)


def test_k8s_run_launcher_config_matches_dagster_k8s_schema():
    dagster_k8s = pytest.importorskip("dagster_k8s", reason="dagster-k8s is not installed")
    from dagster._config import Shape, validate_config

    launcher = _load(DEPLOY / "k8s" / "dagster.yaml")["run_launcher"]
    assert (launcher["module"], launcher["class"]) == ("dagster_k8s", "K8sRunLauncher")
    result = validate_config(Shape(dagster_k8s.K8sRunLauncher.config_type()), launcher["config"])
    assert result.success, [error.message for error in result.errors]


def test_k8s_executor_run_config_matches_k8s_job_executor():
    dagster_k8s = pytest.importorskip("dagster_k8s", reason="dagster-k8s is not installed")

    @job(executor_def=dagster_k8s.k8s_job_executor)
    def on_k8s() -> None:
        _step()

    validate_run_config(on_k8s, _load(DEPLOY / "k8s" / "run_config.yaml"))


def test_celery_executor_run_config_matches_celery_executor(monkeypatch):
    dagster_celery = pytest.importorskip("dagster_celery", reason="dagster-celery is not installed")
    monkeypatch.setenv("DAGSTER_CELERY_BROKER_URL", "redis://broker.invalid:6379/0")
    monkeypatch.setenv("DAGSTER_CELERY_BACKEND_URL", "redis://broker.invalid:6379/1")

    @job(executor_def=dagster_celery.celery_executor)
    def on_celery() -> None:
        _step()

    validate_run_config(on_celery, _load(DEPLOY / "celery" / "run_config.yaml"))


def test_helm_values_say_what_the_k8s_instance_file_says():
    values = _load(DEPLOY / "k8s" / "values.yaml")
    instance = _load(DEPLOY / "k8s" / "dagster.yaml")
    runs, pools = values["concurrency"]["runs"], values["concurrency"]["pools"]
    assert values["concurrency"]["enabled"] is True
    assert runs["maxConcurrentRuns"] == instance["concurrency"]["runs"]["max_concurrent_runs"]
    assert runs["tagConcurrencyLimits"] == instance["concurrency"]["runs"]["tag_concurrency_limits"]
    assert pools["defaultLimit"] == instance["concurrency"]["pools"]["default_limit"]
    assert values["runLauncher"]["type"] == instance["run_launcher"]["class"]
    queued = values["dagsterDaemon"]["runCoordinator"]["config"]["queuedRunCoordinator"]
    # The chart refuses run limits in both places; they belong under `concurrency`.
    assert "maxConcurrentRuns" not in queued and "tagConcurrencyLimits" not in queued
    assert (
        values["postgresql"]["postgresqlScheme"] == instance["storage"]["postgres"]["postgres_db"]["scheme"]
    )


def test_code_location_uses_the_pools_and_tags_the_deploy_configs_limit():
    """The limits in deploy/*/dagster.yaml act only if the assets and jobs carry these names."""
    from pipeline.defs.build import build_defs

    defs = build_defs()
    assert {defs.resolve_assets_def(k).op.pool for k in ("report_document", "report_indicators")} == {
        "extract"
    }
    assert defs.resolve_assets_def("release").op.pool == "publish"
    for job_name in ("build_release", "publish_release"):
        assert defs.resolve_job_def(job_name).tags.get("gov_report/publishes") == "true"
    for config in INSTANCE_FILES:
        text = config.read_text(encoding="utf-8")
        if "tag_concurrency_limits" in text:
            assert "gov_report/publishes" in text, config
