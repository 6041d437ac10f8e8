"""A news story's period comes from its title or its lead, never from a later paragraph.

Sentences are real (21世纪经济报道, 2021-09-24, on 长沙's party-congress report and the digital
economies of central China's capitals; 新浪财经, 2021-10-18, on the third-quarter figures). A
story that states a period in its lead (前三季度) keeps it for undated figures further down; a
period opening a later paragraph (根据2021年上半年武汉经济数据，…) or a background paragraph
(近年，…2020年…) dates that paragraph only, so undated background figures after it get none.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import figures_by_quote

DIGITAL = """---
title: '中部省会竞逐数字经济新赛道，长沙未来五年数字经济占GDP比重要超45%'
date: Fri, 24 Sep 2021 09:40:57 GMT
---
9月22日上午，中国共产党长沙市第十四次代表大会在长沙开幕。报告提出，未来5年，长沙要实力更强，经济总量达1.7万亿元。
近年，湖南大力发展数字经济，2020年湖南以数字化和产业化双轮驱动，数字经济规模达1.15万亿元。
长沙高新区综合实力更是跻身全国169个国新区第11位。
根据2021年上半年武汉经济数据，武汉市GDP比去年同期增长28.6%，比2019年同期增长3.5%。
在新基建领域，武汉已累计建成5G站点33479个，并计划在今年建成“双千兆”城市。
"""

RESULTS = """---
title: '4.9%！三季度GDP同比增速放缓，经济结构持续优化'
date: Mon, 18 Oct 2021 08:00:00 GMT
---
10月18日，三季度经济运行“成绩单”出炉。
前三季度，国内生产总值（GDP）82.31万亿元，同比增长9.8%。
国家统计局新闻发言人表示，我国经济发展表现出了强大的韧性和活力。
全国城镇新增就业1045万人，完成全年目标的95.0%。
"""


def test_a_later_paragraph_dates_only_itself(tmp_path):
    found = figures_by_quote(tmp_path, DIGITAL, "digital.md")
    assert found["28.6%"].period == "2021H1"  # the paragraph's own opening period
    assert found["33479个"].period is None  # the next paragraph names none, and the story has none


def test_a_background_opening_dates_only_its_paragraph(tmp_path):
    found = figures_by_quote(tmp_path, DIGITAL, "digital.md")
    assert found["1.15万亿元"].period == "2020"  # 近年，…2020年湖南…: the year holds in its paragraph
    assert found["第11位"].period is None  # …but is not the story's


def test_the_lead_sets_the_story_period(tmp_path):
    found = figures_by_quote(tmp_path, RESULTS, "results.md")
    assert found["9.8%"].period == "2021Q1-Q3"  # a dateline, then the lead's 前三季度
    assert found["1045万人"].period == "2021Q1-Q3"  # undated figures further down keep the story's


def test_a_stock_said_of_the_present_is_the_pages_year(tmp_path):
    page = """---
title: '东莞加入GDP万亿俱乐部 广东万亿城市追平江苏'
date: Wed, 05 Jan 2022 08:00:00 GMT
---
经济第一大省广东又多了一个GDP万亿城市，万亿城市数量追平了江苏。
改革开放后，东莞逐渐发展成为全球最大的制造业基地之一，被称为“世界工厂”。
数据显示，目前，东莞有19万家工业企业、1.1万家规上工业企业、7400多家国家高新技术企业。
"""
    found = figures_by_quote(tmp_path, page, "dongguan.md")
    assert found["19万家"].period == "2022"  # 目前 in a page dated 2022-01-05, with no period in scope
    assert found["7400多家"].period == "2022"


def test_the_years_goal_in_a_story_on_part_of_the_year(tmp_path):
    page = """---
title: '28省份一季度GDP出炉'
date: Wed, 27 Apr 2022 08:00:00 GMT
---
今年一季度，全国GDP同比增长4.8%，增速实属不易。
从各省最近的举动来看，确保二季度GDP增速，已成为各地迫切的现实挑战。
在超预期因素的影响下，中国经济增长还能否实现5.5%左右的增速目标，成为舆论关注的焦点。
"""
    found = figures_by_quote(tmp_path, page, "provinces.md")
    assert found["4.8%"].period == "2022Q1"  # the story's quarter
    assert found["5.5%左右"].period == "2022"  # …but the goal is the year's


#: 界面新闻 (2022-07-27) on 深圳's first half: a title and a one-line lead, for the tests below.
SHENZHEN_LEAD = """---
title: '深圳上半年GDP出炉'
date: Wed, 27 Jul 2022 08:00:00 GMT
---
深圳上半年GDP同比增长3%。
"""


def test_a_record_names_no_period(tmp_path):
    page = SHENZHEN_LEAD + (
        "值得一提的是，今年6月份，深圳的市场销售快速反弹，社会消费品零售总额同比增长13.0%，"
        "当月增速创今年新高；限额以上单位商品零售额增长26.4%，比5月份提升23.6个百分点。\n"
    )
    found = figures_by_quote(tmp_path, page, "shenzhen.md")
    assert found["13.0%"].period == "2022M06"
    assert found["26.4%"].period == "2022M06"  # 创今年新高 is a record, not a new period


#: 时代周报 (2022-01-27) on 安徽's 2021 GDP: the title and lead of the page, for the tests below.
ANHUI_LEAD = """---
title: 'GDP晋级4万亿却仍旧无缘十强，安徽：再等等'
date: Thu, 27 Jan 2022 08:00:00 GMT
---
全国31个省份的2021年经济数据已全部出炉。GDP处于四万亿区间的省份共有6个，安徽首次位列其中。
根据安徽省统计局数据，2021年安徽GDP达到42959.2亿元，同比增长8.3%。
"""


def test_a_list_of_periods_frames_no_paragraph(tmp_path):
    page = ANHUI_LEAD + (
        "2021年一季度、上半年、前三季度，安徽GDP均超越上海，位居全国十强。\n"
        "有媒体统计，在工信部公布的3批共4762家专精特新“小巨人”企业名单中，合肥的专精特新企业数量多达61家。\n"
    )
    found = figures_by_quote(tmp_path, page, "anhui.md")
    assert found["4762家"].period == "2021"  # the story's year: the list above framed nothing


def test_this_year_and_years_later_count_from_the_year_just_named(tmp_path):
    page = ANHUI_LEAD + (
        "这在20年前是不敢想象的事情。\n"
        "2001年，中国加入WTO，经济发展进入了新阶段。这一年，安徽GDP仅有3502.8亿元，排在全国第14位。"
        "20年后，安徽GDP超过4万亿元，增长了12倍。\n"
    )
    found = figures_by_quote(tmp_path, page, "anhui.md")
    assert found["3502.8亿元"].period == "2001"  # 这一年: the year the sentence before named
    assert found["超过4万亿元"].period == "2021"  # 20年后: twenty years after it


def test_a_month_end_frames_the_paragraphs_later_sentences(tmp_path):
    page = SHENZHEN_LEAD + (
        "上半年，深圳进出口总额增长1.4%。\n"
        "此外，金融对实体经济支持力度也在不断加大。统计显示，6月末，深圳金融机构（含外资）本外币存款余额"
        "119663.05亿元，同比增长10.9%。金融机构（含外资）本外币贷款余额82155.84亿元，同比增长11.6%。\n"
    )
    found = figures_by_quote(tmp_path, page, "shenzhen.md")
    assert found["119663.05亿元"].period == "2022M06"
    assert found["82155.84亿元"].period == "2022M06"  # the next sentence's parallel stock


#: 观察者网 via 新浪财经, 2022-03-17 (dev news_national_investment_2022m01_02): a story on January–
#: February that restates the year's plan from the work report. The last paragraph follows the
#: Ministry of Finance's monthly release, which names the months itself.
PART_YEAR_PLAN = """---
title: '1-2月中国经济“成绩单”亮眼，专家解读如何延续势头？'
date: Thu, 17 Mar 2022 08:00:00 GMT
---
3月15日，1-2月份国民经济“成绩单”如约出炉，多项数据好于市场预期。
在经济下行压力下，中国定下5.5%左右增速传递出怎样的信号？1-2月份的亮眼“成绩单”是否可以持续？
财政支出规模比去年扩大2 万亿元以上，拟安排地方政府专项债券3.65 万亿元，预计全年退税减税约2.5 万亿元。
1-2月累计，全国一般公共预算收入45455亿元，同比增长10.5%。全国一般公共预算支出37165亿元，比上年同期增长7%。
"""


@pytest.mark.parametrize("quote", ["5.5%左右", "2 万亿元以上", "3.65 万亿元"])
def test_a_part_year_story_restating_the_years_plan_gives_it_the_year(tmp_path, quote):
    found = figures_by_quote(tmp_path, PART_YEAR_PLAN, "part_year.md")
    assert (found[quote].value_kind, found[quote].period) == ("target", "2022")


def test_a_paragraph_naming_the_months_keeps_them_for_its_budget_figures(tmp_path):
    found = figures_by_quote(tmp_path, PART_YEAR_PLAN, "part_year.md")
    assert (found["37165亿元"].value_kind, found["37165亿元"].period) == ("actual", "2022M01-M02")


#: 36氪, 2022-01-24 (dev news_shanghai_gwr_2022): a January page on the year just ended; its second
#: paragraph, a goal, is written here for the contrast.
FULL_YEAR_IN_JANUARY = """---
title: '上海GDP为什么能过四万亿 _ 城事'
date: Mon, 24 Jan 2022 01:08:18 GMT
---
<p>然而，我们可以看到的是，上海的服务业，不仅没有后退，甚至还有了一定程度的增长。全年全市第三产业增加值比上年增长7.6%。</p>
<p>全年经济增长目标为5.5%左右。</p>
"""


def test_a_full_year_outturn_in_january_news_is_the_year_before(tmp_path):
    found = figures_by_quote(tmp_path, FULL_YEAR_IN_JANUARY, "january.md")
    assert found["7.6%"].period == "2021"  # 2022 had barely begun
    assert found["5.5%左右"].period == "2022"  # the year's goal is the page's own year's


def test_a_full_year_outturn_later_in_the_year_is_the_pages_year(tmp_path):
    page = FULL_YEAR_IN_JANUARY.replace("Mon, 24 Jan 2022", "Fri, 30 Dec 2022")
    assert figures_by_quote(tmp_path, page, "december.md")["7.6%"].period == "2022"


#: 新浪财经, 2021-04-04 (dev news_national_gwr_2021_expert_talk): a talk on the 2021 national report.
TALK_HEAD = (
    "---\ntitle: '刘元春：未来5年是中国GDP赶超美国关键时点'\n"
    "date: Sun, 04 Apr 2021 08:00:00 GMT\n---\n"
)


def test_the_year_before_last(tmp_path):
    """新浪财经, 2021-04-04 (dev news_national_gwr_2021_expert_talk): 前年 is two years back."""
    page = (
        TALK_HEAD + "　　大家知道这几年新生儿的增长数量急剧下降，"
        "前年下降到1400万人，去年的新生儿在1200多万，意味着少生200万人。\n"
    )
    found = figures_by_quote(tmp_path, page, "talk.md")
    assert (found["1400万人"].period, found["1200多万"].period) == ("2019", "2020")


def test_a_record_set_over_years_names_no_period(tmp_path):
    """新浪财经, 2022-03-29 (dev news_ningbo_gdp_2021): 创下了近5年来的最快增速 says how rare the record
    is; the breakdown after it is the story's year."""
    page = (
        "---\ntitle: '人均GDP反超杭州，宁波到底有多富？'\ndate: Tue, 29 Mar 2022 08:00:00 GMT\n---\n"
        "<p>　　近期，各城市2021年经济数据陆续揭晓。</p>\n"
        "<p>　　规模以上工业增加值增长11.9%，更是创下了近5年来的最快增速。"
        "其中，代表高质量发展的人工智能产业、数字经济核心产业、新材料产业、高技术制造业、装备制造业增加值分别增长21.3%、17.5%、16.6%、16.1%和16.1%。</p>\n"
    )
    found = figures_by_quote(tmp_path, page, "ningbo.md")
    assert (found["21.3%"].period, found["21.3%"].growth_basis) == ("2021", "yoy")


def test_a_goal_naming_no_time_is_the_pages_year(tmp_path):
    """新浪财经, 2021-04-04 (dev news_national_gwr_2021_expert_talk): the report's goals restated."""
    page = (
        TALK_HEAD + "　　《政府工作报告》设定的主要目标，是GDP增长速度6%以上，新增就业1100万以上，"
        "城镇调查失业率5.5%，居民消费价格涨幅3%，进出口国际收支平衡。\n"
    )
    found = figures_by_quote(tmp_path, page, "talk.md")
    assert {found[q].period for q in ("6%以上", "1100万以上", "5.5%")} == {"2021"}
    assert found["6%以上"].value_kind == "target"


#: 新浪财经, 2021-10-23 (dev news_guangdong_econ_2021q1q3): a release on the first three quarters.
QUARTERS_AND_MONTH = (
    "---\ntitle: '广东前三季度GDP达8.8万亿，当月进出口创历史新高'\ndate: Sat, 23 Oct 2021 06:55:26 GMT\n---\n"
    "<p>　　作为外贸第一大省，外贸进出口对广东经济发展十分关键。"
    "数据显示，前三季度，广东外贸进出口总额6.03万亿元，同比增长18.6%，持续今年以来两位数增长态势，两年平均增长8.0%。其中，出口3.68万亿元，同比增长19.3%，"
    "两年平均增长8.3%。当月进出口总量创历史新高，全省进出口0.78万亿元，同比增长12.1%。"
    "其中，出口0.49万亿元，增长20.6%；进口0.29万亿元，增长0.2%。</p>\n"
)


def test_a_trend_since_the_years_start_does_not_reset_the_period(tmp_path):
    found = figures_by_quote(tmp_path, QUARTERS_AND_MONTH, "guangdong.md")
    assert found["8.0%"].period == found["3.68万亿元"].period == "2021Q1-Q3"  # not 2021 (今年以来)


def test_the_month_of_a_cumulative_release_is_its_last(tmp_path):
    found = figures_by_quote(tmp_path, QUARTERS_AND_MONTH, "guangdong.md")
    assert found["0.78万亿元"].period == found["12.1%"].period == "2021M09"  # 当月 after 前三季度
    assert found["0.49万亿元"].period == found["0.2%"].period == "2021M09"  # 其中: its breakdown


def test_a_change_of_sign_is_a_from_to_pair(tmp_path):
    """新浪财经, 2021-06-18 (dev news_xian_energy_2021m01_04): 由去年同期下降5.0%转为增长21.5%."""
    page = (
        "---\ntitle: '1-4月西安制造业带动电力消费快速增长'\ndate: Fri, 18 Jun 2021 08:00:00 GMT\n---\n"
        "4月当月规模以上工业综合能源消费量53.20万吨标准煤，由去年同期下降5.0%转为增长21.5%，"
        "比一季度提高43.3个百分点，两年平均增长7.4%。\n"
    )
    found = {f.value: f for f in figures_by_quote(tmp_path, page, "xian.md").values()}
    start, end = found[-5.0], found[21.5]
    assert (start.measure, start.period, end.measure, end.period) == ("from", "2020M04", "to", "2021M04")
    assert start.link_id == end.link_id is not None
