"""Context of figures (period, value kind, estimate, area, subject, section) on real sentences.

Cases are real sentences from the corpus and the seed, grouped by the document they come
from, located in the document as read by ``read_report`` (so the report's own structure,
year and area play their part). A case is (anchor, quote, expected fields): the quote is
the figure's span inside the first occurrence of the anchor in the clean text.
"""

from __future__ import annotations

from array import array
from functools import cache

import pytest

from pipeline.extract import extract_figures
from pipeline.extract.context import Context, ContextResolver
from pipeline.ingest import read_report
from pipeline.ingest.document import Document
from tests.unit.extract.conftest import SOURCES, describe_at

#: Documents used only by these context cases, beside the shared ones.
_SOURCES = SOURCES


@cache
def _resolver(source: str) -> tuple[Document, ContextResolver]:
    doc = read_report(_SOURCES[source])
    return doc, ContextResolver(doc)


def _describe(source: str, anchor: str, quote: str, group: tuple[int, int] | None = None) -> Context:
    return describe_at(*_resolver(source), anchor, quote, group)


def _check(ctx: Context, expected: dict[str, object]) -> None:
    got = {name: getattr(ctx, name) for name in expected}
    assert got == expected


SEED = [
    # the review year of a report delivered in January 2021; the note 预计数 marks 2.8%
    (
        "全市生产总值由一季度下降10.3%到全年增长2.8%",
        "下降10.3%",
        {"period": "2020Q1", "is_estimate": False, "subject": "全市生产总值"},
    ),
    (
        "全市生产总值由一季度下降10.3%到全年增长2.8%",
        "增长2.8%",
        {"period": "2020", "is_estimate": True, "value_kind": "actual", "subject": "全市生产总值"},
    ),
    # 下同 carries the note to later figures
    ("兑现惠企资金48.2亿元", "48.2亿元", {"period": "2020", "is_estimate": True, "area": "泉州市"}),
    # a growth figure after a level shares its subject
    ("网络零售额2574亿元、增长34.9%", "34.9%", {"subject": "网络零售额"}),
    ("快递业务量破17亿件、增长41.2%", "41.2%", {"subject": "快递业务量"}),
    # a 、 list distributes the counting verb
    ("新增高新技术企业350家、科技小巨人领军企业141家", "141家", {"subject": "新增科技小巨人领军企业"}),
    ("新增高新技术企业350家、科技小巨人领军企业141家", "350家", {"subject": "新增高新技术企业"}),
    # 分别…和… lists
    ("泉台贸易总额、利用台资分别增长50%和73.8%", "73.8%", {"subject": "利用台资"}),
    (
        "职工医保、城乡居民基本医保政策范围内报销比例分别提高到92.8%和68.5%",
        "92.8%",
        {"subject": "职工医保政策范围内报销比例"},
    ),
    # nothing before the number in its clause: the noun after it is counted
    ("98个重点项目竣工投产", "98个", {"subject": "重点项目竣工投产"}),
    # the five-year part: a change's start is the year before the span, its end the last year
    ("城镇化率从63.6%提高到68.5%", "63.6%", {"period": "2015", "is_estimate": False, "subject": "城镇化率"}),
    ("城镇化率从63.6%提高到68.5%", "68.5%", {"period": "2020", "subject": "城镇化率"}),
    (
        "全市累计新增公办幼儿园学位7万个、中小学学位18.3万个",
        "18.3万个",
        {"period": "2016-2020", "subject": "累计新增中小学学位"},
    ),
    ("人均生产总值突破11万元,经济总量", "突破11万元", {"period": "2020"}),
]

NATIONAL_2020 = [
    # the first part reviews 2019 (去年 in a report delivered in 2020)
    (
        "国内生产总值达到99.1万亿元，增长6.1%",
        "99.1万亿元",
        {"period": "2019", "value_kind": "actual", "area": "全国", "subject": "国内生产总值"},
    ),
    ("国内生产总值达到99.1万亿元，增长6.1%", "6.1%", {"subject": "国内生产总值"}),
    # 原定 marks a target inside the review
    ("超过原定的近2万亿元规模", "近2万亿元", {"value_kind": "target", "period": "2019"}),
    # the plan part sets 2020's targets
    ("城镇新增就业900万人以上", "900万人以上", {"period": "2020", "value_kind": "target"}),
    ("财政赤字规模比去年增加1万亿元", "1万亿元", {"period": "2020", "value_kind": "target"}),
    # 今明两年 spans two years; 明年 in an earlier sentence does not govern 全年
    ("今明两年职业技能培训3500万人次以上", "3500万人次以上", {"period": "2020-2021", "value_kind": "target"}),
    ("预计全年为企业新增减负超过2.5万亿元", "超过2.5万亿元", {"period": "2020", "is_estimate": True}),
    # a deadline (延长至明年3月底) is not the period of the next figure
    ("贷款增速要高于40%", "高于40%", {"period": "2020", "value_kind": "target"}),
    # background facts in the plan part stay actual
    ("今年已过去近5个月", "近5个月", {"value_kind": "actual"}),
]

FUJIAN_2026 = [
    # 初步统计 marks a preliminary actual, not an estimate
    (
        "2025年全省地区生产总值60199.45亿元、增长5%",
        "60199.45亿元",
        {
            "period": "2025",
            "is_estimate": False,
            "value_kind": "actual",
            "area": "福建省",
            "subject": "全省地区生产总值",
        },
    ),
    ("城镇居民、农村居民人均可支配收入分别增长4.5%、5.7%", "4.5%", {"subject": "城镇居民人均可支配收入"}),
    ("城镇居民、农村居民人均可支配收入分别增长4.5%、5.7%", "5.7%", {"subject": "农村居民人均可支配收入"}),
    # 五年来 paragraphs: flows keep the span, levels reached take its last year
    ("全社会研发经费投入年均增长10.5%", "10.5%", {"period": "2021-2025"}),
    ("森林覆盖率达65.85%", "65.85%", {"period": "2025"}),
    ("数字经济增加值预计达3.4万亿元", "3.4万亿元", {"period": "2025", "is_estimate": True}),
    # 人均预期寿命 is not a goal word
    ("人均预期寿命达79.5岁", "79.5岁", {"value_kind": "actual"}),
    # the outline of the 15th five-year plan and the coming year's goals
    ("地区生产总值年均增长5%左右", "5%左右", {"period": "2026-2030", "value_kind": "target"}),
    ("城镇调查失业率控制在5%左右", "5%左右", {"period": "2026", "value_kind": "target"}),
    ("粮食产量513万吨以上", "513万吨以上", {"period": "2026", "value_kind": "target", "subject": "粮食产量"}),
    # a city named in passing in a provincial report does not take the next clause's figure
    ("全球最大烷烃一体化生产基地投产，工业投资增长6.1%", "6.1%", {"area": "福建省", "subject": "工业投资"}),
    # a list item after 、 counts the noun after it, with the first item's verb
    (
        "新增2个国家先进制造业集群、19个国家中小企业特色产业集群",
        "19个",
        {"subject": "新增国家中小企业特色产业集群"},
    ),
]

STATCOMM_2024 = [
    # a communiqué is about the year in its title, published the year after
    (
        "全年国内生产总值[2]1349084亿元，比上年增长5.0%",
        "1349084亿元",
        {"period": "2024", "subject": "国内生产总值", "area": "全国"},
    ),
    ("全年国内生产总值[2]1349084亿元，比上年增长5.0%", "5.0%", {"period": "2024", "subject": "国内生产总值"}),
    (
        "一季度国内生产总值同比增长5.3%，二季度增长4.7%",
        "4.7%",
        {"period": "2024Q2", "subject": "国内生产总值"},
    ),
    ("12月份，70个大中城市中", "70个", {"period": "2024M12"}),
    # a region named at the head of its clause governs the clause after it
    ("全年东部地区生产总值702356亿元，比上年增长5.0%", "5.0%", {"area": "东部地区"}),
    ("3D打印设备产量341.8万台，增长11.3%", "11.3%", {"subject": "3D打印设备产量"}),
]

NEWS_FUJIAN_2022H1 = [
    # the headline period (2022年上半年) scopes the article; 今年一季度 governs only its sentence
    ("高于全省平均水平（4.6%）", "4.6%", {"period": "2022H1", "area": "福建省"}),
    ("等于全国（2.5%）", "2.5%", {"area": "全国"}),
    ("但福州的增速达到5.4%", "5.4%", {"period": "2022H1", "area": "福州市"}),
    # a 分别 list of places gives each figure its place
    (
        "厦门固定资产投资增速分别为12.4%、12.0%、11.3%",
        "12.0%",
        {"area": "龙岩市", "subject": "固定资产投资增速"},
    ),
    # 比全省平均水平 is a yardstick: the figure is about the city of the sentence
    ("比全省平均水平高出了5个百分点", "5个百分点", {"area": "宁德市"}),
    ("当月进出口2212亿元，增长38.3%", "2212亿元", {"period": "2022M06", "area": "福建省"}),
]

NEWS_GUANGDONG_2021Q1Q3 = [
    # a named region longer than the region it lies in (珠三角核心区, not 珠三角)
    ("珠三角核心区在前三季度GDP达到71161亿元", "71161亿元", {"area": "珠三角核心区", "subject": "GDP"}),
    # a space before the number ends no clause; 7月份 is a time phrase, not a noun 份
    ("深圳实现GDP 21791.18亿元", "21791.18亿元", {"subject": "GDP"}),
    ("今年7月份已经迎来了35个项目集中签约", "35个", {"subject": "项目集中签约"}),
    # a county right after its city is a place; 前三季度 after a place is a period, not a rank;
    # a place before 最 is the scope of a superlative
    ("单在汕尾海丰县，今年7月份已经迎来了35个项目集中签约", "35个", {"area": "海丰县"}),
    ("作为工业大市，佛山前三季度的经济亮点在于接近40%的进出口增长", "接近40%", {"area": "佛山市"}),
    ("广东拥有全国最多的地级市数量，到达21个", "21个", {"area": "广东省"}),
    # a place right before a share (广东六成的人口) is the whole it is a share of, not the area
    ("却聚集了广东六成的人口以及八成的经济总量", "六成", {"area": "珠三角地区"}),
    # a cumulative span (前三季度) governs the later sentences of its paragraph
    ("其中，民间投资同比增长37.7%", "37.7%", {"period": "2021Q1-Q3"}),
    ("作为阳江主导产业的合金材料行业完成增加值101.19亿元", "101.19亿元", {"period": "2021Q1-Q3"}),
    # 1-9月 is the cumulative months; 比疫情前的2019年同期 is a comparison base, not the period
    ("比疫情前的2019年同期增长4.9%", "4.9%", {"period": "2021M01-M09"}),
    # 自2018年来 means since 2018: the story's 前三季度 governs
    ("通用设备制造业迅猛增长，增长6309.9%", "6309.9%", {"period": "2021Q1-Q3"}),
    # in news, a future span opening a paragraph (“十四五”期间，阳江将…) does not scope later ones:
    # the story's cumulative span (its first paragraph opens with 前三季度) does
    ("却聚集了广东六成的人口以及八成的经济总量", "八成", {"period": "2021Q1-Q3"}),
    # nor does 去年 opening a paragraph (去年，东莞进出口总额…): the next one keeps the story's scope
    ("其中，东莞的出口总额达6980.5亿元", "6980.5亿元", {"period": "2021Q1-Q3"}),
    # 以14.3%的GDP增速: the noun after 的 is what the number measures
    ("其中，汕尾以14.3%的GDP增速成为前三季度", "14.3%", {"subject": "GDP增速"}),
    # 包括…在内的14个地级市: the list only illustrates the noun after the number
    # and its places are not the area: the 14 cities are of the province the story is about
    (
        "包括广州、佛山、汕头在内的14个地级市",
        "14个",
        {"subject": "地级市前三季度GDP增速超过全国", "area": "广东省"},
    ),
    # 稳居全国第三位: the classifier 位 after a rank is not what it ranks; the topic clause before
    # (在经济总量上) names it
    ("在经济总量上，深圳稳居全国第三位", "全国第三", {"subject": "经济总量"}),
    # 今年以来: from the start of this year until now, within the report's year
    ("今年以来，佛山进出口增速已经连续6个月位居省内第一", "连续6个月", {"period": "2021"}),
    # 比去年全年: 全年 continues the comparison base, it is not the period
    ("比去年全年提高了0.02个百分点", "0.02个百分点", {"period": "2021Q1-Q3"}),
    # a number qualifying a goal noun is the goal's value: 全年6%的经济增长目标
    ("按照东莞全年6%的经济增长目标", "6%", {"value_kind": "target"}),
    # a figure with its own past period after the goal word stays actual: 在去年9650.2亿元的GDP基础上
    ("在去年9650.2亿元的GDP基础上", "9650.2亿元", {"value_kind": "actual", "period": "2020"}),
]

NEWS_TOP10_2021 = [
    # 累计 before a comparison is dropped whole (not cut to 累): the subject is the clause before's
    ("深圳的平均用工人数为287.43万人，累计比上年同期下降2.1%", "下降2.1%", {"subject": "平均用工人数"}),
    # 由于 is a conjunction, not the 于 of a comparison: the place after it is the topic
    ("由于上海在2020年的GDP总量为38700.58亿元", "38700.58亿元", {"area": "上海市"}),
    # a group of leading cities named as a whole is the area, not the last city named
    ("GDP排名前十的城市的社会消费品零售总额（亿元）增速均超过10%", "超过10%", {"area": "GDP前十城市"}),
    # 2021年前三季度 opens the sentence; 2020年同期 in it is a comparison base
    ("经济增速达到18.8%", "18.8%", {"period": "2021Q1-Q3"}),
    # 前11月 is a cumulative span like 1-11月
    ("重庆实现社会消费品零售总额12746.63亿元", "12746.63亿元", {"period": "2021M01-M11"}),
    ("苏州规模以上工业总产值达到37389.83亿元", "37389.83亿元", {"period": "2021M01-M11"}),
    ("同期，全市工业战略性新兴产业总产值同比增长15.9%", "15.9%", {"period": "2021Q1-Q3", "area": "上海市"}),
    # 全市 after 重庆 in the paragraph: a municipality is the city 全市 refers to
    ("全市规模以上工业增加值同比实际增长11.9%", "11.9%", {"area": "重庆市"}),
]

NEWS_NATIONAL_2021Q3 = [
    # 全年目标 is a noun: 完成全年目标的95.0% has the cumulative period of its sentence
    ("完成全年目标的95.0%", "95.0%", {"period": "2021Q1-Q3"}),
    ("同期，全国居民人均可支配收入26265元", "26265元", {"period": "2021Q1-Q3"}),
    # 扣除价格因素 is framing: the subject is the income of the clause before
    ("扣除价格因素同比实际增长9.7%", "9.7%", {"subject": "全国居民人均可支配收入"}),
]

NEWS_ZHEJIANG_DECADE_2022 = [
    # 以5%的能耗产出了6.4%的GDP: each number measures the noun after its 的
    ("以5%的能耗产出了6.4%的GDP", "5%", {"subject": "能耗"}),
    # 从2013年的1.76缩小到1.61: the start year governs its own clause, not the next one (十年来 does)
    ("家庭年可支配收入20-60万元群体的比例达到30.6%", "30.6%", {"period": "2021"}),
    # 2016年来“双倍增”: a span up to now with no schema form blocks only its own clause
    ("数字经济增加值占GDP的比重达到48.6%", "48.6%", {"period": "2021"}),
]

NEWS_NATIONAL_GWR_2022 = [
    # 把这一目标确定在增长5.5%左右: the goal is set at the figure
    ("把这一目标确定在增长5.5%左右", "5.5%左右", {"value_kind": "target"}),
    # a goal with no time phrase of its own is the story's year's, not the earlier 过去两年
    ("5.5%左右的增长目标高于平均值", "5.5%左右", {"value_kind": "target", "period": "2022"}),
    # 在“十四五”时期保持6%左右的年均增长率: a change over the whole span, named after the number
    ("在“十四五”时期保持6%左右的年均增长率", "6%左右", {"period": "2021-2025"}),
]

GWR_HUNAN_2026 = [
    # the review of 2025: 努力加快…步伐， closes the effort clause; what was reached is an outturn
    (
        "努力加快高质量发展步伐，全省地区生产总值达到5.53万亿元",
        "5.53万亿元",
        {"period": "2025", "value_kind": "actual", "area": "湖南省"},
    ),
    # 这五年，… paragraphs of a 十四五 review in a 2026 report: a flow over the span keeps it
    ("新增高速公路通车里程1523公里", "1523公里", {"period": "2021-2025", "value_kind": "actual"}),
    ("全社会研发投入年均增长11.6%", "11.6%", {"period": "2021-2025"}),
    # a level reached takes the span's last year, even after a flow in the same clause
    ("新增发电装机4178万千瓦、总装机达9157万千瓦", "9157万千瓦", {"period": "2025"}),
    ("总量接近800万户", "接近800万户", {"period": "2025"}),
    # a threshold crossed (迈上…台阶) happened during the span, as 连跨 does in the Fujian report
    ("地区生产总值迈上5万亿台阶", "5万亿", {"period": "2021-2025"}),
    ("经贸“朋友圈”覆盖235个国家和地区", "235个", {"period": "2025"}),
    # a bound word on the number (超, 突破) does not make a flow a level
    ("累计建成美丽乡村超1.2万个", "超1.2万个", {"period": "2021-2025"}),
    ("地方一般公共预算收入累计超1.6万亿元", "超1.6万亿元", {"period": "2021-2025"}),
    ("五年增量超1.36万亿元", "超1.36万亿元", {"period": "2021-2025"}),
    ("引进“三类500强”项目1608个、总投资超1.6万亿元", "超1.6万亿元", {"period": "2021-2025"}),
    # a written change over the span: its start is the year before the span, its end the last year
    ("区域创新能力由全国第12位跃升至第9位", "第12", {"period": "2020"}),
    ("区域创新能力由全国第12位跃升至第9位", "第9", {"period": "2025"}),
    ("洞庭湖总磷浓度下降11.7%", "下降11.7%", {"period": "2021-2025"}),
    # a level held through the span (持续保持在) describes every year of it
    ("民生支出占比持续保持在70%以上", "70%以上", {"period": "2021-2025"}),
    # 居民 is not 居 (a rank): the average growth keeps the span
    ("农村居民收入年均增长7.2%", "7.2%", {"period": "2021-2025"}),
]

#: A goal's value in quotes with no time phrase of its own: the story's year, a target.
NEWS_NATIONAL_GWR_2022_BRIEFING = [
    ("为实现经济增长“5.5%左右”的预期目标", "5.5%左右", {"period": "2022", "value_kind": "target"}),
]

#: Counts and shares of provinces are about the country; an outturn measured against its goal
#: (比目标值高出, 与目标值相差) is an actual.
NEWS_PROVINCES_GWR_2022 = [
    ("约2成省份未达标", "约2成", {"area": "全国"}),
    ("29个省份中，GDP增速目标的平均值为6.4%", "6.4%", {"area": "全国"}),
    ("比目标值高出2.9个百分点", "2.9个百分点", {"value_kind": "actual"}),
    ("与目标值相差最大，低了2个百分点", "2个百分点", {"value_kind": "actual"}),
    # a statistic of the goals (目标平均值, 中位数) is a target
    ("2022年GDP目标平均值为6.4%", "6.4%", {"value_kind": "target"}),
]

#: A comparison with a month range (比2019年1-7月增长) keeps the subject of the clause before,
#: not the "-" left between the range's numbers.
NEWS_XIAN_2021M01_07 = [
    # 两年平均增长 is the basis of the growth of the subject named before, kept in the subject
    ("比1-6月加快0.7个百分点；两年平均增长5.9%", "5.9%", {"subject": "规模以上工业增加值两年平均"}),
    ("同比增长7.4%，比2019年1-7月增长20.5%", "20.5%", {"subject": "固定资产投资"}),
]

CASES = [
    pytest.param(source, anchor, quote, expected, id=f"{source}:{quote}")
    for source, cases in (
        ("seed", SEED),
        ("gwr_national_2020", NATIONAL_2020),
        ("gwr_fujian_2026", FUJIAN_2026),
        ("statcomm_national_2024_excerpt", STATCOMM_2024),
        ("news_fujian_cities_gdp_2022h1", NEWS_FUJIAN_2022H1),
        ("news_guangdong_cities_gdp_2021q1q3", NEWS_GUANGDONG_2021Q1Q3),
        ("news_top10_cities_gdp_2021", NEWS_TOP10_2021),
        ("news_national_gdp_2021q3", NEWS_NATIONAL_2021Q3),
        ("news_national_gwr_2022_gdp_target", NEWS_NATIONAL_GWR_2022),
        ("news_zhejiang_decade_2022", NEWS_ZHEJIANG_DECADE_2022),
        ("gwr_hunan_2026_excerpt", GWR_HUNAN_2026),
        ("news_national_gwr_2022_briefing_tasks", NEWS_NATIONAL_GWR_2022_BRIEFING),
        ("news_provinces_gwr_2022_targets", NEWS_PROVINCES_GWR_2022),
        ("news_xian_econ_2021m01_07", NEWS_XIAN_2021M01_07),
    )
    for anchor, quote, expected in cases
]


@pytest.mark.parametrize(("source", "anchor", "quote", "expected"), CASES)
def test_context_of_real_figures(source, anchor, quote, expected):
    _check(_describe(source, anchor, quote), expected)


KNOWN_FAILURES = [
    # The epidemic paragraphs of the 2020 report's review are about 2020, not the review
    # year 2019; nothing generic in the text says so.
    ("gwr_national_2020", "调派4万多名医护人员", "4万多名", {"period": "2020"}),
    # A background fact stated in the plan part without a marker of the past.
    ("gwr_national_2020", "必须稳住上亿市场主体", "上亿", {"value_kind": "actual"}),
    # After 经过二季度后 the gap describes the half year, not the second quarter.
    ("news_fujian_cities_gdp_2022h1", "差距扩大到接近200亿元", "接近200亿元", {"period": "2022H1"}),
    # The subject is what the parenthesised figure stands for, named before the comparison.
    ("news_fujian_cities_gdp_2022h1", "等于全国（2.5%）", "2.5%", {"subject": "全国GDP增速"}),
    # Investment over the five years written with 达 after 翻番: read as a level reached.
    ("gwr_hunan_2026_excerpt", "水利建设投资翻番、达2734.3亿元", "2734.3亿元", {"period": "2021-2025"}),
]


@pytest.mark.parametrize(
    ("source", "anchor", "quote", "expected"),
    [
        pytest.param(*case, id=f"{case[0]}:{case[2]}", marks=pytest.mark.xfail(strict=True))
        for case in KNOWN_FAILURES
    ],
)
def test_known_failures(source, anchor, quote, expected):
    _check(_describe(source, anchor, quote), expected)


# --------------------------------------------------------------------------- sentence level


def _doc(
    text: str, *, year: int | None = 2021, area: str | None = "泉州市", title: str | None = None
) -> Document:
    """A document whose clean text is its source (identity offsets)."""
    return Document(
        report_id="case",
        file_name="case.txt",
        sha256="0" * 64,
        n_bytes=len(text.encode()),
        encoding="utf-8",
        source_text=text,
        clean_text=text,
        clean_to_source=array("q", range(len(text) + 1)),
        title=title,
        area=area,
        year=year,
    )


def _at(text: str, quote: str, nth: int = 1) -> tuple[int, int]:
    pos = -1
    for _ in range(nth):
        pos = text.index(quote, pos + 1)
    return pos, pos + len(quote)


def test_comparison_base_is_not_the_period():
    text = "2020年，全市生产总值比上年增长3.1%，比去年同期提高0.5个百分点。"
    ctx = ContextResolver(_doc(text)).describe(*_at(text, "3.1%"))
    assert (ctx.period, ctx.subject) == ("2020", "全市生产总值")


@pytest.mark.parametrize(
    ("text", "quote", "period"),
    [
        ("前三季度，全市生产总值增长9.8%。其中，工业增加值增长8%。", "8%", "2021Q1-Q3"),
        ("1-3季度，全市出口增长12%。", "12%", "2021Q1-Q3"),
        ("1-11月，全市社会消费品零售总额增长12.1%。", "12.1%", "2021M01-M11"),
        ("2020年1至5月，全市进出口增长4%。", "4%", "2020M01-M05"),
        ("前7个月，全市固定资产投资增长7.4%。", "7.4%", "2021M01-M07"),
        ("前十一个月，全市出口增长20%。", "20%", "2021M01-M11"),
        ("1-2月，全市规模以上工业增加值增长30%。", "30%", "2021M01-M02"),
        ("1—11月，全市进口增长5%。", "5%", "2021M01-M11"),
        # a single month and a half year keep their own forms
        ("上半年，全市出口增长9%。", "9%", "2021H1"),
        ("一季度，全市出口增长3%。", "3%", "2021Q1"),
        ("11月份，全市出口增长6%。", "6%", "2021M11"),
    ],
)
def test_cumulative_spans_from_the_start_of_the_year(text, quote, period):
    ctx = ContextResolver(_doc(text, year=2021)).describe(*_at(text, quote))
    assert ctx.period == period


def test_cumulative_span_governs_the_rest_of_its_paragraph_only():
    text = "2021年前三季度，全市生产总值增长9.8%。出口增长15%。\n2021年，全市人口增长1%。\n"
    resolver = ContextResolver(_doc(text, year=2022))
    assert resolver.describe(*_at(text, "15%")).period == "2021Q1-Q3"
    assert resolver.describe(*_at(text, "1%")).period == "2021"


def test_growth_over_a_cumulative_span_stays_year_on_year():
    text = "前三季度，全市生产总值同比增长9.8%。“十三五”时期，全市生产总值增长40%。"
    figures = {f.quote: f for f in extract_figures(_doc(text, year=2021)).figures}
    assert (figures["9.8%"].period, figures["9.8%"].growth_basis) == ("2021Q1-Q3", "yoy")
    assert (figures["40%"].period, figures["40%"].growth_basis) == ("2016-2020", "cumulative")


def test_relative_years_count_from_the_report_year():
    text = "去年，全市新增城镇就业9.3万人。今年，新增城镇就业力争达到10万人。"
    resolver = ContextResolver(_doc(text, year=2021))
    last_year = resolver.describe(*_at(text, "9.3万人"))
    this_year = resolver.describe(*_at(text, "10万人"))
    assert (last_year.period, last_year.value_kind) == ("2020", "actual")
    assert (this_year.period, this_year.value_kind) == ("2021", "target")


@pytest.mark.parametrize(
    ("text", "quote", "period"),
    [
        # 这五年 / 五年来 / 过去五年 in a report of 2021 look back over 2016-2020
        ("这五年，全市累计新增城镇就业52万人，城镇化率达到68.5%。", "52万人", "2016-2020"),
        ("这五年，全市累计新增城镇就业52万人，城镇化率达到68.5%。", "68.5%", "2020"),
        ("五年来，城镇化率从63.6%提高到68.5%。", "63.6%", "2015"),
        ("五年来，城镇化率从63.6%提高到68.5%。", "68.5%", "2020"),
        ("过去五年，人均生产总值突破11万元。", "11万元", "2020"),
        # 是2015年的3倍: the year is the multiple's base; the multiple is reached at the end
        ("五年来，高新技术企业达到1.2万家，是2015年的3倍。", "3倍", "2020"),
        ("过去五年，农村贫困人口减少52.3万人。", "52.3万人", "2016-2020"),
    ],
)
def test_five_year_reviews_split_flows_from_levels(text, quote, period):
    ctx = ContextResolver(_doc(text, year=2021)).describe(*_at(text, quote))
    assert (ctx.period, ctx.value_kind) == (period, "actual")


def test_five_year_plan_names_resolve_to_their_years():
    text = "“十四五”时期，全市生产总值年均增长6%左右。"
    ctx = ContextResolver(_doc(text, year=2021)).describe(*_at(text, "6%左右"))
    assert (ctx.period, ctx.value_kind) == ("2021-2025", "target")


def test_group_index_from_the_caller():
    text = "福州、厦门、泉州出口分别增长10%、12%、14%。"
    resolver = ContextResolver(_doc(text, area="福建省"))
    ctx = resolver.describe(*_at(text, "14%"), group=(2, 3))
    assert (ctx.area, ctx.subject) == ("泉州市", "出口")


def test_ditto_note_stops_at_the_next_part():
    text = "一、回顾\n全市生产总值增长2.8%（预计数，下同）。\n财政收入增长5%。\n二、安排\n财政收入增长6%。\n"
    resolver = ContextResolver(_doc(text))
    assert resolver.describe(*_at(text, "5%")).is_estimate
    assert not resolver.describe(*_at(text, "6%")).is_estimate


def test_section_is_the_nearest_heading_of_the_document():
    doc, resolver = _resolver("gwr_fujian_2026")
    at = doc.clean_text.index("新增9家国家卓越级智能工厂")
    section = resolver.describe(at + 2, at + 4).section
    assert section == doc.section_at(at).title


def test_month_list_gives_each_item_of_a_distributed_list_its_month():
    """7、8、9三个月，…分别为5.1%、5.1%和4.9%。其中，31个大城市…分别为5.2%、5.3%和5%."""
    doc = read_report(SOURCES["news_national_gdp_2021q3"])
    text = doc.source_text
    at = text.find("7、8、9三个月，全国城镇调查失业率")
    end = text.find("也趋于改善", at)
    figures = extract_figures(doc).figures
    got = [(f.quote, f.period) for f in figures if at < f.char_start < end and f.unit == "%"]
    assert got == [
        ("5.1%", "2021M07"),
        ("5.1%", "2021M08"),
        ("4.9%", "2021M09"),
        ("5.2%", "2021M07"),
        ("5.3%", "2021M08"),
        ("5%", "2021M09"),
    ]


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("gwr_national_2020", "gwr"),  # 政府工作报告 in the title
        ("seed", "gwr"),  # 透过《政府工作报告》看泉州: a summary of the report, in the title
        # news that cites a report in a sentence of its lead (会议上披露的上海市人民政府工作报告，很可能…)
        ("news_top10_cities_gdp_2021", "other"),
    ],
)
def test_document_kind_comes_from_the_title_or_a_heading_line(source, kind):
    assert _resolver(source)[1].kind == kind


def test_news_paragraph_opening_with_another_year_governs_only_itself(extract_text):
    """Real sentences of news_top10_cities_gdp_2021, in their order: the lead's 2021 is the story's."""
    paragraphs = [
        "刚刚过去的2021年，我国诞生了首个“四万亿”城市。",
        "2020年，重庆的GDP总量与广州差距极小，以微弱优势居于第五名。",
        "与北京相比，上海也得益于人才的聚集和新兴产业发展迅速。",
        "清华大学本科毕业生“留京”比例为16.1%",
    ]
    source = SOURCES["news_top10_cities_gdp_2021"].read_text(encoding="utf-8")
    assert all(p in source for p in paragraphs)
    text = "\n".join(paragraphs[:2]) + "\n" + paragraphs[2] + paragraphs[3] + "。"
    figures = {f.quote: f.period for f in extract_text(text).figures}
    assert figures == {"第五名": "2020", "16.1%": "2021"}


def test_distributed_list_items_may_contain_he():
    """专用设备制造业、汽车制造业、电气机械和器材制造业…分别为27.1%、24.6%和22.0% (real extractor)."""
    doc = read_report(SOURCES["news_top10_cities_gdp_2021"])
    at = doc.source_text.find("上海专用设备制造业、汽车制造业、电气机械和器材制造业产值同比增速分别为")
    assert at >= 0
    end = doc.source_text.find("两年平均增速", at)
    got = [(f.quote, f.subject) for f in extract_figures(doc).figures if at < f.char_start < end]
    assert got == [
        ("27.1%", "专用设备制造业产值同比增速"),
        ("24.6%", "汽车制造业产值同比增速"),
        ("22.0%", "电气机械和器材制造业产值同比增速"),
    ]


def _figures_between(source: str, opening: str, closing: str) -> list:
    """Figures of the real document whose quote starts inside the passage opening..closing."""
    doc = read_report(SOURCES[source])
    at = doc.source_text.find(opening)
    assert at >= 0
    end = doc.source_text.find(closing, at)
    return [f for f in extract_figures(doc).figures if at <= f.char_start < end]


def test_list_of_places_in_the_clause_before_a_distributed_list():
    """其次为江苏和北京，分别高出2.6个、2.5个百分点: each item takes its own place (real extractor)."""
    figures = _figures_between("news_provinces_gwr_2022_targets", "其次为江苏和北京", "约2成")
    got = [(f.quote, f.area) for f in figures]
    assert got == [("2.6个", "江苏省"), ("2.5个百分点", "北京市")]
    figures = _figures_between("news_provinces_gwr_2022_targets", "其次为云南和河南", "</p>")
    got = [(f.quote, f.area) for f in figures]
    assert got == [("0.7个", "云南省"), ("0.5个百分点", "河南省")]


def test_value_right_after_a_yardstick_place_is_the_yardsticks():
    """超过全国9.8%的水平, 高于同期全省18.6%的增速: the number is the yardstick's own (real extractor)."""
    source = "news_guangdong_cities_gdp_2021q1q3"
    got = [(f.quote, f.area) for f in _figures_between(source, "超过全国", "的水平")]
    assert got == [("9.8%", "全国")]
    got = [(f.quote, f.area) for f in _figures_between(source, "同比增长37.6%", "的增速")]
    assert got == [("37.6%", "佛山市"), ("18.6%", "广东省")]


# --------------------------------------------------------------------------- undated pages


def _undated_page(tmp_path, body: str, head: str = "") -> ContextResolver:
    """The real report text saved as an HTML page with no date in its text or metadata."""
    paragraphs = "".join(f"<p>{line}</p>\n" for line in body.split("\n") if line)
    path = tmp_path / "page.html"
    path.write_text(f"<html><body>{head}\n{paragraphs}</body></html>", encoding="utf-8")
    doc = read_report(path)
    assert doc.published_at is None
    return ContextResolver(doc)


def _hunan_from(marker: str) -> str:
    text = _SOURCES["gwr_hunan_2026_excerpt"].read_text(encoding="utf-8")
    return text[text.index(marker) :]


def _period_of(resolver: ContextResolver, anchor: str, quote: str) -> str | None:
    text = resolver.text
    start = text.index(anchor) + anchor.index(quote)
    return resolver.describe(start, start + len(quote)).period


def test_undated_page_takes_its_year_from_the_dated_addresses_in_it(tmp_path):
    # no year in the text at all: the page's image paths (/202602/) date it
    body = _hunan_from("“十四五”时期是我们感恩奋进")
    resolver = _undated_page(tmp_path, body, head='<img src="/upload/202602/24/a.jpg">')
    assert resolver.doc.year is None  # nothing in the text or metadata dates it
    assert resolver.ref_year == 2026
    assert _period_of(resolver, "新增高速公路通车里程1523公里", "1523公里") == "2021-2025"
    assert _period_of(resolver, "总里程达8667公里", "8667公里") == "2025"


def test_undated_report_takes_its_year_from_its_review_heading(tmp_path):
    # 2025年和“十四五”时期工作回顾 is the review part of the 2026 report
    resolver = _undated_page(tmp_path, _hunan_from("一、2025年和“十四五”时期工作回顾"))
    assert resolver.ref_year == 2026
    assert _period_of(resolver, "全省地区生产总值达到5.53万亿元", "5.53万亿元") == "2025"
    assert _period_of(resolver, "新增高速公路通车里程1523公里", "1523公里") == "2021-2025"
