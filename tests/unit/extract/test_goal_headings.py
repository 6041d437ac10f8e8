"""News summaries that mark headings with one sign and items with another (■ … / ●…).

The page is a real excerpt (长江日报, 2025-01-17, a summary of Hubei's 2025 work report): the
figures under “■ 2025年经济社会发展的主要预期目标” are the year's goals, the ones under
“■ 2024年成绩单” what happened.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import extract_figures
from pipeline.ingest import read_report

PAGE = """政府工作报告摘要与导读

长江日报 2025年01月17日

    ■ 2024年成绩单

    ●预计全省地区生产总值增长6%左右

    ●粮食总产达到557亿斤

    ●10大类52项民生实事全部超额完成

    ■ 2025年经济社会发展的主要预期目标

    ●经济增长6%左右

    ●城镇调查失业率5.5%左右,城镇新增就业70万人以上

    ●居民消费价格涨幅2%左右

    ●粮食产量继续保持500亿斤以上
"""


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = Path(tmp_path_factory.mktemp("news")) / "hubei_2025_summary.txt"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_report(path)
    return doc, extract_figures(doc).figures


def _figure(page, quote: str, after: str):
    """The figure quoted ``quote`` that comes first after the text ``after``."""
    doc, figures = page
    start = doc.source_text.index(after)
    text = doc.source_text
    return next(f for f in figures if f.char_start >= start and text[f.char_start : f.char_end] == quote)


def test_bullet_marked_lines_over_other_bullets_are_headings(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    titles = [s.title for s in read_report(path).sections]
    assert titles == ["2024年成绩单", "2025年经济社会发展的主要预期目标"]  # the dateline is no heading


def test_items_with_the_same_mark_are_no_headings(tmp_path):
    path = tmp_path / "list.txt"
    items = "■ 粮食总产达到557亿斤\n■ 经济增长6%左右\n■ 城镇新增就业70万人\n"
    path.write_text("某市经济运行简报\n\n" + items, encoding="utf-8")
    assert [s.title for s in read_report(path).sections] == []


@pytest.mark.parametrize("quote", ["6%左右", "5.5%左右", "70万人以上", "2%左右", "500亿斤以上"])
def test_figures_under_a_goal_heading_are_targets(page, quote):
    figure = _figure(page, quote, after="■ 2025年")
    assert (figure.value_kind, figure.period) == ("target", "2025")


@pytest.mark.parametrize("quote", ["6%左右", "557亿斤"])
def test_figures_under_a_review_heading_stay_actual(page, quote):
    figure = _figure(page, quote, after="■ 2024年")
    assert (figure.value_kind, figure.period) == ("actual", "2024")
