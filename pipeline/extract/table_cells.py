"""Numbers in table cells: the column's header gives the unit and names what is measured.

News on city rankings prints figures as tables (Markdown rows, or HTML rows that the reader
turns into ``a | b | c`` lines): ``| 上海 | 43214.85 | 8.1% |`` under ``| 城市 | 2021年GDP（亿元） |
名义增速 |``. A bare number in a cell has no unit of its own; its header writes it once, in
brackets. The header is read with the same grammar as running text (``GDP为1亿元``), so the
unit, magnitude, base unit and measure are exactly those of ``43214.85亿元`` written out.

A number is taken only when it fills its cell alone and its column's header names a unit, so
rank columns (排名) and codes stay skipped. Each table line is read once: the cost follows the
number of table cells, not the document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from pipeline.extract.context_area import place_length
from pipeline.extract.filters import build_mask
from pipeline.extract.grammar import Token, scan

_LINE_BREAK = re.compile("\n")
#: Longest line read as a table row: rows are short, and every scan of one stays bounded.
_ROW_MAX = 400
#: A unit written in brackets in a header cell: 2021年GDP（亿元）, 常住人口(万人), 增速（%）.
_HEADER_UNIT = re.compile(r"[（(]\s*([^（）()\d]{1,6}?)\s*[）)]")
#: Words of a header label that are not what is measured: a year, 年 and 名义/实际 stay.
_LABEL_YEAR = re.compile(r"^(?:19|20)\d{2}年(?:度)?")


def apply_header_units(text: str, tokens: Sequence[Token]) -> None:
    r"""Give bare numbers in table cells the unit and label of their column's header (in place).

    >>> from pipeline.extract.grammar import scan
    >>> text = "城市 | 2021年GDP（亿元） | 名义增速 |\n上海 | 43214.85 | 8.1% |"
    >>> tokens = scan(text)
    >>> apply_header_units(text, tokens)
    >>> [(t.raw, t.unit, t.mult, t.base_unit, t.skip, t.label) for t in tokens if t.raw != "2021"]
    [('43214.85', '亿元', 8, 'yuan', None, 'GDP'), ('8.1', '%', 0, 'percent', None, '名义增速')]
    >>> [t.measure for t in tokens if t.raw != "2021"]
    ['level', 'growth_pct']
    """
    if "|" not in text:
        return
    # line bounds by bisection over the line breaks, found once: no per-token scan back
    breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
    tables: dict[int, tuple[int, list[str]]] = {}  # line start -> (header row start, header cells)
    is_row: dict[int, bool] = {}  # line start -> the line holds two or more | (read once per line)
    for token in tokens:
        i = bisect_right(breaks, token.start)
        line_start = breaks[i - 1] + 1 if i else 0
        line_end = breaks[i] if i < len(breaks) else len(text)
        row = is_row.get(line_start)
        if row is None:
            row = line_end - line_start <= _ROW_MAX and text.count("|", line_start, line_end) >= 2
            is_row[line_start] = row
        if not row:
            continue
        cell_start = max(text.rfind("|", line_start, token.q_start) + 1, line_start)
        cell_end = text.find("|", token.q_end, line_end)
        if cell_end < 0 or text[cell_start:cell_end].strip() != text[token.q_start : token.q_end]:
            continue  # the number shares its cell with words: running text, read as such
        header_start, cells = _header_of(text, line_start, tables)
        column = text.count("|", line_start, cell_start)
        if line_start == header_start or column >= len(cells):
            continue
        header = cells[column]
        if token.bare and token.skip == "no unit":
            _apply_unit(token, header)
        if token.skip is None and (_HEADER_UNIT.search(header) or _row_names_a_place(text, line_start)):
            # 城市 | GDP（亿元） | 名义增速: the header names the indicator of a row about a place;
            # in 指标 | 目标 rows (地区生产总值增长 | 6%) the row's own label does, read as text
            if token.unit == "%":
                _apply_percent_measure(token, header)
            token.label = _label(header)


def _apply_unit(token: Token, header: str) -> None:
    """The header's bracketed unit, read as ``label为1unit`` by the grammar, onto ``token``."""
    unit = _HEADER_UNIT.search(header)
    if unit is None:
        return
    probe = f"{header[: unit.start()]}为1{unit.group(1)}"
    read = next((t for t in scan(build_mask(probe)) if t.skip is None and t.unit), None)
    if read is None or read.start != len(probe) - len(unit.group(1)) - 1:
        return
    token.unit, token.base_unit, token.factor, token.mult = read.unit, read.base_unit, read.factor, read.mult
    token.measure, token.growth_basis = read.measure, read.growth_basis
    token.skip, token.bare = None, False


def _apply_percent_measure(token: Token, header: str) -> None:
    """A percentage under 名义增速 is a growth rate, under 占比 a rate: the header says which."""
    probe = f"{_HEADER_UNIT.sub('', header)}为1%"
    read = next((t for t in scan(build_mask(probe)) if t.skip is None and t.unit == "%"), None)
    if read is not None and read.measure in ("growth_pct", "rate_pct"):
        token.measure, token.growth_basis = read.measure, read.growth_basis


def _row_names_a_place(text: str, line_start: int) -> bool:
    """True when the row's first cell with words is a place (上海, 福州市, 海丰县)."""
    end = text.find("\n", line_start)
    for cell in text[line_start : len(text) if end < 0 else end].split("|"):
        cell = cell.strip(" *")
        if cell and not cell[0].isdigit():
            return place_length(cell) == len(cell)
    return False


def _label(header: str) -> str | None:
    """What a column measures: its header without the bracketed unit and a leading year."""
    label = _LABEL_YEAR.sub("", _HEADER_UNIT.sub("", header)).strip(" *#")
    return label or None


def _header_of(text: str, line_start: int, tables: dict[int, tuple[int, list[str]]]) -> tuple[int, list[str]]:
    """(start, cells) of the first row of the table holding the line at ``line_start``.

    Walks up over the rows that hold two or more ``|``; every row walked is memoised, so
    each line of a table is visited once however many numbers it holds.
    """
    walked = []
    start = line_start
    while start not in tables:
        walked.append(start)
        if start == 0:
            break
        prev_start = text.rfind("\n", max(0, start - 1 - _ROW_MAX), start - 1) + 1
        if (prev_start == 0 and start - 1 > _ROW_MAX) or text.count("|", prev_start, start - 1) < 2:
            break  # a line longer than a table row (or none) ends the table above
        start = prev_start
    found = tables[start] if start in tables else (start, _row_cells(text, start))
    for line in walked:
        tables[line] = found
    return found


def _row_text(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : len(text) if end < 0 else end]


def _row_cells(text: str, start: int) -> list[str]:
    """Cells of one row, split at ``|`` (a leading ``|`` gives an empty first cell, as in data rows)."""
    return [cell.strip() for cell in _row_text(text, start).split("|")]
