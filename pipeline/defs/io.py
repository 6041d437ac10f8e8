"""Where the combined tables live between steps and runs: Arrow IPC files, not pickles.

Why: ``indicators_table`` holds every figure of every report (240,000 rows at 1,000
reports). Dagster's default filesystem IO manager pickles it once and unpickles it for
each of its checks and for the release: about 0.75 s of a one-report rebuild. An Arrow
IPC file is written in a third of the time and read back memory-mapped in milliseconds,
with the pandas dtypes kept in its schema. Built on Dagster's :class:`UPathIOManager`,
so the same files can live under any ``UPath`` root (a local folder by default, next to
Dagster's own storage in ``$DAGSTER_HOME/storage``).
"""

from __future__ import annotations

import dagster as dg
import pandas as pd
import pyarrow as pa
import pyarrow.ipc
from pydantic import Field
from upath import UPath


class ArrowFrameIOManager(dg.UPathIOManager):
    """Stores a DataFrame output as ``<base>/<asset key>.arrow`` (Arrow IPC file format)."""

    extension: str = ".arrow"

    def dump_to_path(self, context: dg.OutputContext, obj: pd.DataFrame, path: UPath) -> None:
        """Write the frame; pandas dtypes travel in the schema's pandas metadata."""
        table = pa.Table.from_pandas(obj)
        with path.open("wb") as handle, pyarrow.ipc.new_file(handle, table.schema) as writer:
            writer.write_table(table)

    def load_from_path(self, context: dg.InputContext, path: UPath) -> pd.DataFrame:
        """Read the frame back with the dtypes it was written with."""
        if path.protocol in ("", "file"):
            return pyarrow.ipc.open_file(pa.memory_map(str(path))).read_all().to_pandas()
        with path.open("rb") as handle:
            return pyarrow.ipc.open_file(handle).read_all().to_pandas()


class ArrowFrameIOManagerFactory(dg.ConfigurableIOManagerFactory):
    """The tables' IO manager; ``base_dir`` defaults to the instance's storage folder."""

    base_dir: str | None = Field(default=None, description="Folder or URL the table files go under.")

    def create_io_manager(self, context: dg.InitResourceContext) -> ArrowFrameIOManager:
        """An IO manager rooted at ``base_dir`` or ``<DAGSTER_HOME>/storage``."""
        base = self.base_dir or context.instance.storage_directory()
        return ArrowFrameIOManager(base_path=UPath(base))
