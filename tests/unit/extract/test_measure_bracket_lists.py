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
