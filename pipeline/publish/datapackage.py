"""Build ``datapackage.json`` (Frictionless Data Package v2) for a release folder.

Descriptive metadata (title, licences, contributors) lives here, once; resource schemas
come from :mod:`pipeline.schema_export`, never written by hand.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import Any

import pandas as pd

PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
DIALECT_PROFILE = "https://datapackage.org/profiles/2.0/tabledialect.json"

TITLE = "Indicators from Chinese government work reports"

DESCRIPTION = (
    "Figures stated in Chinese government work reports (政府工作报告) and news summaries of them, "
    "one row per figure: what is measured, the value in the written unit and in a base unit, "
    "qualifiers, period, and the verbatim quote with its character offsets in the source text. "
    "A second table lists the source reports with their checksums. Extracted automatically "
    "and validated against published schemas; every value can be traced to its source span."
)

#: The tables are released under CC-BY-4.0. The source texts are official documents of state
#: organs (Copyright Law of the PRC, art. 5) or news articles quoted only in short spans.
LICENSES = [
    {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0 International",
    }
]

CONTRIBUTORS = [{"title": "gov-report-indicators maintainers", "roles": ["creator", "publisher"]}]

KEYWORDS = ["China", "government work report", "政府工作报告", "economic indicators", "open data"]

#: Namespace of release ids: uuid5(namespace, "<name>@<version>") is unique per release and
#: the same when a release is rebuilt.
_ID_NAMESPACE = uuid.UUID("6f1c1d8e-2b1a-5c3e-9a57-2f4f6b8e0c11")

MEDIATYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}


def build_release_id(name: str, version: str) -> str:
    """Deterministic, globally unique id of one release of one dataset.

    >>> build_release_id("x", "1.0.0") == build_release_id("x", "1.0.0") != build_release_id("x", "1.0.1")
    True
    """
    return str(uuid.uuid5(_ID_NAMESPACE, f"{name}@{version}"))


def build_sources(reports: pd.DataFrame) -> list[dict[str, Any]]:
    """One source per report: its title, where it came from and the sha256 of its bytes."""
    sources = []
    for row in reports.itertuples(index=False):
        source: dict[str, Any] = {"title": _text(row.title) or row.file_name}
        if _text(row.url):
            source["path"] = row.url
        source["report_id"] = row.report_id
        source["file_name"] = row.file_name
        source["sha256"] = row.sha256
        for extra in ("publisher", "license", "published_at"):
            if _text(getattr(row, extra)):
                source[extra] = getattr(row, extra)
        sources.append(source)
    return sources


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def build_resource(
    name: str, path: str, fmt: str, data: bytes, sha256: str, schema: Mapping[str, Any]
) -> dict[str, Any]:
    """One data resource: where the file is, what it is, its size, hash and schema.

    Parquet resources carry no ``encoding``: the property describes character data, and a
    Parquet file is binary (its strings are UTF-8 by the Parquet format itself). They are
    declared ``"type": "file"`` (with the table's schema as documentation) because
    frictionless-py reads Parquet through pandas, which neither counts bytes (so
    ``frictionless validate`` would always report a byte-count error) nor keeps nulls in
    integer columns; as file resources their size and hash are still checked by
    frictionless, and their rows by ``python -m pipeline validate``.
    """
    resource: dict[str, Any] = {
        "name": name,
        "type": "table" if fmt == "csv" else "file",
        "path": path,
        "format": fmt,
        "mediatype": MEDIATYPES[fmt],
    }
    if fmt == "csv":
        resource["encoding"] = "utf-8"
    resource["bytes"] = len(data)
    resource["hash"] = f"sha256:{sha256}"
    if fmt == "csv":
        resource["dialect"] = {
            "$schema": DIALECT_PROFILE,
            "header": True,
            "delimiter": ",",
            "lineTerminator": "\n",
            "quoteChar": '"',
            "doubleQuote": True,
        }
    resource["schema"] = dict(schema)
    return resource


def build_datapackage(
    *,
    name: str,
    version: str,
    created: str,
    resources: list[dict[str, Any]],
    sources: list[dict[str, Any]],
) -> dict[str, Any]:
    """The package descriptor of one release."""
    return {
        "$schema": PACKAGE_PROFILE,
        "name": name,
        "id": build_release_id(name, version),
        "version": version,
        "created": created,
        "title": TITLE,
        "description": DESCRIPTION,
        "keywords": KEYWORDS,
        "licenses": LICENSES,
        "contributors": CONTRIBUTORS,
        "sources": sources,
        "resources": resources,
    }


def dump_json(obj: Any) -> bytes:
    """Stable JSON bytes: UTF-8, two-space indent, keys in insertion order, final newline."""
    return (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
