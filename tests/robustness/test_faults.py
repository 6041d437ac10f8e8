"""Faults around a publish, end to end: a failing check, crashes, full and read-only disks, races.

Each test drives real ``python -m pipeline release`` processes (or the same CLI through
:mod:`tests.robustness.driver`, which adds publish step hooks) on real report files.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pytest

from pipeline.publish import STEPS, verify_release
from tests.robustness.conftest import (
    Run,
    Workspace,
    latest_version,
    make_workspace,
    staging,
    tree_hash,
    versions,
)
from tests.robustness.files import FUJIAN, NATIONAL, SEED


def excerpts(n: int) -> list[bytes]:
    """``n`` small real reports: paragraphs of the Fujian 2026 report, each under a title."""
    paragraphs = [p for p in FUJIAN.read_text(encoding="utf-8").splitlines() if len(p) > 120]
    assert len(paragraphs) >= 2 * n
    return [
        f"2026年福建省政府工作报告（摘录{i + 1}）\n\n{paragraphs[2 * i]}\n{paragraphs[2 * i + 1]}\n".encode()
        for i in range(n)
    ]


def version_trees(ws: Workspace) -> dict[str, dict[str, str]]:
    return {v: tree_hash(ws.dataset / v) for v in versions(ws)}


def catalog_versions(ws: Workspace) -> list[str]:
    path = ws.releases / "index.json"
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    return [v["version"] for v in data["datasets"][ws.dataset.name]["versions"]]


# ---- a validation failure blocks the release -----------------------------------------------

OLD_REPORT = (
    "1936年某县政府工作报告\n\n各位代表：\n\n"
    "过去一年，全县粮食产量增长5%，财政收入达到12万元，新修道路30公里。\n"
)


@dataclass
class ValidationScenario:
    ws: Workspace
    before: dict[str, str]
    run: Run
    after: dict[str, str]


@pytest.fixture(scope="module")
def validation(tmp_path_factory) -> ValidationScenario:
    """A 1936 report reads fine, but its year is outside ReportsModel (1949-2100)."""
    ws = make_workspace(tmp_path_factory.mktemp("validation"))
    ws.add(SEED)
    assert ws.release().returncode == 0
    before = tree_hash(ws.releases)
    ws.add(NATIONAL)  # a good new report next to the failing one: still no release
    ws.write("old_report.txt", OLD_REPORT.encode("utf-8"))
    run = ws.release()
    return ValidationScenario(ws, before, run, tree_hash(ws.releases))


def test_a_report_failing_validation_blocks_the_release_and_the_check_lists_the_rows(validation):
    run = validation.run
    assert run.returncode == 1, run  # a failed check, not unreadable input (that is 2)
    assert "reports_table against ReportsModel" in run.stderr
    assert "year: greater_than_or_equal_to(1949)" in run.stderr
    assert "error: release not published; the latest release is unchanged" in run.stderr
    assert validation.after == validation.before
    with dg.DagsterInstance.from_config(str(validation.ws.home)) as instance:
        evaluations = [
            record.dagster_event.event_specific_data
            for run_record in instance.get_runs(limit=1)
            for record in instance.all_logs(
                run_record.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION
            )
        ]
    failed = {e.check_name: e for e in evaluations if not e.passed}
    assert set(failed) == {"reports_table_schema"}
    rows = failed["reports_table_schema"].metadata["failing_rows"].value
    assert "| old_report | greater_than_or_equal_to(1949) | year |" in rows and "1936" in rows
    assert failed["reports_table_schema"].metadata["failure_cases"].value == 1


def test_the_validation_error_names_the_report(validation):
    assert "error: report(s): old_report" in validation.run.stderr


# ---- crashes at every publish step -----------------------------------------------------------


def _check_consistent(ws: Workspace, published_before: dict[str, dict[str, str]]) -> None:
    """What must hold after any crash: old versions intact, every version complete, latest valid."""
    trees = version_trees(ws)
    for version, tree in published_before.items():
        assert trees[version] == tree, f"{version} changed"
    for version in trees:
        assert verify_release(ws.dataset / version, frictionless=False) == [], version
    assert latest_version(ws) in trees
    assert set(catalog_versions(ws)) <= set(trees)


def test_release_killed_after_each_publish_step_leaves_a_consistent_state_and_the_next_run_completes(
    workspace,
):
    ws = workspace
    ws.add(SEED)
    assert ws.release().returncode == 0
    new_reports = excerpts(len(STEPS))
    published = version_trees(ws)
    for i, step in enumerate(STEPS):
        ws.write(f"excerpt_{i + 1}.txt", new_reports[i])
        previous_latest = latest_version(ws)
        run = ws.start_driver(ROBUSTNESS_KILL_AT=step).finish()
        assert run.returncode == -9, run  # really killed by SIGKILL at that step

        _check_consistent(ws, published)
        new = sorted(set(versions(ws)) - set(published))
        after_rename = STEPS.index(step) >= STEPS.index("renamed")
        assert len(new) == (1 if after_rename else 0), (step, new)
        # latest.json moves only once the new version folder is complete and in place
        expected_latest = new[0] if STEPS.index(step) >= STEPS.index("latest") else previous_latest
        assert latest_version(ws) == expected_latest, step
        # staging leftovers only from a crash between writing and renaming; older ones are cleaned
        assert len(staging(ws)) == (1 if step in {"staged", "verified"} else 0), (step, staging(ws))
        published = version_trees(ws)

    final = ws.release()
    assert final.returncode == 0, final
    assert staging(ws) == []
    assert versions(ws) == ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]
    assert latest_version(ws) == "1.3.0" and catalog_versions(ws) == versions(ws)
    for version in versions(ws):
        assert verify_release(ws.dataset / version) == []
    reports = (ws.dataset / "1.3.0" / "reports.csv").read_text(encoding="utf-8-sig")
    assert all(f"excerpt_{i + 1}.txt" in reports for i in range(len(STEPS)))
    trees = version_trees(ws)
    assert all(trees[v] == tree for v, tree in published.items())  # the crashes changed no version


# ---- full disk and read-only releases folder -----------------------------------------------


def _mount(*args: str) -> None:
    run = subprocess.run(["mount", *args], capture_output=True, text=True)
    if run.returncode != 0:
        pytest.skip(f"cannot mount a filesystem here (needs root and CAP_SYS_ADMIN): {run.stderr.strip()}")


@pytest.fixture(scope="module")
def small_disk(tmp_path_factory):
    """A real 1 MiB tmpfs: a full disk is a real ENOSPC, a read-only remount a real EROFS."""
    mount_point = tmp_path_factory.mktemp("disk")
    _mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point))
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (1 << 16, 1 << 12, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
    with pytest.raises(OSError) as caught:
        (folder / "probe").write_bytes(b"x" * 4096)
    assert caught.value.errno == errno.ENOSPC
    (folder / "probe").unlink(missing_ok=True)
    return filler


@dataclass
class DiskScenario:
    releases: Path
    before: dict[str, str]
    full: Run
    after_full: dict[str, str]
    read_only: Run
    after_read_only: dict[str, str]
    fixed: Run


@pytest.fixture(scope="module")
def disk_scenario(module_workspace, small_disk) -> DiskScenario:
    """Publish onto the tmpfs; fill it and release; remount it read-only and release; then fix it."""
    ws = module_workspace
    releases = small_disk / "releases"
    command = ["-m", "pipeline", "release", "--seeds", str(ws.seeds)]
    env = {"RELEASES_DIR": str(releases)}  # the environment variable route this time
    ws.add(SEED)
    first = ws.start(command, **env).finish()
    assert first.returncode == 0, first
    before = tree_hash(releases)

    ws.add(NATIONAL)
    filler = _fill(small_disk)
    full = ws.start(command, **env).finish()
    after_full = tree_hash(releases)
    filler.unlink()

    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        read_only = ws.start(command, **env).finish()
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    after_read_only = tree_hash(releases)
    fixed = ws.start(command, **env).finish()
    return DiskScenario(releases, before, full, after_full, read_only, after_read_only, fixed)


def test_full_disk_is_an_error_and_the_release_stays_byte_identical(disk_scenario):
    full = disk_scenario.full
    assert full.returncode == 2, full
    assert "No space left on device" in full.stderr
    assert "error: release not published; the latest release is unchanged" in full.stderr
    assert disk_scenario.after_full == disk_scenario.before


def test_read_only_releases_folder_is_an_error_and_the_release_stays_byte_identical(disk_scenario):
    read_only = disk_scenario.read_only
    assert read_only.returncode == 2, read_only
    assert "Read-only file system" in read_only.stderr
    assert "error: release not published; the latest release is unchanged" in read_only.stderr
    assert disk_scenario.after_read_only == disk_scenario.before


@pytest.mark.parametrize(
    ("which", "message"),
    [
        (
            "full",
            "cannot write release 1.1.0 into {dataset}: No space left on device; previous release intact",
        ),
        ("read_only", "cannot create the publish lock {dataset}/.lock: Read-only file system"),
    ],
)
def test_disk_errors_print_the_publish_error_not_the_bare_os_error(disk_scenario, which, message):
    run = getattr(disk_scenario, which)
    dataset = disk_scenario.releases / "gov-report-indicators"
    assert f"error: {message.format(dataset=dataset)}\n" in run.stderr
    assert "OSError" not in run.stderr and "PublishError" not in run.stderr


def test_after_the_disk_is_fixed_the_next_release_publishes(disk_scenario):
    fixed = disk_scenario.fixed
    assert fixed.returncode == 0, fixed
    assert "published 1.1.0" in fixed.stdout
    dataset = disk_scenario.releases / "gov-report-indicators"
    assert verify_release(dataset / "1.1.0") == []
    old = {
        k: v for k, v in tree_hash(disk_scenario.releases).items() if k.startswith(f"{dataset.name}/1.0.0")
    }
    assert old == {k: v for k, v in disk_scenario.before.items() if k.startswith(f"{dataset.name}/1.0.0")}


# ---- two releases at once ----------------------------------------------------------------------


def test_two_release_commands_at_once_on_a_fresh_instance_publish_one_version(workspace):
    """Two ``release`` commands at once on the same seeds, releases and (new) Dagster home.

    The second waits for the first (``release`` holds a lock on the Dagster instance, so two
    processes never set up its SQLite storage at once), then finds the data published.
    """
    ws = workspace
    ws.add(SEED)
    ws.add(NATIONAL)
    sync = ws.root / "sync"
    sync.mkdir()
    procs = [ws.start_driver(ROBUSTNESS_SYNC_DIR=str(sync)) for _ in range(2)]
    runs = [p.finish() for p in procs]

    for run in runs:
        assert run.returncode == 0, run
    assert (sync / "waiting").exists(), "the second release never found the first one running"
    first, second = sorted(runs, key=lambda r: "published" not in r.stdout)
    assert first.stdout.strip().splitlines()[-1] == f"published 1.0.0 at {ws.dataset / '1.0.0'}"
    assert second.stdout.strip().splitlines()[-1] == "unchanged: latest release is 1.0.0"
    holder = next(p.pid for p, r in zip(procs, runs, strict=True) if r is first)
    assert f"waiting for another release (pid {holder}) on the Dagster instance {ws.home}" in second.stderr
    assert versions(ws) == ["1.0.0"] and staging(ws) == []
    assert latest_version(ws) == "1.0.0" and catalog_versions(ws) == ["1.0.0"]
    assert verify_release(ws.dataset / "1.0.0") == []  # SHA256SUMS matches every file: nothing interleaved
