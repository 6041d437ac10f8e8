"""Areas in government work reports: titles, names and examples that are not the figure's area.

Real sentences, grouped by the report they come from. A report is about its own area; a place
inside an honour (全国文明城市), a facility (长沙机场), or a list of examples (宝鸡、延安等) does
not move a figure to that place.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.test_area_cases import area_of

JIANGSU_2026 = [
    # 全国/国家 opening an honour title: the count of them is the province's
    ("全国文明城市、国家历史文化名城分别增至37座、14座", "37座", "江苏省"),
    ("全国文明城市、国家历史文化名城分别增至37座、14座", "14座", "江苏省"),
    ("牵头建设44家全国重点实验室", "44家", "江苏省"),
    # a named cross-province zone is its figures' area, not the wider 长三角
    ("长三角生态绿色一体化发展示范区制度创新成果增至154项", "154项", "长三角生态绿色一体化发展示范区"),
    # unchanged: 全国 as a rank's scope stays a yardstick; the province keeps its figure
    ("区域创新能力升至全国第二", "第二", "江苏省"),
]

FUJIAN_2026 = [
    # a province's count of national key laboratories (全国 opens the title)
    ("重组入列全国重点实验室13家", "13家", "福建省"),
    # a park named after a place (台湾农民创业园) is the province's in its report
    ("台湾农民创业园综合考评连年包揽大陆前六名", "前六名", "福建省"),
]

LIAONING_2026 = [
    # science cities named after their cities, and platforms counted after a list of names
    ("沈阳浑南科技城落户87个项目", "87个", "辽宁省"),
    ("大连英歌石科学城汇聚300多个科研团队", "300多个", "辽宁省"),
    ("沈阳化工新材料、盘锦精细化工2个平台获评首批国家级制造业中试平台", "2个", "辽宁省"),
    # the province's own regions (一圈一带两区) are places of their own
    ("辽西先导区承接京津冀转移项目131个", "131个", "辽西先导区"),
    ("沈阳都市圈跨域通办事项260项", "260项", "沈阳都市圈"),
]

SHAANXI_2026 = [
    # places inside project names in a list of examples (X、Y等N): the aggregate is the report's
    ("推动商洛电厂二期、店头电厂二期等402万千瓦机组建成投运", "402万千瓦", "陕西省"),
    # places given as examples of a group (X、Y等N个…): the group is the report's
    ("加快宝鸡、延安等4个国家骨干冷链物流基地建设", "4个", "陕西省"),
]

ANHUI_2026 = [
    ("全国道德模范、“中国好人”数量均居全国第1位", "全国第1位", "安徽省"),
    # a facility named after a city (合肥中欧班列) is the province's in its report
    ("合肥中欧班列全年发运突破千列", "突破千列", "安徽省"),
    # 省市县 is the three levels of government, not a county named 省市
    ("省市县“府院”“府检”联动机制覆盖率100%", "100%", "安徽省"),
]

HUNAN_2026 = [
    ("长沙机场旅客年吞吐量突破3000万人次", "突破3000万人次", "湖南省"),
]

BEIJING_2026 = [
    # 市 opening the city's own offices (市人大, 市政协): the verb before it names no place
    ("提请市人大常委会审议地方性法规9项", "9项", "北京市"),
    ("办理市人大代表议案5项", "5项", "北京市"),
    ("办理市政协提案1309件", "1309件", "北京市"),
]

HEBEI_2022 = [
    # 市政 is the city's public works, not a place ending in 市
    ("改造市政老旧管网288公里", "288公里", "河北省"),
]

CASES = [
    *[pytest.param("gwr_jiangsu_2026_excerpt", *c, id=f"jiangsu:{c[1]}") for c in JIANGSU_2026],
    *[pytest.param("gwr_fujian_2026", *c, id=f"fujian:{c[1]}") for c in FUJIAN_2026],
    *[pytest.param("gwr_liaoning_2026_review_excerpt", *c, id=f"liaoning:{c[1]}") for c in LIAONING_2026],
    *[pytest.param("gwr_shaanxi_2026_goals_excerpt", *c, id=f"shaanxi:{c[1]}") for c in SHAANXI_2026],
    *[pytest.param("gwr_anhui_2026_review_excerpt", *c, id=f"anhui:{c[1]}") for c in ANHUI_2026],
    *[pytest.param("gwr_hunan_2026_excerpt", *c, id=f"hunan:{c[1]}") for c in HUNAN_2026],
    *[pytest.param("gwr_beijing_2026_review_excerpt", *c, id=f"beijing:{c[1]}") for c in BEIJING_2026],
    *[pytest.param("news_hebei_gwr_2022", *c, id=f"hebei:{c[1]}") for c in HEBEI_2022],
]


@pytest.mark.parametrize(("source", "anchor", "quote", "area"), CASES)
def test_area_in_reports(source, anchor, quote, area):
    assert area_of(source, anchor, quote) == area


def test_a_part_of_a_province_and_its_members_in_brackets():
    """每日经济新闻, 2021-11-12 (dev news_anhui_commentary_2021): 皖北 is a part of 安徽 named by
    compass point; the six cities in brackets are its members, not the figure's area."""
    from pathlib import Path

    from pipeline.extract import extract_figures
    from pipeline.ingest import read_report

    page = Path(__file__).resolve().parents[2] / "fixtures" / "dev_extra" / "news_anhui_commentary_2021.md"
    sentence = "皖北6市（阜阳、蚌埠、淮南、亳州、淮北、宿州）常住人口2682.17万人"
    doc = read_report(page)
    assert sentence in doc.source_text
    start = doc.source_text.index(sentence) + sentence.index("2682.17万人")
    (figure,) = [f for f in extract_figures(doc).figures if f.char_start == start]
    assert figure.area == "皖北"
