"""The one resource the assets, sensor and schedule share: where things live.

Seeds and releases are resolved through :mod:`pipeline.config` at run time (explicit
value, then ``SEEDS_DIR`` / ``RELEASES_DIR``, then the repository folders), so
``SEEDS_DIR=/elsewhere dagster dev -m pipeline.definitions`` watches another folder
without code changes. ``releases_dir`` may be an object-storage URL (``s3://bucket/releases``):
:attr:`PipelinePaths.releases` is then a ``upath.UPath`` and the ``release`` asset publishes
through :mod:`pipeline.publish.remote`. The partition store defaults to ``report_store/``
under the Dagster instance's root (``$DAGSTER_HOME``), next to Dagster's own storage; it
stays a local (or shared-volume) folder.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from upath import UPath

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
    def releases(self) -> Path | UPath:
        """The releases root: a local ``Path``, or a ``UPath`` for an object-storage URL."""
        return config.releases_dir(self.releases_dir or None)

    @property
    def releases_remote(self) -> bool:
        """True when the releases root is an object-storage URL (published by the remote publisher)."""
        return config.is_remote(self.releases)

    def store(self, instance: dg.DagsterInstance) -> PartitionStore:
        """The per-report store: ``store_dir`` or ``<instance root>/report_store``."""
        root = Path(self.store_dir) if self.store_dir else Path(instance.root_directory) / "report_store"
        return PartitionStore(root)
