"""Per-report results kept between runs, keyed by content hash and code version.

Why this exists: the per-report assets run over many partitions in one step (a single
run with a ``BackfillPolicy``), and an incremental rebuild must not re-parse reports
whose bytes and logic did not change. Dagster's stock IO managers cannot persist one
output per partition from a multi-partition step, so the assets write here instead:

- ``files/<report_id>.json``: the raw file as last seen (path, sha256, size);
- ``documents/<sha256>-<version>.pkl``: the parsed :class:`Document` (or the read error);
- ``tables/<sha256>-<version>.pkl``: the report's indicators table and its reports row;
- ``built/<report_id>.json``: what the report's tables were last built from, or its error;
- ``combined.pkl``: the last combined release tables, with the ordered (report_id,
  tables_key) pairs and the code version they were combined from, so that a rerun
  which changed a few reports replaces only their rows instead of reloading them all.

Content-addressed entries never go stale: a changed file or changed code gets a new
key. Writes are atomic (temporary file, then rename), so a killed run leaves either
the old entry or the new one. Nothing here imports dagster.
"""

from __future__ import annotations

import json
import os
import pickle
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.extract.figure import Skipped
from pipeline.ingest.document import Document


@dataclass(frozen=True)
class ReadFailure:
    """A report that could not be read or extracted; ``message`` names the file and reason."""

    message: str


@dataclass(frozen=True)
class FileRecord:
    """A report file as the ``report_file`` asset last saw it."""

    report_id: str
    path: str
    sha256: str
    n_bytes: int
    error: str | None = None


@dataclass(frozen=True)
class ReportTables:
    """One report's contribution to the release tables, and the spans the extractor skipped."""

    indicators: pd.DataFrame
    report_row: pd.DataFrame
    skipped: tuple[Skipped, ...] = ()


@dataclass(frozen=True)
class BuiltRecord:
    """What a report's tables were last built from; ``error`` is set when that failed."""

    report_id: str
    sha256: str
    document_version: str
    tables_version: str
    error: str | None = None
    n_indicators: int | None = None  # None in records written before it was kept

    @property
    def tables_key(self) -> str:
        """The content key of the report's tables in the store."""
        return f"{self.sha256}-{self.document_version}{self.tables_version}"


@dataclass(frozen=True)
class CombinedTables:
    """The release tables combined from ``pairs``, the ordered (report_id, tables_key) list."""

    version: str
    pairs: tuple[tuple[str, str], ...]
    indicators: pd.DataFrame
    reports: pd.DataFrame


class PartitionStore:
    """Files under one root folder; see the module docstring for the layout."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    # -- generic atomic I/O -------------------------------------------------
    def _write_bytes(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _write_json(self, path: Path, record: dict[str, Any]) -> None:
        self._write_bytes(path, json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8"))

    @staticmethod
    def _read_json(path: Path) -> dict[str, Any] | None:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None

    def _load_pickle(self, path: Path) -> Any:
        with path.open("rb") as handle:
            return pickle.load(handle)

    # -- raw files ------------------------------------------------------------
    def write_file_record(self, record: FileRecord) -> None:
        """Remember the raw file behind a partition."""
        self._write_json(self.root / "files" / f"{record.report_id}.json", asdict(record))

    def file_record(self, report_id: str) -> FileRecord | None:
        """The raw file last seen for a partition, if any."""
        data = self._read_json(self.root / "files" / f"{report_id}.json")
        return FileRecord(**data) if data else None

    # -- parsed documents -------------------------------------------------------
    def _document_path(self, sha256: str, version: str) -> Path:
        return self.root / "documents" / f"{sha256}-{version}.pkl"

    def has_document(self, sha256: str, version: str) -> bool:
        """Whether the document for these bytes and this parser version is stored."""
        return self._document_path(sha256, version).exists()

    def save_document(self, sha256: str, version: str, doc: Document | ReadFailure) -> None:
        """Store a parsed document, or the reason it could not be read."""
        self._write_bytes(self._document_path(sha256, version), pickle.dumps(doc, pickle.HIGHEST_PROTOCOL))

    def load_document(self, sha256: str, version: str) -> Document | ReadFailure:
        """A stored document (raises FileNotFoundError when absent)."""
        return self._load_pickle(self._document_path(sha256, version))

    # -- per-report tables --------------------------------------------------------
    def _tables_path(self, key: str) -> Path:
        return self.root / "tables" / f"{key}.pkl"

    def has_tables(self, key: str) -> bool:
        """Whether the tables for this content key are stored."""
        return self._tables_path(key).exists()

    def save_tables(self, key: str, tables: ReportTables | ReadFailure) -> None:
        """Store one report's tables, or the reason they could not be built."""
        self._write_bytes(self._tables_path(key), pickle.dumps(tables, pickle.HIGHEST_PROTOCOL))

    def load_tables(self, key: str) -> ReportTables | ReadFailure:
        """Stored tables (raises FileNotFoundError when absent)."""
        return self._load_pickle(self._tables_path(key))

    # -- what each partition was built from -------------------------------------------
    def write_built(self, record: BuiltRecord) -> None:
        """Record what a partition's tables were built from (written last, after the tables)."""
        self._write_json(self.root / "built" / f"{record.report_id}.json", asdict(record))

    def built(self, report_id: str) -> BuiltRecord | None:
        """What a partition's tables were last built from, if they were."""
        data = self._read_json(self.root / "built" / f"{report_id}.json")
        return BuiltRecord(**data) if data else None

    # -- the combined release tables ------------------------------------------------------
    def save_combined(self, combined: CombinedTables) -> None:
        """Replace the stored combined tables (atomically: readers see the old or the new)."""
        self._write_bytes(self.root / "combined.pkl", pickle.dumps(combined, pickle.HIGHEST_PROTOCOL))

    def combined(self) -> CombinedTables | None:
        """The last stored combined tables; None when absent or unreadable (callers rebuild)."""
        try:
            loaded = self._load_pickle(self.root / "combined.pkl")
        except FileNotFoundError:
            return None
        except Exception:  # a truncated or incompatible pickle: rebuild rather than fail
            return None
        return loaded if isinstance(loaded, CombinedTables) else None
