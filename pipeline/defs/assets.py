"""The assets, left to right as the data flows, from report file to release.

report_file -> report_document -> report_indicators -> indicators_table / reports_table
-> release. The three ``report_*`` assets are partitioned by report and run many partitions per
step (one run over a range of partitions), reading and writing per-report results in
the :class:`~pipeline.defs.store.PartitionStore` so that unchanged reports are never
parsed twice. A report that cannot be read does not stop the others: its failure is
recorded and the blocking check ``report_indicators:reports_extracted`` fails for it,
which stops publication. Each body only wires pure functions from ``pipeline/``.
"""

from collections.abc import Iterable
from pathlib import Path

import dagster as dg
import pandas as pd

from pipeline.config import DATASET_NAME, list_report_files
from pipeline.defs.markdown import build_bullets, build_markdown_table
from pipeline.defs.metadata import (
    OWNERS,
    build_column_lineage,
    build_document_metadata,
    build_measure_counts,
    build_table_metadata,
    build_table_schema,
)
from pipeline.defs.partitions import REPORTS, REPORTS_BACKFILL_POLICY
from pipeline.defs.resources import PipelinePaths
from pipeline.defs.store import (
    BuiltRecord,
    CombinedTables,
    FileRecord,
    PartitionStore,
    ReadFailure,
    ReportTables,
)
from pipeline.defs.versions import (
    RELEASE_VERSION,
    REPORT_DOCUMENT_VERSION,
    REPORT_FILE_VERSION,
    REPORT_INDICATORS_VERSION,
    TABLES_VERSION,
)
from pipeline.errors import ReportError
from pipeline.extract import extract_figures
from pipeline.ingest import Document, read_report, report_id_for
from pipeline.ingest.decode import DecodeRefused, decode_report
from pipeline.publish import publish_release
from pipeline.publish.remote import publish_release_remote
from pipeline.seeds import sha256_of
from pipeline.tables import (
    build_indicators_table,
    build_reports_table,
    combine_indicators,
    empty_frame,
    insert_report_rows,
)
from schemas import IndicatorsModel, ReportsModel

#: Files larger than this are hashed but not decoded by report_file (read_report enforces its own limit).
SNIFF_MAX_BYTES = 20 * 1024 * 1024

REPORTS_GROUP = "reports"
RELEASE_GROUP = "release"

#: Problems listed in a failure's description (and so printed by the CLI); metadata has all.
MAX_LISTED_PROBLEMS = 20

#: Resource key of the IO manager that keeps the combined tables as Arrow files (defs/io.py).
TABLES_IO_MANAGER = "tables_io_manager"

INDICATORS_SCHEMA = build_table_schema(IndicatorsModel)
REPORTS_SCHEMA = build_table_schema(ReportsModel)
INDICATOR_COLUMNS = [c.name for c in INDICATORS_SCHEMA.columns]
REPORT_COLUMNS = [c.name for c in REPORTS_SCHEMA.columns]
#: Column lineage: report_indicators -> indicators_table -> release (indicators file).
INDICATORS_LINEAGE = build_column_lineage(INDICATOR_COLUMNS, dg.AssetKey("report_indicators"))
RELEASE_LINEAGE = build_column_lineage(INDICATOR_COLUMNS, dg.AssetKey("indicators_table"))


@dg.asset(
    partitions_def=REPORTS,
    backfill_policy=REPORTS_BACKFILL_POLICY,
    group_name=REPORTS_GROUP,
    owners=OWNERS,
    kinds={"python", "file"},
    code_version=REPORT_FILE_VERSION,
    description=(
        "One report file in the seeds folder, as bytes: its path, size, SHA-256 and detected encoding. "
        "The partition key is the report id derived from the file name."
    ),
)
def report_file(context: dg.AssetExecutionContext, paths: PipelinePaths) -> dg.MaterializeResult:
    """Hash each report file of the run and remember it for the next assets."""
    store = paths.store(context.instance)
    files = {report_id_for(p): p for p in list_report_files(paths.seeds)} if paths.seeds.is_dir() else {}
    missing = 0
    for key in context.partition_keys:
        path = files.get(key)
        if path is None:
            missing += 1
            record = FileRecord(
                key, str(paths.seeds / key), "", 0, f"{paths.seeds}: no report file for {key}"
            )
            context.add_asset_metadata({"error": dg.MetadataValue.text(record.error)}, partition_key=key)
        else:
            record = FileRecord(key, str(path), sha256_of(path), path.stat().st_size)
            context.add_asset_metadata(
                {
                    "path": dg.MetadataValue.path(record.path),
                    "sha256": dg.MetadataValue.text(record.sha256),
                    "n_bytes": dg.MetadataValue.int(record.n_bytes),
                    "encoding": dg.MetadataValue.text(_sniff_encoding(path, record.n_bytes)),
                },
                partition_key=key,
            )
        store.write_file_record(record)
    return dg.MaterializeResult(
        metadata={"seeds_dir": dg.MetadataValue.path(str(paths.seeds)), "missing_files": missing}
    )


def _sniff_encoding(path: Path, n_bytes: int) -> str:
    """The encoding the file decodes with, or why it does not (shown in the UI only)."""
    if n_bytes > SNIFF_MAX_BYTES:
        return f"not detected here (over {SNIFF_MAX_BYTES} bytes)"
    try:
        return decode_report(path.read_bytes()).encoding
    except DecodeRefused as err:
        return f"refused: {err}"


def _read_document(store: PartitionStore, key: str) -> tuple[Document | ReadFailure, bool]:
    """The parsed document of a partition, from the store when current; (value, parsed_now)."""
    record = store.file_record(key)
    if record is None:
        return ReadFailure(f"{key}: report_file has not been materialized for this report"), False
    if record.error:
        return ReadFailure(record.error), False
    if store.has_document(record.sha256, REPORT_DOCUMENT_VERSION):
        return store.load_document(record.sha256, REPORT_DOCUMENT_VERSION), False
    try:
        doc = read_report(record.path)
    except ReportError as err:
        return ReadFailure(str(err)), True
    except OSError as err:
        return ReadFailure(f"{record.path}: cannot read the file ({err.strerror or err})"), True
    if doc.sha256 != record.sha256:
        return ReadFailure(f"{record.path}: file changed while it was being read; it will be rebuilt"), True
    store.save_document(record.sha256, REPORT_DOCUMENT_VERSION, doc)
    return doc, True


@dg.asset(
    pool="extract",
    partitions_def=REPORTS,
    backfill_policy=REPORTS_BACKFILL_POLICY,
    deps=[report_file],
    group_name=REPORTS_GROUP,
    owners=OWNERS,
    kinds={"python"},
    code_version=REPORT_DOCUMENT_VERSION,
    description=(
        "The parsed report: decoded source text (UTF-8 or GB18030), clean article text with a map "
        "back to source offsets, and metadata (title, area, date, sections). Parsed once per "
        "content hash and parser version; unchanged reports come from the store."
    ),
)
def report_document(context: dg.AssetExecutionContext, paths: PipelinePaths) -> dg.MaterializeResult:
    """Parse each report of the run (or reuse its stored parse)."""
    store = paths.store(context.instance)
    parsed = failed = 0
    for key in context.partition_keys:
        doc, parsed_now = _read_document(store, key)
        parsed += parsed_now
        if isinstance(doc, ReadFailure):
            failed += 1
            context.log.error(doc.message)
            context.add_asset_metadata({"error": dg.MetadataValue.text(doc.message)}, partition_key=key)
        else:
            context.add_asset_metadata(build_document_metadata(doc), partition_key=key)
    reused = len(context.partition_keys) - parsed
    context.log.info(f"parsed {parsed} report(s), reused {reused} from the store, {failed} failed")
    return dg.MaterializeResult(metadata={"parsed": parsed, "reused": reused, "failed": failed})


def _build_tables(store: PartitionStore, key: str) -> tuple[ReportTables | ReadFailure, str, bool]:
    """One report's tables, from the store when current; (value, sha256, extracted_now)."""
    record = store.file_record(key)
    sha = record.sha256 if record else ""
    tables_key = BuiltRecord(key, sha, REPORT_DOCUMENT_VERSION, REPORT_INDICATORS_VERSION).tables_key
    if record and not record.error and store.has_tables(tables_key):
        return store.load_tables(tables_key), sha, False
    doc, _ = _read_document(store, key)
    if isinstance(doc, ReadFailure):
        return doc, sha, False
    try:
        extraction = extract_figures(doc)
        indicators = build_indicators_table(doc, extraction.figures)
        row = build_reports_table([doc], {doc.report_id: len(indicators)})
    except ReportError as err:
        return ReadFailure(str(err)), sha, True
    tables = ReportTables(indicators, row, tuple(extraction.skipped))
    store.save_tables(tables_key, tables)
    return tables, sha, True


@dg.asset(
    pool="extract",
    partitions_def=REPORTS,
    backfill_policy=REPORTS_BACKFILL_POLICY,
    deps=[report_document],
    group_name=REPORTS_GROUP,
    owners=OWNERS,
    kinds={"pandas"},
    code_version=REPORT_INDICATORS_VERSION,
    metadata={"dagster/column_schema": INDICATORS_SCHEMA},
    description=(
        "One report's indicators table: one row per figure (value, unit, measure, period, "
        "qualifier...) with the verbatim quote and its offsets in the decoded source. "
        "Spans the extractor saw but would not turn into a number are listed as skipped."
    ),
)
def report_indicators(context: dg.AssetExecutionContext, paths: PipelinePaths) -> dg.MaterializeResult:
    """Extract the figures of each report of the run (or reuse its stored tables)."""
    store = paths.store(context.instance)
    extracted = failed = rows = 0
    for key in context.partition_keys:
        tables, sha, extracted_now = _build_tables(store, key)
        extracted += extracted_now
        error = tables.message if isinstance(tables, ReadFailure) else None
        n_rows = None if error else len(tables.indicators)
        store.write_built(
            BuiltRecord(key, sha, REPORT_DOCUMENT_VERSION, REPORT_INDICATORS_VERSION, error, n_rows)
        )
        if isinstance(tables, ReadFailure):
            failed += 1
            context.add_asset_metadata(
                {"error": dg.MetadataValue.text(tables.message), "dagster/row_count": 0}, partition_key=key
            )
            continue
        rows += len(tables.indicators)
        # Skipped spans go into the partition's metadata, not one log line each: every log
        # line is a row written to the event log, and thousands of them dominated a build.
        skipped = [f"{s.text!r} at {s.char_start}: {s.reason}" for s in tables.skipped]
        context.add_asset_metadata(
            {
                **build_table_metadata(tables.indicators),
                **build_measure_counts(tables.indicators),
                "n_skipped": len(skipped),
                "skipped": dg.MetadataValue.md(build_bullets(skipped[:50]) or "_none_"),
            },
            partition_key=key,
        )
    reused = len(context.partition_keys) - extracted - failed
    context.log.info(f"extracted {extracted} report(s), reused {reused} from the store, {failed} failed")
    return dg.MaterializeResult(
        metadata={"extracted": extracted, "reused": max(reused, 0), "failed": failed, "rows": rows}
    )


def check_built(store: PartitionStore, keys: Iterable[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """The (report_id, tables_key) pair of every usable partition, and a message for each other one."""
    pairs, problems = [], []
    for key in keys:
        built = store.built(key)
        record = store.file_record(key)
        if built is None or record is None:
            problems.append(f"{key}: not built yet; materialize its partition of report_indicators")
        elif built.error:
            problems.append(built.error)
        elif built.sha256 != record.sha256 or (built.document_version, built.tables_version) != (
            REPORT_DOCUMENT_VERSION,
            REPORT_INDICATORS_VERSION,
        ):
            problems.append(f"{key}: built from other bytes or older code; rematerialize its partition")
        else:
            pairs.append((key, built.tables_key))
    return pairs, problems


#: Part of the stored combined tables' version: bump it when :func:`build_release_tables`
#: changes how it combines or updates them, so that an older combined table is rebuilt.
COMBINED_FORMAT = "1"


def _combined_version() -> str:
    return f"{COMBINED_FORMAT}-{TABLES_VERSION}"


def _combine_reports(rows: list[pd.DataFrame]) -> pd.DataFrame:
    """Report rows in report-id order (empty frames are left out so they cannot change dtypes)."""
    rows = [r for r in rows if len(r)]
    if not rows:
        return empty_frame(ReportsModel)
    return pd.concat(rows, ignore_index=True).sort_values("report_id", ignore_index=True)


def _rows_are_own(report_id: str, tables: ReportTables) -> bool:
    """Whether a report's tables hold rows of that report only (what replacing rows by id relies on)."""
    return set(tables.indicators["report_id"]) <= {report_id} and list(tables.report_row["report_id"]) == [
        report_id
    ]


#: The stored combined tables are rewritten once this many reports differ from them. Below
#: that, each run merges the few changed reports into the older copy again (milliseconds),
#: which is cheaper than rewriting 80 MB (0.6 s at 1,000 reports) on every small update.
COMBINED_REFRESH_AFTER = 20


def build_release_tables(
    store: PartitionStore, pairs: list[tuple[str, str]]
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """The combined indicators and reports tables of ``pairs``, and how many reports were loaded.

    Why: loading and concatenating every report's stored tables costs about 3 s at 1,000
    reports, for a rerun that changed one. The last combined tables are kept in the store
    with the (report_id, tables_key) pairs they came from; when only some pairs changed,
    their rows are dropped and the changed reports' tables combined in, with the same
    functions (and so the same row order and dtypes) as the full path; the result is
    stored again only when :data:`COMBINED_REFRESH_AFTER` or more reports changed. Any doubt about the
    stored tables (another code version, an unreadable file, rows filed under another
    report, most reports changed) takes the full path, which rewrites them.
    """
    version = _combined_version()
    wanted = tuple(pairs)
    cached = store.combined()
    if cached is not None and cached.version == version:
        if cached.pairs == wanted:
            return cached.indicators, cached.reports, 0
        before = dict(cached.pairs)
        changed = [(rid, key) for rid, key in wanted if before.get(rid) != key]
        if len(before) == len(cached.pairs) and len(changed) <= len(wanted) // 2:
            loaded = [(rid, store.load_tables(key)) for rid, key in changed]
            if all(isinstance(t, ReportTables) and _rows_are_own(rid, t) for rid, t in loaded):
                gone = (set(before) - {rid for rid, _ in wanted}) | {rid for rid, _ in changed}
                kept_indicators = cached.indicators[~cached.indicators["report_id"].isin(gone)]
                kept_reports = cached.reports[~cached.reports["report_id"].isin(gone)]
                indicators = insert_report_rows(kept_indicators, [t.indicators for _, t in loaded])
                reports = _combine_reports([kept_reports, *(t.report_row for _, t in loaded)])
                if len(changed) >= COMBINED_REFRESH_AFTER:
                    store.save_combined(CombinedTables(version, wanted, indicators, reports))
                return indicators, reports, len(loaded)
    ids = [rid for rid, _ in wanted]
    tables = [store.load_tables(key) for _, key in wanted]
    indicators = combine_indicators([t.indicators for t in tables])
    reports = _combine_reports([t.report_row for t in tables])
    if all(isinstance(t, ReportTables) and _rows_are_own(rid, t) for rid, t in zip(ids, tables, strict=True)):
        store.save_combined(CombinedTables(version, wanted, indicators, reports))
    return indicators, reports, len(tables)


#: Tables combined by the run's first table asset, for its second: indicators_table and
#: reports_table are built together, and in one process (the default in-process executor)
#: the second reuses the first's result.
_RUN_TABLES: dict[tuple[str, str, tuple[str, ...]], tuple[pd.DataFrame, pd.DataFrame, int]] = {}


def _current_tables(
    context: dg.AssetExecutionContext, paths: PipelinePaths
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """(indicators, reports, reports loaded), or a Failure naming each report that blocks the release."""
    keys = context.instance.get_dynamic_partitions(REPORTS.name)
    store = paths.store(context.instance)
    loaded_key = (context.run.run_id, str(store.root), tuple(keys))
    if loaded_key in _RUN_TABLES:
        return _RUN_TABLES.pop(loaded_key)  # the second consumer: drop it from memory
    pairs, problems = check_built(store, keys)
    if problems:
        raise dg.Failure(
            description=f"{len(problems)} report(s) block the release:\n"
            + "\n".join(problems[:MAX_LISTED_PROBLEMS])
            + (
                f"\n... and {len(problems) - MAX_LISTED_PROBLEMS} more (all in the blocking_reports metadata)"
                if len(problems) > MAX_LISTED_PROBLEMS
                else ""
            ),
            metadata={"blocking_reports": dg.MetadataValue.md(build_bullets(problems))},
            allow_retries=False,
        )
    result = build_release_tables(store, pairs)
    _RUN_TABLES.clear()
    _RUN_TABLES[loaded_key] = result
    return result


@dg.asset(
    deps=[report_indicators],
    io_manager_key=TABLES_IO_MANAGER,
    group_name=RELEASE_GROUP,
    owners=OWNERS,
    kinds={"pandas"},
    code_version=TABLES_VERSION,
    metadata={
        "dagster/column_schema": INDICATORS_SCHEMA,
        "dagster/column_lineage": INDICATORS_LINEAGE,
    },
    description=(
        "The indicators of every report, combined in a stable order: the table the release "
        "publishes as indicators.csv / indicators.parquet. Refuses to build while any report "
        "is unread, unbuilt or failed."
    ),
)
def indicators_table(context: dg.AssetExecutionContext, paths: PipelinePaths) -> dg.Output[pd.DataFrame]:
    """Combine every report's indicators."""
    table, reports, n_loaded = _current_tables(context, paths)
    metadata = {
        **build_table_metadata(table),
        "n_reports": len(reports),
        "reports_loaded": n_loaded,
        "dagster/column_lineage": INDICATORS_LINEAGE,
    }
    if len(table):
        metadata.update(build_measure_counts(table))
    return dg.Output(table, metadata=metadata)


@dg.asset(
    deps=[report_indicators],
    io_manager_key=TABLES_IO_MANAGER,
    group_name=RELEASE_GROUP,
    owners=OWNERS,
    kinds={"pandas"},
    code_version=TABLES_VERSION,
    metadata={"dagster/column_schema": REPORTS_SCHEMA},
    description=(
        "One row per report (title, area, date, source, encoding, sha256, number of "
        "indicators): the table the release publishes as reports.csv / reports.parquet."
    ),
)
def reports_table(context: dg.AssetExecutionContext, paths: PipelinePaths) -> dg.Output[pd.DataFrame]:
    """Combine every report's row, sorted by report id."""
    _, table, _ = _current_tables(context, paths)
    return dg.Output(table, metadata=build_table_metadata(table))


def _files_markdown(files: object) -> str:
    """The release's files and their sha256, whatever shape the publish result gives them in."""
    if isinstance(files, dict):
        items = list(files.items())
    else:
        items = [
            (getattr(f, "name", None) or getattr(f, "path", None) or str(f), getattr(f, "sha256", ""))
            for f in (files or [])
        ]
    frame = pd.DataFrame(
        [
            (str(name), sha if isinstance(sha, str) else getattr(sha, "sha256", str(sha)))
            for name, sha in items
        ],
        columns=["file", "sha256"],
    )
    return build_markdown_table(frame, max_rows=len(frame) or 1)


#: The blocking checks that validate the whole tables with pandera (see checks.py).
TABLE_CHECKS = (
    dg.AssetCheckKey(dg.AssetKey("indicators_table"), "indicators_table_schema"),
    dg.AssetCheckKey(dg.AssetKey("reports_table"), "reports_table_schema"),
)


def tables_checked_in_run(context: dg.AssetExecutionContext) -> bool:
    """Whether both table checks passed in this very run, on the tables the release receives.

    Then the publisher need not validate them a second time (about 1 s at 1,000 reports).
    A run that materializes the release alone loads tables checked in an earlier run, or
    never: the publisher validates them itself.
    """
    passed = set()
    for record in context.instance.all_logs(
        context.run.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION
    ):
        evaluation = record.dagster_event.event_specific_data if record.dagster_event else None
        if evaluation is not None and evaluation.passed:
            passed.add(evaluation.asset_check_key)
    return set(TABLE_CHECKS) <= passed


@dg.asset(
    pool="publish",
    op_tags={"gov_report/step": "publish"},
    group_name=RELEASE_GROUP,
    owners=OWNERS,
    kinds={"csv", "parquet"},
    code_version=RELEASE_VERSION,
    metadata={
        "dagster/column_schema": INDICATORS_SCHEMA,
        "dagster/column_lineage": RELEASE_LINEAGE,
    },
    description=(
        "The published release: releases/<dataset>/<version>/ with indicators and reports as "
        "CSV and Parquet, datapackage.json, SHA256SUMS and README; latest.json names it. A rerun "
        "whose data did not change publishes nothing. Runs only when every blocking check passed."
    ),
)
def release(
    context: dg.AssetExecutionContext,
    paths: PipelinePaths,
    indicators_table: pd.DataFrame,
    reports_table: pd.DataFrame,
) -> dg.MaterializeResult:
    """Publish a new release version when the tables changed (to object storage for a URL root)."""
    publish = publish_release_remote if paths.releases_remote else publish_release
    result = publish(
        indicators_table,
        reports_table,
        paths.releases,
        dataset=DATASET_NAME,
        tables_checked=tables_checked_in_run(context),
    )
    state = "published" if result.published else "unchanged"
    context.log.info(f"release {result.version}: {state} ({result.reason}) at {result.path}")
    return dg.MaterializeResult(
        metadata={
            "version": dg.MetadataValue.text(str(result.version)),
            "published": dg.MetadataValue.bool(bool(result.published)),
            "reason": dg.MetadataValue.text(str(result.reason)),
            "folder": dg.MetadataValue.path(str(result.path)),
            "dataset": dg.MetadataValue.text(DATASET_NAME),
            "files": dg.MetadataValue.md(_files_markdown(result.files)),
            "changes": dg.MetadataValue.md(build_bullets(result.summary) or "_no changes listed_"),
            "previous_version": dg.MetadataValue.text(str(result.previous or "")),
            "dagster/row_count": len(indicators_table),
            "n_reports": len(reports_table),
            "dagster/column_lineage": RELEASE_LINEAGE,
        }
    )


ASSETS = [report_file, report_document, report_indicators, indicators_table, reports_table, release]
