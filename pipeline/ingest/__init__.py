"""Read a report file into a :class:`Document`: bytes, encoding, clean text, metadata.

Contract used by the rest of the pipeline: ``read_report(path) -> Document`` raising
:class:`pipeline.errors.ReportError` for bad input.
"""

from pipeline.ingest.document import Document, Section, SourceInfo
from pipeline.ingest.read import read_report
from pipeline.ingest.report_id import report_id_for

__all__ = ["Document", "Section", "SourceInfo", "read_report", "report_id_for"]
