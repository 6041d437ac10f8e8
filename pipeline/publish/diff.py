"""What changed between two releases: rows added, removed and changed, and schema changes.

Rows are compared as the CSV text users download (null is an empty cell), keyed by
each table's primary key, so a diff never reports float noise or dtype artefacts. The
same functions feed ``changes.csv``, the changelog, the version decision and
``python -m pipeline diff``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from pipeline.publish.files import CSV_BOM, read_csv_text

#: Columns of changes.csv, one row per added/removed row or per changed cell.
CHANGE_COLUMNS = ["table", "key", "change", "column", "old_value", "new_value"]

#: Order in which change kinds are listed.
_CHANGE_ORDER = {"added": 0, "removed": 1, "changed": 2}


@dataclass(frozen=True)
class ReleaseDiff:
    """Row changes (a changes.csv frame) and human-readable schema changes."""

    changes: pd.DataFrame
    schema_changes: list[str] = field(default_factory=list)
    #: Schema changes that old readers survive: a vocabulary that only gained values.
    schema_additions: list[str] = field(default_factory=list)

    def count(self, table: str, change: str) -> int:
        """Number of distinct keys of ``table`` with this kind of change."""
        rows = self.changes[(self.changes["table"] == table) & (self.changes["change"] == change)]
        return int(rows["key"].nunique())

    @property
    def is_empty(self) -> bool:
        """True when nothing at all differs."""
        return self.changes.empty and not self.schema_changes and not self.schema_additions


def diff_tables(old: pd.DataFrame, new: pd.DataFrame, key: list[str], table: str) -> pd.DataFrame:
    """Changes between two text frames of one table, keyed by ``key``.

    Added and removed rows carry the whole row as JSON in ``new_value``/``old_value``;
    changed rows give one line per differing cell, row by row in the new table's order.
    Columns present in only one side are schema changes and are left to
    :func:`diff_schemas`. Vectorised: the cost grows with the table for the key lookup
    and the cell comparison (both in numpy), and with the number of changes for the rest.
    """
    old_keys = _keys(old, key)
    new_keys = _keys(new, key)
    in_old = _first_match(old_keys, new_keys)
    added = in_old < 0
    removed = ~pd.Index(old_keys, dtype=object).isin(new_keys)
    parts = [
        _whole_rows(table, new_keys[added], "added", None, _rows_json(new, added)),
        _whole_rows(table, old_keys[removed], "removed", _rows_json(old, removed), None),
    ]
    common_cols = [c for c in new.columns if c in old.columns and c not in key]
    common = np.flatnonzero(~added)
    if len(common) and common_cols:
        parts.append(_changed_cells(table, old, new, common_cols, common, in_old[common], new_keys))
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    return pd.concat(parts, ignore_index=True)


def _keys(frame: pd.DataFrame, key: list[str]) -> np.ndarray:
    """Each row's key as text (several key columns joined by ``|``), as an object array."""
    if not len(frame):
        return np.array([], dtype=object)
    joined = frame[key[0]].astype(str)
    for column in key[1:]:
        joined = joined + "|" + frame[column].astype(str)
    return joined.to_numpy(dtype=object)


def _first_match(old_keys: np.ndarray, new_keys: np.ndarray) -> np.ndarray:
    """Position in ``old_keys`` of each new key (its first occurrence), -1 when absent."""
    first = ~pd.Index(old_keys, dtype=object).duplicated()
    positions = np.flatnonzero(first)
    found = pd.Index(old_keys[first], dtype=object).get_indexer(new_keys)
    return np.where(found >= 0, positions[found] if len(positions) else -1, -1)


def _rows_json(frame: pd.DataFrame, mask: np.ndarray) -> list[str]:
    """The selected rows, each as a JSON object of its cells (column order kept)."""
    if not mask.any():
        return []
    columns = [str(c) for c in frame.columns]
    rows = zip(*(frame[c][mask].to_numpy(dtype=object) for c in frame.columns), strict=True)
    return [json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) for row in rows]


def _whole_rows(
    table: str, keys: np.ndarray, change: str, old: list[str] | None, new: list[str] | None
) -> pd.DataFrame:
    """Change lines for rows added or removed as a whole."""
    n = len(keys)
    return pd.DataFrame(
        {
            "table": [table] * n,
            "key": keys,
            "change": [change] * n,
            "column": [""] * n,
            "old_value": old if old is not None else [None] * n,
            "new_value": new if new is not None else [None] * n,
        },
        columns=CHANGE_COLUMNS,
    )


def _changed_cells(
    table: str,
    old: pd.DataFrame,
    new: pd.DataFrame,
    columns: list[str],
    new_rows: np.ndarray,
    old_rows: np.ndarray,
    new_keys: np.ndarray,
) -> pd.DataFrame:
    """One line per differing cell of rows present on both sides, row by row, columns in order."""
    rows, cols, olds, news = [], [], [], []
    for j, column in enumerate(columns):
        a = old[column].take(old_rows).reset_index(drop=True)
        b = new[column].take(new_rows).reset_index(drop=True)
        differs = np.flatnonzero((a != b).to_numpy(dtype=bool))
        if len(differs):
            rows.append(new_rows[differs])
            cols.append(np.full(len(differs), j))
            olds.append(a.take(differs).to_numpy(dtype=object))
            news.append(b.take(differs).to_numpy(dtype=object))
    if not rows:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    row, col = np.concatenate(rows), np.concatenate(cols)
    order = np.lexsort((col, row))
    n = len(order)
    return pd.DataFrame(
        {
            "table": [table] * n,
            "key": new_keys[row[order]],
            "change": ["changed"] * n,
            "column": np.asarray(columns, dtype=object)[col[order]],
            "old_value": np.concatenate(olds)[order],
            "new_value": np.concatenate(news)[order],
        },
        columns=CHANGE_COLUMNS,
    )


def diff_schemas(old: Mapping[str, Any], new: Mapping[str, Any], table: str) -> tuple[list[str], list[str]]:
    """Structural differences between two Table Schemas: (breaking, additive).

    Breaking: names, order, types, constraints or key changed. Additive: an ``enum`` that
    only gained values (a new base unit), which every reader of the old values still
    reads. Titles and descriptions are documentation: changing them is not a schema change.

    >>> old = {"fields": [{"name": "u", "type": "string", "constraints": {"enum": ["yuan", "km"]}}]}
    >>> new = {"fields": [{"name": "u", "type": "string", "constraints": {"enum": ["yuan", "km", "pflops"]}}]}
    >>> diff_schemas(old, new, "t")
    ([], ['t: column u allows new values "pflops"'])
    >>> diff_schemas(new, old, "t")[0]
    ['t: column u constraint enum ["yuan", "km", "pflops"] -> ["yuan", "km"]']
    """
    changes: list[str] = []
    additions: list[str] = []
    old_fields = {f["name"]: f for f in old.get("fields", [])}
    new_fields = {f["name"]: f for f in new.get("fields", [])}
    for name in new_fields:
        if name not in old_fields:
            changes.append(f"{table}: column {name} added")
    for name in old_fields:
        if name not in new_fields:
            changes.append(f"{table}: column {name} removed")
    for name, new_field in new_fields.items():
        old_field = old_fields.get(name)
        if old_field is None:
            continue
        if old_field.get("type") != new_field.get("type"):
            changes.append(f"{table}: column {name} type {old_field.get('type')} -> {new_field.get('type')}")
        old_c, new_c = old_field.get("constraints", {}), new_field.get("constraints", {})
        for constraint in sorted(set(old_c) | set(new_c)):
            before, after = old_c.get(constraint), new_c.get(constraint)
            if constraint == "enum" and isinstance(before, list) and isinstance(after, list):
                gained = [value for value in after if value not in before]
                if gained and all(value in after for value in before):
                    values = ", ".join(json.dumps(v, ensure_ascii=False) for v in gained)
                    additions.append(f"{table}: column {name} allows new values {values}")
                    continue
            if before != after:
                changes.append(
                    f"{table}: column {name} constraint {constraint} "
                    f"{_short(old_c.get(constraint))} -> {_short(new_c.get(constraint))}"
                )
    common_old = [n for n in old_fields if n in new_fields]
    common_new = [n for n in new_fields if n in old_fields]
    if common_old != common_new:
        changes.append(f"{table}: columns reordered")
    if old.get("primaryKey") != new.get("primaryKey"):
        changes.append(f"{table}: primary key {old.get('primaryKey')} -> {new.get('primaryKey')}")
    return changes, additions


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def diff_frames(
    old_tables: Mapping[str, pd.DataFrame],
    new_tables: Mapping[str, pd.DataFrame],
    old_schemas: Mapping[str, Mapping[str, Any]],
    new_schemas: Mapping[str, Mapping[str, Any]],
) -> ReleaseDiff:
    """Diff text frames of several tables; tables are diffed in the order of ``new_tables``."""
    parts = []
    schema_changes: list[str] = []
    schema_additions: list[str] = []
    for table, new in new_tables.items():
        new_schema = new_schemas[table]
        old_schema = old_schemas.get(table, {"fields": [], "primaryKey": new_schema.get("primaryKey")})
        breaking, additive = diff_schemas(old_schema, new_schema, table)
        schema_changes += breaking
        schema_additions += additive
        old = old_tables.get(table, pd.DataFrame(columns=new.columns))
        parts.append(diff_tables(old, new, list(new_schema["primaryKey"]), table))
    for table in old_tables:
        if table not in new_tables:
            schema_changes.append(f"table {table} removed")
    changes = (
        pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else None
    )
    if changes is None:
        changes = pd.DataFrame(columns=CHANGE_COLUMNS)
    else:
        order = changes["change"].map(_CHANGE_ORDER)
        table_order = changes["table"].map({t: i for i, t in enumerate(new_tables)})
        changes = (
            changes.assign(_t=table_order, _o=order, _n=range(len(changes)))
            .sort_values(["_t", "_o", "_n"])
            .drop(columns=["_t", "_o", "_n"])
            .reset_index(drop=True)
        )
    return ReleaseDiff(changes=changes, schema_changes=schema_changes, schema_additions=schema_additions)


def diff_csv(
    old_csv: Mapping[str, bytes],
    new_csv: Mapping[str, bytes],
    old_schemas: Mapping[str, Mapping[str, Any]],
    new_schemas: Mapping[str, Mapping[str, Any]],
) -> ReleaseDiff:
    """Diff the CSV files of two releases, table by table (same result as :func:`diff_frames`).

    Why: a release of 1,000 reports holds 240,000 rows, and a rebuild that adds one
    report changes a few hundred. When every row is one line (no cell holds a line
    break), a line present in both files is a row unchanged cell for cell, so only the
    lines found on one side are parsed and compared; otherwise both files are parsed whole.
    """
    old_tables, new_tables = {}, {}
    for table, new in new_csv.items():
        old = old_csv.get(table)
        old_lines, new_lines = (_row_lines(old) if old is not None else None), _row_lines(new)
        if old is None or old_lines is None or new_lines is None or old_lines[0] != new_lines[0]:
            old_tables[table] = read_csv_text(old) if old is not None else None
            new_tables[table] = read_csv_text(new)
            continue
        old_set, new_set = set(old_lines[1:]), set(new_lines[1:])
        old_only = [line for line in old_lines[1:] if line not in new_set]
        new_only = [line for line in new_lines[1:] if line not in old_set]
        old_tables[table] = read_csv_text(b"\n".join([old_lines[0], *old_only, b""]))
        new_tables[table] = read_csv_text(b"\n".join([new_lines[0], *new_only, b""]))
    for table, old in old_csv.items():
        if table not in new_csv:
            old_tables[table] = read_csv_text(old)
    present = {t: f for t, f in old_tables.items() if f is not None}
    return diff_frames(present, new_tables, old_schemas, new_schemas)


def _row_lines(data: bytes) -> list[bytes] | None:
    """The header and row lines of a release CSV, or None when a quoted cell spans lines."""
    if b"\r" in data:
        return None
    lines = data.split(b"\n")
    lines[0] = lines[0].removeprefix(CSV_BOM)
    if lines[-1] == b"":
        lines.pop()
    if b'"' in data and any(line.count(b'"') & 1 for line in lines if b'"' in line):
        return None  # an odd number of quotes: a quoted cell goes on to the next line
    return lines


def read_release_csv(folder: Path) -> tuple[dict[str, bytes], dict[str, dict[str, Any]]]:
    """CSV bytes and Table Schemas of the CSV resources listed in a release's datapackage.json."""
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    data, schemas = {}, {}
    for resource in package["resources"]:
        if resource.get("format") != "csv":
            continue
        data[resource["name"]] = (folder / resource["path"]).read_bytes()
        schemas[resource["name"]] = resource["schema"]
    return data, schemas


def diff_releases(old_dir: Path, new_dir: Path) -> ReleaseDiff:
    """Diff two release folders."""
    old_csv, old_schemas = read_release_csv(old_dir)
    new_csv, new_schemas = read_release_csv(new_dir)
    return diff_csv(old_csv, new_csv, old_schemas, new_schemas)


def summarize_diff(diff: ReleaseDiff, tables: list[str]) -> list[str]:
    """One line per table with counts, then the schema changes."""
    lines = []
    for table in tables:
        counts = {c: diff.count(table, c) for c in ("added", "removed", "changed")}
        lines.append(
            f"{table}: {counts['added']} rows added, {counts['removed']} removed, {counts['changed']} changed"
        )
    return lines + [f"schema: {change}" for change in [*diff.schema_changes, *diff.schema_additions]]


def format_diff(old_dir: Path, new_dir: Path, limit: int = 200) -> str:
    """The changes between two release folders, for people (``python -m pipeline diff``)."""
    diff = diff_releases(old_dir, new_dir)
    tables = list(dict.fromkeys(diff.changes["table"].tolist())) or ["indicators", "reports"]
    lines = [f"diff {old_dir} -> {new_dir}", *summarize_diff(diff, tables)]
    if diff.is_empty:
        lines.append("no differences")
    lines += format_changes(diff.changes, limit)
    return "\n".join(lines)


def format_changes(changes: pd.DataFrame, limit: int) -> list[str]:
    """Change lines (``+`` added, ``-`` removed, ``~`` changed), at most ``limit`` of them."""
    lines = []
    for row in changes.head(limit).itertuples(index=False):
        if row.change == "added":
            lines.append(f"+ {row.table} {row.key}: {_summary(row.new_value)}")
        elif row.change == "removed":
            lines.append(f"- {row.table} {row.key}: {_summary(row.old_value)}")
        else:
            lines.append(f"~ {row.table} {row.key} {row.column}: {row.old_value!r} -> {row.new_value!r}")
    if len(changes) > limit:
        lines.append(f"... and {len(changes) - limit} more (see changes.csv)")
    return lines


def _summary(row_json: str) -> str:
    """A short view of an added or removed row: its quote and value when it has them."""
    row = json.loads(row_json)
    if "quote" in row:
        return f"{row['quote']} (value {row.get('value')} {row.get('unit') or ''})".rstrip()
    return ", ".join(f"{k}={v}" for k, v in list(row.items())[:4] if v)
