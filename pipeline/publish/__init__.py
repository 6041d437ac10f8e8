"""Write a release folder: CSV/Parquet, datapackage.json, checksums, README, changelog.

Entry points: :func:`publish_release` (atomic, versioned, write-once publish),
:func:`verify_release` (re-check a folder), :func:`format_diff` (changes between two
releases) and :func:`rebuild_release` (reproducibility check). Pure: no dagster.
"""

from pipeline.publish.diff import diff_releases, format_diff
from pipeline.publish.release import (
    STEP_HOOKS,
    STEPS,
    InjectedFailure,
    PublishResult,
    publish_release,
    rebuild_release,
)
from pipeline.publish.verify import verify_release

__all__ = [
    "STEPS",
    "STEP_HOOKS",
    "InjectedFailure",
    "PublishResult",
    "diff_releases",
    "format_diff",
    "publish_release",
    "rebuild_release",
    "verify_release",
]
