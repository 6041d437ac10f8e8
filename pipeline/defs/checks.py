"""Blocking asset checks: pandera validation and provenance of every table.

A failed check stops every asset downstream of the checked one in the same run, so
no release is published from a table that failed. The check metadata shows the
failing rows as a Markdown table with the pandera summary; a passing check says
what it checked. Checks on ``report_indicators`` look at the partitions of the run
(all partitions when the check runs on its own).
"""

from collections.abc import Iterator, Sequence

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
    model: type[pa.DataFrameModel],
    frame: pd.DataFrame,
    what: str,
    *,
    check_name: str | None = None,
    asset_key: dg.AssetKey | None = None,
) -> dg.AssetCheckResult:
    """Validate ``frame`` with ``model``: failing rows and pandera's summary, or what passed."""
    failures = check_table(model, frame)
    columns = len(model.to_schema().columns)
    common = {"check_name": check_name, "asset_key": asset_key}
    if failures.empty:
        return dg.AssetCheckResult(
            **common,
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
        **common,
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


#: The checks on the run's per-report tables, run as one step that loads those tables once.
REPORT_CHECK_SPECS = [
    dg.AssetCheckSpec(
        "reports_extracted",
        asset=report_indicators,
        blocking=True,
        description="Every report of the run was read and extracted.",
    ),
    dg.AssetCheckSpec(
        "indicators_schema",
        asset=report_indicators,
        blocking=True,
        description="Pandera IndicatorsModel on the run's reports.",
    ),
    dg.AssetCheckSpec(
        "indicators_provenance",
        asset=report_indicators,
        blocking=True,
        description="Every quote equals the decoded source text at its char_start:char_end.",
    ),
]


@dg.multi_asset_check(
    specs=REPORT_CHECK_SPECS,
    name="report_indicators_checks",
    description="The run's reports: extracted, valid against IndicatorsModel, quotes at their offsets.",
)
def report_indicators_checks(
    context: dg.AssetCheckExecutionContext, paths: PipelinePaths
) -> Iterator[dg.AssetCheckResult]:
    """The three checks of the run's reports, from one load of their tables.

    One step rather than three: each step costs a few Dagster events, and each check
    would load every report of the run again.
    """
    store = paths.store(context.instance)
    keys = _run_partition_keys(context)
    frames, errors = _run_tables(store, keys)
    frame = combine_indicators(frames.values()) if frames else empty_frame(IndicatorsModel)
    yield _extracted_result(keys, errors)
    yield build_schema_result(
        IndicatorsModel,
        frame,
        f"report_indicators ({len(frames)} report(s))",
        check_name="indicators_schema",
        asset_key=report_indicators.key,
    )
    yield _provenance_result(store, frames, frame)


def _extracted_result(keys: Sequence[str], errors: list[str]) -> dg.AssetCheckResult:
    """Fail, naming each file and the reason, when a report could not be read or extracted."""
    common = {"check_name": "reports_extracted", "asset_key": report_indicators.key}
    if not errors:
        return dg.AssetCheckResult(
            passed=True,
            description=f"All {len(keys)} report(s) of the run were decoded, parsed and extracted.",
            metadata={"reports_checked": len(keys)},
            **common,
        )
    return dg.AssetCheckResult(
        passed=False,
        description=f"{len(errors)} of {len(keys)} report(s) failed:\n" + "\n".join(errors),
        metadata={
            "reports_checked": len(keys),
            "failed_reports": len(errors),
            "errors": dg.MetadataValue.md(build_bullets(errors)),
        },
        **common,
    )


def _provenance_result(
    store: PartitionStore, frames: dict[str, pd.DataFrame], frame: pd.DataFrame
) -> dg.AssetCheckResult:
    """Compare each row's quote with the source at its offsets."""
    common = {"check_name": "indicators_provenance", "asset_key": report_indicators.key}
    sources = {}
    for key in frames:
        record = store.file_record(key)
        doc = store.load_document(record.sha256, REPORT_DOCUMENT_VERSION) if record else None
        if doc is not None and not isinstance(doc, ReadFailure):
            sources[key] = doc.source_text
    failures = check_provenance(frame, sources)
    if failures.empty:
        return dg.AssetCheckResult(
            passed=True,
            description=f"All {len(frame)} quotes of {len(frames)} report(s) match their source offsets.",
            metadata={"rows_checked": len(frame)},
            **common,
        )
    return dg.AssetCheckResult(
        passed=False,
        description=f"{len(failures)} of {len(frame)} quotes do not match the source at their offsets.",
        metadata={
            "rows_checked": len(frame),
            "failing_rows": dg.MetadataValue.md(build_markdown_table(failures, MAX_FAILURE_ROWS)),
        },
        **common,
    )


@dg.multi_asset_check(
    specs=[
        dg.AssetCheckSpec(
            "indicators_table_schema",
            asset=indicators_table,
            blocking=True,
            description="Pandera IndicatorsModel on the whole table.",
        ),
        dg.AssetCheckSpec(
            "reports_table_schema",
            asset=reports_table,
            blocking=True,
            description="Pandera ReportsModel on the whole table.",
        ),
    ],
    ins={
        "indicators_table": dg.AssetIn(indicators_table.key),
        "reports_table": dg.AssetIn(reports_table.key),
    },
    name="release_tables_checks",
    description="The combined tables against their pandera models, in one step.",
)
def release_tables_checks(
    indicators_table: pd.DataFrame, reports_table: pd.DataFrame
) -> Iterator[dg.AssetCheckResult]:
    """Validate the combined indicators (ids unique across the release) and the reports table."""
    yield build_schema_result(
        IndicatorsModel,
        indicators_table,
        "indicators_table",
        check_name="indicators_table_schema",
        asset_key=dg.AssetKey("indicators_table"),
    )
    yield build_schema_result(
        ReportsModel,
        reports_table,
        "reports_table",
        check_name="reports_table_schema",
        asset_key=dg.AssetKey("reports_table"),
    )


CHECKS = [report_indicators_checks, release_tables_checks]
__all__ = ["CHECKS", "OWNERS", "build_schema_result", "summarize_failures"]
