"""Areas in news about several places: the story's current place, comparisons, X的N, 全市.

Real sentences, grouped by the page they come from. News names many places; a figure's area is
the nearest place that is its subject, else the place the section or paragraph is about
(carried across paragraphs that name none), never the page's default while a place is the topic.
"""

from __future__ import annotations

import pytest

from pipeline.extract.context import _is_topic
from pipeline.extract.context_area import paragraph_topics, scan_areas
from tests.unit.extract.test_area_cases import AREA_SOURCES, area_of, figure_area, resolver

# 中国经济周刊: 27 provinces' 2021 Q1 GDP (page area 广东省, from its title)
PROVINCES_Q1 = [
    # a count of provinces after the noun (省份共8个) is the country's
    ("GDP总量超1万亿元的省份共8个，分别是", "8个", "全国"),
    # A高出B N: the figure is A's, B is the yardstick
    ("这一数据高出上海70.24亿元", "70.24亿元", "安徽省"),
    ("上海高出安徽省35.32亿元", "35.32亿元", "上海市"),
    ("这一数据还高出全国1.5个百分点", "1.5个百分点", "海南省"),
    # 第二产业 after a place is an industry, not a rank
    ("安徽省第二产业增速最快，增加值为3714.3亿元", "3714.3亿元", "安徽省"),
    ("增幅比全国高1.8个百分点，居全国第12位", "1.8个百分点", "安徽省"),
    # a paragraph that names no place stays on the section's place (heading 安徽省已赶超上海)
    ("此外，战略性新兴产业产值增长52.2%", "52.2%", "安徽省"),
    ("产值占比由35.9%提高到40.8%", "40.8%", "安徽省"),
    ("有网友提出，58.3%的GDP增速有些", "58.3%", "湖北省"),
    ("19.8%的同比增速目前仅次于湖北省，全国排名第二", "19.8%", "海南省"),
    ("19.8%的同比增速目前仅次于湖北省，全国排名第二", "第二", "海南省"),
    # X的N binds N to X, even after a comparison word; N的X too
    ("增速仅次于湖北省的58.3%和海南省的19.8%", "58.3%", "湖北省"),
    ("增速仅次于湖北省的58.3%和海南省的19.8%", "19.8%", "海南省"),
    ("高于江苏的19.2%、广东省的18.6%、山东的18%", "19.2%", "江苏省"),
    ("高于江苏的19.2%、广东省的18.6%、山东的18%", "18%", "山东省"),
    ("距离10223.99亿元的湖南仅一步之遥", "10223.99亿元", "湖南省"),
    # places listed after a yardstick are yardsticks: the paragraph's subject keeps the figure
    ("19.5%的增速，也高于全国平均值1.2个百分点", "1.2个百分点", "浙江省"),
    # a threshold of a group of provinces (超过万亿元的8个省份) is the country's
    ("盘点GDP超过万亿元的8个省份", "超过万亿元", "全国"),
    # unchanged: a place opening its own sentence
    ("一季度浙江省GDP为16347亿元", "16347亿元", "浙江省"),
]

# 广东 cities' Q1-Q3 2021 GDP (page area 广东省)
GUANGDONG_Q1Q3 = [
    # places inside 包括…在内 illustrate a group, also for the next group in the sentence
    ("包括汕尾、肇庆、惠州在内的12个地级市增速达到两位数", "12个", "广东省"),
    ("包括广州、佛山、汕头在内的14个地级市前三季度GDP增速", "14个", "广东省"),
    # 超越 names yardsticks, and the places listed after one: the ranked city keeps its rank
    ("佛山排名超越成都、南京、杭州等城市，居全国第13位", "全国第13位", "佛山市"),
    # 广东's regions (一核一带一区); 全省 a few words before 最 is a superlative's scope
    ("沿海经济带东西两翼则是全省经济增长最快的地区，前三季度GDP增幅达到10.6%", "10.6%", "沿海经济带"),
    ("北部生态发展区前三季度的GDP增速也达到0.7%", "0.7%", "北部生态发展区"),
]

# 21世纪经济研究院: 长沙 congress report and four central capitals' digital-economy plans (page area 长沙市)
CHANGSHA = [
    # 全市 is the city named before it (武汉全市, a plan's title 《郑州市…》), not the page's city
    ("未来三年武汉全市数字经济增加值占GDP比重超过50%", "超过50%", "武汉市"),
    ("到2022年全市数字经济规模达到5000亿元以上", "5000亿元以上", "郑州市"),
    ("力争到2023年，全市信息传输、软件和信息技术服务业全口径营业收入突破1000亿元", "突破1000亿元", "南昌市"),
    # 该项目 in a paragraph that names no place: the section's city (郑州：…)
    ("涉及14个部门的综合性平台", "14个", "郑州市"),
    ("上线特色亮点应用场景118个", "118个", "郑州市"),
    # 占据X全省 and 全国N个…第K位: the whole of a share and a ranking's scope, not the area
    ("数字产业化占据湖南全省接近一半", "接近一半", "长沙市"),
    ("跻身全国169个国新区第11位", "第11位", "长沙市"),
    # unchanged: the page's own city where it is the subject
    ("长沙数字经济规模超千亿元", "超千亿元", "长沙市"),
]

# 21世纪经济报道: China's top-ten cities by GDP (page area 北京市)
TOP10 = [
    # 全市 two sentences after a paragraph on 广州: the last city named, not the page's 北京
    ("2021年前三季度，全市固定资产投资同比增长19.8%", "19.8%", "广州市"),
    ("同在2021年前三季度，出口4823.7亿元", "4823.7亿元", "广州市"),
    # a rank's scope (我国GDP长期排名第一的城市) is not the area
    ("作为我国GDP长期排名第一的城市", "第一", "上海市"),
]

# 中部六大省会人口PK (central provinces and capitals in the 2020 census; page area 河南省)
CENTRAL_CENSUS = [
    # a list closed by a count (…、湖南六省) names a group's members: the figure is the group's
    ("河南、湖北、湖南六省，国土面积102.8万平方公里", "102.8万平方公里", "中部地区"),
    ("占全国陆地国土总面积的10.7%", "10.7%", "中部地区"),
    # 除…外 leaves a place out of what the clause counts
    ("河南除省会郑州外，还有10个省辖市", "10个", "河南省"),
    # 平均每年 after a place is an adverb, not 郑州's average as a yardstick
    ("郑州平均每年要比武汉多增加14万人左右", "14万人左右", "郑州市"),
    # a list that is itself the subject keeps its places (gold: 湖北、湖南、江西)
    ("而湖北、湖南和江西三地，十年人口增量均不足百万", "不足百万", "江西省"),
    # a sentence that opens with its figure names its place after it
    ("1260万常住人口，不仅使郑州一举反超南阳、周口", "1260万", "郑州市"),
    ("从垫底的3.63万元到跨过10万元门槛，用“逆袭”来形容合肥也不为过", "3.63万元", "合肥市"),
    # unchanged: X以N力压Y的M
    ("郑州以1260万人力压武汉的1232.6万人", "1232.6万人", "武汉市"),
]

# 国际金融报: 杭州今年GDP能破2万亿吗 (the page's area was read as 浙江省 from its text)
HANGZHOU = [
    # a news title that opens on a city of the page's province makes the city the page's area
    ("战略性新兴产业、高新技术产业增加值同比分别增长18.4%和15.4%", "18.4%", "杭州市"),
    ("“当然，以目前10%的增速计算，今年达到1.8万亿元", "1.8万亿元", "杭州市"),
    # a rank of a member (排名第三的城市): the place before it is the ranking's scope
    ("作为长三角经济总量排名第三的城市，杭州今年", "第三", "杭州市"),
]

# 中国新闻周刊: national GDP in 2022 H1 (page area 全国)
NATIONAL_H1 = [
    # looking ahead stops at 我国: 上海 later in the sentence is not the quarter's area
    ("“二季度0.4%的正增长来之不易”", "0.4%", "全国"),
]

CASES = [
    *[pytest.param("news_provinces_gdp_2021q1", *c, id=f"provinces:{c[1]}") for c in PROVINCES_Q1],
    *[pytest.param("news_hangzhou_gdp_2021q1q3_targets", *c, id=f"hangzhou:{c[1]}") for c in HANGZHOU],
    *[
        pytest.param(
            "news_national_gdp_2022h1",
            *c,
            id=f"national_h1:{c[1]}",
            marks=pytest.mark.skipif(
                not AREA_SOURCES["news_national_gdp_2022h1"].exists(), reason="dev page not yet added"
            ),
        )
        for c in NATIONAL_H1
    ],
    *[pytest.param("news_central_capitals_census_2020", *c, id=f"central:{c[1]}") for c in CENTRAL_CENSUS],
    *[pytest.param("news_changsha_congress_digital_2021", *c, id=f"changsha:{c[1]}") for c in CHANGSHA],
    *[pytest.param("news_guangdong_cities_gdp_2021q1q3", *c, id=f"guangdong:{c[1]}") for c in GUANGDONG_Q1Q3],
    *[pytest.param("news_top10_cities_gdp_2021", *c, id=f"top10:{c[1]}") for c in TOP10],
]


@pytest.mark.parametrize(("source", "anchor", "quote", "area"), CASES)
def test_area_in_news_about_several_places(source, anchor, quote, area):
    assert area_of(source, anchor, quote) == area


def test_a_page_with_its_own_area_carries_a_paragraph_opening_only_inside_a_place_section():
    """Real opening of 福建最新GDP排名出炉 (area 福建省): 泉州 opens a paragraph before any heading.

    On a page with its own area the next paragraph is not taken to stay on 泉州 (a page about one
    place returns to it); with no area of its own, the last place that opened a paragraph is the
    best guess. Under a heading that names a place (宁德一指标…) the section's place carries.
    """
    doc, _ = resolver("news_fujian_cities_gdp_2022h1")
    text = doc.clean_text
    paras = [0, *[i + 1 for i, ch in enumerate(text) if ch == "\n"]]
    heads = {s.clean_start for s in doc.sections if s.level <= 2}
    mentions = scan_areas(text)
    second = next(k for k, s in enumerate(paras) if text.startswith("从增速来看", s))
    ningde = next(k for k, s in enumerate(paras) if text.startswith("值得关注的是，今年上半年，宁德", s))
    own = paragraph_topics(text, mentions, paras, heads, _is_topic, "福建省")
    none = paragraph_topics(text, mentions, paras, heads, _is_topic, None)
    assert own[second] is None and none[second] == "泉州市"
    assert own[ningde] == none[ningde] == "宁德市"



@pytest.mark.parametrize(
    ("sentence", "references"),
    [
        # 中国经济周刊 (27 provinces): every place listed after 高于/仅次于 is a yardstick
        ("增速仅次于湖北省的58.3%和海南省的19.8%，高于江苏的19.2%、广东省的18.6%、山东的18%", 5),
        # 广东 cities: after 超越 the listed cities are yardsticks; 佛山 before 排名 is a rank's scope
        ("佛山排名超越成都、南京、杭州等城市，居全国第13位", 5),
        # 中国经济周刊: 安徽省 opening the sentence is no yardstick
        ("安徽省一季度的GDP为9529.1亿元，这一数据高出上海70.24亿元", 1),
    ],
)
def test_yardstick_lists_in_real_sentences(sentence, references):
    mentions = scan_areas(sentence)
    assert sum(a.reference for a in mentions) == references
    assert all(a.reference for a in mentions[-references:])


@pytest.mark.skipif(not AREA_SOURCES["news_national_gdp_2022h1"].exists(), reason="dev page not yet added")
@pytest.mark.parametrize(("quote", "area"), [("41%", "北京市"), ("60%", "广州市")])
def test_a_respectively_list_distributes_over_places_of_an_earlier_clause(quote, area):
    # 中国新闻周刊 (national GDP 2022 H1): the places are listed before the clause with 分别
    anchor = "北京、广州等一线城市成交均冲高回落，环比降幅分别高达41%和60%"
    assert figure_area("news_national_gdp_2022h1", anchor, quote) == area
