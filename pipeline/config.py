"""Where seeds and releases live: one rule shared by the CLI and the Dagster resources.

Precedence: an explicit argument (``--seeds`` / ``--releases``), then the environment
variables ``SEEDS_DIR`` / ``RELEASES_DIR``, then ``seeds/`` and ``releases/`` in the
repository. The releases root may also be an object-storage URL (``s3://bucket/releases``,
``gs://…``, ``az://…``, ``memory://…``, ``file://…``): it is then a ``upath.UPath`` and
:mod:`pipeline.publish.remote` publishes to it; a plain path stays a ``pathlib.Path``, so
the local behaviour does not change.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from upath import UPath

REPO_ROOT = Path(__file__).resolve().parent.parent

#: Name of the published dataset: the folder under releases/ and the datapackage name.
DATASET_NAME = "gov-report-indicators"

#: Report files the pipeline reads from the seeds folder.
REPORT_SUFFIXES = (".txt", ".html", ".htm", ".md")

#: ``scheme://`` at the start of a root: a URL served by an fsspec filesystem.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+://")


def is_remote(root: str | os.PathLike[str] | None) -> bool:
    """True for a URL root (``s3://``, ``memory://``, ``file://`` …), False for a local path.

    A ``pathlib.Path`` is always local (it would have collapsed ``//`` anyway).

    >>> is_remote("s3://bucket/releases"), is_remote("file:///srv/releases")
    (True, True)
    >>> is_remote("/srv/releases"), is_remote("releases"), is_remote(Path("/srv")), is_remote(None)
    (False, False, False, False)
    """
    if root is None or isinstance(root, Path):
        return False
    return _URL.match(str(root)) is not None


def seeds_dir(explicit: str | Path | None = None) -> Path:
    """Return the seeds folder: argument, then ``SEEDS_DIR``, then ``seeds/``."""
    return Path(explicit or os.environ.get("SEEDS_DIR") or REPO_ROOT / "seeds")


def releases_dir(explicit: str | os.PathLike[str] | None = None) -> Path | UPath:
    """Return the releases root: argument, then ``RELEASES_DIR``, then ``releases/``.

    A URL gives a ``UPath`` (imported only then); anything else a plain ``Path``.
    """
    root = explicit or os.environ.get("RELEASES_DIR") or REPO_ROOT / "releases"
    if is_remote(root):
        from upath import UPath

        return UPath(str(root))
    return Path(root)


def list_report_files(folder: Path) -> list[Path]:
    """Report files in ``folder``, sorted by name; side files and hidden files are skipped."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in REPORT_SUFFIXES
    )
