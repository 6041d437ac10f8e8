"""Read a report file: bytes, sha256, decoding, cleaning and metadata.

PLACEHOLDER spine implementation (UTF-8 only, identity cleaning); the ingest work
replaces it behind the same signature.
"""

from __future__ import annotations

import hashlib
from array import array
from pathlib import Path

from pipeline.errors import ReportError
from pipeline.ingest.document import Document
from pipeline.ingest.report_id import report_id_for


def read_report(path: str | Path) -> Document:
    """Read, decode and clean one report file."""
    path = Path(path)
    data = path.read_bytes()
    if not data:
        raise ReportError(path, "file is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ReportError(path, f"not valid UTF-8 ({err.reason} at byte {err.start})") from err
    return Document(
        report_id=report_id_for(path),
        file_name=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        n_bytes=len(data),
        encoding="utf-8",
        source_text=text,
        clean_text=text,
        clean_to_source=array("q", range(len(text) + 1)),
    )
