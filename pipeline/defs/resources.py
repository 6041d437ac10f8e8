"""The one resource the assets, sensor and schedule share: where things live.

Seeds and releases are resolved through :mod:`pipeline.config` at run time (explicit
value, then ``SEEDS_DIR`` / ``RELEASES_DIR``, then the repository folders), so
``SEEDS_DIR=/elsewhere dagster dev -m pipeline.definitions`` watches another folder
without code changes. The partition store defaults to ``report_store/`` under the
Dagster instance's root (``$DAGSTER_HOME``), next to Dagster's own storage.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipeline import config
from pipeline.defs.store import PartitionStore


class PipelinePaths(dg.ConfigurableResource):
    """Seeds folder, releases folder and per-report store; empty means the default."""

    seeds_dir: str = ""
    releases_dir: str = ""
    store_dir: str = ""

    @property
    def seeds(self) -> Path:
        """The folder of report files the pipeline reads."""
        return config.seeds_dir(self.seeds_dir or None)

    @property
    def releases(self) -> Path:
        """The folder the release is published into."""
        return config.releases_dir(self.releases_dir or None)

    def store(self, instance: dg.DagsterInstance) -> PartitionStore:
        """The per-report store: ``store_dir`` or ``<instance root>/report_store``."""
        root = Path(self.store_dir) if self.store_dir else Path(instance.root_directory) / "report_store"
        return PartitionStore(root)
