"""The sensor on the seeds folder and the daily schedule that reconciles everything.

Sensor ``seeds_sensor`` (running by default), each tick:
- a new file adds its partition and requests a run for it;
- a changed file (sha256 differs from what was built) requests a rerun, and so does
  a report built by older parsing or extraction code (its code_version changed);
- a removed file deletes its partition and requests a publish without it;
- an unchanged file requests nothing (the run key is built from the sha256s).
All new and changed reports of a tick go into one run (one partition or a range),
not one run each. While any run is in progress the tick is skipped, so runs never
overlap and the next tick batches everything that arrived meanwhile. The tick log
lists which files were added, changed or removed.

Schedule ``daily_reconcile`` (03:00 Asia/Shanghai, running by default) registers any
file the sensor missed, drops partitions whose file is gone, and requests one run
over all partitions; unchanged reports come from the store, so it is cheap.
"""

import os

import dagster as dg

from pipeline.defs.jobs import build_release_job, publish_release_job
from pipeline.defs.partitions import REPORTS, run_partition_request
from pipeline.defs.planning import contiguous_ranges, plan_seed_changes
from pipeline.defs.resources import PipelinePaths
from pipeline.defs.store import BuiltRecord
from pipeline.defs.versions import REPORT_DOCUMENT_VERSION, REPORT_INDICATORS_VERSION
from pipeline.seeds import scan_seeds

#: Seconds between sensor ticks; ``SEEDS_SENSOR_INTERVAL`` overrides (tests use 2).
SENSOR_INTERVAL = int(os.environ.get("SEEDS_SENSOR_INTERVAL", "30"))

_OK = BuiltRecord("", "", "", "")

#: A report built by other parsing or extraction code counts as changed.
CODE_VERSIONS = (REPORT_DOCUMENT_VERSION, REPORT_INDICATORS_VERSION)

_IN_PROGRESS = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
]


def _run_in_progress(instance: dg.DagsterInstance) -> str | None:
    """The id of a run still queued or running on this instance, if any."""
    runs = instance.get_runs(filters=dg.RunsFilter(statuses=_IN_PROGRESS), limit=1)
    return runs[0].run_id if runs else None


@dg.sensor(
    name="seeds_sensor",
    jobs=[build_release_job, publish_release_job],
    minimum_interval_seconds=SENSOR_INTERVAL,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description=(
        "Watches the seeds folder: new file -> add partition and run it; changed file -> rerun; "
        "removed file -> delete partition and republish; unchanged -> nothing."
    ),
)
def seeds_sensor(context: dg.SensorEvaluationContext, paths: PipelinePaths) -> dg.SensorResult:
    """Turn changes in the seeds folder into partition changes and at most one run."""
    if not paths.seeds.is_dir():
        return dg.SensorResult(skip_reason=f"seeds folder {paths.seeds} does not exist")
    running = _run_in_progress(context.instance)
    if running:
        return dg.SensorResult(skip_reason=f"run {running} is in progress; changes are picked up after it")
    scan = scan_seeds(paths.seeds)
    partitions = context.instance.get_dynamic_partitions(REPORTS.name)
    store = paths.store(context.instance)
    changes = plan_seed_changes(scan.files, partitions, store.built, CODE_VERSIONS)
    messages = changes.summary() + [f"rejected {r}" for r in scan.rejected]
    for line in messages:
        context.log.info(line)

    partition_requests = []
    if changes.added:
        partition_requests.append(REPORTS.build_add_request([f.report_id for f in changes.added]))
    if changes.removed:
        partition_requests.append(REPORTS.build_delete_request(changes.removed))

    run_requests = []
    if changes.to_build:
        ranges = contiguous_ranges(
            changes.partition_order(partitions), {f.report_id for f in changes.to_build}
        )
        start, end = ranges[0][0], ranges[-1][1]  # one run: the span covering every change
        run_requests.append(
            dg.RunRequest(
                run_key=changes.run_key(store.built, CODE_VERSIONS),
                job_name=build_release_job.name,
                **run_partition_request(start, end),
            )
        )
    elif changes.removed:
        run_requests.append(dg.RunRequest(job_name=publish_release_job.name))

    if not run_requests and not partition_requests:
        unchanged = f"no change: {len(changes.unchanged)} report(s) unchanged in {paths.seeds}"
        failing = [f.path.name for f in changes.unchanged if (store.built(f.report_id) or _OK).error]
        if failing:
            unchanged += f"; still failing until fixed or removed: {', '.join(failing)}"
        rejected = f"; {len(scan.rejected)} file(s) rejected: " + "; ".join(map(str, scan.rejected))
        return dg.SensorResult(skip_reason=unchanged + (rejected if scan.rejected else ""))
    return dg.SensorResult(run_requests=run_requests, dynamic_partitions_requests=partition_requests)


@dg.schedule(
    name="daily_reconcile",
    cron_schedule="0 3 * * *",
    execution_timezone="Asia/Shanghai",
    target=build_release_job,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description=(
        "Daily at 03:00 (Asia/Shanghai): register missed files, drop partitions of removed files, "
        "and rebuild all partitions in one run (unchanged reports come from the store)."
    ),
)
def daily_reconcile(
    context: dg.ScheduleEvaluationContext, paths: PipelinePaths
) -> dg.RunRequest | dg.SkipReason:
    """Bring the partitions in line with the seeds folder and request one run over all of them."""
    if not paths.seeds.is_dir():
        return dg.SkipReason(f"seeds folder {paths.seeds} does not exist")
    running = _run_in_progress(context.instance)
    if running:
        return dg.SkipReason(f"run {running} is in progress; the next tick reconciles")
    scan = scan_seeds(paths.seeds)
    wanted = [f.report_id for f in scan.files]
    known = context.instance.get_dynamic_partitions(REPORTS.name)
    missing = [k for k in wanted if k not in set(known)]
    if missing:
        context.instance.add_dynamic_partitions(REPORTS.name, missing)
    for key in set(known) - set(wanted):
        context.instance.delete_dynamic_partition(REPORTS.name, key)
    keys = context.instance.get_dynamic_partitions(REPORTS.name)
    if not keys:
        return dg.SkipReason(f"no report files in {paths.seeds}")
    return dg.RunRequest(**run_partition_request(keys[0], keys[-1]))


SENSORS = [seeds_sensor]
SCHEDULES = [daily_reconcile]
