"""Values of a growth rate listed in brackets after places (real sentences: 中国新闻周刊, 2022-04-27,
on the provinces' first-quarter GDP).

A list 广东（3.3%）、江苏（4.6%） names its measure in the sentence before (…增速有所放缓。) or
after it (…7省份的增速超过或等于6%): the values are growth rates, positive whatever the trend.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import figures_by_quote

PAGE = """---
title: '28省份一季度GDP出炉'
date: Wed, 27 Apr 2022 08:00:00 GMT
---
受疫情因素影响，上海、广东、江苏、天津等东部发达省份增速有所放缓。其中，广东（3.3%）、江苏（4.6%）、上海（3.1%）、天津（0.1%）低于全国水平。
目前已公布的省份中，江西（6.9%）、福建（6.7%）、湖北（6.7%）、贵州（6.6%）7省份的增速超过或等于6%。
广东的城镇化率较高。其中，广州（86.5%）居首。
"""


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    return figures_by_quote(tmp_path_factory.mktemp("news"), PAGE, "provinces.md")


@pytest.mark.parametrize(("quote", "value"), [("3.3%", 3.3), ("0.1%", 0.1), ("6.9%", 6.9), ("6.6%", 6.6)])
def test_a_bracketed_list_of_growth_rates(figures, quote, value):
    assert (figures[quote].measure, figures[quote].value) == ("growth_pct", value)


def test_a_bracketed_list_of_levels_stays_a_rate(figures):
    assert figures["86.5%"].measure == "rate_pct"  # the sentence before names a rate, not a growth


def test_a_long_list_keeps_the_growth_named_before(tmp_path):
    page = """---
title: '中国GDP前十强城市，迎来新变局！'
date: Sat, 15 Jan 2022 08:00:00 GMT
---
2021年前三季度，武汉GDP同比增长16.1%，增速位居十强城市中的首位。此外，苏州达到10.9%、北京为10.7%、南京为10.2%，成都、杭州也达到10%。
2021年，江西10.2%、安徽10.2%、江苏10.2%、山东9.9%、重庆9.9%、河南9.1%、浙江8.5%、福建8.0%、湖南7.7%、湖北12.9%的GDP增速均高于全国。
"""
    found = figures_by_quote(tmp_path, page, "top10.md")
    assert [found[q].measure for q in ("10.9%", "10.7%", "10%")] == ["growth_pct"] * 3
    assert found["8.0%"].measure == "growth_pct"  # far down a list whose keyword follows it
