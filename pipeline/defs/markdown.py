"""Small Markdown renderers for Dagster metadata (previews, failing rows, counts).

Kept free of dagster so they can be doctested; ``tabulate`` is not a dependency, so
pandas' ``to_markdown`` is not available and this module does the little it needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

#: Longest cell shown in a preview; longer text is cut with an ellipsis.
MAX_CELL = 60


def _cell(value: object) -> str:
    r"""One table cell: None/NaN as empty, pipes escaped, newlines flattened, long text cut.

    >>> print(_cell("a|b"))
    a\|b
    >>> _cell(None)
    ''
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    text = str(value).replace("\r", " ").replace("\n", " ").replace("|", "\\|")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def build_markdown_table(frame: pd.DataFrame, max_rows: int = 10) -> str:
    """The first ``max_rows`` rows of ``frame`` as a Markdown table, with a row count note.

    >>> print(build_markdown_table(pd.DataFrame({"a": [1, 2], "b": ["x", None]})))
    | a | b |
    | --- | --- |
    | 1 | x |
    | 2 |  |
    """
    columns = [str(c) for c in frame.columns]
    lines = ["| " + " | ".join(columns) + " |", "| " + " | ".join("---" for _ in columns) + " |"]
    for row in frame.head(max_rows).itertuples(index=False):
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    if len(frame) > max_rows:
        lines.append(f"\n_{max_rows} of {len(frame)} rows shown._")
    if frame.empty:
        lines.append("\n_no rows_")
    return "\n".join(lines)


def build_count_table(counts: Mapping[str, int], key: str = "measure", value: str = "figures") -> str:
    """A two-column Markdown table of counts, largest first.

    >>> print(build_count_table({"growth_rate": 3, "amount": 5}))
    | measure | figures |
    | --- | --- |
    | amount | 5 |
    | growth_rate | 3 |
    """
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return build_markdown_table(pd.DataFrame(rows, columns=[key, value]), max_rows=len(rows) or 1)


def build_bullets(items: Iterable[str]) -> str:
    """A Markdown bullet list.

    >>> print(build_bullets(["a", "b"]))
    - a
    - b
    """
    return "\n".join(f"- {item}" for item in items)
