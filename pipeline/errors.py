"""The one error type the pure pipeline raises for bad input or a refused publish."""

from __future__ import annotations

from pathlib import Path


class ReportError(Exception):
    """A report file cannot be processed; the message names the file and the reason.

    Raised by ingest and extraction for bad input (empty, binary, undecodable,
    too large, no figures...). Callers show ``str(err)`` to users unchanged.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class PublishError(Exception):
    """A release cannot be published; the previous release is left untouched."""
