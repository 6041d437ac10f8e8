"""Assemble the code location: assets, checks, jobs, sensor, schedule and resources.

What belongs here: the one ``build_defs`` that tests and the code location share.
What does not: any logic (it lives in pure modules) or any per-asset settings (they
sit next to each asset).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from typing import Any

import dagster as dg

from pipeline.defs.assets import ASSETS, TABLES_IO_MANAGER
from pipeline.defs.automation import SCHEDULES, SENSORS
from pipeline.defs.checks import CHECKS
from pipeline.defs.io import ArrowFrameIOManagerFactory
from pipeline.defs.jobs import JOBS
from pipeline.defs.resources import PipelinePaths

#: ``DAGSTER_EXECUTOR`` values and where their executor lives; cluster executors are
#: imported only when chosen, so the default install needs neither dagster-k8s nor Celery.
EXECUTORS = {
    "in_process": ("dagster", "in_process_executor"),
    "multiprocess": ("dagster", "multiprocess_executor"),
    "k8s": ("dagster_k8s", "k8s_job_executor"),
    "celery": ("dagster_celery", "celery_executor"),
}


def select_executor(name: str | None = None) -> dg.ExecutorDefinition:
    """The executor named by ``name`` or ``$DAGSTER_EXECUTOR`` (default ``in_process``).

    Configure the chosen executor through run config (deploy/k8s/run_config.yaml,
    deploy/celery/run_config.yaml), not here.
    """
    name = name or os.environ.get("DAGSTER_EXECUTOR") or "in_process"
    if name not in EXECUTORS:
        raise ValueError(f"DAGSTER_EXECUTOR={name!r}: choose one of {', '.join(EXECUTORS)}")
    module, attribute = EXECUTORS[name]
    return getattr(importlib.import_module(module), attribute)


def build_defs(resource_overrides: Mapping[str, Any] | None = None) -> dg.Definitions:
    """The Definitions of the pipeline; ``resource_overrides`` replaces resources by key.

    Runs use the in-process executor by default: a run is one chain of steps, each
    covering many partitions, so separate step processes would only add start-up time;
    parallelism comes from running several runs (backfills split by the backfill policy).
    A cluster sets ``DAGSTER_EXECUTOR=k8s`` or ``celery`` (see deploy/README.md).
    """
    resources: dict[str, Any] = {
        "paths": PipelinePaths(),
        TABLES_IO_MANAGER: ArrowFrameIOManagerFactory(),
        **(resource_overrides or {}),
    }
    return dg.Definitions(
        assets=ASSETS,
        asset_checks=CHECKS,
        jobs=JOBS,
        sensors=SENSORS,
        schedules=SCHEDULES,
        resources=resources,
        executor=select_executor(),
    )
