"""Crashes, full or read-only disks and concurrent publishes never lose or corrupt a release."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.config import REPO_ROOT
from pipeline.errors import PublishError
from pipeline.publish import STEPS, InjectedFailure, publish_release, verify_release
from pipeline.publish import release as release_module

from .conftest import NOW, snapshot, with_changed_value

DATASET = "gov-report-indicators"


def _latest(root: Path) -> str | None:
    path = root / DATASET / "latest.json"
    return json.loads(path.read_text())["version"] if path.exists() else None


def _catalog_versions(root: Path) -> list[str]:
    path = root / "index.json"
    if not path.exists():
        return []
    return [v["version"] for v in json.loads(path.read_text())["datasets"][DATASET]["versions"]]


def _staging(root: Path) -> list[str]:
    return sorted(p.name for p in (root / DATASET).iterdir() if p.name.startswith(".staging-"))


def _versions(root: Path) -> list[str]:
    return sorted(p.name for p in (root / DATASET).iterdir() if p.is_dir() and not p.name.startswith("."))


@pytest.mark.parametrize("step", STEPS)
def test_crash_after_each_step_keeps_a_consistent_state(step, seed_tables, fewer_tables, tmp_path):
    publish_release(*fewer_tables, tmp_path, now=NOW)
    old = snapshot(tmp_path / DATASET / "1.0.0")
    with pytest.raises(InjectedFailure):
        publish_release(*seed_tables, tmp_path, now=NOW, fail_after=step)

    # Whatever the step, latest.json names a complete, valid release and 1.0.0 is untouched.
    after_rename = STEPS.index(step) >= STEPS.index("renamed")
    assert _latest(tmp_path) == ("1.1.0" if STEPS.index(step) >= STEPS.index("latest") else "1.0.0")
    assert verify_release(tmp_path / DATASET / _latest(tmp_path), frictionless=False) == []
    assert snapshot(tmp_path / DATASET / "1.0.0") == old
    assert _versions(tmp_path) == (["1.0.0", "1.1.0"] if after_rename else ["1.0.0"])
    left_staging = _staging(tmp_path)
    assert bool(left_staging) == (step in {"staged", "verified"})

    # The next run cleans up and completes.
    again = publish_release(*seed_tables, tmp_path, now=NOW)
    assert again.version == "1.1.0"
    assert again.published is not after_rename  # after the rename the data is already published
    assert again.cleaned == left_staging
    assert _staging(tmp_path) == []
    assert _latest(tmp_path) == "1.1.0"
    assert _catalog_versions(tmp_path) == ["1.0.0", "1.1.0"]
    assert verify_release(tmp_path / DATASET / "1.1.0") == []
    assert snapshot(tmp_path / DATASET / "1.0.0") == old


def test_crash_before_the_first_release_leaves_nothing_published(seed_tables, tmp_path):
    with pytest.raises(InjectedFailure):
        publish_release(*seed_tables, tmp_path, fail_after="verified")
    assert _latest(tmp_path) is None and _versions(tmp_path) == []
    result = publish_release(*seed_tables, tmp_path)
    assert (result.version, result.published) == ("1.0.0", True)
    assert len(result.cleaned) == 1 and _staging(tmp_path) == []


def test_stale_leftovers_are_cleaned_on_an_unchanged_run(seed_tables, tmp_path):
    publish_release(*seed_tables, tmp_path, now=NOW)
    stale = tmp_path / DATASET / ".staging-0123456789ab"
    stale.mkdir()
    (stale / "indicators.csv").write_text("half written")
    (tmp_path / DATASET / ".latest.json.deadbeef.tmp").write_text("{")
    result = publish_release(*seed_tables, tmp_path)
    assert result.reason == "unchanged"
    assert result.cleaned == [".latest.json.deadbeef.tmp", ".staging-0123456789ab"]
    assert sorted(p.name for p in (tmp_path / DATASET).iterdir()) == [".lock", "1.0.0", "latest.json"]


def test_full_disk_at_rename_is_a_clear_error(seed_tables, tmp_path, monkeypatch):
    publish_release(*seed_tables, tmp_path, now=NOW)
    before = snapshot(tmp_path)

    def no_space(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(release_module.os, "rename", no_space)
    with pytest.raises(PublishError, match=r"cannot move release 1\.0\.1 into place.*No space left"):
        publish_release(with_changed_value(seed_tables[0]), seed_tables[1], tmp_path)
    assert snapshot(tmp_path) == before  # staging removed, nothing else touched


def test_full_disk_while_writing_is_a_clear_error(seed_tables, tmp_path, monkeypatch):
    publish_release(*seed_tables, tmp_path, now=NOW)
    before = snapshot(tmp_path)
    real_write = release_module.write_bytes
    written = []

    def fill_up(path, data):
        if len(written) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(path.name)
        real_write(path, data)

    monkeypatch.setattr(release_module, "write_bytes", fill_up)
    with pytest.raises(
        PublishError, match=r"cannot write release 1\.0\.1 .*No space left on device.*previous release intact"
    ):
        publish_release(with_changed_value(seed_tables[0]), seed_tables[1], tmp_path)
    assert snapshot(tmp_path) == before


def test_releases_path_that_is_a_file_is_a_clear_error(seed_tables, tmp_path):
    blocker = tmp_path / "releases"
    blocker.write_text("not a folder")
    with pytest.raises(PublishError, match="cannot create the releases folder"):
        publish_release(*seed_tables, blocker)


def _mount(args: list[str]) -> None:
    run = subprocess.run(["mount", *args], capture_output=True, text=True)
    if run.returncode != 0:
        pytest.skip(f"cannot mount here ({run.stderr.strip()})")


@pytest.fixture
def small_disk(tmp_path):
    """A real 2 MiB tmpfs, so a full disk is a real ENOSPC (tests run as root, chmod cannot stop root)."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    _mount(["-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)])
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (1 << 16, 1 << 12, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError as err:
                assert err.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def test_really_full_disk_keeps_the_previous_release(seed_tables, small_disk):
    root = small_disk / "releases"
    publish_release(*seed_tables, root, now=NOW)
    before = snapshot(root)
    filler = _fill(small_disk)
    with pytest.raises(PublishError, match="No space left on device"):
        publish_release(with_changed_value(seed_tables[0]), seed_tables[1], root)
    assert snapshot(root) == before
    filler.unlink()
    result = publish_release(with_changed_value(seed_tables[0]), seed_tables[1], root)
    assert result.version == "1.0.1" and verify_release(result.path) == []


@pytest.fixture
def read_only_releases(seed_tables, tmp_path):
    root = tmp_path / "releases"
    publish_release(*seed_tables, root, now=NOW)
    _mount(["--bind", str(root), str(root)])
    try:
        _mount(["-o", "remount,bind,ro", str(root)])
        yield root
    finally:
        subprocess.run(["umount", "-l", str(root)], check=False)


def test_read_only_releases_folder_is_a_clear_error(seed_tables, read_only_releases):
    root = read_only_releases
    before = snapshot(root)
    with pytest.raises(PublishError, match="Read-only file system"):
        publish_release(with_changed_value(seed_tables[0]), seed_tables[1], root)
    assert snapshot(root) == before
    assert verify_release(root / DATASET / "1.0.0") == []


# ---- real processes -------------------------------------------------------------------------

CHILD = """
import json, os, signal, sys, time
from pathlib import Path
import pandas as pd
from pipeline.publish import release

root, tables, mode, arg = sys.argv[1:5]
indicators, reports = pd.read_pickle(tables)

def hook(step):
    if mode == "kill" and step == arg:
        os.kill(os.getpid(), signal.SIGKILL)
    if mode == "wait" and step == "waiting":
        Path(arg, "waiting").write_text(str(os.getpid()))
    if mode == "hold" and step == "locked":
        Path(arg, "locked").write_text(str(os.getpid()))
        while not Path(arg, "go").exists():
            time.sleep(0.02)

release.STEP_HOOKS.append(hook)
result = release.publish_release(indicators, reports, Path(root))
print(json.dumps({"version": result.version, "published": result.published, "reason": result.reason}))
"""


@pytest.fixture
def child(tmp_path):
    """Start ``python -c CHILD root tables mode arg`` processes; kill leftovers at the end."""
    started: list[subprocess.Popen] = []
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}

    def start(
        root: Path, frames: tuple[pd.DataFrame, pd.DataFrame], mode: str, arg: str = ""
    ) -> subprocess.Popen:
        tables = tmp_path / f"tables-{len(started)}.pkl"
        pd.to_pickle(frames, tables)
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(root), str(tables), mode, arg or str(tmp_path)],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append(proc)
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=60)


def _wait_for(predicate, what: str, limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.02)


def _outcome(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.parametrize("step", ["staged", "renamed", "latest"])
def test_killed_publish_releases_its_lock_and_the_next_run_completes(
    step, seed_tables, fewer_tables, tmp_path, child
):
    root = tmp_path / "releases"
    publish_release(*fewer_tables, root, now=NOW)
    old = snapshot(root / DATASET / "1.0.0")
    proc = child(root, seed_tables, "kill", step)
    proc.wait(timeout=120)
    assert proc.returncode == -signal.SIGKILL
    assert verify_release(root / DATASET / _latest(root), frictionless=False) == []
    # The kernel dropped the dead process's flock: this run does not wait for the timeout.
    result = publish_release(*seed_tables, root, lock_timeout=30)
    assert result.version == "1.1.0" and _latest(root) == "1.1.0"
    assert _staging(root) == [] and _versions(root) == ["1.0.0", "1.1.0"]
    assert snapshot(root / DATASET / "1.0.0") == old


def test_waiting_publish_names_the_lock_holder(seed_tables, tmp_path, child):
    root = tmp_path / "releases"
    holder = child(root, seed_tables, "hold")
    _wait_for(lambda: (tmp_path / "locked").exists(), "the child to take the lock")
    with pytest.raises(PublishError, match=f"another publish \\(pid {holder.pid}\\) holds"):
        publish_release(*seed_tables, root, lock_timeout=0.2)
    (tmp_path / "go").touch()
    assert _outcome(holder)["version"] == "1.0.0"


def test_two_concurrent_publishes_make_exactly_one_version(seed_tables, fewer_tables, tmp_path, child):
    root = tmp_path / "releases"
    publish_release(*fewer_tables, root, now=NOW)
    first = child(root, seed_tables, "hold")
    _wait_for(lambda: (tmp_path / "locked").exists(), "the first publish to take the lock")
    second = child(root, seed_tables, "wait")
    _wait_for(lambda: (tmp_path / "waiting").exists(), "the second publish to find the lock taken")
    (tmp_path / "go").touch()
    outcomes = sorted([_outcome(first), _outcome(second)], key=lambda o: o["published"])
    assert outcomes == [
        {"version": "1.1.0", "published": False, "reason": "unchanged"},
        {"version": "1.1.0", "published": True, "reason": "minor release"},
    ]
    assert _versions(root) == ["1.0.0", "1.1.0"] and _staging(root) == []
    assert _latest(root) == "1.1.0" and _catalog_versions(root) == ["1.0.0", "1.1.0"]
    assert verify_release(root / DATASET / "1.1.0") == []
