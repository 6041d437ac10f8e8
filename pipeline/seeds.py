"""List the report files in a seeds folder: ids, content hashes, duplicates.

Shared by the CLI, the sensor and the schedule so that all three agree on which
files are reports, what their partition keys are, and which are duplicates.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config import list_report_files
from pipeline.ingest.report_id import report_id_for


@dataclass(frozen=True)
class SeedFile:
    """One report file: where it is, its report id (partition key) and content hash."""

    path: Path
    report_id: str
    sha256: str
    n_bytes: int


@dataclass(frozen=True)
class Rejected:
    """A file left out of the release, and why (the message names the file)."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class SeedScan:
    """The reports to process, and the files rejected as duplicates or id clashes."""

    files: list[SeedFile] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    def by_id(self) -> dict[str, SeedFile]:
        """Reports keyed by report id."""
        return {f.report_id: f for f in self.files}


def sha256_of(path: Path, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file, read in chunks so a huge file does not fill memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def scan_seeds(folder: Path) -> SeedScan:
    """Hash every report file in ``folder``; reject duplicates and report-id clashes.

    Files are visited in name order, so the first of two identical files (by name)
    is kept and the later one is rejected as its duplicate: the choice is stable
    across runs and the content is never counted twice.
    """
    scan = SeedScan()
    seen_sha: dict[str, SeedFile] = {}
    seen_id: dict[str, SeedFile] = {}
    for path in list_report_files(folder):
        seed = SeedFile(path, report_id_for(path), sha256_of(path), path.stat().st_size)
        if seed.report_id in seen_id:
            other = seen_id[seed.report_id].path.name
            scan.rejected.append(
                Rejected(path, f"report id {seed.report_id!r} is already taken by {other}; rename the file")
            )
        elif seed.n_bytes and seed.sha256 in seen_sha:
            other = seen_sha[seed.sha256].path.name
            scan.rejected.append(
                Rejected(path, f"duplicate: same content as {other} (sha256 {seed.sha256[:12]}…)")
            )
        else:
            seen_id[seed.report_id] = seed
            seen_sha[seed.sha256] = seed
            scan.files.append(seed)
    return scan
