"""The optional side file next to a report: ``<stem>.source.yaml`` (or ``.yml``/``.json``).

It gives what the text cannot (url, license, publisher) and may override detected
title, area and published_at. Unknown keys are refused so that a typo ("licence")
does not silently drop information; a malformed file is a :class:`ReportError` naming
the side file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from pipeline.errors import ReportError
from pipeline.ingest.dates import parse_datetime_value
from pipeline.ingest.document import SourceInfo

SIDE_SUFFIXES = (".source.yaml", ".source.yml", ".source.json")
_KEYS = ("url", "license", "publisher", "title", "area", "published_at")
_ALIASES = {"licence": "license"}
_PUBLISHED_AT = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?\+08:00)?$")
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*://\S+$")


def side_file_for(report: Path) -> Path | None:
    """The side file of ``report`` if one exists; two side files for one report is an error."""
    found = [p for p in (report.with_name(report.stem + s) for s in SIDE_SUFFIXES) if p.is_file()]
    if len(found) > 1:
        raise ReportError(
            found[0], f"more than one side file for {report.name}: {', '.join(p.name for p in found)}"
        )
    return found[0] if found else None


def read_side_file(report: Path) -> SourceInfo:
    """Read and validate the side file of ``report``; an empty SourceInfo when there is none."""
    path = side_file_for(report)
    if path is None:
        return SourceInfo()
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError) as err:
        raise ReportError(path, f"malformed side file: {_one_line(err)}") from err
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ReportError(path, f"malformed side file: expected a mapping of keys, got {type(data).__name__}")
    return parse_side_data(path, data)


def parse_side_data(path: Path, data: dict) -> SourceInfo:
    """Validate the keys and values of a side file's mapping."""
    values: dict[str, str] = {}
    for raw_key, value in data.items():
        key = _ALIASES.get(str(raw_key), str(raw_key))
        if key not in _KEYS:
            raise ReportError(
                path, f"malformed side file: unknown key {raw_key!r} (allowed: {', '.join(_KEYS)})"
            )
        if value is None:
            continue
        if key == "published_at":
            parsed = parse_datetime_value(value)
            if not parsed or not _PUBLISHED_AT.match(parsed):
                raise ReportError(
                    path, f"malformed side file: published_at {value!r} is not a date or datetime"
                )
            values[key] = parsed
            continue
        if not isinstance(value, str) or not value.strip():
            raise ReportError(path, f"malformed side file: {key} must be a non-empty string, got {value!r}")
        if key == "url" and not _URL.match(value.strip()):
            raise ReportError(path, f"malformed side file: url {value!r} is not an absolute URL")
        values[key] = value.strip()
    return SourceInfo(**values)


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split())
