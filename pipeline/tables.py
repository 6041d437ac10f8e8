"""Figures and documents -> DataFrames that satisfy the models in ``schemas/``."""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict

import numpy as np
import pandas as pd
import pandera.pandas as pa

from pipeline.extract.context_year import parse_report_year
from pipeline.extract.figure import Figure
from pipeline.ingest.document import Document
from schemas import IndicatorsModel, ReportsModel

#: Characters of clean text before a figure that go into its id (see indicator_ids).
_ID_CONTEXT = 12
_SENTENCE_BREAK = re.compile(r"[。！？；!?;\n\r]")

INDICATOR_COLUMNS = list(IndicatorsModel.to_schema().columns)
REPORT_COLUMNS = list(ReportsModel.to_schema().columns)


def empty_frame(model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """An empty DataFrame with the model's columns and dtypes."""
    schema = model.to_schema()
    return pd.DataFrame(
        {name: pd.Series(dtype=_pandas_dtype(col.dtype)) for name, col in schema.columns.items()}
    )


def _pandas_dtype(dtype: object) -> str:
    text = str(dtype)
    return {"str": "object", "string": "object"}.get(text, text)


def indicator_ids(doc: Document, figures: Sequence[Figure]) -> list[str]:
    """Stable ids: report id plus a hash of each figure's quote and its nearby text.

    Only the figure and the few characters before it in the same sentence feed the
    hash, so editing text elsewhere in the report leaves every other id unchanged. Identical keys (the same
    phrase twice) are numbered in order of appearance.
    """
    keys = []
    for fig in figures:
        clean_pos = _clean_offset(doc, fig.char_start)
        context = doc.clean_text[max(0, clean_pos - _ID_CONTEXT) : clean_pos]
        context = _SENTENCE_BREAK.split(context)[-1]  # never reach into the previous sentence
        key = "|".join(
            [
                unicodedata.normalize("NFKC", context),
                unicodedata.normalize("NFKC", fig.quote),
                fig.measure,
                repr(fig.value),
                fig.qualifier,
            ]
        )
        keys.append(hashlib.sha256(key.encode("utf-8")).hexdigest()[:10])
    seen: Counter[str] = Counter()
    ids = []
    for key in keys:
        seen[key] += 1
        suffix = "" if seen[key] == 1 else f"-{seen[key]}"
        ids.append(f"{doc.report_id}-{key}{suffix}")
    return ids


def _clean_offset(doc: Document, source_offset: int) -> int:
    """The first clean-text index whose source offset is >= ``source_offset``."""
    return bisect.bisect_left(doc.clean_to_source, source_offset, 0, len(doc.clean_text))


def build_indicators_table(doc: Document, figures: Sequence[Figure]) -> pd.DataFrame:
    """One row per figure, ids added, columns in schema order, sorted by position."""
    if not figures:
        return empty_frame(IndicatorsModel)
    ordered = sorted(figures, key=lambda f: (f.char_start, f.char_end, f.measure, f.value))
    rows = []
    for fig, indicator_id in zip(ordered, indicator_ids(doc, ordered), strict=True):
        row = asdict(fig)
        row["report_id"] = doc.report_id
        row["indicator_id"] = indicator_id
        if row["link_id"] is not None:
            row["link_id"] = f"{doc.report_id}-{row['link_id']}"
        rows.append(row)
    frame = pd.DataFrame(rows, columns=INDICATOR_COLUMNS)
    return _fix_dtypes(frame, IndicatorsModel)


def build_reports_table(docs: Iterable[Document], n_indicators: Mapping[str, int]) -> pd.DataFrame:
    """One row per report, sorted by report id."""
    rows = [
        {
            "report_id": doc.report_id,
            "file_name": doc.file_name,
            "title": doc.info.title or doc.title,
            "area": doc.info.area or doc.area,
            "year": parse_report_year(doc),  # the year 今年/去年 were resolved against
            "published_at": doc.info.published_at or doc.published_at,
            "source": doc.source,
            "authors": "; ".join(doc.authors) or None,
            "editor": doc.editor,
            "site": doc.site,
            "url": doc.info.url,
            "license": doc.info.license,
            "publisher": doc.info.publisher,
            "encoding": doc.encoding,
            "sha256": doc.sha256,
            "n_bytes": doc.n_bytes,
            "n_chars": len(doc.source_text),
            "n_indicators": int(n_indicators.get(doc.report_id, 0)),
        }
        for doc in sorted(docs, key=lambda d: d.report_id)
    ]
    if not rows:
        return empty_frame(ReportsModel)
    return _fix_dtypes(pd.DataFrame(rows, columns=REPORT_COLUMNS), ReportsModel)


def combine_indicators(frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate per-report tables in a deterministic order."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return empty_frame(IndicatorsModel)
    combined = pd.concat(frames, ignore_index=True)
    combined = combined.sort_values(["report_id", "char_start", "char_end", "indicator_id"])
    return _fix_dtypes(combined.reset_index(drop=True), IndicatorsModel)


def insert_report_rows(combined: pd.DataFrame, frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """``combined`` with the rows of reports it does not hold put in place, without re-sorting.

    Same result as :func:`combine_indicators` over all the rows: ``combined`` is already in
    that order and holds each report's rows together, so each added report's rows (sorted
    among themselves) go in as one block where its report id sorts. Why: sorting 240,000
    rows on four keys is most of the cost of adding one report to 1,000.
    """
    added = combine_indicators(frames)
    if added.empty:
        return combined
    if combined.empty:
        return added
    if set(added["report_id"]) & set(combined["report_id"]):
        raise ValueError("insert_report_rows: a report's rows are already in the table")
    # Where each report's rows start (rows are grouped by report and sorted by its id).
    codes, report_ids = pd.factorize(combined["report_id"], sort=False)
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    firsts = np.asarray(report_ids, dtype=object)
    parts, last = [], 0
    for report_id, block in added.groupby("report_id", sort=True):
        i = int(np.searchsorted(firsts, report_id, side="left"))
        at = int(starts[i]) if i < len(starts) else len(combined)
        parts += [combined.iloc[last:at], block]
        last = at
    parts.append(combined.iloc[last:])
    return pd.concat([p for p in parts if len(p)], ignore_index=True)


def _fix_dtypes(frame: pd.DataFrame, model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """Cast columns to the model's dtypes; nullable text stays object with None."""
    schema = model.to_schema()
    out = {}
    for name, col in schema.columns.items():
        series = frame[name]
        dtype = str(col.dtype)
        if dtype in {"str", "string"}:
            series = series.astype(object).where(series.notna(), None)
        elif dtype == "bool":
            series = series.astype(bool)
        elif dtype == "int64":
            series = series.astype("int64")
        elif dtype == "float64":
            series = series.astype("float64")
        else:
            series = series.astype(dtype)
        out[name] = series
    return pd.DataFrame(out)
