"""Metadata the Dagster UI shows: column schemas, lineage, previews, per-report facts.

Column schemas come from the pandera models through :mod:`pipeline.schema_export`, so
the UI, ``datapackage.json`` and the Parquet schema all describe the same columns.
"""

from __future__ import annotations

from collections.abc import Sequence

import dagster as dg
import pandas as pd
import pandera.pandas as pa

from pipeline.defs.markdown import build_count_table, build_markdown_table
from pipeline.ingest.document import Document
from pipeline.schema_export import columns_of

#: Owner shown on every asset, check and automation.
OWNERS = ["team:open-data"]

#: Rows shown in Markdown previews.
PREVIEW_ROWS = 5


def build_table_schema(model: type[pa.DataFrameModel]) -> dg.TableSchema:
    """The model's columns as a Dagster TableSchema (types, nullability, units, constraints)."""
    columns = []
    for spec in columns_of(model):
        other = []
        if spec.unit:
            other.append(f"unit: {spec.unit}")
        if spec.enum:
            other.append("one of: " + ", ".join(spec.enum))
        if spec.pattern:
            other.append(f"matches: {spec.pattern}")
        if spec.minimum is not None:
            other.append(f">= {spec.minimum}")
        if spec.maximum is not None:
            other.append(f"<= {spec.maximum}")
        description = " — ".join(part for part in (spec.title, spec.description) if part) or None
        columns.append(
            dg.TableColumn(
                name=spec.name,
                type=spec.type,
                description=description,
                constraints=dg.TableColumnConstraints(
                    nullable=spec.nullable, unique=spec.unique, other=other
                ),
            )
        )
    return dg.TableSchema(columns=columns)


def build_column_lineage(columns: Sequence[str], upstream: dg.AssetKey) -> dg.TableColumnLineage:
    """Each column comes from the column of the same name in ``upstream``."""
    return dg.TableColumnLineage(
        deps_by_column={name: [dg.TableColumnDep(asset_key=upstream, column_name=name)] for name in columns}
    )


def build_table_metadata(frame: pd.DataFrame) -> dict[str, object]:
    """Row count and a Markdown preview of the first rows."""
    return {
        "dagster/row_count": dg.MetadataValue.int(len(frame)),
        "preview": dg.MetadataValue.md(build_markdown_table(frame, PREVIEW_ROWS)),
    }


def build_measure_counts(indicators: pd.DataFrame) -> dict[str, object]:
    """Number of figures per measure, as a Markdown table."""
    counts = {str(k): int(v) for k, v in indicators["measure"].value_counts().items()}
    return {"figures_by_measure": dg.MetadataValue.md(build_count_table(counts))}


def build_document_metadata(doc: Document) -> dict[str, object]:
    """What a person checks first about a parsed report."""
    return {
        "title": dg.MetadataValue.text(doc.info.title or doc.title or "(no title found)"),
        "area": dg.MetadataValue.text(doc.info.area or doc.area or "(no area found)"),
        "published_at": dg.MetadataValue.text(doc.info.published_at or doc.published_at or "(no date found)"),
        "sha256": dg.MetadataValue.text(doc.sha256),
        "encoding": dg.MetadataValue.text(doc.encoding),
        "n_chars": dg.MetadataValue.int(len(doc.source_text)),
        "n_sections": dg.MetadataValue.int(len(doc.sections)),
    }
