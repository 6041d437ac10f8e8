"""News on a national government work report: the text's year, restated goals, the year's budget.

Such a page is written in the report's month (March of year Y): it discusses the report's
goals for 今年 (Y) and cites the outturns of Y-1. The cases are real sentences, grouped by
where they came from; the few built around a real sentence (a time phrase put in front of
it) say so in their group name.
"""

from __future__ import annotations

import pytest

from pipeline.extract.context import ContextResolver
from pipeline.extract.context_year import parse_report_season_year, parse_report_year
from pipeline.ingest import read_report
from pipeline.ingest.document import Document
from tests.unit.extract.conftest import DEV_EXTRA, SOURCES

_DEV = {
    **SOURCES,
    "gwr_hunan_2026_excerpt": DEV_EXTRA / "gwr_hunan_2026_excerpt.txt",
    "news_national_gwr_2022_briefing_tasks": DEV_EXTRA / "news_national_gwr_2022_briefing_tasks.md",
}


def _page(text: str, year: int | None = None) -> Document:
    """A saved page with no metadata but (optionally) its year, as the reader would give it."""
    return Document("r", "r.txt", "", len(text.encode()), "utf-8", text, text, None, year=year)


#: Texts on this year's report that state last year's outturns -> the year they speak from.
SEASON = {
    "dev: 经济日报 commentary on the 2022 national report (news_national_gwr_2022_gdp_target)": [
        (
            "每年两会，GDP增速是最受关注的经济指标之一。今年的政府工作报告，把这一目标确定在增长5.5%左右。"
            "5.5%是高基数上的中高速增长，体现了主动作为。2021年我国GDP同比增长8.1%，过去两年平均增长5.1%。"
            "有专家算过一笔账，2035年我国要达到中等发达国家水平。",
            2022,
        ),
    ],
    "brief's pattern: goals for 今年 with last year's outturn": [
        ("今年发展主要预期目标是：国内生产总值增长5%左右。2022年国内生产总值增长3%。", 2023),
    ],
}

#: Texts that must give no report-season year.
NOT_SEASON = {
    "dev: statistics news of October 2021 (news_national_gdp_2021q3)": [
        # a forecast of the current year, and 预期目标 that is not 今年's report goal
        "国际货币基金组织最新发布的世界经济展望预测2021年中国GDP增长8%。有能力有条件完成全年经济社会发展的预期目标任务。"
        "今年以来，国际能源价格大幅上涨。",
    ],
    "public texts: 新华网 2015 (no year named, no 今年)": [
        "今日上午9时，十二届全国人大三次会议在人民大会堂举行开幕会，国务院总理李克强作政府工作报告。"
        "李克强说，过去一年，我国发展面临的国际国内环境复杂严峻。增速稳，国内生产总值达到63.6万亿元，比上年增长7.4%。",
    ],
    "public texts: the 2020 national report's review, quoted in an exam question (blank filled)": [
        # 2019年和今年以来: the year opens no outturn clause of its own (the date dates this one)
        "2020年5月22日，十三届全国人大三次会议开幕，李克强向大会作政府工作报告。报告在回顾2019年和今年以来工作时指出，"
        "国内生产总值达到99.1万亿元，增长6.1%。城镇新增就业1352万人",
    ],
}


def _cases(table):
    return [
        pytest.param(*case, id=f"{group}:{i}")
        for group, cases in table.items()
        for i, case in enumerate(cases)
    ]


@pytest.mark.parametrize(("text", "year"), _cases(SEASON))
def test_report_season_year(text: str, year: int) -> None:
    assert parse_report_season_year(text) == year


@pytest.mark.parametrize(
    "text", [pytest.param(t, id=f"{g}:{i}") for g, ts in NOT_SEASON.items() for i, t in enumerate(ts)]
)
def test_no_report_season_year(text: str) -> None:
    assert parse_report_season_year(text) is None


@pytest.mark.parametrize("name", sorted(_DEV))
def test_report_season_year_of_a_dev_text_is_its_own_or_none(name: str) -> None:
    # Dev texts of other seasons (October statistics news naming 2021年前三季度 and 2020
    # outturns, a 2026 provincial report, city news) must not be moved to another year.
    doc = read_report(_DEV[name])
    assert parse_report_season_year(doc.clean_text) in (None, doc.year)


def test_report_season_outranks_older_linked_addresses() -> None:
    # The sinaimg QR code at the foot of every 新浪财经 page carries /20200514/: the vote of
    # addresses alone dates a 2022 page to 2020.
    img = '<img src="https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png">'
    text = "今年的政府工作报告，把这一目标确定在增长5.5%左右。2021年我国GDP同比增长8.1%。"
    page = Document("r", "r.md", "", 0, "utf-8", img + text + img, text, None, year=None)
    assert parse_report_year(page) == 2022


def _describe(text: str, year: int, quotes: list[str]) -> list[tuple[str | None, str]]:
    """(period, value_kind) of each quote, described in text order as the extractor does."""
    resolver = ContextResolver(_page(text, year))
    out, pos = [], 0
    for quote in quotes:
        start = text.index(quote, pos)
        pos = start + len(quote)
        ctx = resolver.describe(start, pos)
        out.append((ctx.period, ctx.value_kind))
    return out


#: (text, report year, quotes in order, expected (period, value_kind) of each).
GOALS = {
    "new dev: 国新办吹风会 on the 2022 report (news_national_gwr_2022_briefing_tasks)": [
        (
            "国务院研究室副主任向东介绍，今年要着重做好以下方面：\n"
            "二是加大宏观政策实施力度。今年财政、货币、就业优先等政策力度不小，财政支出超过26万亿元，"
            "退税减税约2.5万亿元，货币政策要强化对实体经济的支持。",
            2022,
            ["超过26万亿元", "约2.5万亿元"],
            [("2022", "target"), ("2022", "target")],
        ),
    ],
    "dev: 经济日报 commentary (news_national_gwr_2022_gdp_target)": [
        (
            "今年的政府工作报告，把这一目标确定在增长5.5%左右。如何看待这一预期增长目标？\n"
            "5.5%是务实理性的，体现了发展为要。\n"
            "5.5%是高基数上的中高速增长，体现了主动作为。2021年我国GDP同比增长8.1%，过去两年平均增长5.1%。",
            2022,
            ["5.5%左右", "5.5%", "5.5%", "8.1%", "5.1%"],
            [
                ("2022", "target"),
                ("2022", "target"),
                ("2022", "target"),
                ("2021", "actual"),
                ("2020-2021", "actual"),
            ],
        ),
    ],
    "public texts: what the report sets out (app news feeds quoting 2018 and 2019 两会 news)": [
        (
            "今年两会政府工作报告中提出，今年中小企业宽带平均资费再降低15%，移动网络流量平均资费再降低20%以上。"
            "随后中国移动、中国电信、中国联通三大运营商作出回应，坚决落实提速降费。",
            2018,
            ["15%", "20%以上"],
            [("2018", "target"), ("2018", "target")],
        ),
        (
            "今年政府工作报告提出，全年减轻企业税收和社保缴费负担近2万亿元。"
            "海外观察人士表示，中国政府此次加大减税降费力度，将提振实体经济发展信心。",
            2019,
            ["近2万亿元"],
            [("2019", "target")],
        ),
    ],
    "public texts: 新华网 2015, the report's review (李克强说，过去一年…)": [
        (
            "今日上午9时，十二届全国人大三次会议在人民大会堂举行开幕会，国务院总理李克强作政府工作报告。\n"
            "李克强说，过去一年，我国发展面临的国际国内环境复杂严峻。"
            "增速稳，国内生产总值达到63.6万亿元，比上年增长7.4%，在世界主要经济体中名列前茅。",
            2015,
            ["63.6万亿元", "7.4%"],
            [("2014", "actual"), ("2014", "actual")],
        ),
    ],
    "corpus: the 2020 national report's plan, read as news": [
        (
            "今年继续执行下调增值税税率和企业养老保险费率等制度，新增减税降费约5000亿元。",
            2020,
            ["约5000亿元"],
            [("2020", "target")],
        ),
    ],
    "corpus sentence with a 去年 put in front: a past year's budget is an outturn": [
        (
            "去年减税降费2.36万亿元，超过原定的近2万亿元规模，制造业和小微企业受益最多。",
            2020,
            ["2.36万亿元"],
            [("2019", "actual")],
        ),
    ],
    "corpus sentence with 今年以来 put in front: a running total is an outturn": [
        (
            "今年以来，新增减税降费约5000亿元，制造业和小微企业受益最多。",
            2020,
            ["约5000亿元"],
            [("2020", "actual")],
        ),
    ],
}


@pytest.mark.parametrize(("text", "year", "quotes", "expected"), _cases(GOALS))
def test_goals_in_news_on_a_report(text: str, year: int, quotes: list[str], expected: list) -> None:
    assert _describe(text, year, quotes) == expected


def test_news_on_a_national_briefing_is_about_the_country() -> None:
    text = (
        "3月5日下午，国务院新闻办公室举行吹风会，解读《政府工作报告》有关情况。\n"
        "今年财政、货币、就业优先等政策力度不小，财政支出超过26万亿元。"
    )
    start = text.index("超过26万亿元")
    assert ContextResolver(_page(text, 2022)).describe(start, start + 8).area == "全国"
    # a page that names a city is left to the place rules
    city = text.replace("解读", "深圳市解读")
    assert ContextResolver(_page(city, 2022)).describe(start + 3, start + 11).area != "全国"
