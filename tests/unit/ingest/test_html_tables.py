"""Cells of an HTML table stay apart in the clean text, as in a Markdown table row.

Before, ``</td><td>`` vanished and 43214.85 | 8.1% read as the numeral 43214.858.1 (skipped as
ambiguous), losing the growth rate. The table holds 2021 city GDP figures as published.
"""

from __future__ import annotations

from pipeline.extract import extract_figures
from pipeline.ingest import read_report

PAGE = """<html><head><title>2021年GDP十强城市出炉</title></head><body><h1>2021年GDP十强城市出炉</h1>
<table><tr><th>排名</th><th>城市</th><th>2021年GDP（亿元）</th><th>名义增速</th></tr>
<tr><td>1</td><td>上海</td><td>43214.85</td><td>8.1%</td></tr>
<tr><td>2</td><td>北京</td><td>40269.6</td><td>8.5%</td></tr></table></body></html>
"""


def test_table_cells_are_kept_apart(tmp_path):
    path = tmp_path / "table.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_report(path)
    assert "1 | 上海 | 43214.85 | 8.1% |" in doc.clean_text.splitlines()
    figures = extract_figures(doc).figures
    rates = [(f.quote, f.value, f.area) for f in figures if f.unit == "%"]
    assert rates == [("8.1%", 8.1, "上海市"), ("8.5%", 8.5, "北京市")]
    for f in figures:
        assert doc.source_text[f.char_start : f.char_end] == f.quote
