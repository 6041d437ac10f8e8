"""The report partitions and the run tags that select a range of them.

One dynamic partition per report file; the key is ``pipeline.ingest.report_id_for``
of the file, so the sensor, the schedule and the CLI all derive the same key.
"""

from __future__ import annotations

import dagster as dg

REPORTS = dg.DynamicPartitionsDefinition(name="reports")

#: The run tags Dagster reads to run one step over a contiguous range of partitions.
RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"

#: Per-report assets run many partitions per run: a full backfill of 1,000 reports is
#: 4 runs of 250, not 1,000 runs, and the run queue can run two at once on two cores.
REPORTS_BACKFILL_POLICY = dg.BackfillPolicy.multi_run(max_partitions_per_run=250)


def range_tags(start: str, end: str) -> dict[str, str]:
    """Tags for a run over the partitions ``start`` .. ``end`` (inclusive, Dagster's order)."""
    return {RANGE_START_TAG: start, RANGE_END_TAG: end}


def run_partition_request(start: str, end: str) -> dict:
    """``RunRequest`` keyword arguments for one partition or a range of them."""
    if start == end:
        return {"partition_key": start}
    return {"tags": range_tags(start, end)}
