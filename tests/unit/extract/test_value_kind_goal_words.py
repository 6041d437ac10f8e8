"""Words that set a goal, and one that only looks like it (real sentences: 观察者网 via 新浪财经,
2022-03-17, on China's January–February 2022 figures).

定下 sets a goal and 将达 states what a plan expects; 市场预期 is what forecasters expected, so a
figure after 好于市场预期 is an outturn.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import figures_by_quote

PAGE = """---
title: '1-2月中国经济“成绩单”亮眼，专家解读如何延续势头？'
date: Thu, 17 Mar 2022 08:00:00 GMT
---
在经济下行压力下，中国定下5.5%左右增速传递出怎样的信号？
3月15日，1-2月份国民经济“成绩单”如约出炉，多项数据好于市场预期。房地产开发投资也好于市场预期，增长3.7%。
风光发电总装机规模500万千瓦，项目建成后年产值将达400亿元。
"""


@pytest.mark.parametrize(
    ("quote", "kind"), [("5.5%左右", "target"), ("3.7%", "actual"), ("400亿元", "target")]
)
def test_goal_words(tmp_path, quote, kind):
    assert figures_by_quote(tmp_path, PAGE, "goals.md")[quote].value_kind == kind


def test_beating_the_plan_is_an_outturn(extract_text):
    """江西 2026 (dev gwr_jiangxi_2026_mid_excerpt_gbk): 超计划19家 is how far the year beat its plan."""
    from benchmarks.accuracy import decode_source
    from tests.unit.extract.conftest import DEV_EXTRA

    sentence = "新退出政府融资平台346家、超计划19家，隐性债务累计化解超序时进度"
    assert sentence in decode_source(DEV_EXTRA / "gwr_jiangxi_2026_mid_excerpt_gbk.txt")
    found = {f.quote: f for f in extract_text(sentence).figures}
    assert found["19家"].value_kind == "actual"
