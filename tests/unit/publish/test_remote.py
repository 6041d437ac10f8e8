"""Publishing to an object-storage root (memory://, file://) through the real publisher.

Every remote release is compared byte for byte with a local publish of the same tables,
read back with pandas through fsspec, and checked for write-once folders and for
pointers that a failed upload leaves as they were.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import fsspec
import pandas as pd
import pytest
from fsspec.implementations.memory import MemoryFileSystem
from upath import UPath
from upath.implementations.memory import MemoryPath
from upath.registry import register_implementation as register_upath

from pipeline import config
from pipeline.config import REPO_ROOT
from pipeline.errors import PublishError
from pipeline.publish import publish_release, verify_release
from pipeline.publish import release as release_module
from pipeline.publish.catalog import build_catalog
from pipeline.publish.remote import (
    _write_new,
    publish_release_remote,
    scan_remote_versions,
    upload_version,
    verify_remote_release,
)

from .conftest import NOW, SEEDS

DATASET = "gov-report-indicators"
FLAKY = "flakymem"


class FlakyMemoryFileSystem(MemoryFileSystem):
    """The shared in-memory store, but the ``fail_at``-th write (counting from 1) raises OSError."""

    protocol = FLAKY
    writes = 0
    fail_at: int | None = None

    @classmethod
    def _strip_protocol(cls, path):
        return super()._strip_protocol(str(path).removeprefix(f"{FLAKY}://"))

    truncate_at: int | None = None

    def _open(self, path, mode="rb", *args, **kwargs):
        if "w" in mode or "x" in mode:
            type(self).writes += 1
            if type(self).writes == type(self).fail_at:
                raise OSError(f"injected failure on write {self.writes} ({path})")
            if type(self).writes == type(self).truncate_at:  # a write that loses its last byte
                handle = super()._open(path, mode, *args, **kwargs)
                handle.write = lambda data, write=handle.write: write(data[:-1])
                return handle
        return super()._open(path, mode, *args, **kwargs)


fsspec.register_implementation(FLAKY, FlakyMemoryFileSystem, clobber=True)
register_upath(FLAKY, MemoryPath, clobber=True)


@pytest.fixture
def mem_root():
    """A fresh memory:// releases root, removed afterwards (the store is process-wide)."""
    root = UPath(f"memory://test-{uuid.uuid4().hex[:12]}/releases")
    yield root
    if root.fs.exists(root.path):
        root.fs.rm(root.path, recursive=True)


@pytest.fixture
def flaky_root():
    root = UPath(f"{FLAKY}://test-{uuid.uuid4().hex[:12]}/releases")
    FlakyMemoryFileSystem.writes, FlakyMemoryFileSystem.fail_at, FlakyMemoryFileSystem.truncate_at = (
        0,
        None,
        None,
    )
    yield root
    FlakyMemoryFileSystem.fail_at = FlakyMemoryFileSystem.truncate_at = None
    if root.fs.exists(root.path):
        root.fs.rm(root.path, recursive=True)


def file_url_root(tmp_path: Path) -> UPath:
    return UPath(f"file://{tmp_path / 'remote'}")


def remote_files(root: UPath) -> dict[str, bytes]:
    """Every file under ``root`` (path relative to it -> bytes)."""
    fs, base = root.fs, root.path.rstrip("/")
    return {name[len(base) + 1 :]: fs.cat_file(name) for name in fs.find(base)}


def local_files(root: Path) -> dict[str, bytes]:
    """Every file under a local root except the publish lock."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


@pytest.mark.parametrize("kind", ["memory", "file"])
def test_remote_publish_is_byte_identical_to_a_local_one(seed_tables, tmp_path, mem_root, kind):
    indicators, reports = seed_tables
    root = mem_root if kind == "memory" else file_url_root(tmp_path)
    result = publish_release_remote(indicators, reports, root, now=NOW)
    local = publish_release(indicators, reports, tmp_path / "local", now=NOW)
    assert (result.version, result.published, result.reason) == ("1.0.0", True, "first release")
    assert str(result.path) == str(root / DATASET / "1.0.0")
    assert result.files == local.files
    assert remote_files(root) == local_files(tmp_path / "local")
    # Readers need nothing special: pandas reads the remote files through fsspec.
    folder = f"{root}/{DATASET}/1.0.0"
    local_folder = local.path
    for table in ("indicators", "reports"):
        pd.testing.assert_frame_equal(
            pd.read_parquet(f"{folder}/{table}.parquet"), pd.read_parquet(local_folder / f"{table}.parquet")
        )
        pd.testing.assert_frame_equal(
            pd.read_csv(f"{folder}/{table}.csv", dtype=str),
            pd.read_csv(local_folder / f"{table}.csv", dtype=str),
        )
    assert len(pd.read_parquet(f"{folder}/indicators.parquet")) == len(indicators)
    assert verify_remote_release(f"{folder}") == []


def test_remote_catalog_equals_the_local_catalog_builder(seed_tables, fewer_tables, tmp_path):
    root = file_url_root(tmp_path)
    publish_release_remote(*fewer_tables, root, now=NOW)
    publish_release_remote(*seed_tables, root, now=NOW)
    local_root = Path(root.path)
    catalog = json.loads((local_root / "index.json").read_text(encoding="utf-8"))
    assert [v["version"] for v in catalog["datasets"][DATASET]["versions"]] == ["1.0.0", "1.1.0"]
    assert catalog == build_catalog(local_root)  # the same entries the local publisher writes
    for version in ("1.0.0", "1.1.0"):
        assert verify_release(local_root / DATASET / version) == []


def test_unchanged_rerun_publishes_nothing(seed_tables, mem_root):
    publish_release_remote(*seed_tables, mem_root, now=NOW)
    before = remote_files(mem_root)
    again = publish_release_remote(*seed_tables, mem_root)
    assert (again.version, again.published, again.reason) == ("1.0.0", False, "unchanged")
    assert str(again.path) == str(mem_root / DATASET / "1.0.0")
    assert remote_files(mem_root) == before


def test_second_version_leaves_the_first_untouched(seed_tables, fewer_tables, tmp_path, mem_root):
    publish_release_remote(*fewer_tables, mem_root, now=NOW)
    first = {k: v for k, v in remote_files(mem_root).items() if k.startswith(f"{DATASET}/1.0.0/")}
    second = publish_release_remote(*seed_tables, mem_root, now=NOW)
    assert (second.version, second.bump, second.previous) == ("1.1.0", "minor", "1.0.0")
    after = remote_files(mem_root)
    assert {k: v for k, v in after.items() if k.startswith(f"{DATASET}/1.0.0/")} == first
    assert json.loads(after[f"{DATASET}/latest.json"])["version"] == "1.1.0"
    # The same two publishes on a local root give the same bytes, diff and changelog included.
    publish_release(*fewer_tables, tmp_path / "local", now=NOW)
    publish_release(*seed_tables, tmp_path / "local", now=NOW)
    assert after == local_files(tmp_path / "local")


def test_an_existing_remote_version_folder_is_refused(seed_tables, fewer_tables, mem_root, monkeypatch):
    """A competing publisher uploads 1.1.0 while this one stages it: this one refuses, touching nothing."""
    publish_release_remote(*fewer_tables, mem_root, now=NOW)
    before = remote_files(mem_root)
    competitor = mem_root / DATASET / "1.1.0" / "indicators.csv"

    def plant(step: str) -> None:
        if step == "verified":
            competitor.fs.pipe_file(competitor.path, b"the other publisher's bytes\n")

    monkeypatch.setattr(release_module, "STEP_HOOKS", [plant])
    with pytest.raises(
        PublishError, match=r"version 1\.1\.0 already exists at memory://.*/1\.1\.0; .*write-once"
    ):
        publish_release_remote(*seed_tables, mem_root, now=NOW)
    after = remote_files(mem_root)
    assert after.pop(f"{DATASET}/1.1.0/indicators.csv") == b"the other publisher's bytes\n"
    assert after == before  # latest.json, index.json and 1.0.0 as they were


@pytest.mark.parametrize("kind", ["memory", "file"])
def test_create_only_write_never_overwrites(tmp_path, mem_root, kind):
    root = mem_root if kind == "memory" else file_url_root(tmp_path)
    root.fs.makedirs(root.path, exist_ok=True)
    target = root / "a.csv"
    _write_new(root.fs, target.path, b"first\n")
    with pytest.raises(FileExistsError):
        _write_new(root.fs, target.path, b"second\n")
    assert root.fs.cat_file(target.path) == b"first\n"


def test_upload_into_an_existing_folder_is_refused(seed_tables, tmp_path, mem_root):
    local = publish_release(*seed_tables, tmp_path / "local", now=NOW)
    publish_release_remote(*seed_tables, mem_root, now=NOW)
    with pytest.raises(PublishError, match="already exists at memory://"):
        upload_version(local.path, mem_root / DATASET / "1.0.0")


# The writes of a publish, in order: the version folder's files (data files, then SHA256SUMS,
# then datapackage.json), then latest.json, then index.json. Which write fails, by position.
FAILING_WRITE = {"first file": 1, "a middle file": 5, "SHA256SUMS": -1, "datapackage.json": 0}


@pytest.mark.parametrize("which", list(FAILING_WRITE))
def test_failed_upload_leaves_pointers_and_is_reported_next_time(
    seed_tables, fewer_tables, flaky_root, which
):
    first = publish_release_remote(*fewer_tables, flaky_root, now=NOW)
    n_files = len(first.files)
    fail_at = FAILING_WRITE[which] if FAILING_WRITE[which] > 0 else n_files + FAILING_WRITE[which]
    before = remote_files(flaky_root)
    FlakyMemoryFileSystem.writes, FlakyMemoryFileSystem.fail_at = 0, fail_at
    with pytest.raises(
        PublishError, match=rf"upload of release 1\.1\.0 .* failed after {fail_at - 1} of {n_files} files"
    ):
        publish_release_remote(*seed_tables, flaky_root, now=NOW)
    FlakyMemoryFileSystem.fail_at = None
    after = remote_files(flaky_root)
    partial = {k for k in after if k.startswith(f"{DATASET}/1.1.0/")}
    assert len(partial) == fail_at - 1
    assert {k: v for k, v in after.items() if k not in partial} == before  # pointers and 1.0.0 untouched
    # The next publish finds the partial folder (empty, after a failed first write) and refuses,
    # naming it; nothing changes.
    with pytest.raises(PublishError, match=rf"incomplete version folder.*\n  {FLAKY}://.*/1\.1\.0: "):
        publish_release_remote(*seed_tables, flaky_root, now=NOW)
    assert remote_files(flaky_root) == after
    flaky_root.fs.rm((flaky_root / DATASET / "1.1.0").path, recursive=True)  # the documented manual fix
    done = publish_release_remote(*seed_tables, flaky_root, now=NOW)
    assert (done.version, done.published) == ("1.1.0", True)
    assert verify_remote_release(done.path) == []


def test_a_file_that_reads_back_wrong_blocks_the_pointers_now_and_the_next_publish(
    seed_tables, fewer_tables, flaky_root
):
    """CHANGELOG.md (no size in datapackage.json) loses a byte: the read-back catches it, and the
    next publish, which sees a folder complete in the listing, catches it by hash."""
    publish_release_remote(*fewer_tables, flaky_root, now=NOW)
    before = remote_files(flaky_root)
    FlakyMemoryFileSystem.writes, FlakyMemoryFileSystem.truncate_at = 0, 1  # CHANGELOG.md, written first
    with pytest.raises(
        PublishError,
        match=r"does not read back as uploaded.*\n  flakymem://.*/CHANGELOG\.md: \d+ bytes read back",
    ):
        publish_release_remote(*seed_tables, flaky_root, now=NOW)
    FlakyMemoryFileSystem.truncate_at = None
    after = remote_files(flaky_root)
    assert {k: v for k, v in after.items() if "/1.1.0/" not in k} == before
    with pytest.raises(PublishError, match=r"latest release .*/1\.1\.0 does not match its SHA256SUMS"):
        publish_release_remote(*seed_tables, flaky_root, now=NOW)
    assert remote_files(flaky_root) == after


def test_failed_pointer_write_is_completed_by_the_next_publish(seed_tables, fewer_tables, flaky_root):
    first = publish_release_remote(*fewer_tables, flaky_root, now=NOW)
    before = remote_files(flaky_root)
    FlakyMemoryFileSystem.writes, FlakyMemoryFileSystem.fail_at = 0, len(first.files) + 1  # latest.json
    with pytest.raises(PublishError, match=r"pointers .* could not be written"):
        publish_release_remote(*seed_tables, flaky_root, now=NOW)
    FlakyMemoryFileSystem.fail_at = None
    after = remote_files(flaky_root)
    assert after[f"{DATASET}/latest.json"] == before[f"{DATASET}/latest.json"]
    assert after["index.json"] == before["index.json"]
    versions, problems = scan_remote_versions(flaky_root / DATASET)
    assert ([v.version for v in versions], problems) == (["1.0.0", "1.1.0"], [])
    again = publish_release_remote(*seed_tables, flaky_root)
    assert (again.version, again.published) == ("1.1.0", False)
    catalog = json.loads(remote_files(flaky_root)["index.json"])
    assert catalog["datasets"][DATASET]["latest"] == "1.1.0"
    assert json.loads(remote_files(flaky_root)[f"{DATASET}/latest.json"])["version"] == "1.1.0"


def test_a_tampered_latest_version_is_refused(seed_tables, fewer_tables, mem_root):
    publish_release_remote(*fewer_tables, mem_root, now=NOW)
    csv = mem_root / DATASET / "1.0.0" / "reports.csv"
    header, body = csv.fs.cat_file(csv.path).split(b"\n", 1)
    digit = next(i for i, c in enumerate(body) if chr(c) in "123456789")
    tampered = body[:digit] + (b"1" if body[digit : digit + 1] != b"1" else b"2") + body[digit + 1 :]
    csv.fs.pipe_file(csv.path, header + b"\n" + tampered)  # same size, one digit changed
    assert any(p.startswith("reports.csv: checksum mismatch") for p in verify_remote_release(csv.parent))
    with pytest.raises(PublishError, match=r"does not match its SHA256SUMS.*\n  memory://.*reports\.csv"):
        publish_release_remote(*seed_tables, mem_root, now=NOW)


def test_releases_dir_gives_a_upath_for_urls_only(monkeypatch, tmp_path):
    monkeypatch.delenv("RELEASES_DIR", raising=False)
    assert type(config.releases_dir()) is type(Path())  # the default stays a plain local path
    assert config.releases_dir() == REPO_ROOT / "releases"
    assert type(config.releases_dir(tmp_path)) is type(Path())
    assert str(config.releases_dir("memory://bucket/releases")) == "memory://bucket/releases"
    monkeypatch.setenv("RELEASES_DIR", "s3://bucket/releases")
    root = config.releases_dir()
    assert isinstance(root, UPath) and root.protocol == "s3" and config.is_remote(root)
    assert config.releases_dir(str(tmp_path)) == tmp_path  # the argument wins over the environment


@pytest.mark.slow
def test_cli_release_and_validate_on_a_file_url(tmp_path):
    """``python -m pipeline release --releases file://…`` end to end, then ``validate`` on the URL."""
    url = f"file://{tmp_path / 'remote'}"
    env = {k: v for k, v in os.environ.items() if k not in {"SEEDS_DIR", "RELEASES_DIR"}}
    env.update(DAGSTER_HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO_ROOT))
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pipeline", *args], env=env, cwd=tmp_path, capture_output=True, text=True
        )

    first = run("release", "--seeds", str(SEEDS), "--releases", url)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == f"published 1.0.0 at {url}/{DATASET}/1.0.0"
    assert verify_release(tmp_path / "remote" / DATASET / "1.0.0") == []
    checked = run("validate", f"{url}/{DATASET}/1.0.0")
    assert (checked.returncode, checked.stdout.strip()) == (0, f"{url}/{DATASET}/1.0.0: valid")
    again = run("release", "--seeds", str(SEEDS), "--releases", url)
    assert (again.returncode, again.stdout.strip()) == (0, "unchanged: latest release is 1.0.0")
