"""Publish a release to an object-storage root (``s3://``, ``gs://``, ``az://``, ``memory://``, ``file://``).

Object storage has no ``flock``, no rename of a folder and no ``fsync``, so the local
publisher (:func:`~pipeline.publish.release.publish_release`) cannot run on it directly.
Instead, for a root ``R`` (a ``upath.UPath``) and dataset ``D``:

1. **scan**: list ``R/D``; every folder named ``MAJOR.MINOR.PATCH`` must be complete (its
   ``SHA256SUMS`` and ``datapackage.json`` present, every file SHA256SUMS names present, data
   files of the size datapackage.json gives). A folder that is not is what a failed upload
   left behind: the publish stops with a :class:`PublishError` naming its URL, and nothing is
   written (see "Partial folders" below);
2. **mirror**: every file of the highest complete version (the publisher reads its
   manifests, CHANGELOG.md and data files to fingerprint, diff, version and describe the
   next release) is downloaded into a local temporary folder and checked against
   SHA256SUMS. ``latest.json`` and ``index.json`` are not: the publisher derives both from
   the folders, and step 5 rebuilds the remote ones;
3. **publish locally**: the unchanged local publisher runs on that folder: validation,
   versioning, staging, verification, all as for a local root;
4. **upload** (only if it made a new version): refused if ``R/D/<version>`` already exists
   (release folders are write-once); every file is written with create-only writes
   (``mode="xb"``: S3 ``If-None-Match: *``, GCS ``ifGenerationMatch=0``, Azure
   ``overwrite=False`` in s3fs/gcsfs/adlfs), data files first, then ``SHA256SUMS``, then
   ``datapackage.json`` (the file that makes a folder count as a version), then every file
   is read back and checked against SHA256SUMS;
5. **pointers**: ``R/D/latest.json`` is written if it differs, then ``R/index.json`` (the
   catalog, rebuilt from the version folders of every dataset under ``R``) last: the
   commit marker. An unchanged publish also rewrites them when they lag behind the folders.

Nothing is ever deleted or overwritten under ``R`` except the two pointer files, each
replaced by one PUT (atomic per object on object stores; a plain rewrite on ``file://``,
so use a plain path for a local root).

**Failures.** Any error before step 5 leaves ``latest.json`` and ``index.json`` as they
were. An upload that dies in step 4 leaves a partial version folder; the next publish
refuses to run until it is removed by hand (it was never pointed at, so no reader saw it):
``aws s3 rm --recursive s3://…/gov-report-indicators/<version>/`` (``gsutil rm -r``,
``az storage blob delete-batch``), then publish again. A folder that is complete but whose
pointers were not written is finished by the next publish.

**Mutual exclusion** does not come from a lock file (object stores have none that
``fsspec`` offers): the ``build_release`` and ``publish_release`` Dagster jobs tag their runs
``gov_report/publishes: "true"``, the instance's run queue allows one such run at a time
(``concurrency.runs.tag_concurrency_limits`` in ``deploy/*/dagster.yaml``), and the
``release`` asset runs in ``pool="publish"``. Two publishers started outside Dagster on the
same root are not serialised; the create-only writes then make the second one fail on the
version folder instead of overwriting it.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa
import pyarrow.parquet as pq
from fsspec import AbstractFileSystem
from upath import UPath

from pipeline.config import DATASET_NAME
from pipeline.errors import PublishError
from pipeline.publish.catalog import (
    CATALOG_NAME,
    LATEST_NAME,
    build_entry,
    build_version_entry,
    parquet_files,
)
from pipeline.publish.datapackage import dump_json
from pipeline.publish.files import sha256_bytes
from pipeline.publish.release import PublishResult, publish_release
from pipeline.publish.verify import SUMS_NAME, verify_release
from pipeline.publish.versioning import is_version, parse_version

PACKAGE_NAME = "datapackage.json"

#: Written after every other file of a version folder, in this order: a folder without
#: datapackage.json is not a version, so a reader never sees a half-uploaded one.
UPLOAD_LAST = (SUMS_NAME, PACKAGE_NAME)


@dataclass(frozen=True)
class RemoteVersion:
    """A complete version folder on the remote root, with its two small manifests' bytes."""

    version: str
    url: UPath
    package: bytes
    sums: bytes

    @property
    def digests(self) -> dict[str, str]:
        """File name -> sha256 as SHA256SUMS lists them."""
        return parse_sums(self.sums)


def parse_sums(data: bytes) -> dict[str, str]:
    r"""File name -> sha256 from SHA256SUMS bytes (``<digest>  <name>`` lines).

    >>> parse_sums(b"ab12  a.csv\ncd34  b.parquet\n")
    {'a.csv': 'ab12', 'b.parquet': 'cd34'}
    """
    files = {}
    for line in data.decode("utf-8").splitlines():
        digest, _, name = line.partition("  ")
        if name:
            files[name] = digest
    return files


def _fs(url: UPath) -> tuple[AbstractFileSystem, str]:
    return url.fs, url.path


def _children(url: UPath) -> dict[str, dict[str, Any]]:
    """Name -> fsspec info of the entries directly under ``url`` (empty if it does not exist)."""
    fs, path = _fs(url)
    try:
        entries = fs.ls(path, detail=True)
    except FileNotFoundError:
        return {}
    children = {}
    for entry in entries:
        name = entry["name"].rstrip("/").rsplit("/", 1)[-1]
        if name and entry["name"].rstrip("/") != path.rstrip("/"):
            children[name] = entry
    return children


def _read(url: UPath) -> bytes:
    fs, path = _fs(url)
    return fs.cat_file(path)


def check_remote_version(url: UPath) -> tuple[RemoteVersion | None, list[str]]:
    """Is the version folder ``url`` complete? (the folder, []) or (None, problems).

    Complete: SHA256SUMS and datapackage.json present, every file SHA256SUMS lists present,
    each data file of the size datapackage.json declares. Hashes are not read here (that
    would download every version); the latest version's are checked when it is mirrored.
    """
    files = _children(url)
    missing = [name for name in UPLOAD_LAST if name not in files]
    if missing:
        return None, [f"{url}: {', '.join(missing)} missing"]
    try:
        sums = _read(url / SUMS_NAME)
        package_bytes = _read(url / PACKAGE_NAME)
        package = json.loads(package_bytes)
        resources = package["resources"]
    except (OSError, ValueError, KeyError) as err:
        return None, [f"{url}: unreadable manifest ({err})"]
    problems = [f"{url}: {name} missing" for name in parse_sums(sums) if name not in files]
    for resource in resources:
        info = files.get(resource.get("path", ""))
        if info is not None and info.get("size") is not None and info["size"] != resource.get("bytes"):
            declared = resource.get("bytes")
            problems.append(
                f"{url}: {resource['path']} is {info['size']} bytes, datapackage.json says {declared}"
            )
    if problems:
        return None, problems
    return RemoteVersion(url.name, url, package_bytes, sums), []


def scan_remote_versions(dataset_url: UPath) -> tuple[list[RemoteVersion], list[str]]:
    """Complete versions under ``dataset_url`` (oldest first) and the problems of the others."""
    versions, problems = [], []
    for name, info in _children(dataset_url).items():
        if info.get("type") != "directory" or not is_version(name):
            continue
        version, found = check_remote_version(dataset_url / name)
        if version is None:
            problems += found
        else:
            versions.append(version)
    return sorted(versions, key=lambda v: parse_version(v.version)), problems


def mirror_version(version: RemoteVersion, target: Path) -> None:
    """Download every file of ``version`` into ``target``, each checked against SHA256SUMS.

    The publisher reads the manifests, CHANGELOG.md and the data files; README.md and
    changes.csv come too, so that a latest folder whose read-back failed after its
    datapackage.json was written (complete in the listing, wrong in its bytes) is caught.
    """
    digests = version.digests
    target.mkdir(parents=True)
    problems = []
    for name in [*digests, SUMS_NAME]:
        data = version.package if name == PACKAGE_NAME else version.sums if name == SUMS_NAME else None
        if data is None:
            data = _read(version.url / name)  # present: the scan checked every listed file
        if name != SUMS_NAME and sha256_bytes(data) != digests[name]:
            problems.append(f"{version.url / name}: sha256 differs from SHA256SUMS")
        (target / name).write_bytes(data)
    if problems:
        raise PublishError(
            f"the latest release {version.url} does not match its SHA256SUMS, nothing published. If "
            f"latest.json does not name {version.version}, this is a failed upload: remove the folder by "
            "hand and publish again; otherwise restore it from a copy:\n  " + "\n  ".join(problems)
        )


def _write_new(fs: AbstractFileSystem, path: str, data: bytes) -> None:
    """Create ``path`` with ``data``; FileExistsError if it exists (where the store can tell)."""
    try:
        handle = fs.open(path, "xb")
    except (ValueError, NotImplementedError):  # a filesystem without exclusive create
        if fs.exists(path):
            raise FileExistsError(path) from None
        handle = fs.open(path, "wb")
    with handle:
        handle.write(data)


def upload_version(local_dir: Path, url: UPath) -> None:
    """Upload a verified local version folder to ``url`` (create-only), then read it back."""
    fs, base = _fs(url)
    if fs.exists(base):
        raise PublishError(f"version {url.name} already exists at {url}; published versions are write-once")
    names = sorted(p.name for p in local_dir.iterdir() if p.name not in UPLOAD_LAST)
    names += [name for name in UPLOAD_LAST if (local_dir / name).is_file()]
    done = 0
    try:
        fs.makedirs(base, exist_ok=True)
        for name in names:
            _write_new(fs, (url / name).path, (local_dir / name).read_bytes())
            done += 1
        problems = check_uploaded(url, local_dir)
    except OSError as err:
        raise PublishError(
            f"upload of release {url.name} to {url} failed after {done} of {len(names)} files "
            f"({type(err).__name__}: {err}); latest.json and index.json are untouched. Remove the "
            f"partial folder {url} by hand, then publish again"
        ) from err
    if problems:
        raise PublishError(
            f"release {url.name} at {url} does not read back as uploaded; latest.json and index.json "
            f"are untouched. Remove {url} by hand, then publish again:\n  " + "\n  ".join(problems)
        )


def check_uploaded(url: UPath, local_dir: Path) -> list[str]:
    """Re-read every uploaded file: its size against the local file, its sha256 against SHA256SUMS."""
    digests = parse_sums((local_dir / SUMS_NAME).read_bytes())
    problems = []
    for local in sorted(local_dir.iterdir()):
        data = _read(url / local.name)
        size = local.stat().st_size
        if len(data) != size:
            problems.append(f"{url / local.name}: {len(data)} bytes read back, {size} written")
        elif local.name != SUMS_NAME and sha256_bytes(data) != digests.get(local.name):
            problems.append(f"{url / local.name}: sha256 differs from SHA256SUMS")
    return problems


def build_remote_version_entry(version: RemoteVersion) -> dict[str, Any]:
    """The catalog entry of a remote version, as :func:`build_version_entry` gives a local one.

    Row counts come from the Parquet footers (ranged reads), not from whole files.
    """
    fs = version.url.fs
    rows = {}
    for table, path in parquet_files(version.package):
        with fs.open((version.url / path).path, "rb") as handle:
            rows[table] = pq.ParquetFile(handle).metadata.num_rows
    return build_entry(version.url.parent.name, version.version, version.package, version.sums, rows)


def build_remote_catalog(root: UPath, local_dataset_dir: Path | None = None) -> dict[str, Any]:
    """index.json for the remote root: every dataset, every complete version (as ``build_catalog``).

    Versions also present in ``local_dataset_dir`` (the mirror) are described from there.
    """
    local = local_dataset_dir
    datasets = {}
    for name, info in sorted(_children(root).items()):
        if info.get("type") != "directory" or name.startswith("."):
            continue
        versions, _ = scan_remote_versions(root / name)
        if not versions:
            continue
        entries = []
        for v in versions:
            if local is not None and local.name == name and (local / v.version / PACKAGE_NAME).is_file():
                entries.append(build_version_entry(local, v.version))
            else:
                entries.append(build_remote_version_entry(v))
        datasets[name] = {"latest": versions[-1].version, "versions": entries}
    return {"datasets": datasets}


def _replace_if_changed(url: UPath, data: bytes) -> bool:
    """Overwrite the pointer ``url`` with ``data`` (one PUT) unless it already holds it."""
    fs, path = _fs(url)
    try:
        if fs.cat_file(path) == data:
            return False
    except FileNotFoundError:
        pass
    fs.pipe_file(path, data)
    return True


def commit_remote_pointers(root: UPath, local_root: Path, dataset: str) -> None:
    """latest.json from the local publish, then the catalog rebuilt from the remote folders."""
    local_latest = local_root / dataset / LATEST_NAME
    try:
        if local_latest.is_file():
            _replace_if_changed(root / dataset / LATEST_NAME, local_latest.read_bytes())
        catalog = build_remote_catalog(root, local_root / dataset)
        _replace_if_changed(root / CATALOG_NAME, dump_json(catalog))
    except OSError as err:
        raise PublishError(
            f"the release folders under {root} are complete but the pointers ({LATEST_NAME}, "
            f"{CATALOG_NAME}) could not be written ({err}); publish again to complete them"
        ) from err


def publish_release_remote(
    indicators: pd.DataFrame,
    reports: pd.DataFrame,
    root: UPath | str,
    *,
    dataset: str = DATASET_NAME,
    sources: list[dict] | None = None,
    models: Mapping[str, type[pa.DataFrameModel]] | None = None,
    version: str | None = None,
    now: dt.datetime | None = None,
    tables_checked: bool = False,
) -> PublishResult:
    """Publish the tables under ``root/dataset`` on object storage; same result as a local publish.

    The result's ``path`` is the remote version folder (a ``UPath``). Raises PublishError,
    with the remote pointers untouched, for everything the local publisher refuses, an
    incomplete version folder left by an earlier upload, an existing version folder, or a
    failed upload.
    """
    root = UPath(str(root))
    dataset_url = root / dataset
    try:
        versions, problems = scan_remote_versions(dataset_url)
    except OSError as err:
        raise PublishError(f"cannot list the releases at {dataset_url}: {err}") from err
    if problems:
        raise PublishError(
            "incomplete version folder(s) left by a failed upload, nothing published; check and remove "
            "them by hand (they were never pointed at), then publish again:\n  " + "\n  ".join(problems)
        )
    with tempfile.TemporaryDirectory(prefix="gov-report-publish-") as tmp:
        local_root = Path(tmp) / "releases"
        if versions:
            mirror_version(versions[-1], local_root / dataset / versions[-1].version)
        result = publish_release(
            indicators,
            reports,
            local_root,
            dataset=dataset,
            sources=sources,
            models=models,
            version=version,
            now=now,
            tables_checked=tables_checked,
        )
        if result.published:
            upload_version(local_root / dataset / str(result.version), dataset_url / str(result.version))
        commit_remote_pointers(root, local_root, dataset)
    return replace(result, path=dataset_url / str(result.version), cleaned=[])


def verify_remote_release(url: UPath | str) -> list[str]:
    """Every problem in the version folder at ``url`` (``python -m pipeline validate s3://…``).

    The folder's files are downloaded into a temporary folder and checked there by
    :func:`~pipeline.publish.verify.verify_release`; paths in the messages name the URL.
    """
    url = UPath(str(url))
    try:
        files = {name: info for name, info in _children(url).items() if info.get("type") == "file"}
        if not files:
            return [f"{url}: no such release folder (or it is empty)"]
        with tempfile.TemporaryDirectory(prefix="gov-report-validate-") as tmp:
            local = Path(tmp) / url.name
            local.mkdir()
            for name in files:
                (local / name).write_bytes(_read(url / name))
            problems = verify_release(local)
    except OSError as err:
        return [f"{url}: cannot read ({type(err).__name__}: {err})"]
    return [problem.replace(str(local), str(url)) for problem in problems]
