"""Publish a release: versioned, write-once, atomic, reproducible.

Sequence, under the per-dataset lock (``releases/<dataset>/.lock``):

1. ``locked``   lock taken (waits for a concurrent publish; dies with its holder);
2. ``cleaned``  stale ``.staging-*`` folders and temp files of dead runs removed;
3. ``staged``   every file written into ``releases/<dataset>/.staging-<random>/``;
4. ``verified`` the staging folder re-read and checked (:func:`verify_release`: every file's
   hash and size, each data file read back as exactly the tables validated before staging;
   frictionless on the first :data:`~pipeline.publish.verify.PUBLISH_FRICTIONLESS_ROWS`
   rows of each table);
5. ``renamed``  ``os.rename`` of the staging folder to ``releases/<dataset>/<version>/``;
6. ``latest``   ``latest.json`` replaced atomically;
7. ``catalog``  ``releases/index.json`` replaced atomically: the commit marker.

A crash between any two steps leaves the previous release and its pointers untouched, or
the new folder complete and in place; the next run removes staging leftovers and rewrites
pointers from the folders (the highest version is the latest). Version folders are never
modified or deleted. ``fail_after`` and :data:`STEP_HOOKS` exist so tests can crash a
publish after any step.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_arrow

from pipeline.config import DATASET_NAME
from pipeline.errors import PublishError
from pipeline.publish.catalog import (
    CATALOG_NAME,
    LATEST_NAME,
    build_catalog,
    build_latest,
    fsync_dir,
    list_versions,
    write_json_atomic,
)
from pipeline.publish.datapackage import build_datapackage, build_resource, build_sources, dump_json
from pipeline.publish.diff import CHANGE_COLUMNS, ReleaseDiff, diff_csv, read_release_csv
from pipeline.publish.files import (
    build_arrow_table,
    build_csv_bytes,
    build_parquet_bytes,
    build_text_csv_bytes,
    build_text_table,
    read_csv_text_table,
    sha256_bytes,
    write_bytes,
)
from pipeline.publish.lock import publish_lock
from pipeline.publish.readme import build_changelog, build_changelog_entry, build_readme, describe_changes
from pipeline.publish.verify import (
    PUBLISH_FRICTIONLESS_ROWS,
    SUMS_NAME,
    ValidatedTable,
    check_provenance_fields,
    verify_release,
)
from pipeline.publish.versioning import FIRST_VERSION, bump_version, decide_bump, is_version, parse_version
from pipeline.schema_export import build_table_schema
from pipeline.validate import check_table
from schemas import IndicatorsModel, ReportsModel

#: Tables of a release, in the order their resources are listed.
DEFAULT_MODELS: dict[str, type[pa.DataFrameModel]] = {"indicators": IndicatorsModel, "reports": ReportsModel}

#: One worker thread for the publisher's read-back of its own CSV bytes (see plan_release).
_READ_BACK = ThreadPoolExecutor(max_workers=1, thread_name_prefix="csv-read-back")

STEPS = ("locked", "cleaned", "staged", "verified", "renamed", "latest", "catalog")
STAGING_PREFIX = ".staging-"

#: Called with each step name as it completes (and with "waiting" when the lock is taken by
#: another run); tests append hooks that crash, kill or synchronise processes.
STEP_HOOKS: list[Callable[[str], None]] = []

#: Package keys that, with the CSV bytes, define a release's content (not version or date).
_CONTENT_KEYS = ("name", "title", "description", "keywords", "licenses", "contributors", "sources")


class InjectedFailure(RuntimeError):
    """A simulated crash raised by ``fail_after``; never caught, so nothing is cleaned up."""


@dataclass(frozen=True)
class PublishResult:
    """What a publish did: the version it made (or the unchanged latest) and its files."""

    version: str | None
    path: Path | None
    published: bool
    reason: str
    files: dict[str, str] = field(default_factory=dict)
    previous: str | None = None
    bump: str | None = None
    summary: list[str] = field(default_factory=list)
    cleaned: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReleasePlan:
    """Everything about a release that does not depend on its version number or date."""

    frames: dict[str, pd.DataFrame]
    models: dict[str, type[pa.DataFrameModel]]
    csv: dict[str, bytes]
    csv_sha256: dict[str, str]
    text: dict[str, pa_arrow.Table]  # each table's CSV cells, what the staged CSV must read back as
    csv_read_back: dict[str, Future[pa_arrow.Table]]  # the CSV bytes parsed again, in a thread
    schemas: dict[str, dict[str, Any]]
    sources: list[dict[str, Any]]
    previous: str | None
    previous_dir: Path | None
    diff: ReleaseDiff | None
    bump: str | None  # None for a first release
    unchanged: bool = False  # says exactly what the previous release says


def _step(name: str, fail_after: str | None) -> None:
    for hook in STEP_HOOKS:
        hook(name)
    if fail_after == name:
        raise InjectedFailure(f"injected failure after step {name!r}")


def format_created(now: dt.datetime | None = None) -> str:
    """RFC 3339 UTC timestamp, to the second.

    >>> format_created(dt.datetime(2026, 3, 5, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    '2026-03-05T01:30:00Z'
    """
    now = now or dt.datetime.now(dt.UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    return now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_publishable(
    frames: Mapping[str, pd.DataFrame],
    models: Mapping[str, type[pa.DataFrameModel]],
    *,
    tables_checked: bool = False,
) -> None:
    """Raise PublishError unless every table satisfies its model and the provenance rules.

    ``tables_checked``: the caller has just validated these very frames against the models
    (the Dagster blocking checks do, in the same run), so only presence and the provenance
    rules are checked here; pandera takes about 1 s on a 240,000-row release.
    """
    problems = []
    for table, model in models.items():
        if tables_checked and table in frames:
            continue
        if table not in frames:
            problems.append(f"{table}: table missing")
            continue
        failures = check_table(model, frames[table])
        for row in failures.head(5).itertuples(index=False):
            problems.append(
                f"{table}: {row.check} failed (column {row.column}, row {row.index}: {row.failure_case})"
            )
        if len(failures) > 5:
            problems.append(f"{table}: {len(failures) - 5} more failures")
    if not problems and "indicators" in frames and "reports" in frames:
        problems += check_provenance_fields(frames["indicators"], frames["reports"])
    if problems:
        raise PublishError("tables fail validation, nothing published:\n  " + "\n  ".join(problems))


def plan_release(
    frames: Mapping[str, pd.DataFrame],
    models: Mapping[str, type[pa.DataFrameModel]],
    *,
    previous_dir: Path | None,
    sources: list[dict[str, Any]] | None = None,
    dataset: str = DATASET_NAME,
) -> ReleasePlan:
    """Serialize the tables and diff them against the previous release folder, if any.

    Each table becomes text once: the same cells make the CSV bytes, which the diff
    compares line by line with the previous release's. When the content fingerprint
    (metadata, schemas, CSV hashes) equals the previous release's, the diff is empty by
    construction and the previous tables are not read at all.
    """
    text = {t: build_text_table(frames[t], m) for t, m in models.items()}
    csv = {t: build_csv_bytes(frames[t], m, text[t]) for t, m in models.items()}
    # Arrow parses the CSV in C++ without the GIL, alongside the diff below; the staged files
    # are later shown to hold exactly these bytes (SHA256SUMS), so this is their read-back.
    csv_read_back = {t: _READ_BACK.submit(read_csv_text_table, data) for t, data in csv.items()}
    csv_sha256 = {t: sha256_bytes(data) for t, data in csv.items()}
    schemas = {t: build_table_schema(m) for t, m in models.items()}
    sources = sources if sources is not None else build_sources(frames["reports"])
    diff = bump = previous = None
    unchanged = False
    if previous_dir is not None:
        previous = previous_dir.name
        package = _package_of(models, schemas, sources, dataset=dataset)
        fingerprint = _content_fingerprint(package, csv_sha256)
        unchanged = fingerprint == _previous_fingerprint(previous_dir)
        if unchanged:
            diff = ReleaseDiff(changes=pd.DataFrame(columns=CHANGE_COLUMNS))
        else:
            old_csv, old_schemas = read_release_csv(previous_dir)
            diff = diff_csv(old_csv, csv, old_schemas, schemas)
        bump = decide_bump(diff)
    return ReleasePlan(
        frames=dict(frames),
        models=dict(models),
        csv=csv,
        csv_sha256=csv_sha256,
        text=text,
        csv_read_back=csv_read_back,
        schemas=schemas,
        sources=sources,
        previous=previous,
        previous_dir=previous_dir,
        diff=diff,
        bump=bump,
        unchanged=unchanged,
    )


def _package_of(
    models: Mapping[str, type[pa.DataFrameModel]],
    schemas: Mapping[str, dict[str, Any]],
    sources: list[dict[str, Any]],
    *,
    dataset: str,
) -> dict:
    """The package descriptor minus what depends on file bytes, version or date (for fingerprints)."""
    resources = [
        build_resource(name, f"{table}.{fmt}", fmt, b"", "", schemas[table])
        for table in models
        for fmt, name in (("csv", table), ("parquet", f"{table}-parquet"))
    ]
    return build_datapackage(name=dataset, version="", created="", resources=resources, sources=sources)


def _content_fingerprint(package: Mapping[str, Any], csv_hashes: Mapping[str, str]) -> str:
    """Hash of what a release says: descriptive metadata, CSV resource schemas and CSV bytes."""
    content = {key: package.get(key) for key in _CONTENT_KEYS}
    content["resources"] = [
        {"name": r["name"], "path": r["path"], "format": r["format"], "schema": r["schema"]}
        for r in package.get("resources", [])
    ]
    content["csv"] = dict(sorted(csv_hashes.items()))
    return sha256_bytes(json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def _previous_fingerprint(previous_dir: Path) -> str | None:
    try:
        package = json.loads((previous_dir / "datapackage.json").read_text(encoding="utf-8"))
        hashes = {
            r["name"]: r["hash"].removeprefix("sha256:")
            for r in package["resources"]
            if r.get("format") == "csv"
        }
    except (OSError, ValueError, KeyError) as err:
        raise PublishError(f"cannot read the latest release {previous_dir}: {err}") from err
    return _content_fingerprint(package, hashes)


def build_package(
    plan: ReleasePlan,
    data: Mapping[str, bytes],
    *,
    dataset: str,
    version: str,
    created: str,
    digests: Mapping[str, str] | None = None,
) -> dict:
    """datapackage.json of a release from its plan and its data file bytes (and their sha256s)."""
    digests = digests or {}
    resources = []
    for table in plan.models:
        for fmt, name in (("csv", table), ("parquet", f"{table}-parquet")):
            path = f"{table}.{fmt}"
            digest = digests.get(path) or sha256_bytes(data[path])
            resources.append(build_resource(name, path, fmt, data[path], digest, plan.schemas[table]))
    return build_datapackage(
        name=dataset, version=version, created=created, resources=resources, sources=plan.sources
    )


def write_release_files(
    folder: Path, plan: ReleasePlan, *, dataset: str, version: str, created: str
) -> dict[str, str]:
    """Write every file of a release into ``folder`` (which must exist); return name -> sha256."""
    data: dict[str, bytes] = {}
    hashes: dict[str, str] = {}
    for table, model in plan.models.items():
        data[f"{table}.csv"] = plan.csv[table]
        hashes[f"{table}.csv"] = plan.csv_sha256[table]
        data[f"{table}.parquet"] = build_parquet_bytes(
            plan.frames[table], model, dataset=dataset, version=version
        )
    package = build_package(plan, data, dataset=dataset, version=version, created=created, digests=hashes)
    data["datapackage.json"] = dump_json(package)
    changes = describe_changes(plan.diff, plan.previous, list(plan.models))
    data["README.md"] = build_readme(
        package=package,
        indicators=plan.frames["indicators"],
        reports=plan.frames["reports"],
        models=plan.models,
        changes=changes,
    ).encode("utf-8")
    previous_changelog = None
    if plan.previous_dir is not None and (plan.previous_dir / "CHANGELOG.md").is_file():
        previous_changelog = (plan.previous_dir / "CHANGELOG.md").read_text(encoding="utf-8")
    entry = build_changelog_entry(version=version, created=created, bump=plan.bump, changes=changes)
    data["CHANGELOG.md"] = build_changelog(entry, previous_changelog).encode("utf-8")
    changes_frame = plan.diff.changes if plan.diff is not None else pd.DataFrame(columns=CHANGE_COLUMNS)
    data["changes.csv"] = build_text_csv_bytes(changes_frame)
    hashes.update({name: sha256_bytes(content) for name, content in data.items() if name not in hashes})
    sums = "".join(f"{digest}  {name}\n" for name, digest in sorted(hashes.items()))
    data[SUMS_NAME] = sums.encode("ascii")
    for name, content in data.items():
        write_bytes(folder / name, content)
    hashes[SUMS_NAME] = sha256_bytes(data[SUMS_NAME])
    return hashes


def clean_stale(dataset_dir: Path) -> list[str]:
    """Remove what dead publishes left behind: staging folders and pointer temp files.

    Only safe under the publish lock: any staging folder then belongs to a run that ended.
    """
    removed = []
    for path in sorted(dataset_dir.iterdir()):
        if path.is_dir() and path.name.startswith(STAGING_PREFIX):
            shutil.rmtree(path)
            removed.append(path.name)
        elif path.is_file() and path.name.startswith(".") and path.name.endswith(".tmp"):
            path.unlink()
            removed.append(path.name)
    for path in sorted(dataset_dir.parent.glob(f".{CATALOG_NAME}.*.tmp")):
        path.unlink()
        removed.append(path.name)
    return removed


def commit_pointers(releases_root: Path, dataset_dir: Path) -> None:
    """Point latest.json at the highest version, then rewrite the catalog (each only if it differs)."""
    versions = list_versions(dataset_dir)
    if versions:
        write_json_atomic(dataset_dir / LATEST_NAME, build_latest(dataset_dir, versions[-1]))
    write_json_atomic(releases_root / CATALOG_NAME, build_catalog(releases_root))


def _choose_version(plan: ReleasePlan, requested: str | None, dataset_dir: Path) -> str:
    """The version to publish: the requested one (checked) or the one the data decides."""
    if requested is None:
        return FIRST_VERSION if plan.previous is None else bump_version(plan.previous, plan.bump or "patch")
    if not is_version(requested):
        raise PublishError(f"cannot publish version {requested!r}: not MAJOR.MINOR.PATCH")
    if (dataset_dir / requested).exists():
        raise PublishError(
            f"version {requested} already exists in {dataset_dir}; published versions are write-once"
        )
    if plan.previous is not None and parse_version(requested) <= parse_version(plan.previous):
        raise PublishError(
            f"cannot publish version {requested}: not above the latest version {plan.previous}"
        )
    return requested


def publish_release(
    indicators: pd.DataFrame,
    reports: pd.DataFrame,
    releases_root: Path,
    *,
    dataset: str = DATASET_NAME,
    sources: list[dict] | None = None,
    models: Mapping[str, type[pa.DataFrameModel]] | None = None,
    version: str | None = None,
    now: dt.datetime | None = None,
    lock_timeout: float = 600.0,
    fail_after: str | None = None,
    tables_checked: bool = False,
) -> PublishResult:
    """Publish the tables as a new version under ``releases_root/dataset``, or nothing if unchanged.

    Raises PublishError (previous release untouched) for invalid tables, a version that
    exists, an unwritable or full disk, a verification failure, or a lock wait timeout.
    ``models`` overrides the table models (tests use it to simulate a schema change);
    ``version`` forces a version number; ``now`` fixes ``created``; ``fail_after`` raises
    :class:`InjectedFailure` after the named step of :data:`STEPS`; ``tables_checked`` says
    the caller has already validated these frames against the models (see
    :func:`check_publishable`).
    """
    if fail_after is not None and fail_after not in STEPS:
        raise ValueError(f"fail_after must be one of {STEPS}")
    models = dict(models or DEFAULT_MODELS)
    frames = {"indicators": indicators, "reports": reports}
    check_publishable(frames, models, tables_checked=tables_checked)
    releases_root = Path(releases_root)
    dataset_dir = releases_root / dataset
    try:
        dataset_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise PublishError(f"cannot create the releases folder {dataset_dir}: {err.strerror}") from err
    with publish_lock(dataset_dir, timeout=lock_timeout, on_wait=lambda: _step("waiting", None)):
        _step("locked", fail_after)
        try:
            cleaned = clean_stale(dataset_dir)
        except OSError as err:
            raise PublishError(
                f"cannot clean stale staging folders in {dataset_dir}: {err.strerror}"
            ) from err
        _step("cleaned", fail_after)
        versions = list_versions(dataset_dir)
        previous_dir = dataset_dir / versions[-1] if versions else None
        plan = plan_release(frames, models, previous_dir=previous_dir, sources=sources, dataset=dataset)
        if previous_dir is not None and version is None and plan.unchanged:
            _commit_or_fail(releases_root, dataset_dir, previous_dir.name)
            return PublishResult(
                version=previous_dir.name,
                path=previous_dir,
                published=False,
                reason="unchanged",
                files=read_sums(previous_dir),
                previous=previous_dir.name,
                cleaned=cleaned,
            )
        new_version = _choose_version(plan, version, dataset_dir)
        target = dataset_dir / new_version
        created = format_created(now)
        staging = _stage(dataset_dir, plan, dataset=dataset, version=new_version, created=created)
        files, staging_dir = staging
        _step("staged", fail_after)
        problems = verify_release(
            staging_dir,
            expected_version=new_version,
            models=models,
            frictionless_rows=PUBLISH_FRICTIONLESS_ROWS,
            validated={
                t: ValidatedTable(
                    plan.text[t],
                    build_arrow_table(plan.frames[t], m),
                    csv_read_back=plan.csv_read_back[t].result(),
                    csv_sha256=plan.csv_sha256[t],
                )
                for t, m in models.items()
            },
        )
        if problems:
            shutil.rmtree(staging_dir, ignore_errors=True)
            raise PublishError(
                f"release {new_version} failed verification, nothing published:\n  " + "\n  ".join(problems)
            )
        _step("verified", fail_after)
        _rename_into_place(staging_dir, target)
        _step("renamed", fail_after)
        try:
            write_json_atomic(dataset_dir / LATEST_NAME, build_latest(dataset_dir, new_version))
        except OSError as err:
            raise PublishError(
                f"release {new_version} is in place but {LATEST_NAME} could not be written ({err.strerror}); "
                "run publish again to complete it"
            ) from err
        _step("latest", fail_after)
        _commit_or_fail(releases_root, dataset_dir, new_version)
        _step("catalog", fail_after)
    summary = describe_changes(plan.diff, plan.previous, list(models))
    reason = "first release" if plan.previous is None else f"{plan.bump} release"
    return PublishResult(
        version=new_version,
        path=target,
        published=True,
        reason=reason,
        files=files,
        previous=plan.previous,
        bump=plan.bump,
        summary=summary,
        cleaned=cleaned,
    )


def _stage(
    dataset_dir: Path, plan: ReleasePlan, *, dataset: str, version: str, created: str
) -> tuple[dict, Path]:
    """Write the release into a fresh staging folder; on a disk error remove it and refuse."""
    staging_dir = dataset_dir / f"{STAGING_PREFIX}{secrets.token_hex(6)}"
    try:
        staging_dir.mkdir()
        files = write_release_files(staging_dir, plan, dataset=dataset, version=version, created=created)
        fsync_dir(staging_dir)
    except OSError as err:
        shutil.rmtree(staging_dir, ignore_errors=True)
        raise PublishError(
            f"cannot write release {version} into {dataset_dir}: {err.strerror or err}; "
            "previous release intact"
        ) from err
    return files, staging_dir


def read_sums(folder: Path) -> dict[str, str]:
    """File name -> sha256 from a release's SHA256SUMS, plus SHA256SUMS itself."""
    path = folder / SUMS_NAME
    files = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        files[name] = digest
    files[SUMS_NAME] = sha256_bytes(path.read_bytes())
    return files


def _rename_into_place(staging_dir: Path, target: Path) -> None:
    """Move the verified staging folder to its version name; never over an existing folder."""
    if target.exists():
        shutil.rmtree(staging_dir, ignore_errors=True)
        raise PublishError(
            f"version {target.name} already exists in {target.parent}; published versions are write-once"
        )
    try:
        os.rename(staging_dir, target)
        fsync_dir(target.parent)
    except OSError as err:
        shutil.rmtree(staging_dir, ignore_errors=True)
        raise PublishError(
            f"cannot move release {target.name} into place in {target.parent}: {err.strerror or err}; "
            "previous release intact"
        ) from err


def _commit_or_fail(releases_root: Path, dataset_dir: Path, version: str) -> None:
    try:
        commit_pointers(releases_root, dataset_dir)
    except OSError as err:
        raise PublishError(
            f"release {version} is in place but the pointers (latest.json, index.json) could not be "
            f"written ({err.strerror or err}); run publish again to complete it"
        ) from err


def rebuild_release(
    release_dir: Path,
    indicators: pd.DataFrame,
    reports: pd.DataFrame,
    out_dir: Path,
    *,
    sources: list[dict] | None = None,
    models: Mapping[str, type[pa.DataFrameModel]] | None = None,
) -> dict[str, str]:
    """Rebuild a published release into ``out_dir`` (same version, date and predecessor).

    For reproducibility checks: with the same inputs and code, ``out_dir/SHA256SUMS``
    equals ``release_dir/SHA256SUMS`` byte for byte.
    """
    release_dir = Path(release_dir)
    package = json.loads((release_dir / "datapackage.json").read_text(encoding="utf-8"))
    version = package["version"]
    older = [v for v in list_versions(release_dir.parent) if parse_version(v) < parse_version(version)]
    previous_dir = release_dir.parent / older[-1] if older else None
    models = dict(models or DEFAULT_MODELS)
    frames = {"indicators": indicators, "reports": reports}
    check_publishable(frames, models)
    plan = plan_release(frames, models, previous_dir=previous_dir, sources=sources, dataset=package["name"])
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if any(out_dir.iterdir()):
        raise PublishError(f"{out_dir} is not empty")
    return write_release_files(
        out_dir, plan, dataset=package["name"], version=version, created=package["created"]
    )
