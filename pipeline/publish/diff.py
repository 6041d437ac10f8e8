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

import pandas as pd

from pipeline.publish.files import read_csv_text

#: Columns of changes.csv, one row per added/removed row or per changed cell.
CHANGE_COLUMNS = ["table", "key", "change", "column", "old_value", "new_value"]

#: Order in which change kinds are listed.
_CHANGE_ORDER = {"added": 0, "removed": 1, "changed": 2}


@dataclass(frozen=True)
class ReleaseDiff:
    """Row changes (a changes.csv frame) and human-readable schema changes."""

    changes: pd.DataFrame
    schema_changes: list[str] = field(default_factory=list)

    def count(self, table: str, change: str) -> int:
        """Number of distinct keys of ``table`` with this kind of change."""
        rows = self.changes[(self.changes["table"] == table) & (self.changes["change"] == change)]
        return int(rows["key"].nunique())

    @property
    def is_empty(self) -> bool:
        """True when nothing at all differs."""
        return self.changes.empty and not self.schema_changes


def diff_tables(old: pd.DataFrame, new: pd.DataFrame, key: list[str], table: str) -> pd.DataFrame:
    """Changes between two text frames of one table, keyed by ``key``.

    Added and removed rows carry the whole row as JSON in ``new_value``/``old_value``;
    changed rows give one line per differing cell. Columns present in only one side are
    schema changes and are left to :func:`diff_schemas`.
    """
    old_keys = _keys(old, key)
    new_keys = _keys(new, key)
    old_i = old.assign(_key=old_keys).set_index("_key")
    new_i = new.assign(_key=new_keys).set_index("_key")
    records: list[dict[str, Any]] = []
    old_set, new_set = set(old_keys), set(new_keys)
    for k in new_keys:
        if k not in old_set:
            records.append(_row_change(table, k, "added", None, _row_json(new_i.loc[k])))
    for k in old_keys:
        if k not in new_set:
            records.append(_row_change(table, k, "removed", _row_json(old_i.loc[k]), None))
    common_cols = [c for c in new.columns if c in old.columns and c not in key]
    common_keys = [k for k in new_keys if k in old_set]
    if common_keys and common_cols:
        a = old_i.loc[common_keys, common_cols]
        b = new_i.loc[common_keys, common_cols]
        differs = a.ne(b)
        for k, col in zip(*_true_positions(differs), strict=True):
            records.append(_row_change(table, k, "changed", a.at[k, col], b.at[k, col], column=col))
    return pd.DataFrame(records, columns=CHANGE_COLUMNS)


def _keys(frame: pd.DataFrame, key: list[str]) -> list[str]:
    keys = frame[key].astype(str).agg("|".join, axis=1).tolist() if len(frame) else []
    return keys


def _true_positions(mask: pd.DataFrame) -> tuple[list[str], list[str]]:
    """(row label, column) of every True cell, row by row, columns in order."""
    rows, cols = [], []
    values = mask.to_numpy()
    for i, label in enumerate(mask.index):
        for j, col in enumerate(mask.columns):
            if values[i, j]:
                rows.append(label)
                cols.append(col)
    return rows, cols


def _row_json(row: pd.Series) -> str:
    return json.dumps({str(k): v for k, v in row.items()}, ensure_ascii=False)


def _row_change(
    table: str, key: str, change: str, old: str | None, new: str | None, column: str = ""
) -> dict[str, Any]:
    return {
        "table": table,
        "key": key,
        "change": change,
        "column": column,
        "old_value": old,
        "new_value": new,
    }


def diff_schemas(old: Mapping[str, Any], new: Mapping[str, Any], table: str) -> list[str]:
    """Structural differences between two Table Schemas (names, order, types, constraints, key).

    Titles and descriptions are documentation: changing them is not a schema change.
    """
    changes = []
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
            if old_c.get(constraint) != new_c.get(constraint):
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
    return changes


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
    for table, new in new_tables.items():
        new_schema = new_schemas[table]
        old_schema = old_schemas.get(table, {"fields": [], "primaryKey": new_schema.get("primaryKey")})
        schema_changes += diff_schemas(old_schema, new_schema, table)
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
    return ReleaseDiff(changes=changes, schema_changes=schema_changes)


def read_release_tables(folder: Path) -> tuple[dict[str, pd.DataFrame], dict[str, dict[str, Any]]]:
    """Text frames and Table Schemas of the CSV resources listed in a release's datapackage.json."""
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables, schemas = {}, {}
    for resource in package["resources"]:
        if resource.get("format") != "csv":
            continue
        tables[resource["name"]] = read_csv_text(folder / resource["path"])
        schemas[resource["name"]] = resource["schema"]
    return tables, schemas


def diff_releases(old_dir: Path, new_dir: Path) -> ReleaseDiff:
    """Diff two release folders."""
    old_tables, old_schemas = read_release_tables(old_dir)
    new_tables, new_schemas = read_release_tables(new_dir)
    return diff_frames(old_tables, new_tables, old_schemas, new_schemas)


def summarize_diff(diff: ReleaseDiff, tables: list[str]) -> list[str]:
    """One line per table with counts, then the schema changes."""
    lines = []
    for table in tables:
        counts = {c: diff.count(table, c) for c in ("added", "removed", "changed")}
        lines.append(
            f"{table}: {counts['added']} rows added, {counts['removed']} removed, {counts['changed']} changed"
        )
    return lines + [f"schema: {change}" for change in diff.schema_changes]


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
