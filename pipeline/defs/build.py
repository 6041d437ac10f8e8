"""Assemble the code location: assets, checks, jobs, sensor, schedule and resources.

What belongs here: the one ``build_defs`` that tests and the code location share.
What does not: any logic (it lives in pure modules) or any per-asset settings (they
sit next to each asset).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import dagster as dg

from pipeline.defs.assets import ASSETS
from pipeline.defs.automation import SCHEDULES, SENSORS
from pipeline.defs.checks import CHECKS
from pipeline.defs.jobs import JOBS
from pipeline.defs.resources import PipelinePaths


def build_defs(resource_overrides: Mapping[str, Any] | None = None) -> dg.Definitions:
    """The Definitions of the pipeline; ``resource_overrides`` replaces resources by key.

    Runs use the in-process executor: a run is one chain of steps, each covering many
    partitions, so separate step processes would only add start-up time; parallelism
    comes from running several runs (backfills split by the backfill policy).
    """
    resources: dict[str, Any] = {"paths": PipelinePaths(), **(resource_overrides or {})}
    return dg.Definitions(
        assets=ASSETS,
        asset_checks=CHECKS,
        jobs=JOBS,
        sensors=SENSORS,
        schedules=SCHEDULES,
        resources=resources,
        executor=dg.in_process_executor,
    )
