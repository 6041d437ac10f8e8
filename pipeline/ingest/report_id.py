"""Derive a stable, safe report id (and Dagster partition key) from a file name."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

_MAX_SLUG = 48
_UNSAFE = re.compile(r"[^a-z0-9_\-]+")


def report_id_for(path: str | Path) -> str:
    """Return the report id for a report file: its stem, made safe.

    A stem that is already lowercase ASCII letters, digits, ``_`` and ``-`` (at most
    48 characters) is used as is. Anything else is slugged and given an 8-character hash
    of the original stem, so distinct names never collide and the id never changes for
    the same name.

    >>> report_id_for("seeds/000_809e7810154ce7d6.txt")
    '000_809e7810154ce7d6'
    >>> report_id_for("2026 福建省 政府工作报告.txt")
    '2026-142f3a70'
    >>> report_id_for("报告.html")
    'report-1e8ddd10'
    """
    stem = unicodedata.normalize("NFC", Path(path).stem)
    if re.fullmatch(r"[a-z0-9][a-z0-9_\-]{0,47}", stem):
        return stem
    slug = _UNSAFE.sub("-", unicodedata.normalize("NFKC", stem).lower()).strip("-_")[:_MAX_SLUG]
    digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:8]
    return f"{slug.rstrip('-_') or 'report'}-{digest}"
