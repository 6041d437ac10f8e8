"""Figures in tables: the column header gives bare cells their unit and names what they measure.

The rows hold 2021 city GDP as published in ranking news; the layouts are those of such pages
(a Markdown table, an HTML table, a key-value table of goals).
"""

from __future__ import annotations

import pytest

MARKDOWN = """# 2021年GDP十强城市出炉

| 排名 | 城市 | 2021年GDP（亿元） | 名义增速 |
|---|---|---|---|
| 1 | 上海 | 43214.85 | 8.1% |
| 2 | 北京 | 40269.6 | 8.5% |
"""

HTML = """<html><head><title>2021年GDP十强城市出炉</title></head><body><h1>2021年GDP十强城市出炉</h1>
<table><tr><th>排名</th><th>城市</th><th>2021年GDP（亿元）</th><th>名义增速</th></tr>
<tr><td>1</td><td>上海</td><td>43214.85</td><td>8.1%</td></tr>
<tr><td>2</td><td>北京</td><td>40269.6</td><td>8.5%</td></tr></table></body></html>
"""

EXPECTED = [
    ("43214.85", 43214.85, "亿元", 8, "yuan", "level", "GDP", "上海市"),
    ("8.1%", 8.1, "%", 0, "percent", "growth_pct", "名义增速", "上海市"),
    ("40269.6", 40269.6, "亿元", 8, "yuan", "level", "GDP", "北京市"),
    ("8.5%", 8.5, "%", 0, "percent", "growth_pct", "名义增速", "北京市"),
]


def _rows(extraction):
    return [
        (f.quote, f.value, f.unit, f.unit_mult, f.base_unit, f.measure, f.subject, f.area)
        for f in extraction.figures
    ]


@pytest.mark.parametrize(("text", "name"), [(MARKDOWN, "ranking.md"), (HTML, "ranking.html")])
def test_header_units_reach_the_bare_cells_of_their_column(extract_text, text, name):
    extraction = extract_text(text, name)
    assert _rows(extraction) == EXPECTED
    assert {f.period for f in extraction.figures} == {"2021"}
    # rank numbers (排名 has no unit) stay skipped, not guessed
    assert {s.text for s in extraction.skipped} >= {"1", "2"}


def test_a_cell_with_more_than_the_number_and_a_signed_cell_are_not_guessed(extract_text):
    text = "| 城市 | 增量（亿元） | 常住人口（万人） |\n|---|---|---|\n| 福州 | -120.5 | 842 |\n"
    rows = _rows(extract_text(text, "delta.md"))
    assert rows == [("842", 842.0, "万人", 4, "person", "level", "常住人口", "福州市")]


def test_rows_of_figures_are_not_dropped_as_navigation(extract_text):
    text = "| 城市 | 增速（%） |\n|---|---|\n| 福州 | 8.4 |\n| 厦门 | 8.1 |\n"
    assert [(f.quote, f.unit, f.subject) for f in extract_text(text, "rates.md").figures] == [
        ("8.4", "%", "增速"),
        ("8.1", "%", "增速"),
    ]


def test_a_key_value_table_keeps_its_row_labels(extract_text):
    text = "| 指标 | 目标 |\n| 地区生产总值增长 | 6% |\n| 城镇新增就业 | 8万人 |"
    assert [(f.quote, f.subject) for f in extract_text(text, "goals.md").figures] == [
        ("6%", "地区生产总值"),
        ("8万人", "城镇新增就业"),
    ]
