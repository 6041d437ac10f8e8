"""Periods in a provincial report's five-year review and its next-plan section.

The page is a real excerpt of the 2026 江西省 government work report (sentences kept verbatim,
some trimmed), a report no rule was written from: the 十四五 review (五年来…) reports levels
reached at its end, levels held through it and flows over it; the 十五五 section names 2035 as
a horizon in passing, which must not date the plan's own goals.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import figures_by_quote

PAGE = """2026年江西省政府工作报告
——2026年1月27日在江西省第十四届人民代表大会第四次会议上
一、2025年工作及“十四五”时期发展回顾
过去一年，面对错综复杂的国内外形势，顺利完成全年经济社会发展主要目标。地区生产总值增长5.2%。
各位代表，2025年目标的完成，标志着“十四五”顺利收官。
五年来，我们全力巩固经济发展量质双升的良好势头，地区生产总值突破3万亿元、达3.6万亿元。累计实施亿元以上省大中型项目1.3万余个，年度投资保持1万亿元以上，民间投资占全部投资比重保持在55%左右。
五年来，有效期内高新技术企业达7800家，综合科技创新水平指数达69.63%、提升幅度居全国第1；制造业发展综合质效指数列全国第9位。重组入列全国重点实验室13家。
五年来，常住人口城镇化率提高至64.8%，人均体育场地面积增加至2.9平方米。
二、“十五五”时期发展的主要考虑
（三）关于“十五五”时期发展的主要目标。《纲要（草案）》从5方面提出了28个主要指标。这些指标的设置，充分考虑了2035年与全国同步基本实现社会主义现代化的阶段性需要。其中地区生产总值年均增长5%左右。
三、2026年工作安排
经济社会发展主要预期目标是：地区生产总值增长5%-5.5%。
"""


@pytest.fixture(scope="module")
def figures(tmp_path_factory) -> dict[str, str | None]:
    found = figures_by_quote(tmp_path_factory.mktemp("gwr"), PAGE, "jiangxi_2026_excerpt.txt")
    return {quote: f.period for quote, f in found.items()}


@pytest.mark.parametrize(
    ("quote", "period", "why"),
    [
        ("5.2%", "2025", "过去一年 in a 2026 report"),
        ("3.6万亿元", "2025", "a level reached (达) at the end of the span"),
        ("1.3万余个", "2021-2025", "a flow over the span (累计实施)"),
        ("1万亿元以上", "2021-2025", "a level held every year of the span (保持)"),
        ("55%左右", "2021-2025", "a share held through the span (保持在)"),
        ("全国第9位", "2025", "a rank held at the end (列全国第9位)"),
        ("13家", "2021-2025", "入列 is no rank verb: a flow of labs added"),
        ("64.8%", "2025", "the level reached after 提高至"),
        ("2.9平方米", "2025", "the level reached after 增加至"),
        ("28个", "2026-2030", "关于“十五五”时期 names the plan's span: 关于 is no comparison"),
        ("5%左右", "2026-2030", "2035 named in passing in the sentence before does not date the goal"),
        ("5.5%", "2026", "the coming year's goals"),
    ],
)
def test_period(figures, quote, period, why):
    assert figures[quote] == period, why


PLAN_NEWS = """中部省会竞逐数字经济新赛道
2021年2月南昌还发布了《南昌市精准实施数字经济“一号工程”推动数字产业跨越式发展的实施意见》，提出力争到2023年，全市信息传输、软件和信息技术服务业全口径营业收入突破1000亿元，从业人员超10万人，规上企业数量达400家，规上企业营业收入达400亿元。
2020年合肥又推出了《合肥市数字经济发展规划（2020-2025年）》，提出到2020年数字经济总量占GDP比重达40%以上，2022年数字经济总量占GDP比重达45%以上，2025年数字经济总量占GDP比重达50%以上。
"""


@pytest.mark.parametrize(
    ("quote", "period"),
    [
        ("突破1000亿元", "2023"),
        ("超10万人", "2023"),
        ("400家", "2023"),
        ("40%以上", "2020"),
        ("50%以上", "2025"),
    ],
)
def test_a_goals_horizon_after_a_verb_is_its_period(tmp_path, quote, period):
    """力争到2023年 / 提出到2020年 date the goals after them (real sentences, 21世纪经济报道, 2021).

    Only a verb of delay makes 到/至 a deadline that dates nothing (延长至明年3月底); before, any
    verb did, and the goals fell back to the publication date (2021M02) or the plan's span.
    """
    got = {q: f.period for q, f in figures_by_quote(tmp_path, PLAN_NEWS, "plans.txt").items()}
    assert got[quote] == period


REVIEW = """2026年江苏省政府工作报告
一、“十四五”时期发展成就
五年来，我们主要做了以下工作：
新增本外币贷款连续4年保持全国首位，科创板、北交所上市公司数量居全国第一。
区域创新能力升至全国第二，全社会研发投入强度达3.38%左右。
进出口规模稳居全国第二，“新三样”出口规模达8536亿元，实际使用外资连续8年全国第一，中欧（亚）班列开行超万列。
建成过江通道4座、在建8座，改扩建一批机场。
全国文明城市、国家历史文化名城分别增至37座、14座，6部作品获文华奖。
省产业技术研究院共建企业联合创新中心超480家。
严守耕地保护红线，建设高标准农田1739万亩，粮食年产量超760亿斤。
汽车、新能源汽车产量从全国第8位、第4位双双跃居第1位，新一代信息技术、装备制造产业营收突破万亿元。
"""


@pytest.mark.parametrize(
    ("quote", "period", "why"),
    [
        ("连续4年", "2025", "a run of years counts back from the span's last year, even after 新增"),
        ("全国第二", "2025", "a rank reached (升至) is the standing at the end"),
        ("全国第一", "2025", "a rank held for 连续8年 is still the last year's standing"),
        ("超万", "2021-2025", "超 after a verb of work done (开行超万列) bounds a flow, not a level"),
        ("8座", "2025", "在建 is what is under construction now"),
        ("14座", "2025", "the second item of a 分别增至 list shares its verb"),
        ("超480家", "2021-2025", "共建: work done over the span"),
        ("超760亿斤", "2025", "超 on a yearly output with no verb of work is the level reached"),
        ("全国第8位", "2020", "the first of a list of starts (从…、…双双跃居): the year before the span"),
        ("第4位", "2020", "…and its second item"),
        ("第1位", "2025", "the rank risen to (跃居) is the span's end"),
    ],
)
def test_five_year_review_levels_and_flows(tmp_path, quote, period, why):
    """Real sentences of the 2026 江苏省 report's 十四五 review (dev document gwr_jiangsu_2026_excerpt),
    and one of the 安徽省 report's (gwr_anhui_2026_review_excerpt)."""
    got = {}
    for text, f in figures_by_quote(tmp_path, REVIEW, "jiangsu.txt").items():
        got.setdefault(text, f.period)
        got.setdefault(text[: len(quote)], f.period)  # by quote, or its start (列 may be read or not)
    assert got[quote] == period, why


CITY_REVIEW = """2021年保定市政府工作报告
――2021年1月31日在保定市第十五届人民代表大会第六次会议上
一、“十三五”时期和2020年工作回顾
五年来，我们不断加强生态文明建设。2020年空气质量优良天数242天，比2015年增加115天，空气质量综合指数、PM2.5浓度分别比2015年下降45.6%、51.7%。持续推进白洋淀上游流域综合治理，投资187亿元，实施项目169个。造林绿化超500万亩，湿地保护修复2万亩，荣获“国家森林城市”。
五年来，中科院、中科协、中关村等创新资源汇聚保定，高新技术企业达到1100家，科技型中小企业近10000家，科技创新平台331家，众创空间128家。
五年来，畜牧、蔬菜、果品产业占比达到67.7%，高于全省3.1个百分点。全市民生和社会事业累计支出2806亿元，占公共财政预算支出的85%。累计办理人大代表意见建议598件、政协提案1857件，满意率100%。
"""


@pytest.mark.parametrize(
    ("quote", "period", "why"),
    [
        ("242天", "2020", "a year named inside the review dates its own sentence"),
        ("115天", "2016-2020", "比2015年: a change over the span, the year before it being the base"),
        ("下降45.6%", "2016-2020", "…each item of the list"),
        ("187亿元", "2016-2020", "the next sentence is back in the span: 2020年 did not carry"),
        ("超500万亩", "2016-2020", "造林: work done over the span, 超 bounds the flow"),
        ("2万亩", "2016-2020", "超 in the clause before marks no level to pass on"),
        ("近10000家", "2020", "a bare noun and count after 达到1100家: the list of levels goes on"),
        ("128家", "2020", "…to its last item"),
        ("3.1个百分点", "2020", "a gap against the province, after a level: the span's end"),
        ("85%", "2016-2020", "the share of a 累计 total is over the span"),
        ("100%", "2016-2020", "the rate of what was 累计办理"),
    ],
)
def test_city_five_year_review(tmp_path, quote, period, why):
    """Real sentences of the 2021 保定市 report's 十三五 review (dev document gwr_baoding_2021_excerpt)."""
    got = {q: f.period for q, f in figures_by_quote(tmp_path, CITY_REVIEW, "baoding.txt").items()}
    assert got[quote] == period, why


TRADITIONAL_REVIEW = """政府工作報告
2017年1月7日在宜賓市第五屆人民代表大會第一次會議上
各位代表:
過去五年工作回顧
過去五年,我們攻堅克難、加快發展,綜合實力進一步增強。預計全市地區生產總值從2011年的1091.18億元增加到2016年的1650億元,年均增長9.3%;人均GDP從24433元增加到36700元,年均增長9.2%;一般公共預算收入從67.23億元增加到125.3億元,年均增長13.3%。
"""


@pytest.mark.parametrize(
    ("quote", "period"),
    [
        ("1091.18億元", "2011"),
        ("1650億元", "2016"),
        ("9.3%", "2012-2016"),  # 年均 after 增加到2016年的: still the span's average
        ("24433元", "2011"),  # the unnamed start of the next change is the span's, not 2015
        ("36700元", "2016"),
        ("13.3%", "2012-2016"),
    ],
)
def test_years_named_inside_a_review_keep_the_spans_measures(tmp_path, quote, period):
    """A real Traditional-script page (2017 宜宾市 report, from the search index's pages)."""
    got = {q: f.period for q, f in figures_by_quote(tmp_path, TRADITIONAL_REVIEW, "yibin.txt").items()}
    assert got[quote] == period


def test_a_year_framing_its_sentence_still_governs_the_next(tmp_path):
    """五年来…。2020年，… frames what follows (constructed from the 保定 review's wording)."""
    text = (
        "2021年保定市政府工作报告\n一、“十三五”时期和2020年工作回顾\n"
        "五年来，我们不断加强生态文明建设。2020年，空气质量优良天数242天。PM2.5浓度下降8.5%。\n"
    )
    got = {quote: f.period for quote, f in figures_by_quote(tmp_path, text, "frame.txt").items()}
    assert got["242天"] == "2020"
    assert got["下降8.5%"] == "2020"  # 2020年， framed the paragraph from there on


def test_a_gap_after_an_average_is_over_the_span(tmp_path):
    """2026 安徽省 report (dev gwr_anhui_2026_review_excerpt): a gap against the nation said of a 年均
    rate is over the span, while one said of a level reached is the end year (保定, above)."""
    text = (
        "2026年安徽省政府工作报告\n一、“十四五”时期发展回顾\n"
        "五年来，全省地区生产总值年均增长5.7%、高于全国0.3个百分点。\n"
    )
    found = figures_by_quote(tmp_path, text, "anhui.txt")
    assert found["5.7%"].period == "2021-2025"
    assert found["0.3个百分点"].period == "2021-2025"
