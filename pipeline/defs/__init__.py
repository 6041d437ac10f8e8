"""Orchestration only: partitions, resources, assets, checks, sensor, schedule.

Everything here wires pure functions from ``pipeline/`` into Dagster; see
``build.build_defs`` for the assembled code location and ``run.run_release`` for the
``python -m pipeline release`` job.
"""

import warnings

from dagster import BetaWarning, PreviewWarning

# We use backfill_policy (beta) on purpose; its warning would be printed on every
# import, by the CLI and by each Dagster process, and says nothing actionable.
warnings.filterwarnings("ignore", category=BetaWarning)
warnings.filterwarnings("ignore", category=PreviewWarning)

from pipeline.defs.build import build_defs  # noqa: E402

__all__ = ["build_defs"]
