"""Check tables against their pandera models and their sources; never raise.

Used alike by the CLI, the Dagster asset checks and the release verifier, which all
want a list of failures to show rather than an exception.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import pandera.errors
import pandera.pandas as pa

FAILURE_COLUMNS = ["check", "column", "index", "failure_case"]


def check_table(model: type[pa.DataFrameModel], frame: pd.DataFrame) -> pd.DataFrame:
    """Validate ``frame`` lazily; return pandera's failure cases (empty when valid)."""
    try:
        model.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as err:
        cases = err.failure_cases
        return cases.reindex(columns=FAILURE_COLUMNS).reset_index(drop=True)
    except pandera.errors.SchemaError as err:  # raised for whole-frame problems
        return pd.DataFrame(
            [{"check": str(err.check), "column": None, "index": None, "failure_case": str(err)}]
        )
    return pd.DataFrame(columns=FAILURE_COLUMNS)


def check_provenance(indicators: pd.DataFrame, sources: Mapping[str, str]) -> pd.DataFrame:
    """Rows whose quote is not the source text at its offsets.

    ``sources`` maps report_id to the decoded source text. Returns the failing rows
    with the text actually found there.
    """
    failures = []
    for row in indicators.itertuples(index=False):
        text = sources.get(row.report_id)
        found = None if text is None else text[row.char_start : row.char_end]
        if found != row.quote:
            failures.append(
                {
                    "indicator_id": row.indicator_id,
                    "report_id": row.report_id,
                    "char_start": row.char_start,
                    "char_end": row.char_end,
                    "quote": row.quote,
                    "found": found,
                }
            )
    columns = ["indicator_id", "report_id", "char_start", "char_end", "quote", "found"]
    return pd.DataFrame(failures, columns=columns)
