"""Read a report file: bytes, sha256, decoding, cleaning, metadata and sections.

``read_report(path) -> Document`` is the one entry point. Steps, each in its own module:
size check and bytes (here), :mod:`~pipeline.ingest.decode`, the side file
(:mod:`~pipeline.ingest.sidefile`), the markup pass (:mod:`~pipeline.ingest.markup`),
Traditional lines to Simplified (:mod:`~pipeline.ingest.script`, length-preserving), the
line pass (:mod:`~pipeline.ingest.lines`), :mod:`~pipeline.ingest.metadata` and
:mod:`~pipeline.ingest.sections`. Every refusal is a :class:`ReportError` naming the file.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pipeline.errors import ReportError
from pipeline.ingest.decode import DecodeRefused, decode_report
from pipeline.ingest.document import Document
from pipeline.ingest.lines import build_clean
from pipeline.ingest.markup import strip_markup
from pipeline.ingest.metadata import extract_metadata
from pipeline.ingest.offsets import to_array
from pipeline.ingest.report_id import report_id_for
from pipeline.ingest.script import simplify_markup
from pipeline.ingest.sections import extract_sections
from pipeline.ingest.sidefile import read_side_file

#: Default size limit; override with the ``max_bytes`` argument or ``REPORT_MAX_BYTES``.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_BYTES_ENV = "REPORT_MAX_BYTES"


def max_report_bytes(path: Path, explicit: int | None = None) -> int:
    """The size limit: argument, then ``REPORT_MAX_BYTES``, then 20 MiB."""
    if explicit is not None:
        return explicit
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    try:
        value = int(raw)
    except ValueError:
        raise ReportError(path, f"{MAX_BYTES_ENV}={raw!r} is not a whole number of bytes") from None
    if value <= 0:
        raise ReportError(path, f"{MAX_BYTES_ENV}={raw!r} must be positive")
    return value


def read_report_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """The file's bytes, refusing a missing, empty or too large file before reading it."""
    limit = max_report_bytes(path, max_bytes)
    try:
        size = path.stat().st_size
        if size > limit:
            raise ReportError(path, _too_large(size, limit))
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise ReportError(path, "file not found") from None
    except IsADirectoryError:
        raise ReportError(path, "is a directory, not a report file") from None
    except PermissionError:
        raise ReportError(path, "permission denied") from None
    if len(data) > limit:  # the file grew after stat()
        raise ReportError(path, _too_large(len(data), limit))
    if not data:
        raise ReportError(path, "file is empty")
    return data


def _too_large(size: int, limit: int) -> str:
    return (
        f"file is too large ({size / 1e6:.1f} MB > limit {limit / 1e6:.1f} MB); "
        f"raise {MAX_BYTES_ENV} if it really is one report"
    )


def read_report(path: str | Path, *, max_bytes: int | None = None) -> Document:
    """Read, decode and clean one report file."""
    path = Path(path)
    data = read_report_bytes(path, max_bytes)
    try:
        decoded = decode_report(data)
    except DecodeRefused as err:
        raise ReportError(path, str(err)) from None
    info = read_side_file(path)
    source = decoded.text
    markup = strip_markup(source)
    script = simplify_markup(markup)
    cleaned = build_clean(markup.text, markup.offsets, len(source))
    meta = extract_metadata(markup, cleaned.lines, cleaned.text)
    sections = extract_sections(
        cleaned.lines,
        cleaned.clean_starts,
        cleaned.offsets,
        markup.offsets,
        markup.heading_spans,
        meta.title_start,
    )
    published_at = info.published_at or meta.published_at
    year = meta.year if meta.year is not None or not published_at else int(published_at[:4])
    return Document(
        report_id=report_id_for(path),
        file_name=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        n_bytes=len(data),
        encoding=decoded.encoding,
        script=script,
        source_text=source,
        clean_text=cleaned.text,
        clean_to_source=to_array(cleaned.offsets),
        title=info.title or meta.title,
        area=info.area or meta.area,
        year=year,
        published_at=published_at,
        source=meta.source,
        authors=meta.authors,
        editor=meta.editor,
        site=meta.site,
        sections=sections,
        info=info,
    )
