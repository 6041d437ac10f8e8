"""Code versions derived from the source of the pure modules an asset calls.

An asset's ``code_version`` is a short hash of the Python source it depends on, so a
change in parsing or extraction logic changes the version, the Dagster UI marks the
asset and everything downstream as out of date, and the per-report cache (keyed by
content hash and code version) stops serving results built by the old logic.
Nothing here imports dagster.
"""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path


def _source_files(module_name: str) -> list[Path]:
    """The ``.py`` files of a module, or of every module under a package, sorted."""
    spec = importlib.util.find_spec(module_name)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(module_name)
    origin = Path(spec.origin)
    if spec.submodule_search_locations:  # a package: hash every module under it
        return sorted(origin.parent.rglob("*.py"))
    return [origin]


def code_version_of(*module_names: str) -> str:
    """A 12-character hash of the source of the named modules and packages.

    The hash covers file names relative to each module's root and their bytes, so it
    changes exactly when the code changes, on any machine.

    >>> code_version_of("pipeline.tables") == code_version_of("pipeline.tables")
    True
    >>> code_version_of("pipeline.tables") != code_version_of("pipeline.tables", "schemas")
    True
    """
    digest = hashlib.sha256()
    for name in module_names:
        files = _source_files(name)
        root = files[0].parent if len(files) == 1 else _package_root(name)
        for path in files:
            digest.update(f"{name}:{path.relative_to(root).as_posix()}\0".encode())
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:12]


def _package_root(module_name: str) -> Path:
    spec = importlib.util.find_spec(module_name)
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).parent


#: What each asset's logic depends on.
REPORT_FILE_VERSION = code_version_of("pipeline.seeds", "pipeline.ingest.report_id")
REPORT_DOCUMENT_VERSION = code_version_of("pipeline.ingest")
REPORT_INDICATORS_VERSION = code_version_of("pipeline.extract", "pipeline.tables", "schemas")
TABLES_VERSION = code_version_of("pipeline.tables", "schemas")
RELEASE_VERSION = code_version_of("pipeline.publish", "pipeline.schema_export", "schemas")
