"""The base of a comparison stated with its value is the base year's figure.

Sentences are real (新浪财经, 2022-01, on the 2021 GDP of 广东, 江苏 and 山东; 2021年保定市
政府工作报告). 相比2020年…110760.94亿元 and 比2020年的73129亿元 give the base year's value; when a
verb of change stands between the year and the figure (比2020年增加了9966.9亿元, 比2015年下降45.6%)
the figure is the change, dated by its sentence as before.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import figures_by_quote

PAGE = """---
title: '粤苏鲁2021年GDP出炉'
date: Mon, 24 Jan 2022 10:00:00 GMT
---
从GDP总量来看，广东依旧稳居全国第一，为124369.67亿元。相比2020年广东GDP总量110760.94亿元的数据，2021年广东省GDP总量增加了约1.36万亿元。
江苏2021年GDP数据为116364.2亿元，迈上11万亿元新台阶。相比2020年102719亿元的GDP，也增加了约1.36万亿元。
2021年，山东生产总值为83095.9亿元，比2020年的73129亿元增加了9966.9亿元，接近1万亿。
2021年，全市PM2.5、PM10浓度分别比2020年下降15.2%、12.6%。
"""


@pytest.fixture(scope="module")
def periods(tmp_path_factory) -> dict[str, str | None]:
    found = figures_by_quote(tmp_path_factory.mktemp("news"), PAGE, "three_provinces.md")
    return {q: f.period for q, f in found.items()}


@pytest.mark.parametrize(
    ("quote", "period"),
    [
        ("110760.94亿元", "2020"),  # 相比2020年广东GDP总量…: the base's own value
        ("约1.36万亿元", "2021"),  # the change after it is the sentence's year
        ("102719亿元", "2020"),
        ("73129亿元", "2020"),  # 比2020年的…
        ("9966.9亿元", "2021"),  # 比2020年的73129亿元增加了…: the change, not the base
        ("下降15.2%", "2021"),  # 比2020年下降: a change against the base year
    ],
)
def test_comparison_base(periods, quote, period):
    assert periods[quote] == period
