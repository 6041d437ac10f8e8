"""Find every figure in a report's clean text.

Contract used by the rest of the pipeline: ``extract_figures(doc) -> Extraction``.
"""

from pipeline.extract.extractor import Extraction, extract_figures
from pipeline.extract.figure import Figure, Skipped

__all__ = ["Extraction", "Figure", "Skipped", "extract_figures"]
