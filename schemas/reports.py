"""The ``reports`` table: one row per source report file."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series


class ReportsModel(pa.DataFrameModel):
    """A source report: what it is, where it came from, and how it was decoded."""

    report_id: Series[str] = pa.Field(
        unique=True,
        str_matches=r"^[a-z0-9][a-z0-9_\-]*$",
        title="Report id",
        description="Stable id derived from the file name (safe slug; a hash suffix when needed).",
    )
    file_name: Series[str] = pa.Field(title="File name", description="Name of the report file in seeds/.")
    title: Series[str] = pa.Field(nullable=True, title="Title", description="Title of the report or article.")
    area: Series[str] = pa.Field(
        nullable=True,
        title="Area",
        description="Area the report is about (全国, 福建省, 泉州市...).",
    )
    year: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=1949,
        le=2100,
        title="Report year",
        description=(
            "Year the report speaks from, against which 今年/去年 are resolved: its delivery or "
            "publication year, else the year its text shows (2022年工作回顾 → 2023)."
        ),
    )
    published_at: Series[str] = pa.Field(
        nullable=True,
        str_matches=r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?\+08:00)?$",
        title="Published at",
        description="Publication date or datetime, ISO 8601 in Asia/Shanghai (+08:00).",
    )
    source: Series[str] = pa.Field(
        nullable=True, title="Source outlet", description="Outlet named by the text (来源)."
    )
    authors: Series[str] = pa.Field(
        nullable=True, title="Authors", description="Authors or speaker, separated by '; '."
    )
    editor: Series[str] = pa.Field(
        nullable=True, title="Responsible editor", description="责任编辑, when given."
    )
    site: Series[str] = pa.Field(
        nullable=True, title="Site", description="Web site the page was scraped from, when known."
    )
    url: Series[str] = pa.Field(nullable=True, title="Source URL", description="From the optional side file.")
    license: Series[str] = pa.Field(
        nullable=True, title="Licence", description="From the optional side file."
    )
    publisher: Series[str] = pa.Field(
        nullable=True, title="Publisher", description="From the optional side file."
    )
    encoding: Series[str] = pa.Field(
        title="Encoding",
        description="Encoding the file was decoded with; offsets refer to this decoding.",
    )
    sha256: Series[str] = pa.Field(
        str_matches=r"^[0-9a-f]{64}$",
        title="SHA-256",
        description="SHA-256 of the file's bytes.",
    )
    n_bytes: Series[int] = pa.Field(
        ge=1, title="Size", description="Size of the file.", metadata={"unit": "byte"}
    )
    n_chars: Series[int] = pa.Field(
        ge=0,
        title="Characters",
        description="Length of the decoded source text.",
        metadata={"unit": "character"},
    )
    n_indicators: Series[int] = pa.Field(
        ge=0,
        title="Indicators",
        description="Number of rows this report contributes to the indicators table.",
    )

    class Config:
        """Strict, ordered column set: the released files have exactly these columns."""

        strict = True
        ordered = True
        coerce = False


PRIMARY_KEY = ["report_id"]
