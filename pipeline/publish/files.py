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

import numpy as np
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


def build_text_columns(frame: pd.DataFrame, model: type[pa.DataFrameModel]) -> dict[str, list[str]]:
    """Every cell of a table as the text its CSV file holds, column by column (null is ``""``).

    One vectorised conversion per column; the CSV writer and the release diff both use
    these lists, so the table is turned into text once and never parsed back.
    """
    return {spec.name: _text_column(frame[spec.name], spec) for spec in columns_of(model)}


def _text_column(series: pd.Series, spec: ColumnSpec) -> list[str]:
    """One column's cells: integers in decimal, floats as Python's repr, booleans as true/false."""
    null = series.isna().to_numpy()
    if spec.type == "number":
        values = series.astype("float64").tolist()
        return ["" if v != v else repr(v) for v in values]  # v != v: NaN
    if spec.type == "integer":
        text = series.astype("Int64").astype("string")
    elif spec.type == "boolean":
        text = series.astype("boolean").map({True: "true", False: "false"}).astype("string")
    else:
        text = series.astype("string")
    cells = text.to_numpy(dtype=object, na_value="")
    if null.any():
        cells[null] = ""
    return cells.tolist()


def build_csv_bytes(
    frame: pd.DataFrame,
    model: type[pa.DataFrameModel],
    text_columns: dict[str, list[str]] | None = None,
) -> bytes:
    """The CSV file of a table, BOM included (from ``text_columns`` when already built)."""
    columns = text_columns if text_columns is not None else build_text_columns(frame, model)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL, doublequote=True)
    writer.writerow(list(columns))
    writer.writerows(zip(*columns.values(), strict=True))
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
    """Convert one column, mapping every pandas null flavour (None, NaN, NA) to an Arrow null."""
    return pa_arrow.Array.from_pandas(series, type=arrow_type)


def _is_null(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def write_bytes(path: Path, data: bytes) -> None:
    """Write a file and flush it to disk, so a later rename publishes complete bytes."""
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def read_csv_text(source: Path | bytes) -> pd.DataFrame:
    """A release CSV (path or bytes) as text cells exactly as written (null is ``""``): what diffs compare.

    Cells are plain Python strings (object columns): parsing is faster than into Arrow-backed
    ``str`` columns, and the diff compares them without converting.
    """
    handle = io.BytesIO(source) if isinstance(source, bytes) else source
    return pd.read_csv(
        handle,
        encoding="utf-8-sig",
        dtype=object,
        keep_default_na=False,
        na_filter=False,
        lineterminator="\n",
    )


def read_csv_table(source: Path | bytes, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """A release CSV (path or bytes) parsed into the model's dtypes; raises ValueError on a bad cell."""
    text = read_csv_text(source)
    specs = {spec.name: spec for spec in columns_of(model)}
    out = {
        name: _parse_column(text[name], specs[name]) if name in specs else text[name] for name in text.columns
    }
    return pd.DataFrame(out, columns=list(text.columns))


def read_parquet_table(source: Path | bytes, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """A release Parquet file (path or bytes) read into the model's dtypes."""
    table = pq.read_table(pa_arrow.BufferReader(source) if isinstance(source, bytes) else source)
    specs = {spec.name: spec for spec in columns_of(model)}
    out = {}
    for name in table.column_names:
        series = table.column(name).to_pandas(types_mapper=_NULLABLE_DTYPES.get)
        out[name] = _cast(series, specs[name]) if name in specs else series
    return pd.DataFrame(out, columns=table.column_names)


#: Arrow types read into pandas dtypes that keep nulls apart from values.
_NULLABLE_DTYPES = {
    pa_arrow.int64(): pd.Int64Dtype(),
    pa_arrow.bool_(): pd.BooleanDtype(),
    pa_arrow.string(): pd.StringDtype(),
    pa_arrow.large_string(): pd.StringDtype(),
}


def _parse_column(text: pd.Series, spec: ColumnSpec) -> pd.Series:
    """Parse one CSV column written by :func:`build_csv_bytes` (empty cell = null), in one pass."""
    if spec.type == "string":
        strings = text.astype("string")
        return _cast(strings.where(strings != "", pd.NA), spec)
    cells = text.to_numpy(dtype=object)
    filled = cells != ""
    values = cells[filled]
    try:
        if spec.type == "integer":
            parsed = pd.arrays.IntegerArray(_zeros_with(values, np.int64, filled), ~filled)
        elif spec.type == "number":
            parsed = np.full(len(cells), np.nan)
            parsed[filled] = values.astype(np.float64)
        else:
            known = (values == "true") | (values == "false")
            if not known.all():
                raise ValueError(f"not true/false: {values[~known][0]!r}")
            parsed = pd.arrays.BooleanArray(_zeros_with(values == "true", bool, filled), ~filled)
    except (ValueError, TypeError, OverflowError) as err:
        bad = _first_bad(values, spec)
        raise ValueError(f"column {spec.name}: cannot read {bad!r} as {spec.type}") from err
    return _cast(pd.Series(parsed), spec)


def _zeros_with(values: np.ndarray, dtype: type, filled: np.ndarray) -> np.ndarray:
    """An array of ``dtype`` holding ``values`` where ``filled`` and zero elsewhere (masked nulls)."""
    out = np.zeros(len(filled), dtype=dtype)
    out[filled] = values.astype(dtype)
    return out


def _first_bad(values: np.ndarray, spec: ColumnSpec) -> str:
    """The first cell the scalar parser refuses (for the error message)."""
    for value in values:
        try:
            if spec.type == "integer":
                int(value)
            elif spec.type == "number":
                float(value)
            elif value not in ("true", "false"):
                return value
        except ValueError:
            return value
    return str(values[0]) if len(values) else ""


def _cast(series: pd.Series, spec: ColumnSpec) -> pd.Series:
    """A column in the model's dtype; a disallowed null keeps a nullable dtype for pandera to report."""
    has_null = bool(series.isna().any())
    if spec.type == "string":
        dtype = "string"
    elif spec.type == "integer":
        dtype = "Int64" if spec.pandas_dtype == "Int64" or has_null else "int64"
    elif spec.type == "number":
        dtype = "float64"
    else:
        dtype = "boolean" if has_null else "bool"
    try:
        return series.astype(dtype).reset_index(drop=True)
    except (TypeError, ValueError, OverflowError) as err:
        raise ValueError(f"column {spec.name}: cannot read as {spec.type} ({err})") from err


def build_text_csv_bytes(frame: pd.DataFrame) -> bytes:
    """A CSV of text cells (None is empty) with the same conventions as the table files."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL, doublequote=True)
    writer.writerow([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        writer.writerow(["" if _is_null(v) else str(v) for v in row])
    return CSV_BOM + buffer.getvalue().encode(CSV_ENCODING)
