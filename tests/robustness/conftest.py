"""Real processes on real files: workspaces, CLI runs with peak memory, tree hashes.

Every test here drives ``python -m pipeline extract`` / ``release`` as a subprocess (or,
for per-partition Dagster results, materializes in-process) on files written into a
temporary seeds folder, with a temporary releases folder and ``DAGSTER_HOME``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.config import DATASET_NAME, REPO_ROOT

#: Generous sanity bound on a subprocess's peak memory (not a performance target).
MAX_RSS_BYTES = 1 << 30


@dataclass(frozen=True)
class Run:
    """What a finished subprocess did: exit code, output, and its own peak RSS."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    max_rss_bytes: int

    def __str__(self) -> str:
        command = " ".join(self.args)
        return f"{command} -> {self.returncode}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


class Proc:
    """A started ``python`` subprocess; output goes to files so no pipe can fill up."""

    def __init__(self, args: list[str], env: dict[str, str], folder: Path) -> None:
        self.args = tuple(args)
        fd, name = tempfile.mkstemp(prefix="proc-", dir=folder)
        os.close(fd)
        self._out, self._err = Path(name + ".out"), Path(name + ".err")
        with self._out.open("wb") as out, self._err.open("wb") as err:
            self.popen = subprocess.Popen(
                [sys.executable, *args], cwd=REPO_ROOT, env=env, stdout=out, stderr=err
            )
        self.run: Run | None = None

    @property
    def pid(self) -> int:
        return self.popen.pid

    def finish(self, timeout: float = 300.0) -> Run:
        """Reap the process with ``os.wait4``, which gives this child's own peak RSS."""
        if self.run is not None:
            return self.run
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                _, status, usage = os.wait4(self.pid, 0)
                self.popen.returncode = os.waitstatus_to_exitcode(status)
                pytest.fail(f"{' '.join(self.args)} did not finish in {timeout:g}s")
            time.sleep(0.02)
        self.popen.returncode = os.waitstatus_to_exitcode(status)
        self.run = Run(
            self.args,
            self.popen.returncode,
            self._out.read_text(encoding="utf-8"),
            self._err.read_text(encoding="utf-8"),
            usage.ru_maxrss * 1024,  # Linux reports kilobytes
        )
        return self.run

    def kill(self) -> None:
        """Kill the process if it is still running (cleanup of a failed test)."""
        if self.run is None and self.popen.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self.finish(timeout=60)


@dataclass
class Workspace:
    """One scenario's folders: seeds in, releases out, a Dagster home of its own."""

    root: Path
    started: list[Proc]

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def releases(self) -> Path:
        return self.root / "releases"

    @property
    def home(self) -> Path:
        return self.root / "dagster_home"

    @property
    def dataset(self) -> Path:
        return self.releases / DATASET_NAME

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in {"SEEDS_DIR", "RELEASES_DIR"}}
        env.update(DAGSTER_HOME=str(self.home), PYTHONPATH=str(REPO_ROOT), **extra)
        return env

    def add(self, source: Path, name: str | None = None) -> Path:
        """Copy a real report into the seeds folder (under another name if given)."""
        target = self.seeds / (name or source.name)
        shutil.copyfile(source, target)
        return target

    def write(self, name: str, data: bytes) -> Path:
        target = self.seeds / name
        target.write_bytes(data)
        return target

    def start(self, args: list[str], **env: str) -> Proc:
        proc = Proc(args, self.env(**env), self.root)
        self.started.append(proc)
        return proc

    def start_release(self, *extra: str, **env: str) -> Proc:
        args = ["-m", "pipeline", "release", "--seeds", str(self.seeds), "--releases", str(self.releases)]
        return self.start([*args, *extra], **env)

    def start_driver(self, **env: str) -> Proc:
        """``release`` through :mod:`tests.robustness.driver` (publish step hooks from ``env``)."""
        args = ["release", "--seeds", str(self.seeds), "--releases", str(self.releases)]
        return self.start(["-m", "tests.robustness.driver", *args], **env)

    def release(self, **env: str) -> Run:
        """Run ``python -m pipeline release`` on this workspace to the end."""
        return self.start_release(**env).finish()

    def extract(self, path: Path, fmt: str = "csv") -> Proc:
        """Start ``python -m pipeline extract`` (several can run at once)."""
        return self.start(["-m", "pipeline", "extract", str(path), "--format", fmt])


def make_workspace(root: Path) -> Workspace:
    """Create the folders; the Dagster instance has telemetry off (embedded SQLite)."""
    ws = Workspace(root, [])
    for folder in (ws.seeds, ws.home):
        folder.mkdir(parents=True)
    (ws.home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    return ws


@pytest.fixture
def workspace(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    yield ws
    for proc in ws.started:
        proc.kill()


@pytest.fixture(scope="module")
def module_workspace(tmp_path_factory):
    ws = make_workspace(tmp_path_factory.mktemp("ws"))
    yield ws
    for proc in ws.started:
        proc.kill()


def tree_hash(folder: Path) -> dict[str, str]:
    """Every entry under ``folder``: file -> sha256 of its bytes, folder -> "dir".

    Folders are listed too, so a leftover empty staging folder counts as a change.
    """
    if not folder.exists():
        return {}
    entries = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_dir():
            entries[rel] = "dir"
        else:
            entries[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return entries


def versions(ws: Workspace) -> list[str]:
    """Published version folders (never the hidden staging folders)."""
    if not ws.dataset.exists():
        return []
    return sorted(p.name for p in ws.dataset.iterdir() if p.is_dir() and not p.name.startswith("."))


def staging(ws: Workspace) -> list[str]:
    if not ws.dataset.exists():
        return []
    return sorted(p.name for p in ws.dataset.iterdir() if p.name.startswith(".staging-"))


def latest_version(ws: Workspace) -> str | None:
    path = ws.dataset / "latest.json"
    return json.loads(path.read_text(encoding="utf-8"))["version"] if path.exists() else None
