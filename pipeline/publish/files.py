r"""Table bytes: deterministic CSV and Parquet writers, and their typed readers.

Same frame in, same bytes out: columns in model order, rows in the order given (the
tables module sorts them), fixed writer options, no wall-clock value anywhere.

CSV choice: UTF-8 **with a byte-order mark**, ``\\n`` line endings, RFC 4180 quoting
(fields holding a comma, quote or line break are quoted; quotes doubled), empty field
for null, booleans as ``true``/``false``, floats as Python's shortest round-trip repr.
The BOM is what makes Excel open the file as UTF-8 (Chinese text intact) on a double
click; pandas, DuckDB and frictionless skip it. Readers that do not (Python's ``csv``
with ``encoding="utf-8"``) should open the file with ``encoding="utf-8-sig"``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import os
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_arrow
import pyarrow.parquet as pq

from pipeline.schema_export import ColumnSpec, build_arrow_schema, columns_of

CSV_BOM = b"\xef\xbb\xbf"
CSV_ENCODING = "utf-8"

#: Parquet writer options: fixed so that identical frames give identical bytes.
PARQUET_OPTIONS = {
    "compression": "zstd",
    "compression_level": 9,
    "use_dictionary": True,
    "write_statistics": True,
    "row_group_size": 1_000_000,
    "data_page_version": "2.0",
    "store_schema": True,  # ARROW:schema must be kept: pyarrow writes key-value metadata only with it
    "write_page_index": False,
}


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _cell_text(value: object, spec: ColumnSpec) -> str:
    """One CSV cell; nulls are empty."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if spec.type == "boolean":
        return "true" if bool(value) else "false"
    if spec.type == "integer":
        return str(int(value))
    if spec.type == "number":
        return repr(float(value))
    return str(value)


def build_csv_bytes(frame: pd.DataFrame, model: type[pa.DataFrameModel]) -> bytes:
    """The CSV file of a table, BOM included."""
    specs = columns_of(model)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL, doublequote=True)
    writer.writerow([spec.name for spec in specs])
    columns = [frame[spec.name].tolist() for spec in specs]
    for row in zip(*columns, strict=True):
        writer.writerow([_cell_text(value, spec) for value, spec in zip(row, specs, strict=True)])
    return CSV_BOM + buffer.getvalue().encode(CSV_ENCODING)


def build_parquet_bytes(
    frame: pd.DataFrame, model: type[pa.DataFrameModel], *, dataset: str, version: str
) -> bytes:
    """The Parquet file of a table: model types, zstd, dataset and version as key-value metadata."""
    schema = build_arrow_schema(model)
    arrays = [_arrow_array(frame[field.name], field.type) for field in schema]
    table = pa_arrow.Table.from_arrays(arrays, schema=schema)
    table = table.replace_schema_metadata({"dataset": dataset, "version": version})
    sink = pa_arrow.BufferOutputStream()
    pq.write_table(table, sink, **PARQUET_OPTIONS)
    return sink.getvalue().to_pybytes()


def _arrow_array(series: pd.Series, arrow_type: pa_arrow.DataType) -> pa_arrow.Array:
    """Convert one column, mapping every pandas null flavour to an Arrow null."""
    values = [None if _is_null(v) else v for v in series.tolist()]
    return pa_arrow.array(values, type=arrow_type)


def _is_null(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def write_bytes(path: Path, data: bytes) -> None:
    """Write a file and flush it to disk, so a later rename publishes complete bytes."""
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def read_csv_text(source: Path | bytes) -> pd.DataFrame:
    """A release CSV (path or bytes) as text cells exactly as written (null is ``""``): what diffs compare."""
    handle = io.BytesIO(source) if isinstance(source, bytes) else source
    return pd.read_csv(
        handle, encoding="utf-8-sig", dtype=str, keep_default_na=False, na_filter=False, lineterminator="\n"
    )


def read_csv_table(path: Path, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """A release CSV parsed into the model's dtypes; raises ValueError on a bad cell."""
    text = read_csv_text(path)
    return _typed(text, model, from_text=True)


def read_parquet_table(path: Path, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """A release Parquet file read into the model's dtypes."""
    table = pq.read_table(path)
    frame = pd.DataFrame(
        {name: pd.Series(table.column(name).to_pylist(), dtype=object) for name in table.column_names}
    )
    return _typed(frame, model, from_text=False)


def _typed(frame: pd.DataFrame, model: type[pa.DataFrameModel], *, from_text: bool) -> pd.DataFrame:
    """Cast columns to the model's dtypes; columns the model lacks are kept as they are."""
    out = {}
    specs = {spec.name: spec for spec in columns_of(model)}
    for name in frame.columns:
        series = frame[name]
        spec = specs.get(name)
        if spec is None:
            out[name] = series
            continue
        values = series.tolist()
        if from_text:
            values = [_parse_cell(v, spec, name) for v in values]
        else:
            values = [None if _is_null(v) else v for v in values]
        out[name] = _series_of(values, spec)
    return pd.DataFrame(out, columns=list(frame.columns))


def _parse_cell(text: str, spec: ColumnSpec, column: str) -> object:
    """Parse one CSV cell written by :func:`build_csv_bytes`."""
    if text == "":
        return None
    try:
        if spec.type == "integer":
            return int(text)
        if spec.type == "number":
            return float(text)
        if spec.type == "boolean":
            return {"true": True, "false": False}[text]
    except (ValueError, KeyError) as err:
        raise ValueError(f"column {column}: cannot read {text!r} as {spec.type}") from err
    return text


def _series_of(values: list[object], spec: ColumnSpec) -> pd.Series:
    """A column in the model's dtype; a disallowed null keeps a nullable dtype for pandera to report."""
    has_null = any(v is None for v in values)
    if spec.type == "string":
        return pd.Series(values, dtype="string")
    if spec.type == "integer":
        return pd.Series(values, dtype="Int64" if spec.pandas_dtype == "Int64" or has_null else "int64")
    if spec.type == "number":
        return pd.Series(values, dtype="float64")
    return pd.Series(values, dtype="boolean" if has_null else "bool")


def build_text_csv_bytes(frame: pd.DataFrame) -> bytes:
    """A CSV of text cells (None is empty) with the same conventions as the table files."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL, doublequote=True)
    writer.writerow([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        writer.writerow(["" if _is_null(v) else str(v) for v in row])
    return CSV_BOM + buffer.getvalue().encode(CSV_ENCODING)
