"""The Dagster code location: ``dagster dev -m pipeline.definitions``. Loads defs/, nothing else."""

from pipeline.defs import build_defs

defs = build_defs()
