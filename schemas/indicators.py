"""The ``indicators`` table: one row per figure stated in a report."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from schemas.vocab import BASE_UNITS, GROWTH_BASES, MEASURES, QUALIFIERS, VALUE_KINDS


class IndicatorsModel(pa.DataFrameModel):
    """One figure from one report, with its meaning and its verbatim source span.

    ``decoded_source[char_start:char_end] == quote`` holds for every row, where
    ``decoded_source`` is the report file decoded with the encoding given in ``reports``.
    """

    report_id: Series[str] = pa.Field(
        title="Report id",
        description="Id of the source report (see the reports table); derived from its file name.",
        str_matches=r"^[a-z0-9][a-z0-9_\-]*$",
    )
    indicator_id: Series[str] = pa.Field(
        unique=True,
        title="Indicator id",
        description=(
            "Stable id of this figure within the release: the report id and a hash of the "
            "quote and its immediate context, so it survives edits elsewhere in the report."
        ),
    )
    area: Series[str] = pa.Field(
        nullable=True,
        title="Area",
        description="Where the figure is about: the report's own area unless the text names another.",
    )
    section: Series[str] = pa.Field(
        nullable=True,
        title="Section",
        description="The nearest heading above the figure in the report.",
    )
    subject: Series[str] = pa.Field(
        nullable=True,
        title="Subject",
        description="What is measured, in Chinese, short and faithful (keeps 新增, 累计, 年均).",
    )
    measure: Series[str] = pa.Field(
        isin=list(MEASURES),
        title="Measure",
        description="What kind of quantity the row states.",
    )
    growth_basis: Series[str] = pa.Field(
        nullable=True,
        isin=list(GROWTH_BASES),
        title="Growth basis",
        description="On growth and change rows: yoy, annual_avg (年均) or cumulative.",
    )
    value_kind: Series[str] = pa.Field(
        isin=list(VALUE_KINDS),
        title="Value kind",
        description="actual (what happened) or target (what a plan sets out).",
    )
    value: Series[float] = pa.Field(
        title="Value",
        description="The number as written, in the written unit (48.2 for 48.2亿元; -10.3 for 下降10.3%).",
    )
    unit: Series[str] = pa.Field(
        nullable=True,
        title="Unit",
        description="The written unit, magnitude included (亿元, 万个, %, 个百分点); empty for bare shares.",
    )
    unit_mult: Series[int] = pa.Field(
        ge=0,
        le=16,
        title="Unit multiplier",
        description="Power of ten carried by the written magnitude (万 4, 亿 8, 万亿 12, none 0).",
    )
    value_base: Series[float] = pa.Field(
        title="Value in base units",
        description="The value converted to base_unit (4820000000 for 48.2亿元).",
    )
    base_unit: Series[str] = pa.Field(
        isin=list(BASE_UNITS),
        title="Base unit",
        description="Unit of value_base, from a closed vocabulary.",
    )
    qualifier: Series[str] = pa.Field(
        isin=list(QUALIFIERS),
        title="Qualifier",
        description="How to read the value: exact, approx, more_than, at_least, exceeds, ...",
    )
    is_estimate: Series[bool] = pa.Field(
        title="Is estimate",
        description="True when the text marks the figure as an estimate (预计, 预计数, 下同).",
    )
    period: Series[str] = pa.Field(
        nullable=True,
        str_matches=r"^\d{4}(Q[1-4](-Q[1-4])?|H[12]|M\d{2}(-M\d{2})?|-\d{4})?$",
        title="Period",
        description=(
            "Period the figure describes: 2020, 2020Q1, 2022H1, 2020M03, 2016-2020; cumulative spans "
            "from the start of the year as 2021Q1-Q3 (前三季度) or 2021M01-M11 (1-11月); empty if none."
        ),
    )
    link_id: Series[str] = pa.Field(
        nullable=True,
        title="Link id",
        description="Shared by rows that belong together: the from/to of a change, the ends of a range.",
    )
    quote: Series[str] = pa.Field(
        str_length={"min_value": 1},
        title="Quote",
        description="The verbatim source span: number, unit and adjacent bound or sign words.",
    )
    char_start: Series[int] = pa.Field(
        ge=0,
        title="Start offset",
        description="Offset of the quote's first character in the decoded source file.",
        metadata={"unit": "character"},
    )
    char_end: Series[int] = pa.Field(
        ge=1,
        title="End offset",
        description="Offset just past the quote's last character in the decoded source file.",
        metadata={"unit": "character"},
    )

    class Config:
        """Strict, ordered column set: the released files have exactly these columns."""

        strict = True
        ordered = True
        coerce = False

    @pa.dataframe_check
    def span_matches_quote_length(cls, df):
        """char_end - char_start equals the quote's length."""
        return (df["char_end"] - df["char_start"]) == df["quote"].str.len()


#: Primary key of the table, for the Frictionless schema and the changelog.
PRIMARY_KEY = ["indicator_id"]
