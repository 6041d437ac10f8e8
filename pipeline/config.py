"""Where seeds and releases live: one rule shared by the CLI and the Dagster resources.

Precedence: an explicit argument (``--seeds`` / ``--releases``), then the environment
variables ``SEEDS_DIR`` / ``RELEASES_DIR``, then ``seeds/`` and ``releases/`` in the
repository.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

#: Name of the published dataset: the folder under releases/ and the datapackage name.
DATASET_NAME = "gov-report-indicators"

#: Report files the pipeline reads from the seeds folder.
REPORT_SUFFIXES = (".txt", ".html", ".htm", ".md")


def seeds_dir(explicit: str | Path | None = None) -> Path:
    """Return the seeds folder: argument, then ``SEEDS_DIR``, then ``seeds/``."""
    return Path(explicit or os.environ.get("SEEDS_DIR") or REPO_ROOT / "seeds")


def releases_dir(explicit: str | Path | None = None) -> Path:
    """Return the releases folder: argument, then ``RELEASES_DIR``, then ``releases/``."""
    return Path(explicit or os.environ.get("RELEASES_DIR") or REPO_ROOT / "releases")


def list_report_files(folder: Path) -> list[Path]:
    """Report files in ``folder``, sorted by name; side files and hidden files are skipped."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in REPORT_SUFFIXES
    )
