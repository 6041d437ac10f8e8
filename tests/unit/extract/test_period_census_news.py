"""Periods in news on census results (real sentences: 每日经济新闻, 2021-05-27, on the 2020 census
of the central provinces' capitals; dev document news_central_capitals_census_2020).

A census names its reference year (七普 = 2020); a paragraph opening on a year long past
(2016年，…) is history that governs its own paragraph, not the story's period; 过去10年 with
Arabic digits is a span like 过去十年. A change in the census's counts (人口增量, 增长5.68%,
减少约80万) is over the ten years since the census before, while its stocks stay in its year.
"""

from __future__ import annotations

import pytest

from pipeline.extract.context_period import scan_mentions
from tests.unit.extract.conftest import figures_by_quote

PAGE = """---
title: '中部六大省会人口PK，谁在逆袭？谁在垫底？'
date: Thu, 27 May 2021 10:00:00 GMT
---
2016年，郑州、武汉常住人口分别为972.4万、1076.62万，郑州比武汉少近100万人，二者人口增量则均为15万人左右，十分接近。
根据最新人口普查数据，过去10年，郑州常住人口增加397.4万人、年均增量为39.74万，武汉常住人口增加253.5万人、年均增量25.35万。
最新七普数据显示，中部地区占全国人口的比重出现下跌，已降至25.83%，内部人口流向明显分化。
"""


@pytest.fixture(scope="module")
def periods(tmp_path_factory):
    return {
        q: f.period for q, f in figures_by_quote(tmp_path_factory.mktemp("news"), PAGE, "census.md").items()
    }


@pytest.mark.parametrize(
    ("quote", "period"),
    [
        ("972.4万", "2016"),  # the history paragraph keeps its own year
        ("397.4万人", "2011-2020"),  # 过去10年 in a 2021 story; 2016 did not become the story's year
        ("25.83%", "2020"),  # 七普: the census's reference year
    ],
)
def test_census_news(periods, quote, period):
    assert periods[quote] == period


CHANGES = """---
title: '中部六大省会人口PK，谁在逆袭？谁在垫底？'
date: Thu, 27 May 2021 10:00:00 GMT
---
七普数据公布后，郑州的进击之势引发热议。
1260万常住人口，不仅使郑州一举反超南阳、周口，跻身河南人口第一大市，更力压武汉，成为新晋中部人口第一大城。
最新七普数据显示，中部地区占全国人口的比重出现下跌，已降至25.83%，内部人口流向明显分化。
其中，河南人口绝对增量最多，达到534.2万人，增长5.68%；
另一个需要关注的分化现象是，河南除省会郑州外，还有10个省辖市的常住人口也保持了正增长。
山西人口整体减少约80万，太原人口增加了110.25万。
"""


@pytest.mark.parametrize(
    ("quote", "period"),
    [
        ("1260万", "2020"),  # the census's stock, in the lead that names it
        ("25.83%", "2020"),  # …and a share it gives
        ("534.2万人", "2011-2020"),  # an increment of the census: since the census before
        ("5.68%", "2011-2020"),  # …and its growth
        ("10个", "2011-2020"),  # places whose population grew: the change is named after the count
        ("减少约80万", "2011-2020"),  # the change named in the quote itself
        ("110.25万", "2011-2020"),
    ],
)
def test_a_census_change_spans_the_decade(tmp_path, quote, period):
    found = figures_by_quote(tmp_path, CHANGES, "census_changes.md")
    assert found[quote].period == period


@pytest.mark.parametrize(
    ("text", "year"),
    [("第七次全国人口普查结果显示", 2020), ("据第六次人口普查", 2010), ("五经普数据", 2023)],
)
def test_a_census_names_its_year(text, year):
    (mention,) = scan_mentions(text)
    assert mention.year == year


def test_a_report_mentioning_the_census_keeps_its_years_change(tmp_path):
    # a 2021 report's review of 2020 (the forms of 2021年保定市政府工作报告), which elsewhere says the
    # census was taken (开展第七次全国人口普查, as the 2020 national report does)
    page = (
        "2021年政府工作报告\n各位代表：\n"
        "刚刚过去的2020年，我们统筹疫情防控和经济社会发展。\n"
        "全市常住人口增加5.2万人，城镇化率提高到62.3%。\n"
        "圆满完成第七次全国人口普查。\n"
    )
    found = figures_by_quote(tmp_path, page, "report_2021.txt")
    assert found["5.2万人"].period == "2020"  # the census is named in another paragraph
