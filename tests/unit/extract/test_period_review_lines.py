"""Periods in excerpts of 2026 reports cut from the middle of the text: five-year reviews and goals.

Sentences are real, from the provincial reports added to the dev set in the sixth session (each
test names its dev document; the few clauses written for a contrast say so). The pages are read
as the excerpts are, with no title: the file name carries the report's year. Covered: a review's
heading line 这是…的五年。, a paragraph closed by 五年来, an excerpt opening inside a review, a plan's
start or close named as an event, levels held and changes counted over N years, a year's total
named alone, records over recent years, ranks of a change, counts per year, shares within the
plan's goals, and a government's review read as a report.
"""

from __future__ import annotations

import pytest

from pipeline.extract import extract_figures
from pipeline.ingest import read_report
from tests.unit.extract.conftest import figures_by_quote

GUANGDONG = (
    "这是城乡区域协调发展取得新进展的五年。\n"
    "“百千万工程”有效激发县镇村发展活力，全省常住人口城镇化率提高到76.58%、居各省区首位，"
    "城乡居民收入比从2.50:1缩小至2.27:1。累计建设24个国家现代农业产业园。\n"
    "这是人民生活品质不断提高的五年。\n"
    "实施“民生十大工程”，居民人均可支配收入五年增长30.8%。城镇累计新增就业超700万人。\n"
)


@pytest.mark.parametrize(
    ("quote", "period"),
    [
        ("24个", "2021-2025"),  # a flow over the five years
        ("超700万人", "2021-2025"),
        ("76.58%", "2025"),  # a level reached at the end
        ("2.50:1", "2020"),  # the start of a change over the span
        ("2.27:1", "2025"),
    ],
)
def test_a_review_line_dates_the_paragraph_under_it(tmp_path, quote, period):
    found = figures_by_quote(tmp_path, GUANGDONG, "gwr_guangdong_2026_review.txt")
    assert found[quote].period == period


def test_growth_under_a_review_line_is_over_the_span(tmp_path):
    found = figures_by_quote(tmp_path, GUANGDONG, "gwr_guangdong_2026_review.txt")
    assert (found["30.8%"].period, found["30.8%"].growth_basis) == ("2021-2025", "cumulative")


def test_only_a_sentence_opening_with_zheshi_is_a_review_line(tmp_path):
    page = "2025年，我们打好这场攻坚战，用了整整五年。\n累计建设24个国家现代农业产业园。\n"
    found = figures_by_quote(tmp_path, page, "gwr_x_2026.txt")
    assert found["24个"].period == "2025"


HENAN_GOALS = (
    "“十五五”时期经济社会发展的主要目标是：全社会研发经费投入年均增长10%以上，"
    "战略性新兴产业增加值占规上工业比重30%，制造业比重稳定合理增长。\n"
)


def test_a_goal_share_naming_its_own_whole_is_the_plans_end_level(tmp_path):
    found = figures_by_quote(tmp_path, HENAN_GOALS, "gwr_henan_2026_goals.txt")
    assert found["30%"].period == "2030"  # not a share of the R&D flow before it
    assert found["10%以上"].period == "2026-2030"


#: Five-year reviews of the 2026 河南 and 江苏 reports (dev gwr_henan_2026_mid_excerpt,
#: gwr_jiangsu_2026_excerpt): a level held for the years the text counts.
HELD = (
    "过去五年，我们积极应对气候变化影响，粮食总产量连续9年稳定在1300亿斤以上。"
    "新建全国法治政府示范地区和项目12个，群众安全感连续7年保持98%以上。\n"
)


@pytest.mark.parametrize(("quote", "period"), [("1300亿斤以上", "2017-2025"), ("98%以上", "2019-2025")])
def test_a_level_held_for_n_years_covers_those_years(tmp_path, quote, period):
    found = figures_by_quote(tmp_path, HELD, "gwr_2026_review.txt")
    assert found[quote].period == period
    assert found["12个"].period == "2021-2025"  # the flow beside it keeps the span


#: The 2026 湖北 report (dev gwr_hubei_2026_mid_excerpt): a paragraph that opens on the year's goal
#: and names the five-year plan it agrees with later in the sentence.
HUBEI_GOAL = (
    "各位代表：\n今年是“十五五”开局之年，做好今年工作意义重大。经济社会发展主要预期目标是："
    "经济增长5.5%左右，在实际工作中努力争取更好结果；城镇新增就业70万人以上。\n"
    "5.5%左右的预期增长目标与“十五五”发展目标总体衔接，与湖北经济增长潜力基本吻合，"
    "是一个既积极有为又切实可行的目标，有利于确保“十五五”开好局、起好步。\n"
)


def test_a_report_paragraph_opening_on_its_goal_keeps_the_goals_year(tmp_path):
    path = tmp_path / "gwr_hubei_2026.txt"
    path.write_text(HUBEI_GOAL, encoding="utf-8")
    doc = read_report(path)
    opening = HUBEI_GOAL.index("5.5%左右的预期增长目标")
    (restated,) = [f for f in extract_figures(doc).figures if f.char_start == opening]
    assert (restated.period, restated.value_kind) == ("2026", "target")


#: The 2026 河南 report's five-year review (dev gwr_henan_2026_mid_excerpt): the year's totals
#: named alone, then a flow over the span.
HENAN_TOTALS = (
    "过去的五年极不寻常、极不平凡。"
    "综合实力稳步提升。生产总值6.66万亿元，财政总收入7019亿元，规上工业企业营收5万亿元，"
    "社会消费品零售总额2.9万亿元，进出口总值9356.7亿元。经营主体1160.5万户。"
    "民营经济活力迸发，新增经营主体370万户。\n"
)


@pytest.mark.parametrize(
    ("quote", "period"),
    [
        ("6.66万亿元", "2025"),
        ("7019亿元", "2025"),
        ("5万亿元", "2025"),
        ("2.9万亿元", "2025"),
        ("9356.7亿元", "2025"),
        ("1160.5万户", "2025"),
        ("370万户", "2021-2025"),  # the stock's flow over the span keeps it
    ],
)
def test_a_years_total_named_in_a_five_year_review_is_the_last_years(tmp_path, quote, period):
    found = figures_by_quote(tmp_path, HENAN_TOTALS, "gwr_henan_2026.txt")
    assert found[quote].period == period


#: The 2026 河北 report (dev gwr_hebei_2026_mid_excerpt): the year's targets after a sentence that
#: names the plan's start as an event (确保“十五五”良好开局).
HEBEI_TARGETS = (
    "三、2026年主要工作\n"
    "今年是“十五五”起步之年，我们要深入贯彻中央经济工作会议精神，认真落实省委部署，"
    "坚持稳中求进、提质增效，确保“十五五”良好开局。主要预期目标是：地区生产总值增长5%以上，"
    "一般公共预算收入增长2%左右，城镇调查失业率控制在5.5%左右。\n"
)


@pytest.mark.parametrize("quote", ["5%以上", "2%左右", "5.5%左右"])
def test_the_plans_start_named_as_an_event_dates_no_figure(tmp_path, quote):
    found = figures_by_quote(tmp_path, HEBEI_TARGETS, "gwr_hebei_2026.txt")
    assert (found[quote].period, found[quote].value_kind) == ("2026", "target")


def test_a_change_whose_ends_are_dated_is_a_from_to_pair(tmp_path):
    """河北 2026 (dev gwr_hebei_2026_mid_excerpt): each end of the change takes the year written
    before it, and 增长到 is growth, not a deadline moved (延长到)."""
    text = "全省生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元、实现万亿级跃升。\n"
    found = figures_by_quote(tmp_path, text, "gwr_hebei_2026.txt")
    start, end = found["3.68万亿元"], found["4.93万亿元"]
    assert (start.measure, start.period, end.measure, end.period) == ("from", "2020", "to", "2025")
    assert start.link_id == end.link_id is not None


def test_a_count_per_year_of_a_review_covers_the_span(tmp_path):
    """重庆 2026 (dev gwr_chongqing_2026_mid_excerpt): 每年/年均 counts are yearly levels across the
    five years; the stocks beside them (增至12家) are the last year's."""
    text = (
        "五年来，文化生活更加丰富多彩，国家5A级旅游景区增至12家，每年开展流动文化进基层活动超过3万场次，"
        "公共文化机构年均服务群众超过9000万人次。\n"
    )
    found = figures_by_quote(tmp_path, text, "gwr_chongqing_2026.txt")
    assert found["12家"].period == "2025"
    assert found["超过3万场次"].period == found["超过9000万人次"].period == "2021-2025"
    assert found["超过3万场次"].unit == "万场次"  # 场次 counts events held, as 人次 counts visits


def test_the_rank_of_a_change_over_a_review_covers_the_span(tmp_path):
    """云南 and 江西 2026 (dev gwr_yunnan_2026_mid_excerpt, gwr_jiangxi_2026_mid_excerpt_gbk): a rank of
    an increase (增量, 提升幅度) ranks the change over the five years; a rank of a level (the last clause,
    written here for the contrast) is the last year's."""
    text = (
        "五年来，近5年人均预期寿命增量居全国第1位。"
        "有效期内高新技术企业达7800家，综合科技创新水平指数达69.63%、提升幅度居全国第1，区域创新能力居全国第9位。\n"
    )
    found = figures_by_quote(tmp_path, text, "gwr_2026_review.txt")
    assert found["全国第1位"].period == found["全国第1"].period == "2021-2025"
    assert found["全国第9位"].period == found["7800家"].period == "2025"


#: The 2026 山西 report from below its 十四五 heading (dev gwr_shanxi_2026_mid_excerpt): the opening
#: paragraph names no span, but 年均 and a change from 2020 to 2025 are a five-year review's words.
SHANXI_OPENING = (
    "——经济运行稳中有进。地区生产总值超过2.5万亿元、年均增长5%。人均GDP从2020年的5.2万元提高到2025年的7.4万元。"
    "“两新”政策持续扩围提质，196个“两重”项目全部开工。开展重大项目建设年行动，实施省级重点工程项目超2000个，"
    "完成投资超万亿元。\n"
    "各位代表！过去五年成绩的取得，根本在于以习近平同志为核心的党中央领航掌舵。\n"
)


@pytest.mark.parametrize(
    ("quote", "period"),
    [("5%", "2021-2025"), ("196个", "2021-2025"), ("超2000个", "2021-2025"), ("超过2.5万亿元", "2025")],
)
def test_an_excerpt_opening_inside_a_five_year_review_takes_the_span(tmp_path, quote, period):
    found = figures_by_quote(tmp_path, SHANXI_OPENING, "gwr_shanxi_2026.txt")
    assert found[quote].period == period


def test_a_year_review_opening_is_not_a_span(tmp_path):
    """One mark (年均) in a paragraph that reviews one year is no five-year review."""
    text = (
        "过去一年，全省地区生产总值增长5.2%，城乡居民收入年均增长6%。196个“两重”项目全部开工。\n"
        "各位代表！\n"
    )
    assert figures_by_quote(tmp_path, text, "gwr_shanxi_2026.txt")["196个"].period == "2025"


def test_n_years_after_a_verb_is_a_duration_not_a_date(tmp_path):
    """山西 2026: 晋祠泉断流30年后稳定复流 says how long the spring was dry; it dates nothing."""
    text = "五年来，生态环境持续改善。晋祠泉断流30年后稳定复流。入选全国美丽河湖优秀案例3个。\n各位代表！\n"
    assert figures_by_quote(tmp_path, text, "gwr_shanxi_2026.txt")["3个"].period == "2021-2025"


def test_a_threshold_passed_for_n_years_covers_those_years(tmp_path):
    """天津 2026 (dev gwr_tianjin_2026_mid_excerpt): 连续3年突破百亿元 is the level of each of 3 years."""
    text = "五年来，乡村振兴全面推进，“津农精品”销售额连续3年突破百亿元。\n各位代表！\n"
    assert figures_by_quote(tmp_path, text, "gwr_tianjin_2026.txt")["突破百亿元"].period == "2023-2025"


def test_a_change_counted_over_n_years_covers_them(tmp_path):
    """吉林 2026 (dev gwr_jilin_2026_mid_excerpt_gbk): 3年增长58.6% is the change of the last 3 years."""
    text = "这五年，财政收入达到1350亿元，3年增长58.6%。\n各位代表！\n"
    found = figures_by_quote(tmp_path, text, "gwr_jilin_2026.txt")
    assert (found["58.6%"].period, found["1350亿元"].period) == ("2023-2025", "2025")


#: 黑龙江 2026 (dev gwr_heilongjiang_2026_mid_excerpt_gbk): the year's review, with records said of
#: the years before (近七年最高, 近五年最高) that date nothing.
HEILONGJIANG_RECORDS = (
    "（九）民生保障有力有效。民生支出占一般公共预算支出87%，城乡居民人均可支配收入分别增长4.4%、5.8%。"
    "就业形势总体稳定，高校毕业生毕业去向落实率为近七年最高。城乡低保标准分别增长9.9%、13.2%，"
    "困难残疾人生活补贴标准提高25%，增幅均为近五年最高。改造水热气等管网3656公里。\n各位代表！\n"
)


@pytest.mark.parametrize("quote", ["9.9%", "25%", "3656公里"])
def test_a_record_over_recent_years_dates_nothing(tmp_path, quote):
    found = figures_by_quote(tmp_path, HEILONGJIANG_RECORDS, "gwr_heilongjiang_2026.txt")
    assert found[quote].period == "2025"
    assert found[quote].growth_basis in (None, "yoy")


#: 贵州 2026 (dev gwr_guizhou_2026_mid_excerpt): a section of the five-year review that names its span
#: only in its closing sentence, after the year's review closed with the plan's end.
GUIZHOU_SECTION = (
    "各位代表！2025年主要目标任务的完成，标志着“十四五”规划顺利收官。回望过去五年，贵州经济社会发展条件明显改善。\n"
    "（五）大力推进以人为本的新型城镇化。累计完成棚户区改造47.63万户（套）、老旧小区改造68.56万户、"
    "背街小巷改造5667条，建设改造城镇地下管网2.24万公里。创建全国文明城市8个。"
    "五年来，贵州城市品质不断提升，人气更旺、烟火气更浓、带动力更强！\n"
)


@pytest.mark.parametrize("quote", ["47.63万户", "2.24万公里", "8个"])
def test_a_review_section_closed_by_its_span_is_about_it_throughout(tmp_path, quote):
    found = figures_by_quote(tmp_path, GUIZHOU_SECTION, "gwr_guizhou_2026.txt")
    assert (found[quote].period, found[quote].value_kind) == ("2021-2025", "actual")


def test_a_range_of_years_before_a_change_dates_its_ends(tmp_path):
    """贵州 2026 (dev gwr_guizhou_2026_mid_excerpt): 2020年到2025年，…从X提升到Y is a change over
    2021-2025 whose start is 2020's; the previous plan named as a multiple's base dates nothing."""
    text = (
        "五年来，工业发展成效明显。2020年到2025年，工业投资占固定资产投资比重从17.9%提升到35.5%，"
        "工业税收占全部税收比重从34.6%提升到49%。省国资委监管企业“十四五”时期利润总额为“十三五”时期的2.2倍。"
        "全省高速公路通车里程突破9500公里。\n各位代表！\n"
    )
    found = figures_by_quote(tmp_path, text, "gwr_guizhou_2026.txt")
    assert (found["17.9%"].period, found["35.5%"].period) == ("2020", "2025")
    assert found["突破9500公里"].period == "2025"  # not 2020: 十三五 was the multiple's base


def test_an_excerpt_of_a_governments_review_is_a_report(tmp_path):
    """新疆 2026 (dev gwr_xinjiang_2026_mid_excerpt_gbk): no address to the congress in the excerpt,
    but a government reviewing its own work (这五年，我们…; 一年来，我们…) speaks in a report, so
    the year's review holds for the section after its headline paragraph."""
    from benchmarks.accuracy import decode_source
    from tests.unit.extract.conftest import DEV_EXTRA

    source = decode_source(DEV_EXTRA / "gwr_xinjiang_2026_mid_excerpt_gbk.txt")
    sentence = "出台纺织服装“新九条”政策措施，纺织服装产业增加值增长23.6%。"
    assert sentence in source
    text = (
        "这五年，我们坚定不移聚焦重点领域和关键环节改革攻坚，经营主体总量276.81万户。\n"
        "刚刚过去的2025年是新疆发展历程中具有重要里程碑意义的一年。一年来，我们坚决贯彻落实党中央、国务院重大决策部署。\n"
        "（三）加快构建现代化产业体系。" + sentence + "\n"
    )
    found = figures_by_quote(tmp_path, text, "gwr_xinjiang_2026.txt")
    assert (found["23.6%"].period, found["23.6%"].growth_basis) == ("2025", "yoy")
