"""``python -m pipeline release``: register every seed, build what changed, publish.

Runs in-process on Dagster's default embedded instance (``$DAGSTER_HOME``; when it is
unset, ``.dagster_home/`` in the repository, the same folder ``make`` uses), so the
runs, partitions and materializations appear in ``make ui`` afterwards.

Only reports that are new, changed, failed before or built by older code are parsed
and extracted: they are covered by the fewest contiguous partition ranges, each one
run (the last one also combines all reports and publishes). With hundreds of reports
to build, the work is shared by count among one process per core (``PIPELINE_WORKERS``
overrides), each running its ranges as Dagster runs, as a backfill with the
``multi_run`` policy would under the daemon; a final run then combines and publishes.
When nothing needs building, only the tables and the release are rebuilt from the
store, and the publisher finds the data unchanged.

Bad input policy: a report that cannot be read fails its own partition (the blocking
check ``reports_extracted`` names the file and the reason) while every other report
is still parsed and stored; no release is published while any seed fails, so the
last good release and ``latest.json`` stay exactly as they were. Fix or remove the
file and rerun.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import warnings
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

from pipeline import config
from pipeline.defs.build import build_defs
from pipeline.defs.jobs import build_release_job, build_reports_job, publish_release_job
from pipeline.defs.partitions import REPORTS, range_tags
from pipeline.defs.planning import is_current, split_into_runs
from pipeline.defs.resources import PipelinePaths
from pipeline.defs.versions import REPORT_DOCUMENT_VERSION, REPORT_INDICATORS_VERSION
from pipeline.errors import NO_FIGURES_WARNING
from pipeline.seeds import SeedFile, scan_seeds

#: In-process runs print only what this module prints.
_QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}

#: Below this many reports to build per extra process, one process does it all: starting a
#: worker (imports, instance) costs seconds, parsing a report tens of milliseconds.
MIN_REPORTS_PER_WORKER = 100

#: Exception types whose message is meant for users (exit code 2, like the CLI).
_USER_ERRORS = {"ReportError", "PublishError"}


def _ensure_dagster_home() -> Path:
    """``$DAGSTER_HOME``, or the repository's ``.dagster_home/`` (created) when it is unset."""
    default = config.REPO_ROOT / ".dagster_home"
    home = Path(os.environ.get("DAGSTER_HOME") or default)
    if "DAGSTER_HOME" not in os.environ:
        os.environ["DAGSTER_HOME"] = str(home)
        print(f"note: DAGSTER_HOME is not set; using {home}", file=sys.stderr)
    home.mkdir(parents=True, exist_ok=True)
    settings = home / "dagster.yaml"
    if home.resolve() == default.resolve() and not settings.exists():
        # The repository's own instance: embedded SQLite, no usage statistics sent.
        settings.write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    return home


def _sync_partitions(instance: dg.DagsterInstance, wanted: list[str]) -> list[str]:
    """Add a partition for every seed, delete those whose file is gone; the resulting order."""
    known = instance.get_dynamic_partitions(REPORTS.name)
    missing = [k for k in wanted if k not in set(known)]
    if missing:
        instance.add_dynamic_partitions(REPORTS.name, missing)
    for key in set(known) - set(wanted):
        instance.delete_dynamic_partition(REPORTS.name, key)
    return instance.get_dynamic_partitions(REPORTS.name)


def _error_causes(error: object) -> Iterator[object]:
    while error is not None:
        yield error
        error = getattr(error, "cause", None)


def _failures(result: dg.ExecuteInProcessResult) -> tuple[list[str], bool]:
    """Messages of the failed checks and steps of a run, and whether they are user errors."""
    messages, user_error = [], False
    for evaluation in result.get_asset_check_evaluations():
        if not evaluation.passed:
            messages.append(evaluation.description or f"check {evaluation.check_name} failed")
            user_error |= evaluation.check_name == "reports_extracted"
    for event in result.get_step_failure_events():
        data = event.step_failure_data
        if data.user_failure_data is not None:  # a dg.Failure raised by an asset
            messages.append(data.user_failure_data.description or event.message or "")
            continue
        causes = list(_error_causes(data.error))
        if any(c.cls_name == "DagsterAssetCheckFailedError" for c in causes):
            continue  # already reported through its check evaluation
        users = [c for c in causes if c.cls_name in _USER_ERRORS]
        user_error |= bool(users)
        # A user error's own message says what failed and what is intact; its cause (a bare
        # OSError) does not. Otherwise the innermost cause is the most specific.
        shown = users[0] if users else (causes[-1] if causes else None)
        messages.append(_message_of(shown) if shown else (event.message or "step failed"))
    return messages, user_error


def _message_of(cause: object) -> str:
    """An error's message without the ``module.Class: `` prefix for user errors."""
    message = cause.message.strip()
    if cause.cls_name in _USER_ERRORS:
        head, sep, rest = message.partition(": ")
        if sep and head.rsplit(".", 1)[-1] == cause.cls_name:
            return rest
    return message


def _warn_no_figures(instance: dg.DagsterInstance, paths: PipelinePaths, files: list[SeedFile]) -> None:
    """Flag each readable report that gave no figures (kept with zero rows, see NO_FIGURES_WARNING)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        store = paths.store(instance)
        for seed in files:
            built = store.built(seed.report_id)
            if built is None or built.error:
                continue
            if built.n_indicators is not None:
                no_figures = built.n_indicators == 0  # recorded at build time: no table to load
            elif store.has_tables(built.tables_key):
                no_figures = store.load_tables(built.tables_key).indicators.empty
            else:
                continue
            if no_figures:
                print(f"warning: {seed.path}: {NO_FIGURES_WARNING}", file=sys.stderr)


@dataclass(frozen=True)
class RunOutcome:
    """What one in-process run did, in plain values (it crosses process boundaries)."""

    success: bool
    messages: list[str] = field(default_factory=list)
    user_error: bool = False
    release: dict[str, object] = field(default_factory=dict)


def _execute(
    instance: dg.DagsterInstance, paths: PipelinePaths, job_name: str, tags: dict[str, str]
) -> RunOutcome:
    """Run one job in this process on ``instance`` (opened once per process: about 0.5 s each)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        job = build_defs({"paths": paths}).resolve_job_def(job_name)
        result = job.execute_in_process(instance=instance, tags=tags, run_config=_QUIET, raise_on_error=False)
        messages, user_error = _failures(result)
        release = result.asset_materializations_for_node("release") if result.success else []
        meta = {k: v.value for k, v in release[-1].metadata.items()} if release else {}
        return RunOutcome(result.success and not messages, messages, user_error, meta)


def _build_share(folders: tuple[str, str, str], ranges: list[tuple[str, str]]) -> list[RunOutcome]:
    """One worker's share: a build_reports run per range (runs in a child process).

    Takes the folders as plain strings: resources do not pickle across processes.
    """
    paths = PipelinePaths(seeds_dir=folders[0], releases_dir=folders[1], store_dir=folders[2])
    with dg.DagsterInstance.get() as instance:
        return _run_ranges(instance, paths, ranges)


def _run_ranges(
    instance: dg.DagsterInstance, paths: PipelinePaths, ranges: list[tuple[str, str]]
) -> list[RunOutcome]:
    """A build_reports run per partition range, one after the other."""
    return [_execute(instance, paths, build_reports_job.name, range_tags(*r)) for r in ranges]


def _workers(n_stale: int) -> int:
    """Processes for parsing: ``PIPELINE_WORKERS``, else one per core when there is enough work."""
    explicit = int(os.environ.get("PIPELINE_WORKERS", "0"))
    if explicit:
        return max(1, min(explicit, n_stale))
    return max(1, min(os.cpu_count() or 1, n_stale // MIN_REPORTS_PER_WORKER))


def _build(
    instance: dg.DagsterInstance, paths: PipelinePaths, order: list[str], stale: list[str]
) -> list[RunOutcome]:
    """Build the stale partitions, then publish; one process per share of the work."""
    shares = split_into_runs(order, stale, _workers(len(stale)))
    folders = (paths.seeds_dir, paths.releases_dir, paths.store_dir)
    if len(shares) <= 1:
        ranges = shares[0] if shares else []
        outcomes = _run_ranges(instance, paths, ranges[:-1])
        last = (build_release_job.name, range_tags(*ranges[-1])) if ranges else (publish_release_job.name, {})
        return [*outcomes, _execute(instance, paths, *last)]
    with ProcessPoolExecutor(len(shares), mp_context=multiprocessing.get_context("spawn")) as pool:
        outcomes = [o for share in pool.map(_build_share, [folders] * len(shares), shares) for o in share]
    if not all(o.success for o in outcomes):
        return outcomes  # a failed report or check: nothing is published
    return [*outcomes, _execute(instance, paths, publish_release_job.name, {})]


def run_release(seeds: Path | None = None, releases: Path | None = None) -> int:
    """Build and publish the release from ``seeds``; print the version; return an exit code."""
    paths = PipelinePaths(
        seeds_dir=str(config.seeds_dir(seeds)), releases_dir=str(config.releases_dir(releases))
    )
    if not paths.seeds.is_dir():
        print(f"error: {paths.seeds}: seeds folder does not exist", file=sys.stderr)
        return 2
    scan = scan_seeds(paths.seeds)
    for rejected in scan.rejected:
        print(f"warning: {rejected} (left out of the release)", file=sys.stderr)
    if not scan.files:
        print(f"error: {paths.seeds}: no report files to build", file=sys.stderr)
        return 2

    _ensure_dagster_home()
    with warnings.catch_warnings(), dg.DagsterInstance.get() as instance:
        warnings.simplefilter("ignore")
        order = _sync_partitions(instance, [f.report_id for f in scan.files])
        store = paths.store(instance)
        stale = [
            f.report_id
            for f in scan.files
            if not is_current(store.built(f.report_id), f, REPORT_DOCUMENT_VERSION, REPORT_INDICATORS_VERSION)
        ]
        print(
            f"{len(scan.files)} report(s) in {paths.seeds}: {len(stale)} to build, "
            f"{len(scan.files) - len(stale)} unchanged",
            file=sys.stderr,
        )
        outcomes = _build(instance, paths, order, stale)
        _warn_no_figures(instance, paths, scan.files)

    messages = [m for o in outcomes for m in o.messages]
    if messages or not all(o.success for o in outcomes):
        for message in messages or ["the run failed; see `make ui` for its logs"]:
            for line in message.splitlines():
                print(f"error: {line}", file=sys.stderr)
        print("error: release not published; the latest release is unchanged", file=sys.stderr)
        return 2 if any(o.user_error for o in outcomes) else 1
    meta = outcomes[-1].release
    version = meta.get("version", "?")
    if meta.get("published"):
        print(f"published {version} at {meta.get('folder', paths.releases)}")
    else:
        reason = meta.get("reason", "")
        detail = f" ({reason})" if reason and reason != "unchanged" else ""
        print(f"unchanged: latest release is {version}{detail}")
    return 0
