"""The one error type the pure pipeline raises for bad input or a refused publish."""

from __future__ import annotations

from pathlib import Path

#: Policy for a readable report with no figures: it is kept (zero indicator rows) and flagged
#: with this warning by ``extract`` and ``release``.
NO_FIGURES_WARNING = "no figures found; the report is kept with zero indicator rows"


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
