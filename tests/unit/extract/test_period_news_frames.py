"""Periods in news whose frame is set by the title or by 去年同期.

Sentences are real (中国经济周刊, 2021-04-26, on 27 provinces' first-quarter GDP): the title
names the story's period (一季度), the body often does not repeat it; 去年同期 opening a clause
dates its figures to the same quarter a year earlier, while 剔除去年同期低基数 or 比上年全年 are
comparison bases that date nothing.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import figures_by_quote

PAGE = """---
title: '27省份一季度GDP出炉：广东稳居首位，安徽首超上海挤进十强'
date: Mon, 26 Apr 2021 12:01:40 GMT
---
截至4月26日，至少已有27个省份发布了一季度GDP数据。从GDP总量看，广东省稳居第一；2个省份GDP超过2万亿元，8个省份GDP超过1万亿元。
安徽省一季度的GDP为9529.1亿元，而在去年同期，上海市GDP为7856.62亿元，安徽省GDP为7821.3亿元，上海高出安徽省35.32亿元。
其中，规模以上工业增加值同比增长26.3%；剔除去年同期低基数影响，两年平均增幅为9.4%，比2019年同期高0.3个百分点。
服务业对经济增长的贡献率比上年全年提高51.3个百分点；其他服务业增加值同比增长10.1%。
高技术制造业增加值增长44.4%，占比由去年同期39.7%提高到43.8%。
高新技术产业产值增长44.4%，占比由11.9%提高到12.5%。
"""


@pytest.fixture(scope="module")
def periods(tmp_path_factory) -> dict[str, str | None]:
    return {
        q: f.period
        for q, f in figures_by_quote(tmp_path_factory.mktemp("news"), PAGE, "provinces_q1.md").items()
    }


@pytest.mark.parametrize(
    ("quote", "period", "why"),
    [
        ("27个", "2021Q1", "the title's 一季度 frames the story; the sentence names it after the figure"),
        ("2个", "2021Q1", "the title's period holds where the text names none"),
        ("9529.1亿元", "2021Q1", "一季度 in the sentence, in the year the page is dated"),
        ("7856.62亿元", "2020Q1", "在去年同期， dates its clause to the same quarter a year earlier"),
        ("35.32亿元", "2020Q1", "…and the rest of that sentence"),
        ("9.4%", "2021Q1", "剔除去年同期低基数 is a base, not a date"),
        ("51.3个百分点", "2021Q1", "比上年全年 is a comparison base: 全年 continues it"),
        ("10.1%", "2021Q1", "…so the next clause is not dated to the whole year"),
        ("39.7%", "2020Q1", "由去年同期: the start of a change"),
        ("43.8%", "2021Q1", "the end of that change is the story's quarter"),
        ("11.9%", "2020Q1", "占比由11.9%提高到12.5%: the unnamed start of a change over the year"),
        ("12.5%", "2021Q1", "…and its end is the story's quarter"),
    ],
)
def test_period(periods, quote, period, why):
    assert periods[quote] == period, why


def test_a_span_in_a_title_frames_no_figure(tmp_path):
    page = PAGE.replace("27省份一季度GDP出炉", "浙江这十年：GDP连跨4个万亿级台阶")
    found = figures_by_quote(tmp_path, page, "decade.md")
    assert next(iter(found)) == "27个"
    assert found["27个"].period is None  # 一季度 comes after it; the title's 这十年 (2012-2021) dates nothing


@pytest.mark.parametrize(
    ("title", "date", "page", "quote", "period"),
    [
        # 时代周报, 2021-11-02: the second change of a sentence ends in the story's 前三季度 too
        (
            "广东GDP十强进阶：广深稳守2万亿，东莞有望冲刺万亿",
            "Tue, 02 Nov 2021 10:00:00 GMT",
            "值得注意的是，前三季度，东莞规模以上工业增加值以及固定资产投资的增速均比上半年有所放缓。"
            "规模以上工业增加值的两年平均增速从上半年的4.7%下跌至3.80%，"
            "固定资产投资的两年平均增速也从上半年的13.0%，下跌至9.90%。",
            "9.90%",
            "2021Q1-Q3",
        ),
        # 中国经济周刊, 2021-04-26: 目前 returns from last year's slump to the story's quarter
        (
            "27省份一季度GDP出炉：广东稳居首位，安徽首超上海挤进十强",
            "Mon, 26 Apr 2021 12:01:40 GMT",
            "一季度，湖北省经济大爆发。毕竟去年受疫情影响，湖北省在去年同期降幅较大。目前58.3%的GDP同比增速，足以说明问题。",
            "58.3%",
            "2021Q1",
        ),
    ],
)
def test_news_changes_and_the_present(tmp_path, title, date, page, quote, period):
    got = {
        q: f.period
        for q, f in figures_by_quote(
            tmp_path, f"---\ntitle: '{title}'\ndate: {date}\n---\n{page}", "news.md"
        ).items()
    }
    assert got[quote] == period


def test_a_part_of_the_stories_year_opening_a_paragraph_narrows_the_story(tmp_path):
    """国际金融报 via 新浪财经, 2021-11-08 (dev news_hangzhou_gdp_2021q1q3_targets): the story's
    year comes first (今年有点悬); 事实上，今年前三季度，… then frames the paragraphs after it."""
    page = (
        "---\ntitle: '杭州今年GDP能破2万亿吗'\ndate: Mon, 08 Nov 2021 10:00:00 GMT\n---\n"
        "今年有点悬\n"
        "事实上，今年前三季度，在经济规模持续提升的同时，杭州的经济结构也进一步优化。\n"
        "其中，高新制造发展较快，战略性新兴产业、高新技术产业增加值同比分别增长18.4%和15.4%。\n"
        "新产品快速增长，新能源汽车、工业机器人、集成电路产量同比分别增长373.3%、73.9%和37%。\n"
    )
    got = {q: f.period for q, f in figures_by_quote(tmp_path, page, "hangzhou.md").items()}
    assert got["18.4%"] == "2021Q1-Q3"
    assert got["373.3%"] == "2021Q1-Q3"


RELEASE = """---
title: '上半年我国GDP同比增长2.5%，顶住压力实现正增长'
date: Fri, 15 Jul 2022 10:00:00 GMT
---
不过，在今年我国GDP预期增长一定水平的背景下，上半年GDP同比增长2.5%，意味着下半年压力不小。
从销售端看，上半年，商品房销售面积68923万平方米，同比下降22.2%；其中，住宅销售面积下降26.6%。商品房销售额66072亿元，下降28.9%。
6月份国房景气指数由上月的95.6%下降至95.4%，这至少是近5年以来的最低水平。
6月份，本地户籍人口调查失业率为5.3%。16-24岁、25-59岁人口调查失业率分别为19.3%、4.5%。相比于5月份，16-24岁人口的失业率由上月的18.4%上升至19.3%。
与此同时，上半年，全国居民人均可支配收入18463元，比上年同期名义增长4.7%。其中，城镇居民人均可支配收入25003元，增长3.6%。
"""


@pytest.mark.parametrize(
    ("quote", "period", "why"),
    [
        ("66072亿元", "2022H1", "今年 does not widen the story's first half; 上半年， frames it"),
        ("95.6%", "2022M05", "上月 of a June figure is May"),
        ("95.4%", "2022M06", "…and the end of that change is June"),
        ("4.5%", "2022M06", "6月份， framing a paragraph dates its later sentences"),
        ("18.4%", "2022M05", "由上月的18.4%: May"),
        ("25003元", "2022H1", "上半年， framing the paragraph reaches the sentence after it"),
    ],
)
def test_a_statistics_release(tmp_path, quote, period, why):
    """中国新闻周刊 via 新浪财经, 2022-07-15, on the first-half statistics (dev news_national_gdp_2022h1)."""
    got = {q: f.period for q, f in figures_by_quote(tmp_path, RELEASE, "release.md").items()}
    assert got[quote] == period, why


def test_a_lead_opening_on_its_figure_takes_the_period_after_it(tmp_path):
    """国际金融报 via 新浪财经, 2021-11-08: 13151.38亿元，按照可比价格计算，同比增长10%，今年前三季度，…"""
    page = (
        "---\ntitle: '杭州今年GDP能破2万亿吗'\ndate: Mon, 08 Nov 2021 10:00:00 GMT\n---\n"
        "13151.38亿元，按照可比价格计算，同比增长10%，今年前三季度，杭州经济实现两位数增长。\n"
        "全市新增就业12万人，完成全年目标的120%。\n"
    )
    got = {q: f.period for q, f in figures_by_quote(tmp_path, page, "lead.md").items()}
    assert got["13151.38亿元"] == "2021Q1-Q3"
    assert got["10%"] == "2021Q1-Q3"
    assert got["12万人"] == "2021"  # a sentence opening on words does not look ahead


def test_a_sentence_naming_two_periods_frames_no_paragraph(tmp_path):
    """福建 city news, 2022 (corpus news_fujian_cities_gdp_2022h1): 今年一季度，…，经过二季度后，…
    compares two periods, so the next sentence is back in the story's first half."""
    page = (
        "---\ntitle: '福建最新GDP排名出炉：泉州总量最大，宁德增速最快'\n"
        "date: Tue, 26 Jul 2022 10:00:00 GMT\n---\n"
        "今年上半年，泉州GDP总量仍保持领先。\n"
        "今年一季度，泉州GDP以百亿元领先于福州，经过二季度后，泉州领先“身位”拉大，与福州间的GDP差距扩大到接近200亿元。"
        "尽管泉州的体量仍超过福州，但福州的增速达到5.4%，超过全省平均水平。\n"
    )
    found = figures_by_quote(tmp_path, page, "fujian.md")
    assert found["5.4%"].period == "2022H1"
