"""Semantic version of a new release, decided from the data (Frictionless versioning recipe).

- major: a schema change (column added, removed, renamed, retyped, reordered, a
  constraint changed, a different primary key);
- minor: data added (new indicator rows, new reports) or a vocabulary that only gained
  values (a new base unit): readers of the previous release keep working;
- patch: corrections only (values changed, rows removed as false positives, report
  metadata fixed);
- the first release is 1.0.0.
"""

from __future__ import annotations

import re

from pipeline.publish.diff import ReleaseDiff

FIRST_VERSION = "1.0.0"
_VERSION = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


def parse_version(text: str) -> tuple[int, int, int]:
    """Parse ``MAJOR.MINOR.PATCH``; raise ValueError on anything else.

    >>> parse_version("1.10.2")
    (1, 10, 2)
    >>> parse_version("v1.0")
    Traceback (most recent call last):
    ...
    ValueError: not a release version: 'v1.0'
    """
    match = _VERSION.match(text)
    if not match:
        raise ValueError(f"not a release version: {text!r}")
    major, minor, patch = (int(g) for g in match.groups())
    return major, minor, patch


def is_version(text: str) -> bool:
    """True for a ``MAJOR.MINOR.PATCH`` string (a release folder name).

    >>> is_version("2.0.1"), is_version(".staging-ab12"), is_version("01.0.0")
    (True, False, False)
    """
    return bool(_VERSION.match(text))


def decide_bump(diff: ReleaseDiff) -> str:
    """``major``, ``minor`` or ``patch`` for a non-empty diff against the previous release."""
    if diff.schema_changes:
        return "major"
    if diff.schema_additions or (diff.changes["change"] == "added").any():
        return "minor"  # new rows or new vocabulary values: every old reader still works
    return "patch"


def bump_version(previous: str, bump: str) -> str:
    """The next version after ``previous``.

    >>> bump_version("1.2.3", "major"), bump_version("1.2.3", "minor"), bump_version("1.2.3", "patch")
    ('2.0.0', '1.3.0', '1.2.4')
    """
    major, minor, patch = parse_version(previous)
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    if bump == "patch":
        return f"{major}.{minor}.{patch + 1}"
    raise ValueError(f"unknown bump {bump!r}")
