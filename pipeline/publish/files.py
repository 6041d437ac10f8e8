r"""Table bytes: deterministic CSV and Parquet writers, and their typed readers.

Same frame in, same bytes out: columns in model order, rows in the order given (the
tables module sorts them), fixed writer options, no wall-clock value anywhere.

CSV choice: UTF-8 **with a byte-order mark**, ``\\n`` line endings, RFC 4180 quoting
(fields holding a comma, quote, CR or LF are quoted; quotes doubled), empty field
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
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
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


def build_text_table(frame: pd.DataFrame, model: type[pa.DataFrameModel]) -> pa_arrow.Table:
    """Every cell of a table as the text its CSV file holds, as Arrow strings (null is ``""``).

    Why Arrow: at 1,000 reports (240,000 rows) the CSV writer and the publish-time
    read-back work on these columns, and Arrow's compute kernels handle them in C++ (about
    five times faster than Python's ``csv`` module on the same cells).
    """
    return pa_arrow.table({spec.name: _text_array(frame[spec.name], spec) for spec in columns_of(model)})


def _text_array(series: pd.Series, spec: ColumnSpec) -> pa_arrow.Array:
    """One column's cells: integers in decimal, floats as Python's repr, booleans as true/false."""
    if spec.type == "number":
        # Python's shortest round-trip repr (100.0, 1e-05); Arrow's cast would write 100 and 1e-05.
        values = series.astype("float64").tolist()
        return pa_arrow.array(["" if v != v else repr(v) for v in values], _TEXT)  # v != v: NaN
    if spec.type == "integer":
        cells = pc.cast(pa_arrow.array(series.astype("Int64"), from_pandas=True), _TEXT)
    elif spec.type == "boolean":
        flags = pa_arrow.array(series.astype("boolean"), from_pandas=True)
        cells = pc.if_else(flags, _scalar("true"), _scalar("false"))
    else:
        cells = pa_arrow.array(series, type=_TEXT, from_pandas=True)
    return pc.fill_null(cells, _scalar(""))


#: Text cells are Arrow ``large_string``: 64-bit offsets, no 2 GB limit per column.
_TEXT = pa_arrow.large_string()

#: Characters that make a CSV field quoted: RFC 4180's comma, quote, CR and LF. (Python's
#: ``csv`` module leaves a bare CR unquoted with a ``\n`` terminator, which DuckDB and
#: Arrow read as a line break.)
_NEEDS_QUOTES = (b",", b'"', b"\r", b"\n")


def _scalar(text: str) -> pa_arrow.Scalar:
    return pa_arrow.scalar(text, _TEXT)


def _csv_field(cells: pa_arrow.Array) -> pa_arrow.Array:
    """Cells as CSV fields: quoted (inner quotes doubled) when they hold a special character."""
    data = cells.buffers()[2]
    raw = data.to_pybytes() if data is not None else b""
    if not any(char in raw for char in _NEEDS_QUOTES):
        return cells  # the usual column: one memchr-speed scan of its bytes, no per-cell work
    needs = pc.match_substring_regex(cells, '[,"\r\n]')
    quote = _scalar('"')
    quoted = pc.binary_join_element_wise(quote, pc.replace_substring(cells, '"', '""'), quote, _scalar(""))
    return pc.if_else(needs, quoted, cells)


def _joined_bytes(lines: pa_arrow.Array) -> bytes:
    """The concatenated bytes of a string array with no nulls (its data buffer between offsets)."""
    if not len(lines):
        return b""
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int64)[lines.offset : lines.offset + len(lines) + 1]
    start, end = int(offsets[0]), int(offsets[-1])
    return lines.buffers()[2].slice(start, end - start).to_pybytes()


def build_csv_bytes(
    frame: pd.DataFrame,
    model: type[pa.DataFrameModel],
    text: pa_arrow.Table | None = None,
) -> bytes:
    """The CSV file of a table, BOM included (from ``text``, :func:`build_text_table`, when built)."""
    table = text if text is not None else build_text_table(frame, model)
    header = ",".join(_csv_field(pa_arrow.array(table.column_names, _TEXT)).to_pylist()) + "\n"
    parts = [CSV_BOM, header.encode(CSV_ENCODING)]
    # Record batches slice every column at the same row boundaries without copying them.
    for batch in table.to_batches() if table.num_columns else []:
        if not batch.num_rows:
            continue
        columns = [_csv_field(batch.column(i)) for i in range(batch.num_columns)]
        last = pc.binary_join_element_wise(columns[-1], _scalar("\n"), _scalar(""))
        rows = pc.binary_join_element_wise(*columns[:-1], last, _scalar(",")) if len(columns) > 1 else last
        parts.append(_joined_bytes(rows))
    return b"".join(parts)


def build_arrow_table(frame: pd.DataFrame, model: type[pa.DataFrameModel]) -> pa_arrow.Table:
    """A table as Arrow columns typed from the model: what its Parquet file holds."""
    schema = build_arrow_schema(model)
    arrays = [_arrow_array(frame[field.name], field.type) for field in schema]
    return pa_arrow.Table.from_arrays(arrays, schema=schema)


def build_parquet_bytes(
    frame: pd.DataFrame, model: type[pa.DataFrameModel], *, dataset: str, version: str
) -> bytes:
    """The Parquet file of a table: model types, zstd, dataset and version as key-value metadata."""
    table = build_arrow_table(frame, model).replace_schema_metadata({"dataset": dataset, "version": version})
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


def arrow_reader(data: bytes) -> pa_arrow.BufferReader:
    """A reader over a copy of ``data`` in Arrow-owned memory, for Arrow's threaded readers.

    Wrapping the Python ``bytes`` directly (``BufferReader(data)``) makes Arrow hold a Python
    buffer whose last reference can be dropped by an Arrow pool thread after the read has
    returned. If that happens while the interpreter shuts down, the thread cannot take the
    GIL and the process aborts ("terminate called without an active exception", apache/arrow
    #34314). Copying into Arrow memory costs a millisecond per megabyte and removes the race.
    """
    sink = pa_arrow.BufferOutputStream()
    sink.write(data)
    return pa_arrow.BufferReader(sink.getvalue())


def read_csv_text_table(source: Path | bytes) -> pa_arrow.Table:
    """A release CSV (path or bytes) as Arrow text cells exactly as written (null is ``""``).

    The fast reader behind the publish-time read-back and the release diff: Arrow's
    multi-threaded parser, every column a string, nothing converted.
    """
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    first_line = data.removeprefix(CSV_BOM).split(b"\n", 1)[0].decode(CSV_ENCODING)
    names = next(csv.reader([first_line])) if first_line else []
    return pa_csv.read_csv(
        arrow_reader(data),
        parse_options=pa_csv.ParseOptions(newlines_in_values=True),
        convert_options=pa_csv.ConvertOptions(
            column_types={name: _TEXT for name in names},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
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
    table = pq.read_table(arrow_reader(source) if isinstance(source, bytes) else source)
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
