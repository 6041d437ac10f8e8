"""Dating an undated text by its year's place in a five-year plan or an anniversary.

Cases are real sentences: from the dev corpus (tests/fixtures/corpus, dev_extra, seeds) and
from public Chinese texts found with the code search (news, speeches, meeting reports),
each with the year it was written in. Negatives are sentences that name a milestone of
another year: a goal (为“十四五”开好局), a review told without a 今年 subject (我们隆重庆祝…),
or an explicit year (2025年是“十四五”收官之年, left to the explicit-year clues).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from benchmarks.accuracy import ablate_own_dates, decode_source
from pipeline.extract.context_year import (
    parse_base_year,
    parse_latest_fact_year,
    parse_milestone_year,
    parse_past_year,
    parse_report_season_year,
    parse_report_year,
)
from pipeline.ingest import read_report
from pipeline.ingest.document import Document
from tests.unit.extract.conftest import DEV_EXTRA, SOURCES

#: Real sentences said of the text's own year or of the year it reviews -> the text's year.
POSITIVE = {
    "public texts": [
        (
            "中国电信董事长柯瑞文指出，今年是“十四五”开局之年，中国数字经济蓬勃发展，中国电信将继续把握新发展阶段。",
            2021,
        ),
        ("今年是“十三五”开局之年，也是全面建成小康社会决胜阶段的开局之年。万事开头难。", 2016),
        ("舒印彪提出，今年是“十三五”起步之年，高质量完成全年任务，对实现公司2020年发展目标至关重要。", 2016),
        ("他说，今年是“十四五”规划收官之年、“十五五”规划谋篇布局之年，做好今年工作意义重大。", 2025),
        (
            "今年是中国共产党成立98周年，是中华人民共和国成立70周年，也是决胜全面建成小康社会、实施“十三五”规划承上启下的关键一年。",
            2019,
        ),
        (
            "今年是新中国成立70周年，2020年是全面建成小康社会收官之年，2021年是我们党成立100周年，每个年份都是重要时间节点。",
            2019,
        ),
        ("会议强调，今年是新中国成立70周年，是全面建成小康社会、实现第一个百年奋斗目标的关键之年。", 2019),
        ("今年是新中国成立75周年，是实现“十四五”规划目标任务的关键一年。", 2024),
        ("今年是中国共产党成立100周年。习近平总书记强调，一百年来，中国共产党弘扬伟大建党精神。", 2021),
        ("习近平指出，今年是改革开放40周年。40年来，中国发展成就令世界刮目相看。", 2018),
        (
            "深圳是中国改革开放以后建立的第一个经济特区。今年是改革开放四十周年，深圳作为中国改革开放的先行者。",
            2018,
        ),
        (
            "扶贫相关捐赠的占比在逐年增长，去年就已经超过了95%。今年是全面建成小康社会的收官之年，也是打赢脱贫攻坚战的决胜之年。",
            2020,
        ),
    ],
    # Constructed on the brief's pattern (过去的一年是…收官之年): no real review-year sentence of
    # this form turned up in the searchable texts, so these two guard the rule, not a corpus.
    "constructed: the year under review (the text speaks from the next year)": [
        ("一、过去一年工作回顾\n过去一年，是“十四五”规划实施的第二年。", 2023),
        ("过去的一年，是“十三五”规划圆满收官之年，是全面建成小康社会取得决定性成就之年。", 2021),
    ],
}

#: Real sentences naming a milestone that is not the text's own year (or not by a 今年 subject).
NEGATIVE = {
    "goals and the year ahead": [
        "要为“十四五”开好局、起好步打下坚实基础。",  # a 2020 text looking ahead
        "强身健体的同时和这么多光华人一起为建党100周年献礼，非常有意义。",
        "赛前，联系学院校党委委员刘龙昌副校长寄望取得好的成绩，向建党100周年献礼。",
        "明年是全面建成小康社会和“十三五”规划收官之年。",
    ],
    "explicit years (other clues read them)": [
        "2011年是“十二五”开局之年，中国的发展进入全面建设小康社会的关键时期。",
        "2022年是我国“十四五”规划的第二年，在全面建设社会主义现代化国家新征程中。",
        "据国海证券研究报告分析，作为“十二五”收官之年，2015年污泥投资较过往将有较高增速。",
    ],
    "a review with no year subject": [
        "我们隆重庆祝中华人民共和国成立70周年，极大激发全国各族人民的爱国热情。",  # national GWR 2020
        "“十三五”收官 人均生产总值突破11万元",  # seed headline (a 2021 text)
        "取得了一批振奋人心的成绩，实现了“十四五”圆满收官。",  # Hunan GWR 2026
    ],
    "constructed: a comparison base is no subject": [
        "全市生产总值比去年增长5.1%，是“十四五”开局以来最高。",
    ],
    "no plan or anniversary named": [
        "过去一年，是全面贯彻党的二十大精神的开局之年，是本届政府依法履职的第一年。",
        "今年是承上启下之年，既可为明年做准备，也可在今年内完成一些关键节点。",
    ],
}


def _cases(table):
    return [
        pytest.param(*case, id=f"{group}:{i}")
        for group, cases in table.items()
        for i, case in enumerate(cases)
    ]


@pytest.mark.parametrize(("sentence", "year"), _cases(POSITIVE))
def test_milestone_said_of_the_text_year(sentence: str, year: int) -> None:
    assert parse_milestone_year(sentence) == year


@pytest.mark.parametrize(
    "sentence", [pytest.param(s, id=f"{g}:{i}") for g, ss in NEGATIVE.items() for i, s in enumerate(ss)]
)
def test_milestone_of_another_year_is_no_clue(sentence: str) -> None:
    assert parse_milestone_year(sentence) is None


def _page(text: str) -> Document:
    """A saved page with no metadata: the reader found no date, title year or byline."""
    return Document("r", "r.txt", "", len(text.encode()), "utf-8", text, text, None, year=None)


def test_undated_page_takes_its_milestone_year_before_later_years_it_names() -> None:
    # A real 2019 commentary: without the milestone clue the latest year named (2021) would win.
    text = (
        "履行好党和人民赋予的新时代职责使命，就要坚持“稳”字当头，把保安全、护稳定的各项措施抓紧抓实。"
        "今年是新中国成立70周年，2020年是全面建成小康社会收官之年，2021年是我们党成立100周年，"
        "每个年份都是重要时间节点，是做好各项工作的重要坐标。今年防风险、保安全、护稳定的任务尤为艰巨繁重。"
    )
    assert parse_report_year(_page(text)) == 2019


def test_undated_meeting_report_dated_by_plan_place_not_by_its_goal_year() -> None:
    text = (
        "会议要求，认真落实全年各项任务。舒印彪提出，今年是“十三五”起步之年，高质量完成全年任务，"
        "对实现公司2020年发展目标至关重要。下半年工作总的要求是：确保完成全年目标任务，实现“十三五”发展良好开局。"
    )
    assert parse_report_year(_page(text)) == 2016


#: Dev texts whose own dating clues are sound once their metadata is dropped.
_DATED_BY_TEXT = [
    "seed",
    "gwr_national_2020",
    "gwr_fujian_2026",
    "news_fujian_cities_gdp_2022h1",
    "news_guangdong_cities_gdp_2021q1q3",
    "news_top10_cities_gdp_2021",
    "news_national_gdp_2021q3",
    # dated by the report-season clue (今年的政府工作报告 + 2021年我国GDP同比增长8.1%) before the
    # vote of its addresses (the footer's /20200514/ QR image)
    "news_national_gwr_2022_gdp_target",
]
#: Known failures: undated, these pages are misdated by the older addresses they link to.
_MISDATED_BY_ADDRESSES = [
    "news_zhejiang_decade_2022",
    "news_xian_econ_2021m01_07",
]
_DEV = {**SOURCES, "gwr_hunan_2026_excerpt": DEV_EXTRA / "gwr_hunan_2026_excerpt.txt"}


@pytest.mark.parametrize("name", [*_DATED_BY_TEXT, "gwr_hunan_2026_excerpt"])
def test_undated_dev_text_gets_its_year(name: str) -> None:
    doc = read_report(_DEV[name])
    assert doc.year is not None
    assert parse_report_year(replace(doc, year=None, published_at=None)) == doc.year


@pytest.mark.xfail(strict=True, reason="dated addresses of older linked pages outvote the text")
@pytest.mark.parametrize("name", _MISDATED_BY_ADDRESSES)
def test_undated_dev_text_misdated_by_links(name: str) -> None:
    doc = read_report(_DEV[name])
    assert parse_report_year(replace(doc, year=None, published_at=None)) == doc.year


@pytest.mark.parametrize("name", sorted(_DEV))
def test_dev_milestones_of_other_years_are_not_read_as_the_text_year(name: str) -> None:
    # The dev texts name milestones only of reviewed years without a subject (我们隆重庆祝…70周年,
    # 实现了“十四五”圆满收官) or with an explicit year (2026年是“十五五”开局之年): none is a clue here.
    assert parse_milestone_year(read_report(_DEV[name]).clean_text) is None


# --------------------------------------------------------------------------- undated pages
# Real sentences of the dev corpus, each with the year its text speaks from (its dated year).

#: The latest year named as a fact: a part of a year (2021年前三季度) is a fact of that year, not
#: a deadline (2025年前); a comparison base (比疫情前的2019年同期, 较2019年) is a past year.
LATEST_FACT = {
    "a part of the year is a fact of that year": [
        (
            "数据显示，2021年前三季度佛山外贸进出口总值达4757.9亿元，同比增长37.6%，高于同期全省18.6%的增速。",
            2021,
        ),
    ],
    "comparison bases are left out": [
        (
            "1-9月，深圳社会消费品零售总额6959.02亿元，同比增长15.1%，比疫情前的2019年同期增长4.9%，两年平均增长2.4%。",
            None,
        ),
        (
            "在近日公布的《2020年中国外贸竞争力百强城市榜单》中，佛山排名超越成都、南京、杭州等城市，"
            "居全国第13位，较2019年上升了2位。",
            2020,
        ),
    ],
    "constructed: a deadline is still left out": [("力争2025年前建成，2021年前三季度增长9.8%。", 2021)],
    "constructed: 比重, 较快 are no comparison": [
        ("第三产业占比重2021年达到55%。", 2021),
        ("保持较快增长的2021年，全市生产总值增长8%。", 2021),
    ],
}

#: A text that names years only as comparison bases speaks from after them (N-year averages: N years).
BASE_ONLY = {
    "news_xian_econ_2021m01_07": [
        (
            "1-7月，西安市固定资产投资（不含农户）同比增长7.4%，比2019年1-7月增长20.5%，两年平均增长9.8%。",
            2021,
        ),
        (
            "1-7月，西安市限额以上企业（单位）消费品零售额1465.32亿元，同比增长14.9%，比2019年1-7月增长5.1%，两年平均增长2.5%。",
            2021,
        ),
    ],
    "constructed: one year on without an average": [("全市生产总值比2020年增长8%。", 2021)],
    "no base year": [("前三季度，深圳进出口总额也达到25107.51亿元，位居全省第一，同比增长15.2%。", None)],
}

#: The year the text calls just past.
PAST_YEAR = {
    "news_top10_cities_gdp_2021": [("刚刚过去的2021年，我国诞生了首个“四万亿”城市。", 2022)],
    "constructed: not a year just past": [
        ("过去的2021年前三季度，全市增长9%。", None),
        ("2021年，全市增长8%。", None),
    ],
}


@pytest.mark.parametrize(("sentence", "year"), _cases(LATEST_FACT))
def test_latest_fact_year(sentence: str, year: int | None) -> None:
    assert parse_latest_fact_year(sentence) == year


@pytest.mark.parametrize(("sentence", "year"), _cases(BASE_ONLY))
def test_base_year_dates_a_text_after_its_comparison_base(sentence: str, year: int | None) -> None:
    assert parse_base_year(sentence) == year


@pytest.mark.parametrize(("sentence", "year"), _cases(PAST_YEAR))
def test_year_just_past(sentence: str, year: int | None) -> None:
    assert parse_past_year(sentence) == year


def test_undated_page_of_comparisons_speaks_from_the_base_plus_its_average_span() -> None:
    # the xian note names 2019 only as the base of 两年平均: with no other clue it was dated 2019
    text = "工业生产稳中有升。" + BASE_ONLY["news_xian_econ_2021m01_07"][0][0]
    assert parse_report_year(_page(text)) == 2021


def test_undated_page_part_year_beats_the_base_it_compares_with() -> None:
    (fact, _), (base, _) = (
        LATEST_FACT["a part of the year is a fact of that year"][0],
        LATEST_FACT["comparison bases are left out"][0],
    )
    assert parse_report_year(_page("今年以来，" + base + fact)) == 2021


#: Dev pages that give no year of their own once their dates are blanked out (see
#: benchmarks/accuracy.py --undated): the briefing note names no year at all; the Zhejiang
#: decade review names 2013 (a change's start) and 2016 (2016年来) and nothing later.
_UNDATABLE = {"news_national_gwr_2022_briefing_tasks", "news_zhejiang_decade_2022"}


def _undated_copy(name: str, tmp_path) -> Document:
    source = _DEV[name]
    copy = tmp_path / f"page{source.suffix}"
    copy.write_bytes(ablate_own_dates(decode_source(source)).encode("utf-8"))
    return read_report(copy)


@pytest.mark.parametrize("name", sorted(set(_DEV) - _UNDATABLE))
def test_dev_page_with_its_dates_blanked_out_keeps_its_year(name: str, tmp_path) -> None:
    dated = read_report(_DEV[name])
    assert parse_report_year(_undated_copy(name, tmp_path)) == parse_report_year(dated)


@pytest.mark.xfail(strict=True, reason="no year of its own in the text (see _UNDATABLE)")
@pytest.mark.parametrize("name", sorted(_UNDATABLE))
def test_undatable_dev_page(name: str, tmp_path) -> None:
    dated = read_report(_DEV[name])
    assert parse_report_year(_undated_copy(name, tmp_path)) == parse_report_year(dated)


#: A text about this year's work report (今年的政府工作报告, from the dev 2022 commentary) with a
#: full-year outturn of year N speaks from N+1. The outturns: the dev commentary's own sentence,
#: and two public encyclopedia sentences that open with the year and a comma, the GDP named
#: right before its number.
_REPORT_2022 = "今年的政府工作报告，把这一目标确定在增长5.5%左右。"
SEASON = {
    "news_national_gwr_2022_gdp_target": [
        (_REPORT_2022 + "2021年我国GDP同比增长8.1%，过去两年平均增长5.1%。", 2022)
    ],
    "public texts: the year, a comma, the GDP's name and its number": [
        (_REPORT_2022 + "2024年，全省地区生产总值141633.81亿元，比上年增长3.5%。", 2025),
        (_REPORT_2022 + "2021年，全市实现地区生产总值28231.97亿元。", 2022),
    ],
    "not an outturn": [
        (_REPORT_2022 + "2021年中央经济工作会议再次强调，必须坚持高质量发展。", None),
    ],
}


@pytest.mark.parametrize(("text", "year"), _cases(SEASON))
def test_report_season_year(text: str, year: int | None) -> None:
    assert parse_report_season_year(text) == year


def test_an_undated_national_page_is_dated_by_its_session(tmp_path):
    from tests.unit.extract.conftest import figures_by_quote

    page = (
        "3月5日，十四届全国人大一次会议在北京开幕。国务院总理李克强作政府工作报告。\n"
        "报告提出，今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右。\n"
    )
    found = figures_by_quote(tmp_path, page, "national_session.txt")
    assert found["5%左右"].period == "2023"  # the 14th congress's first session meets in 2023


#: The 2026 targets of gwr_shandong_2026_goals_excerpt (tests/fixtures/dev_extra), cut before the
#: paragraph names any year: a goals excerpt that says only 今年 and 全年.
_UNDATED_GOALS = (
    "做好今年工作，必须坚持稳中求进、提质增效，重点抓好以下十个方面：\n"
    "积极扩大有效投资。推进2000个省级重点项目、完成投资9800亿元以上，"
    "力争全年完成交通投资2300亿元、能源投资2100亿元、水利投资900亿元。\n"
)


@pytest.mark.parametrize(
    ("name", "period"),
    [
        ("2026_山东省_政府工作报告.txt", "2026"),
        ("gwr_shandong_2026_goals.txt", "2026"),
        ("goals_excerpt.txt", None),  # no year anywhere: the period stays empty
        ("000_809e7810154ce7d6.txt", None),  # a hash-like name carries no year
    ],
)
def test_a_text_with_no_year_takes_its_file_names_year(tmp_path, name, period):
    from tests.unit.extract.conftest import figures_by_quote

    found = figures_by_quote(tmp_path, _UNDATED_GOALS, name)
    assert found["2300亿元"].period == period
    assert found["2300亿元"].value_kind == "target"


def test_a_year_in_the_text_outranks_the_file_name(tmp_path):
    from tests.unit.extract.conftest import figures_by_quote

    found = figures_by_quote(tmp_path, "今年是“十五五”开局之年。" + _UNDATED_GOALS, "2021_report.txt")
    assert found["2300亿元"].period == "2026"  # the plan's first year dates the text, not the name


@pytest.mark.parametrize(
    ("name", "year"),
    [("gwr_shanghai_2026_mid_excerpt.txt", 2026), ("gwr_baoding_2021_excerpt.txt", 2021)],
)
def test_a_report_submitting_a_plans_draft_is_of_the_plans_first_year(tmp_path, name, year):
    """The 上海 excerpt writes no year (its review says 过去一年 and 这五年); like the 2021 保定
    report it submits a five-year plan's draft, which a congress adopts in the plan's first year.
    Read under a neutral name, so the file name cannot date it."""
    copy = tmp_path / "excerpt.txt"
    copy.write_bytes((DEV_EXTRA / name).read_bytes())
    assert parse_report_year(read_report(copy)) == year
