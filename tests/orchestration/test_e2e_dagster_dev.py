"""End to end through the real servers: ``dagster dev`` (webserver + daemon) on loopback.

A new report dropped into the watched folder must become a new release, and an
invalid file must fail its run with the documented error while the latest release
stays byte for byte the same. Run alone with ``pytest -m e2e``.
"""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

from pipeline.config import REPO_ROOT
from pipeline.ingest import report_id_for
from tests.orchestration.conftest import CORPUS, SEED, write_instance_settings

pytestmark = pytest.mark.e2e

#: Upper bound for each wait (server start, one sensor-triggered run...).
STEP_TIMEOUT = 180
DATASET = "gov-report-indicators"
DEV_COMMAND = [sys.executable, "-m", "dagster", "dev", "-m", "pipeline.definitions"]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def group_members(pgid: int) -> list[int]:
    """Live processes in a process group, read from /proc."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(entry.name))
    return members


class DagsterDev:
    """``dagster dev`` in its own process group, with a GraphQL helper and a clean stop."""

    def __init__(self, env: dict[str, str], log: Path):
        self.port = free_port()
        self.log = log
        self._log_handle = log.open("wb")
        self.proc = subprocess.Popen(
            [*DEV_COMMAND, "-h", "127.0.0.1", "-p", str(self.port)],
            cwd=REPO_ROOT,
            env=env,
            stdout=self._log_handle,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.pgid = self.proc.pid

    def graphql(self, query: str) -> dict:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/graphql",
            data=json.dumps({"query": query}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body = json.load(response)
        assert "errors" not in body, body["errors"]
        return body["data"]

    def log_tail(self, n: int = 60) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])

    def wait_until(self, what: str, probe, timeout: float = STEP_TIMEOUT):
        """Poll ``probe`` until it returns something truthy; fail with the server log otherwise."""
        deadline = time.monotonic() + timeout
        last_error = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(
                    f"dagster dev exited ({self.proc.returncode}) while waiting for {what}\n{self.log_tail()}"
                )
            try:
                value = probe()
                if value:
                    return value
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as err:
                last_error = err
            time.sleep(1)
        pytest.fail(
            f"timed out after {timeout}s waiting for {what} (last error: {last_error})\n{self.log_tail()}"
        )

    def stop(self) -> list[int]:
        """Ctrl-C the whole group, then kill what is left; return the survivors (should be none)."""
        for sig, grace in ((signal.SIGINT, 60), (signal.SIGKILL, 15)):
            try:
                os.killpg(self.pgid, sig)
            except ProcessLookupError:
                break
            deadline = time.monotonic() + grace
            while time.monotonic() < deadline and group_members(self.pgid):
                if self.proc.poll() is None:
                    with contextlib.suppress(subprocess.TimeoutExpired):
                        self.proc.wait(timeout=1)
                else:
                    time.sleep(0.5)
            if not group_members(self.pgid):
                break
        self._log_handle.close()
        return group_members(self.pgid)


def latest_release(releases: Path) -> dict | None:
    path = releases / DATASET / "latest.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def drop(source: Path | None, target: Path, data: bytes | None = None) -> None:
    """Put a file into the seeds folder in one rename, as a careful user would."""
    staging = target.with_name(f".{target.name}.part")
    staging.write_bytes(source.read_bytes() if source else data)
    os.replace(staging, target)


ASSETS_AND_CHECKS = """{
  workspaceOrError { ... on Workspace { locationEntries { name loadStatus
      locationOrLoadError { __typename ... on PythonError { message } } } } }
  assetNodes { assetKey { path } assetChecksOrError { ... on AssetChecks { checks { name blocking } } } }
  repositoriesOrError { ... on RepositoryConnection { nodes {
      sensors { name sensorState { status } } schedules { name scheduleState { status } } } } }
}"""

RUNS = "{ runsOrError { ... on Runs { results { runId status tags { key value } } } } }"

EXTRACTED_CHECK = """{ assetCheckExecutions(assetKey: {path: ["report_indicators"]},
    checkName: "reports_extracted", limit: 10) { runId status evaluation { success description } } }"""


def test_new_report_becomes_a_release_and_bad_file_fails_alone(tmp_path):
    seeds, releases, home = tmp_path / "seeds", tmp_path / "releases", tmp_path / "dagster_home"
    seeds.mkdir()
    write_instance_settings(home)
    shutil.copyfile(SEED, seeds / SEED.name)
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "SEEDS_DIR": str(seeds),
        "RELEASES_DIR": str(releases),
        "SEEDS_SENSOR_INTERVAL": "2",
        "PYTHONUNBUFFERED": "1",
    }
    server = DagsterDev(env, tmp_path / "dagster_dev.log")
    try:
        # 1-2. The location loads, with its assets, checks, running sensor and schedule.
        def loaded():
            data = server.graphql(ASSETS_AND_CHECKS)
            entries = data["workspaceOrError"]["locationEntries"]
            return data if entries and entries[0]["loadStatus"] == "LOADED" else None

        data = server.wait_until("the code location to load", loaded)
        (entry,) = data["workspaceOrError"]["locationEntries"]
        assert entry["locationOrLoadError"]["__typename"] == "RepositoryLocation", entry
        assets = {"/".join(n["assetKey"]["path"]): n for n in data["assetNodes"]}
        assert set(assets) == {
            "report_file",
            "report_document",
            "report_indicators",
            "indicators_table",
            "reports_table",
            "release",
        }
        checks = {c["name"] for c in assets["report_indicators"]["assetChecksOrError"]["checks"]}
        assert checks == {"reports_extracted", "indicators_schema", "indicators_provenance"}
        (repo,) = data["repositoriesOrError"]["nodes"]
        assert {s["name"]: s["sensorState"]["status"] for s in repo["sensors"]} == {"seeds_sensor": "RUNNING"}
        assert repo["schedules"][0]["name"] == "daily_reconcile"

        def fail_on_failed_run():
            runs = server.graphql(RUNS)["runsOrError"]["results"]
            failed = [r["runId"] for r in runs if r["status"] == "FAILURE"]
            if failed:
                pytest.fail(
                    f"run(s) {failed} failed before the invalid file was dropped\n{server.log_tail(200)}"
                )

        # The sensor picks up the seed already there and publishes the first release.
        first = server.wait_until(
            "the first release", lambda: fail_on_failed_run() or latest_release(releases)
        )

        # 3. A new report arrives: its partition is added, its run succeeds, a new version appears.
        new = seeds / "gwr_national_2020.txt"
        drop(CORPUS / "gwr_national_2020.txt", new)
        key = report_id_for(new)

        def new_release():
            fail_on_failed_run()
            latest = latest_release(releases)
            if not latest or latest["version"] == first["version"]:
                return None
            reports = pd.read_csv(releases / DATASET / latest["path"] / "reports.csv")
            return latest if key in set(reports["report_id"]) else None

        second = server.wait_until("a release with the new report", new_release)

        def new_report_run_succeeded():
            # The release folder appears while the run is still finishing its last steps.
            runs = server.graphql(RUNS)["runsOrError"]["results"]
            return [
                r
                for r in runs
                if r["status"] == "SUCCESS" and {"key": "dagster/partition", "value": key} in r["tags"]
            ]

        server.wait_until("the new report's run to succeed", new_report_run_succeeded)

        # 4. An invalid file: its run fails with the documented error; the release stays as it was.
        latest_bytes = (releases / DATASET / "latest.json").read_bytes()
        versions = sorted(p.name for p in (releases / DATASET).iterdir() if p.is_dir())
        bad = seeds / "empty.txt"
        drop(None, bad, b"")

        def failed_check():
            executions = server.graphql(EXTRACTED_CHECK)["assetCheckExecutions"]
            for execution in executions:
                if execution["status"] == "FAILED" and f"{bad}: " in execution["evaluation"]["description"]:
                    return execution
            return None

        execution = server.wait_until("the failed check of the invalid file", failed_check)
        assert "empty" in execution["evaluation"]["description"].lower()
        assert "1 of 1 report(s) failed" in execution["evaluation"]["description"]

        def run_status():
            runs = server.graphql(RUNS)["runsOrError"]["results"]
            status = next(r["status"] for r in runs if r["runId"] == execution["runId"])
            return status if status in {"SUCCESS", "FAILURE", "CANCELED"} else None

        assert server.wait_until("the invalid file's run to finish", run_status) == "FAILURE"
        assert (releases / DATASET / "latest.json").read_bytes() == latest_bytes
        assert sorted(p.name for p in (releases / DATASET).iterdir() if p.is_dir()) == versions
        assert second["version"] in versions
    finally:
        survivors = server.stop()
    # 5. Nothing left running.
    assert survivors == [], survivors
