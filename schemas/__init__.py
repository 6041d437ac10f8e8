"""Pandera models of the released tables: the single source of truth for every column.

The Frictionless Table Schema, the Dagster column schema, the pyarrow schema and the
data dictionary are all generated from these models. This package imports nothing
from ``pipeline``.
"""

from schemas.indicators import IndicatorsModel
from schemas.reports import ReportsModel

#: Every released table, by its file stem in a release folder.
TABLES = {"reports": ReportsModel, "indicators": IndicatorsModel}

__all__ = ["TABLES", "IndicatorsModel", "ReportsModel"]
