"""Blocking asset checks: pandera validation and provenance of every table.

A failed check stops every asset downstream of the checked one in the same run, so
no release is published from a table that failed. The check metadata shows the
failing rows as a Markdown table with the pandera summary; a passing check says
what it checked. Checks on ``report_indicators`` look at the partitions of the run
(all partitions when the check runs on its own).
"""

from collections.abc import Sequence

import dagster as dg
import pandas as pd
import pandera.pandas as pa

from pipeline.defs.assets import indicators_table, report_indicators, reports_table
from pipeline.defs.markdown import build_bullets, build_markdown_table
from pipeline.defs.metadata import OWNERS
from pipeline.defs.partitions import REPORTS
from pipeline.defs.resources import PipelinePaths
from pipeline.defs.store import PartitionStore, ReadFailure
from pipeline.defs.versions import REPORT_DOCUMENT_VERSION
from pipeline.tables import combine_indicators, empty_frame
from pipeline.validate import check_provenance, check_table
from schemas import IndicatorsModel, ReportsModel

#: Failing rows shown in check metadata (the count is always exact).
MAX_FAILURE_ROWS = 25


def _run_partition_keys(context: dg.AssetCheckExecutionContext) -> list[str]:
    """The report partitions this run materialized, or all of them when it has none."""
    op_context = context.op_execution_context
    if op_context.has_partition_key or op_context.has_partition_key_range:
        return list(op_context.partition_keys)
    return list(context.instance.get_dynamic_partitions(REPORTS.name))


def summarize_failures(failures: pd.DataFrame) -> str:
    """Pandera's failure cases grouped as ``column: check (n rows)`` lines."""
    if failures.empty:
        return ""
    grouped = failures.fillna({"column": "(table)"}).groupby(["column", "check"], dropna=False).size()
    return "\n".join(f"{column}: {check} ({n} case(s))" for (column, check), n in grouped.items())


def with_report_ids(frame: pd.DataFrame, failures: pd.DataFrame) -> pd.DataFrame:
    """Failure cases with the report of each failing row first, so users know which file to fix."""
    if failures.empty or "report_id" not in frame.columns or "index" not in failures.columns:
        return failures
    by_label = frame["report_id"].to_dict()

    def report_of(label: object) -> str | None:
        try:
            return by_label.get(label)
        except TypeError:  # an unhashable label: a whole-table failure
            return None

    ids = [report_of(label) for label in failures["index"]]
    return failures.assign(report_id=ids)[["report_id", *failures.columns]]


def build_schema_result(
    model: type[pa.DataFrameModel], frame: pd.DataFrame, what: str
) -> dg.AssetCheckResult:
    """Validate ``frame`` with ``model``: failing rows and pandera's summary, or what passed."""
    failures = check_table(model, frame)
    columns = len(model.to_schema().columns)
    if failures.empty:
        return dg.AssetCheckResult(
            passed=True,
            description=f"{len(frame)} rows of {what} satisfy {model.__name__} ({columns} columns, strict).",
            metadata={"rows_checked": len(frame), "model": model.__name__},
        )
    summary = summarize_failures(failures)
    failures = with_report_ids(frame, failures)
    reports = sorted({r for r in failures.get("report_id", []) if isinstance(r, str)})
    if reports:
        summary += f"\nreport(s): {', '.join(reports)}"
    return dg.AssetCheckResult(
        passed=False,
        severity=dg.AssetCheckSeverity.ERROR,
        description=f"{len(failures)} failure case(s) in {what} against {model.__name__}:\n{summary}",
        metadata={
            "rows_checked": len(frame),
            "failure_cases": len(failures),
            "pandera_message": dg.MetadataValue.text(summary),
            "failing_rows": dg.MetadataValue.md(build_markdown_table(failures, MAX_FAILURE_ROWS)),
        },
    )


def _run_tables(store: PartitionStore, keys: Sequence[str]) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """Indicators per report for ``keys``, and the failure message of each unreadable one."""
    frames, errors = {}, []
    for key in keys:
        built = store.built(key)
        if built is None:
            errors.append(f"{key}: report_indicators has not been materialized for this report")
        elif built.error:
            errors.append(built.error)
        else:
            tables = store.load_tables(built.tables_key)
            frames[key] = tables.indicators
    return frames, errors


@dg.asset_check(
    asset=report_indicators, blocking=True, description="Every report of the run was read and extracted."
)
def reports_extracted(context: dg.AssetCheckExecutionContext, paths: PipelinePaths) -> dg.AssetCheckResult:
    """Fail, naming each file and the reason, when a report could not be read or extracted."""
    keys = _run_partition_keys(context)
    _, errors = _run_tables(paths.store(context.instance), keys)
    if not errors:
        return dg.AssetCheckResult(
            passed=True,
            description=f"All {len(keys)} report(s) of the run were decoded, parsed and extracted.",
            metadata={"reports_checked": len(keys)},
        )
    return dg.AssetCheckResult(
        passed=False,
        description=f"{len(errors)} of {len(keys)} report(s) failed:\n" + "\n".join(errors),
        metadata={
            "reports_checked": len(keys),
            "failed_reports": len(errors),
            "errors": dg.MetadataValue.md(build_bullets(errors)),
        },
    )


@dg.asset_check(
    asset=report_indicators, blocking=True, description="Pandera IndicatorsModel on the run's reports."
)
def indicators_schema(context: dg.AssetCheckExecutionContext, paths: PipelinePaths) -> dg.AssetCheckResult:
    """Validate the run's indicators tables together with the pandera model."""
    frames, _ = _run_tables(paths.store(context.instance), _run_partition_keys(context))
    frame = combine_indicators(frames.values()) if frames else empty_frame(IndicatorsModel)
    return build_schema_result(IndicatorsModel, frame, f"report_indicators ({len(frames)} report(s))")


@dg.asset_check(
    asset=report_indicators,
    blocking=True,
    description="Every quote equals the decoded source text at its char_start:char_end.",
)
def indicators_provenance(
    context: dg.AssetCheckExecutionContext, paths: PipelinePaths
) -> dg.AssetCheckResult:
    """Compare each row's quote with the source at its offsets."""
    store = paths.store(context.instance)
    frames, _ = _run_tables(store, _run_partition_keys(context))
    sources = {}
    for key in frames:
        record = store.file_record(key)
        doc = store.load_document(record.sha256, REPORT_DOCUMENT_VERSION) if record else None
        if doc is not None and not isinstance(doc, ReadFailure):
            sources[key] = doc.source_text
    frame = combine_indicators(frames.values()) if frames else empty_frame(IndicatorsModel)
    failures = check_provenance(frame, sources)
    if failures.empty:
        return dg.AssetCheckResult(
            passed=True,
            description=f"All {len(frame)} quotes of {len(frames)} report(s) match their source offsets.",
            metadata={"rows_checked": len(frame)},
        )
    return dg.AssetCheckResult(
        passed=False,
        description=f"{len(failures)} of {len(frame)} quotes do not match the source at their offsets.",
        metadata={
            "rows_checked": len(frame),
            "failing_rows": dg.MetadataValue.md(build_markdown_table(failures, MAX_FAILURE_ROWS)),
        },
    )


@dg.asset_check(
    asset=indicators_table, blocking=True, description="Pandera IndicatorsModel on the whole table."
)
def indicators_table_schema(indicators_table: pd.DataFrame) -> dg.AssetCheckResult:
    """Validate the combined indicators (ids unique across the release, strict columns)."""
    return build_schema_result(IndicatorsModel, indicators_table, "indicators_table")


@dg.asset_check(asset=reports_table, blocking=True, description="Pandera ReportsModel on the whole table.")
def reports_table_schema(reports_table: pd.DataFrame) -> dg.AssetCheckResult:
    """Validate the reports table (one row per report, unique ids, strict columns)."""
    return build_schema_result(ReportsModel, reports_table, "reports_table")


CHECKS = [
    reports_extracted,
    indicators_schema,
    indicators_provenance,
    indicators_table_schema,
    reports_table_schema,
]
__all__ = ["CHECKS", "OWNERS", "build_schema_result", "summarize_failures"]
