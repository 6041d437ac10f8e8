"""Re-check a release folder, as published or as downloaded: a list of problems, empty when valid.

Used twice: by ``publish`` on the staging folder before it is renamed into place, and by
``python -m pipeline validate DIR`` for users. Checks: checksums (SHA256SUMS lists every
file and each matches), sizes and hashes in datapackage.json, the tables read back from
CSV and from Parquet against the pandera models, identical rows in both formats,
provenance fields, Parquet key-value metadata, and frictionless validation.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa
import pyarrow.parquet as pq

from pipeline.publish.files import CSV_BOM, read_csv_table, read_parquet_table, sha256_file
from pipeline.schema_export import build_table_schema
from pipeline.validate import check_table
from schemas import TABLES

SUMS_NAME = "SHA256SUMS"
REQUIRED_PACKAGE_FIELDS = (
    "name",
    "id",
    "version",
    "created",
    "title",
    "description",
    "licenses",
    "sources",
    "contributors",
    "resources",
)
REQUIRED_RESOURCE_FIELDS = ("name", "path", "format", "mediatype", "bytes", "hash", "schema")
_SUM_LINE = re.compile(r"^([0-9a-f]{64})  (\S.*)$")
_MAX_LISTED = 10


def verify_release(
    folder: Path,
    *,
    expected_version: str | None = None,
    models: Mapping[str, type[pa.DataFrameModel]] | None = None,
    frictionless: bool = True,
) -> list[str]:
    """Every problem found in the release folder ``folder``; an empty list means valid."""
    folder = Path(folder)
    models = dict(models or TABLES)
    if not folder.is_dir():
        return [f"{folder}: not a folder"]
    package, problems = _read_package(folder)
    problems += check_checksums(folder)
    if package is None:
        return problems
    if expected_version is not None and package.get("version") != expected_version:
        problems.append(
            f"datapackage.json: version {package.get('version')!r}, expected {expected_version!r}"
        )
    problems += check_resources(folder, package)
    tables, table_problems = check_tables(folder, package, models)
    problems += table_problems
    if "indicators" in tables and "reports" in tables:
        problems += check_provenance_fields(tables["indicators"], tables["reports"])
    if frictionless:
        problems += check_frictionless(folder)
    return problems


def _read_package(folder: Path) -> tuple[dict[str, Any] | None, list[str]]:
    path = folder / "datapackage.json"
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, ["datapackage.json: missing"]
    except (OSError, ValueError) as err:
        return None, [f"datapackage.json: unreadable ({err})"]
    problems = [
        f"datapackage.json: missing {key!r}" for key in REQUIRED_PACKAGE_FIELDS if not package.get(key)
    ]
    return package, problems


def check_checksums(folder: Path) -> list[str]:
    """SHA256SUMS is well formed, lists every other file, and every listed file matches."""
    path = folder / SUMS_NAME
    if not path.is_file():
        return [f"{SUMS_NAME}: missing"]
    problems, listed = [], set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _SUM_LINE.match(line)
        if not match:
            problems.append(f"{SUMS_NAME} line {number}: not '<sha256>  <file>': {line[:80]!r}")
            continue
        digest, name = match.groups()
        listed.add(name)
        target = folder / name
        if not target.is_file():
            problems.append(f"{name}: listed in {SUMS_NAME} but missing")
        elif sha256_file(target) != digest:
            problems.append(f"{name}: checksum mismatch (file changed since it was published)")
    present = {p.name for p in folder.iterdir() if p.is_file() and p.name != SUMS_NAME}
    problems += [f"{name}: not listed in {SUMS_NAME}" for name in sorted(present - listed)]
    return problems


def check_resources(folder: Path, package: Mapping[str, Any]) -> list[str]:
    """Each resource names an existing file whose size and hash match the descriptor."""
    problems = []
    for resource in package.get("resources", []):
        name = resource.get("name", "?")
        missing = [key for key in REQUIRED_RESOURCE_FIELDS if key not in resource]
        if missing:
            problems.append(f"resource {name}: missing {', '.join(missing)}")
        path = folder / str(resource.get("path", ""))
        if not path.is_file():
            problems.append(f"resource {name}: file {resource.get('path')} missing")
            continue
        size = path.stat().st_size
        if resource.get("bytes") != size:
            problems.append(
                f"resource {name}: datapackage says {resource.get('bytes')} bytes, file has {size}"
            )
        if resource.get("hash") != f"sha256:{sha256_file(path)}":
            problems.append(f"resource {name}: hash in datapackage.json does not match the file")
    return problems


def check_tables(
    folder: Path, package: Mapping[str, Any], models: Mapping[str, type[pa.DataFrameModel]]
) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """Read every table back from CSV and Parquet, validate it, and compare the two formats."""
    problems: list[str] = []
    by_table: dict[str, dict[str, pd.DataFrame]] = {}
    for resource in package.get("resources", []):
        table = str(resource.get("name", "")).removesuffix("-parquet")
        model = models.get(table)
        path = folder / str(resource.get("path", ""))
        if model is None:
            problems.append(f"resource {resource.get('name')}: no model for table {table!r}")
            continue
        if not path.is_file():
            continue  # reported by check_resources
        same_schema = resource.get("schema") == build_table_schema(model)
        if not same_schema:
            problems.append(
                f"resource {resource['name']}: schema differs from this code's {model.__name__} "
                "(release made by another version of the pipeline?); checked against its own schema only"
            )
        fmt = resource.get("format")
        try:
            frame = read_csv_table(path, model) if fmt == "csv" else read_parquet_table(path, model)
        except (ValueError, OSError) as err:
            problems.append(f"{resource['path']}: unreadable ({err})")
            continue
        problems += _check_format_details(path, fmt, package)
        failures = check_table(model, frame) if same_schema else pd.DataFrame(columns=["check"])
        for row in failures.head(_MAX_LISTED).itertuples(index=False):
            where = f"column {row.column}, row {row.index}: {row.failure_case}"
            problems.append(f"{resource['path']}: {row.check} failed ({where})")
        if len(failures) > _MAX_LISTED:
            problems.append(f"{resource['path']}: {len(failures) - _MAX_LISTED} more schema failures")
        by_table.setdefault(table, {})[fmt] = frame
    tables = {}
    for table, frames in by_table.items():
        if "csv" in frames and "parquet" in frames:
            csv_frame, parquet_frame = frames["csv"], frames["parquet"]
            if not csv_frame.reset_index(drop=True).equals(parquet_frame.reset_index(drop=True)):
                problems.append(f"{table}: CSV and Parquet files hold different rows")
        tables[table] = next(iter(frames.values()))
    return tables, problems


def _check_format_details(path: Path, fmt: object, package: Mapping[str, Any]) -> list[str]:
    r"""CSV: BOM and ``\n`` line endings. Parquet: dataset and version in key-value metadata."""
    if fmt == "csv":
        data = path.read_bytes()
        problems = [] if data.startswith(CSV_BOM) else [f"{path.name}: no UTF-8 byte-order mark"]
        if b"\r\n" in data:
            problems.append(f"{path.name}: CRLF line endings")
        return problems
    metadata = pq.ParquetFile(path).schema_arrow.metadata or {}
    expected = {
        b"dataset": str(package.get("name")).encode(),
        b"version": str(package.get("version")).encode(),
    }
    if {k: metadata.get(k) for k in expected} != expected:
        named = f"{package.get('name')} {package.get('version')}"
        return [f"{path.name}: key-value metadata {metadata} does not name {named}"]
    return []


def check_provenance_fields(indicators: pd.DataFrame, reports: pd.DataFrame) -> list[str]:
    """Every row points at a listed report with a quote whose offsets span exactly its length."""
    problems = []
    known = set(reports["report_id"].tolist())
    unknown = sorted(set(indicators["report_id"].tolist()) - known)
    if unknown:
        problems.append(
            f"indicators: report ids not in reports: {', '.join(map(str, unknown[:_MAX_LISTED]))}"
        )
    spans = indicators["char_end"] - indicators["char_start"]
    lengths = indicators["quote"].astype("string").str.len()
    bad = indicators.loc[~(spans == lengths).fillna(False), "indicator_id"].tolist()
    if bad:
        problems.append(
            f"indicators: char_end - char_start != len(quote) for {len(bad)} rows: {bad[:_MAX_LISTED]}"
        )
    counts = indicators["report_id"].value_counts()
    for row in reports.itertuples(index=False):
        if int(counts.get(row.report_id, 0)) != int(row.n_indicators):
            problems.append(
                f"reports: {row.report_id} says n_indicators={row.n_indicators}, "
                f"indicators has {int(counts.get(row.report_id, 0))}"
            )
    return problems


def check_frictionless(folder: Path) -> list[str]:
    """What ``frictionless validate datapackage.json`` would report."""
    import frictionless

    report = frictionless.validate(str(folder / "datapackage.json"))
    if report.valid:
        return []
    problems = []
    for error in report.errors:
        problems.append(f"frictionless: {error.type}: {error.message}")
    for task in report.tasks:
        for error in task.errors[:_MAX_LISTED]:
            problems.append(f"frictionless: {task.name}: {error.type}: {error.message}")
    return problems or ["frictionless: package is not valid"]
