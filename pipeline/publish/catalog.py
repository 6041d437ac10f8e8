"""Pointers above the release folders: ``<dataset>/latest.json`` and the catalog ``index.json``.

Both are derived from the version folders alone (the highest version is the latest), so
they can always be rebuilt: a publish that died after renaming its folder into place is
completed by the next run. Both are replaced atomically (temporary file, fsync,
``os.replace``), latest.json first and the catalog last, the catalog being the commit
marker of a publish.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from pipeline.publish.datapackage import dump_json
from pipeline.publish.files import sha256_bytes
from pipeline.publish.versioning import is_version, parse_version

LATEST_NAME = "latest.json"
CATALOG_NAME = "index.json"


def list_versions(dataset_dir: Path) -> list[str]:
    """Published versions of a dataset, oldest first: folders named MAJOR.MINOR.PATCH with a manifest."""
    if not dataset_dir.is_dir():
        return []
    versions = [
        p.name
        for p in dataset_dir.iterdir()
        if p.is_dir() and is_version(p.name) and (p / "datapackage.json").is_file()
    ]
    return sorted(versions, key=parse_version)


def latest_version(dataset_dir: Path) -> str | None:
    """The highest published version, or None before the first release."""
    versions = list_versions(dataset_dir)
    return versions[-1] if versions else None


def read_latest_pointer(dataset_dir: Path) -> str | None:
    """The version latest.json names, or None if it is missing or unreadable."""
    try:
        return json.loads((dataset_dir / LATEST_NAME).read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def build_version_entry(dataset_dir: Path, version: str) -> dict[str, Any]:
    """Catalog facts of one version: date, row counts, checksums of its manifest files."""
    folder = dataset_dir / version
    package = (folder / "datapackage.json").read_bytes()
    rows = {table: pq.ParquetFile(folder / path).metadata.num_rows for table, path in parquet_files(package)}
    return build_entry(dataset_dir.name, version, package, (folder / "SHA256SUMS").read_bytes(), rows)


def parquet_files(package: bytes) -> list[tuple[str, str]]:
    """(table, path) of each Parquet resource listed in a ``datapackage.json``."""
    return [
        (resource["name"].removesuffix("-parquet"), resource["path"])
        for resource in json.loads(package)["resources"]
        if resource.get("format") == "parquet"
    ]


def build_entry(
    dataset: str, version: str, package: bytes, sums: bytes, rows: dict[str, int]
) -> dict[str, Any]:
    """A version's catalog entry from its manifest bytes and row counts (local or remote alike)."""
    meta = json.loads(package)
    return {
        "version": version,
        "path": f"{dataset}/{version}",
        "created": meta.get("created"),
        "id": meta.get("id"),
        "rows": rows,
        "datapackage_sha256": sha256_bytes(package),
        "sha256sums_sha256": sha256_bytes(sums),
    }


def build_latest(dataset_dir: Path, version: str) -> dict[str, Any]:
    """latest.json of a dataset."""
    entry = build_version_entry(dataset_dir, version)
    return {
        "dataset": dataset_dir.name,
        "version": version,
        "path": version,
        "created": entry["created"],
        "datapackage_sha256": entry["datapackage_sha256"],
    }


def build_catalog(releases_root: Path) -> dict[str, Any]:
    """The catalog of every dataset under ``releases_root`` and every version of each."""
    datasets = {}
    for dataset_dir in sorted(
        p for p in releases_root.iterdir() if p.is_dir() and not p.name.startswith(".")
    ):
        versions = list_versions(dataset_dir)
        if versions:
            datasets[dataset_dir.name] = {
                "latest": versions[-1],
                "versions": [build_version_entry(dataset_dir, v) for v in versions],
            }
    return {"datasets": datasets}


def write_json_atomic(path: Path, obj: Any) -> bool:
    """Replace ``path`` with ``obj`` as JSON atomically; False (and no write) when already equal."""
    data = dump_json(obj)
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(path.parent)
    return True


def fsync_dir(folder: Path) -> None:
    """Flush a directory entry (a rename or replace) to disk."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
