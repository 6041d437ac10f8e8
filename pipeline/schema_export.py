"""Turn a pandera DataFrameModel into every other schema the release needs.

The pandera models in ``schemas/`` are the single source of truth for columns. This
module derives from them, and from nothing else: simple column specs (used by the
Dagster layer for its ``TableSchema``), the Frictionless Table Schema written into
``datapackage.json``, the pyarrow schema the Parquet files are written with, and the
Markdown data dictionary in the release README. Pure: no I/O, no dagster.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

import pandera.pandas as pa
import pyarrow as pa_arrow

#: Frictionless field type for each pandera dtype name, with whether pandas can hold nulls in it.
_TYPES: dict[str, str] = {
    "str": "string",
    "string": "string",
    "string[pyarrow]": "string",
    "string[python]": "string",
    "int64": "integer",
    "Int64": "integer",
    "float64": "number",
    "Float64": "number",
    "bool": "boolean",
    "boolean": "boolean",
}

#: pyarrow type for each Frictionless type used here.
_ARROW_TYPES = {
    "string": pa_arrow.string(),
    "integer": pa_arrow.int64(),
    "number": pa_arrow.float64(),
    "boolean": pa_arrow.bool_(),
}


@dataclass(frozen=True)
class ColumnSpec:
    """What a released column is: the facts every generated schema is built from."""

    name: str
    type: str  # Frictionless type: string, integer, number, boolean
    pandas_dtype: str  # dtype name as pandera declares it (str, int64, Int64, float64, bool)
    nullable: bool
    unique: bool
    title: str | None
    description: str | None
    unit: str | None
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    min_length: int | None = None
    max_length: int | None = None


def columns_of(model: type[pa.DataFrameModel]) -> list[ColumnSpec]:
    """The model's columns in order, with type, nullability, constraints and documentation."""
    specs = []
    for name, column in model.to_schema().columns.items():
        dtype = str(column.dtype)
        if dtype not in _TYPES:
            raise ValueError(f"{model.__name__}.{name}: no export rule for dtype {dtype!r}")
        constraints: dict[str, Any] = {}
        for check in column.checks:
            constraints.update(_constraint_of(check.name, check.statistics))
        metadata = column.metadata or {}
        specs.append(
            ColumnSpec(
                name=name,
                type=_TYPES[dtype],
                pandas_dtype="str" if _TYPES[dtype] == "string" else dtype,
                nullable=bool(column.nullable),
                unique=bool(column.unique),
                title=column.title,
                description=column.description,
                unit=metadata.get("unit"),
                **constraints,
            )
        )
    return specs


def _constraint_of(check_name: str, stats: dict[str, Any]) -> dict[str, Any]:
    """Map one pandera built-in check to ColumnSpec constraint fields."""
    if check_name == "isin":
        return {"enum": tuple(stats["allowed_values"])}
    if check_name == "str_matches":
        return {"pattern": stats["pattern"]}
    if check_name == "greater_than_or_equal_to":
        return {"minimum": stats["min_value"]}
    if check_name == "less_than_or_equal_to":
        return {"maximum": stats["max_value"]}
    if check_name == "in_range":
        return {"minimum": stats["min_value"], "maximum": stats["max_value"]}
    if check_name == "str_length":
        out = {}
        if stats.get("exact_value") is not None:
            return {"min_length": stats["exact_value"], "max_length": stats["exact_value"]}
        if stats.get("min_value") is not None:
            out["min_length"] = stats["min_value"]
        if stats.get("max_value") is not None:
            out["max_length"] = stats["max_value"]
        return out
    raise ValueError(f"no export rule for pandera check {check_name!r}")


def primary_key_of(model: type[pa.DataFrameModel]) -> list[str]:
    """The ``PRIMARY_KEY`` declared next to the model (or the model it extends) in its module."""
    for cls in model.__mro__:
        module = sys.modules.get(getattr(cls, "__module__", ""))
        key = getattr(module, "PRIMARY_KEY", None)
        if key is not None:
            return list(key)
    raise ValueError(f"{model.__name__}: no PRIMARY_KEY declared in its module")


def parse_anchored_pattern(pattern: str) -> str:
    r"""Drop ``^``/``$`` anchors: Table Schema patterns always match the whole value.

    >>> parse_anchored_pattern(r"^[0-9a-f]{64}$")
    '[0-9a-f]{64}'
    >>> parse_anchored_pattern(r"a\$")
    'a\\$'
    """
    if pattern.startswith("^"):
        pattern = pattern[1:]
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1]
    return pattern


def build_table_schema(model: type[pa.DataFrameModel]) -> dict[str, Any]:
    """The Frictionless Table Schema (v2) of a model: fields, constraints, primaryKey."""
    fields = []
    for spec in columns_of(model):
        field: dict[str, Any] = {"name": spec.name, "type": spec.type}
        if spec.title:
            field["title"] = spec.title
        if spec.description:
            field["description"] = spec.description
        if spec.unit:
            field["unit"] = spec.unit
        constraints: dict[str, Any] = {"required": not spec.nullable}
        if spec.unique:
            constraints["unique"] = True
        if spec.enum is not None:
            constraints["enum"] = list(spec.enum)
        if spec.pattern is not None:
            constraints["pattern"] = parse_anchored_pattern(spec.pattern)
        if spec.minimum is not None:
            constraints["minimum"] = spec.minimum
        if spec.maximum is not None:
            constraints["maximum"] = spec.maximum
        if spec.min_length is not None:
            constraints["minLength"] = spec.min_length
        if spec.max_length is not None:
            constraints["maxLength"] = spec.max_length
        field["constraints"] = constraints
        if spec.type == "boolean":
            field["trueValues"] = ["true"]
            field["falseValues"] = ["false"]
        fields.append(field)
    return {
        "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
        "fields": fields,
        "missingValues": [""],
        "primaryKey": primary_key_of(model),
    }


def build_arrow_schema(
    model: type[pa.DataFrameModel], metadata: dict[str, str] | None = None
) -> pa_arrow.Schema:
    """The pyarrow schema the Parquet files are written with; nullability from the model."""
    fields = [
        pa_arrow.field(spec.name, _ARROW_TYPES[spec.type], nullable=spec.nullable)
        for spec in columns_of(model)
    ]
    return pa_arrow.schema(fields, metadata=metadata)


def build_data_dictionary(model: type[pa.DataFrameModel], heading: str | None = None) -> str:
    """A Markdown table documenting every column: meaning, type, unit, allowed values."""
    lines = []
    if heading:
        lines += [heading, ""]
    lines += ["| column | type | required | unit | meaning | allowed values |", "|---|---|---|---|---|---|"]
    for spec in columns_of(model):
        allowed = []
        if spec.enum is not None:
            allowed.append(", ".join(f"`{v}`" for v in spec.enum))
        if spec.pattern is not None:
            allowed.append(f"pattern `{parse_anchored_pattern(spec.pattern)}`")
        if spec.minimum is not None:
            allowed.append(f">= {spec.minimum}")
        if spec.maximum is not None:
            allowed.append(f"<= {spec.maximum}")
        if spec.min_length is not None:
            allowed.append(f"length >= {spec.min_length}")
        if spec.unique:
            allowed.append("unique")
        meaning = " — ".join(p for p in (spec.title, spec.description) if p)
        cells = [
            f"`{spec.name}`",
            spec.type,
            "no" if spec.nullable else "yes",
            spec.unit or "",
            meaning,
            "; ".join(allowed),
        ]
        lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    """Escape a Markdown table cell (pipes and line breaks)."""
    return text.replace("|", "\\|").replace("\n", " ")
