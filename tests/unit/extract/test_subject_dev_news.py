"""Subjects of figures in real sentences of the widened dev set (news on provincial GDP, reports).

Each case runs the real reader and extractor on the sentence and checks, for each figure in
order, its quote and subject. Cases are grouped by the construction they test; the comment
names the dev document the sentence comes from.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import case_params

#: (text, [(quote, subject), ...]) grouped by construction.
CASES: dict[str, list[tuple[str, list[tuple[str, str | None]]]]] = {
    # the noun after a count runs to the clause end, through quotes and a year
    # (gwr_fujian_2026, gwr_jiangsu_2026_excerpt, news_provinces_gwr_2022_targets)
    "noun_after_count": [
        (
            "实现“数据最多采一次”，53个“高效办成一件事”重点事项落地实施。",
            [("53个", "“高效办成一件事”重点事项落地实施")],
        ),
        (
            "服务建设全国统一大市场，16个案例入选全国“高效办成一件事”典型。",
            [("16个", "案例入选全国“高效办成一件事”典型")],
        ),
        (
            "从完成情况来看，29个省份中，近8成省份都完成了2021年经济增速目标。",
            [("29个", "省份中"), ("近8成", "省份都完成了2021年经济增速目标")],
        ),
        # 至少 and 已有 frame the count: the noun after it is what is counted
        ("截至4月26日，至少已有27个省份发布了一季度GDP数据。", [("27个", "省份发布了一季度GDP数据")]),
    ],
    # N的X: the noun after 的 is measured, up to its predicate (news_provinces_gdp_2021q1)
    "noun_after_de": [
        ("湖北省以58.3%的增速位居首位。", [("58.3%", "增速")]),
        (
            "同时，湖北省以58.3%的同比增速排名全国第一位。",
            [("58.3%", "同比增速"), ("全国第一位", "同比增速")],
        ),
        ("有网友提出，58.3%的GDP增速有些“夸张”。", [("58.3%", "GDP增速")]),
        ("目前58.3%的GDP同比增速，足以说明湖北省的经济发展已经逐渐恢复。", [("58.3%", "GDP同比增速")]),
        ("19.8%的同比增速目前仅次于湖北省，全国排名第二。", [("19.8%", "同比增速"), ("第二", "同比增速")]),
        # news_fujian_cities_gdp_2022h1
        ("而泉州2.5%的增速低于全省平均水平。", [("2.5%", "增速")]),
        # a list of N的X: each value its own noun (news_zhejiang_decade_2022)
        ("以5%的能耗产出了6.4%的GDP、8.6%的税收。", [("5%", "能耗"), ("6.4%", "GDP"), ("8.6%", "税收")]),
        # a share of a place's whole (聚集了广东六成的人口): the noun after 的 (news_guangdong_cities)
        (
            "珠三角虽然只有9个城市，却聚集了广东六成的人口以及八成的经济总量。",
            [("9个", "城市"), ("六成", "人口"), ("八成", "经济总量")],
        ),
        # but a noun before the number wins over a change word after 的 (news_top10_cities_gdp_2021)
        (
            "其他城市固定资产投资均有6%以上的增长，武汉、广州、杭州和成都的增速超过10%。",
            [("6%以上", "其他城市固定资产投资"), ("超过10%", "其他城市固定资产投资增速")],
        ),
    ],
    # a place (or 高于 + place) before a value is the value's area: the measure is named earlier
    "places_compared": [
        (
            "一季度浙江省GDP为16347亿元，同比增长19.5%，增速仅次于湖北省的58.3%和海南省的19.8%，"
            "高于江苏的19.2%、广东省的18.6%、山东的18%。",
            [
                ("16347亿元", "GDP"),
                ("19.5%", "GDP"),
                ("58.3%", "GDP增速"),
                ("19.8%", "增速"),
                # 增速 alone is passed over as a comparison word: the last full noun is GDP
                ("19.2%", "GDP"),
                ("18.6%", "GDP"),
                ("18%", "GDP"),
            ],
        ),
        # a place alone names nothing: no subject rather than the place
        ("此外，苏州达到10.9%、北京为10.7%。", [("10.9%", None), ("10.7%", None)]),
        # nor a place with its value in brackets, nor one a value beats (news_central_capitals_census_2020)
        (
            "河南（9935.55万）与湖北（5775.26万）之间，隔着不止一个山西。",
            [("9935.55万", None), ("5775.26万", None)],
        ),
        ("郑州以1260万人力压武汉的1232.6万人。", [("1260万人", None), ("1232.6万人", None)]),
    ],
    # a threshold crossed (迈上…台阶) is no noun: the figures after it keep the subject before the
    # verb; the count of thresholds counts the 台阶 (gwr_jiangsu_2026_excerpt, news_zhejiang_decade_2022,
    # gwr_hunan_2026_excerpt, gwr_anhui_2026_review_excerpt)
    "thresholds": [
        (
            "五年来，全省地区生产总值连续迈上4个万亿元台阶、达14.2万亿元、年均增长5.7%。",
            [("4个", "万亿元台阶"), ("14.2万亿元", "全省地区生产总值"), ("5.7%", "全省地区生产总值")],
        ),
        (
            "全省地区生产总值连跨4个万亿级台阶、突破7万亿元，稳居全国第四，人均GDP突破11万元。",
            [
                ("4个", "万亿级台阶"),
                ("突破7万亿元", "全省地区生产总值"),
                ("全国第四", "全省地区生产总值"),
                ("突破11万元", "人均GDP"),
            ],
        ),
        (
            "全省地区生产总值迈上5万亿台阶、五年增量超1.36万亿元。",
            [("迈上5万亿", "全省地区生产总值"), ("超1.36万亿元", "五年增量")],
        ),
        # a threshold in words (两个) splits no number: the clause is read whole (gwr_anhui_2026)
        (
            "全省地区生产总值连跨两个万亿元台阶，年均增长5.7%、高于全国0.3个百分点。",
            [("5.7%", "全省地区生产总值"), ("0.3个百分点", "全省地区生产总值")],
        ),
        (
            "人民币存款、贷款余额连跨4个万亿元台阶、双双突破9万亿元。",
            [("4个", "万亿元台阶"), ("突破9万亿元", "人民币存款、贷款余额")],
        ),
    ],
    # a rank's pool (省内, 全国第) and a generic word (总量) name nothing of their own
    # (news_guangdong_cities_gdp_2021q1q3, news_changsha_congress_digital_2021, gwr_anhui_2026_review_excerpt)
    "ranks": [
        (
            "今年以来，佛山进出口增速已经连续6个月位居省内第一。",
            [("连续6个月", "进出口增速"), ("第一", "进出口增速")],
        ),
        # 排 before 全国第四, a gap before a rank (比全国高) and a stock word (总量) are not what is
        # ranked: the noun before is (news_changsha_congress_digital_2021, news_provinces_gdp_2021q1)
        (
            "数字经济规模达到1.15万亿元，总量位居全国第12，同比增长13.9%，发展增速排全国第四。",
            [
                ("1.15万亿元", "数字经济规模"),
                ("全国第12", "数字经济总量"),
                ("13.9%", "数字经济规模"),
                ("全国第四", "发展增速"),
            ],
        ),
        (
            "规模以上工业增加值同比增长26.3%，增幅比全国高1.8个百分点，居全国第12位；",
            [
                ("26.3%", "规模以上工业增加值"),
                ("1.8个百分点", "规模以上工业增加值增幅"),
                ("全国第12位", "规模以上工业增加值"),
            ],
        ),
        # how long a rank held (长期) and the region ranked in (中西部) are not what is ranked
        # (news_top10_cities_gdp_2021, gwr_hunan_2026_excerpt)
        ("作为我国GDP长期排名第一的城市，上海大批高校聚集。", [("第一", "GDP")]),
        ("对非贸易额增长15%、规模居中西部第1。", [("15%", "对非贸易额"), ("第1", "对非贸易规模")]),
        # a generic 总数 is the stock of what the clause before counted (gwr_anhui_2026_review_excerpt)
        (
            "新增境内上市公司62家，总数186家、从全国第9位升至第7位。",
            [
                ("62家", "新增境内上市公司"),
                ("186家", "境内上市公司总数"),
                ("全国第9位", "境内上市公司总数"),
                ("第7位", "境内上市公司总数"),
            ],
        ),
        (
            "汽车、新能源汽车产量从全国第8位、第4位双双跃居第1位，新一代信息技术、装备制造产业营收突破万亿元。",
            [
                ("全国第8位", "汽车、新能源汽车产量"),
                ("第4位", "汽车、新能源汽车产量"),
                ("第1位", "汽车、新能源汽车产量"),
                ("突破万亿元", "新一代信息技术、装备制造产业营收"),
            ],
        ),
    ],
    # a count after a verb of work or a list joiner counts the noun after it (gwr_shandong_2026_goals_excerpt,
    # gwr_baoding_2021_excerpt, news_changsha_congress_digital_2021, gwr_anhui_2026_review_excerpt)
    "counted_noun_after": [
        ("抓好6条续建高铁建设，今年建成雄商高铁。", [("6条", "续建高铁建设")]),
        ("强力推进46个城中村改造，", [("46个", "城中村改造")]),
        (
            "培育100家以上特色企业和100个以上行业级、场景级大模型和智能体。",
            [("100家以上", "培育特色企业"), ("100个以上", "培育行业级")],
        ),
        (
            "国家超级计算长沙中心、国家智能网联汽车（长沙）测试区及40多个大数据中心相继投入运营；",
            [("40多个", "大数据中心相继投入运营")],
        ),
        ("全省新增8个国家级临床重点专科。", [("8个", "全省新增国家级临床重点专科")]),
        # a verb ending in 及 is no list joiner: the count keeps its verb
        ("累计惠及80个乡镇。", [("80个", "累计惠及乡镇")]),
        # classes of items (12类45件): the noun after the second count (gwr_jiangsu_2026_excerpt)
        ("12类45件民生实事全面完成，", [("12类", "民生实事全面完成"), ("45件", "民生实事全面完成")]),
        # the names listed before a count are the items it counts: the noun after it names them
        # (gwr_liaoning_2026_review_excerpt, gwr_fujian_2026)
        (
            "航空、机器人及智能制造、工业母机、绿色石化4个集群获评国家先进制造业集群。",
            [("4个", "集群获评国家先进制造业集群")],
        ),
        ("落地建设肿瘤与代谢、闽台地区高发慢病病因流行病学2个重点实验室。", [("2个", "落地建设重点实验室")]),
        # a verb of work stripped as framing still counts the noun after (gwr_liaoning_2026_review_excerpt)
        ("高质量完成20件民生实事。", [("20件", "民生实事")]),
        # a citation mark after the noun is no part of it (gwr_baoding_2021_excerpt)
        ("持续开展散煤、扬尘、油品等7个“专项行动”[5]，", [("7个", "“专项行动”")]),
        # a total said of the item counted just before; N强 is part of a name (gwr_hunan_2026_excerpt)
        (
            "引进“三类500强”项目1608个、总投资超1.6万亿元。",
            [("1608个", "引进“三类500强”项目"), ("超1.6万亿元", "引进“三类500强”项目总投资")],
        ),
        # 在建 counts like 建成, with the noun of the item before
        ("建成过江通道4座、在建8座，", [("4座", "建成过江通道"), ("8座", "在建过江通道")]),
        # 居民 after a count is a noun, not the rank verb 居 (seed)
        ("14.8万户居民从棚户区搬出,住进新居。", [("14.8万户", "居民从棚户区搬出")]),
    ],
    # 以 only introduces a value: a rank said of it names nothing (news_provinces_gdp_2021q1,
    # news_fujian_cities_gdp_2022h1)
    "yi_value": [
        ("广东省以27117.96亿元居于全国首位；", [("27117.96亿元", None)]),
        ("今年一季度，泉州GDP以百亿元领先于福州。", [("百亿元", "GDP")]),
    ],
    # a unit per month is the unit's, and 压缩 is a change verb (gwr_anhui_2026_review_excerpt)
    # 占比 ends in 比 but is no comparison: it names the rate a gap is of (gwr_baoding_2021_excerpt)
    "shares": [
        (
            "其中，畜牧、蔬菜、果品三大产业占比达到67.7%，高于全省3.1个百分点。",
            [("67.7%", "畜牧、蔬菜、果品三大产业占比"), ("3.1个百分点", "畜牧、蔬菜、果品三大产业占比")],
        ),
    ],
    # a rate of exchange and an amount converted (兑, 折) measure what was named before
    # (statcomm_national_2024_excerpt)
    "conversions": [
        (
            "全年人民币平均汇率为1美元兑7.1217元人民币，比上年贬值1.1%。",
            [("7.1217元", "人民币"), ("贬值1.1%", "人民币平均汇率")],
        ),
        (
            "实际使用外资8263亿元，折1162亿美元。",
            [("8263亿元", "实际使用外资"), ("1162亿美元", "实际使用外资")],
        ),
    ],
    "units_and_change_verbs": [
        # an age band is part of the noun (news_national_gdp_2022h1, news_central_capitals_census_2020)
        (
            "16-24岁人口的失业率由上月的18.4%上升至19.3%。",
            [("18.4%", "16-24岁人口的失业率"), ("19.3%", "16-24岁人口的失业率")],
        ),
        ("60岁及以上人口占比为12.84%。", [("12.84%", "60岁及以上人口占比")]),
        # 由上月的…上升至: the base month and the verb are no part of the noun (news_national_gdp_2022h1)
        ("人口的失业率由上月的18.4%上升至19.3%。", [("18.4%", "人口的失业率"), ("19.3%", "人口的失业率")]),
        # a range's start splits the noun off (news_central_capitals_census_2020)
        ("人口增量始终在12~18万之间徘徊。", [("12", "人口增量"), ("18万", "人口增量")]),
        # 以目前…的增速计算 (news_hangzhou_gdp_2021q1q3_targets)
        ("当然，以目前10%的增速计算，", [("10%", "增速")]),
        # a bare verb of flow: sales of what was named before, or of the noun after it
        # (news_national_gdp_2022h1, gwr_national_2020)
        (
            "尤其是新能源汽车快速增长，上半年销售260万辆，同比增长120%。",
            [("260万辆", "新能源汽车销售"), ("120%", "新能源汽车销售")],
        ),
        ("同时发行1万亿元抗疫特别国债。", [("1万亿元", "发行抗疫特别国债")]),
        (
            "城市低保人均保障标准从796元/月提高至842元/月。",
            [("796元/月", "城市低保人均保障标准"), ("842元/月", "城市低保人均保障标准")],
        ),
        ("跑动次数减少93%，办理时限压缩65%。", [("减少93%", "跑动次数"), ("65%", "办理时限")]),
        ("90%的县医院达到三级医院服务能力水平。", [("90%", "县医院")]),
    ],
    # 分别 lists: the items may be a clause back, past a short trend clause; a measure written once
    # after the last item is shared; a verb of cause opens the list (news_provinces_gdp_2021q1,
    # gwr_jiangsu_2026_excerpt, news_provinces_gwr_2022_targets)
    "lists": [
        (
            "尤其是互联网和相关服务业、软件和信息技术服务业，持续较快增长，同比分别增长15.9%和37.5%。",
            [("15.9%", "互联网和相关服务业"), ("37.5%", "软件和信息技术服务业")],
        ),
        (
            "消费品以旧换新带动限上新能源汽车、节能家电零售额分别增长21.2%、39.5%。",
            [("21.2%", "限上新能源汽车零售额"), ("39.5%", "节能家电零售额")],
        ),
        # a word for two measures (产销, 进出口) is a list of two; later 分别 clauses of framing
        # alone reach it (news_national_gdp_2022h1)
        (
            "6月份，汽车产销分别为249.9万辆和250.2万辆，环比分别增长29.7%和34.4%，同比分别增长28.2%和23.8%。",
            [
                ("249.9万辆", "汽车产量"),
                ("250.2万辆", "汽车销量"),
                ("29.7%", "汽车产量"),
                ("34.4%", "汽车销量"),
                ("28.2%", "汽车产量"),
                ("23.8%", "汽车销量"),
            ],
        ),
        ("进出口分别增长5%和6%。", [("5%", "进口"), ("6%", "出口")]),
        # 人次 is a measure of its own: no shared 收入 (gwr_liaoning_2026_review_excerpt)
        (
            "全省接待游客人次和旅游收入分别增长17.6%、16.8%。",
            [("17.6%", "全省接待游客人次"), ("16.8%", "旅游收入")],
        ),
        # an item that is a measure of its own keeps its name
        ("出口、固定资产投资分别增长5%、6%。", [("5%", "出口"), ("6%", "固定资产投资")]),
    ],
    # words that stand for something named before: an anaphor (这一数据), a pool a rank is in,
    # an object of the verb repeated (先发行), a place's value of the measure (距离…的湖南)
    # (news_provinces_gdp_2021q1, news_changsha_congress_digital_2021, html_national_gwr_2024)
    "named_before": [
        (
            "安徽省一季度的GDP为9529.1亿元，这一数据高出上海70.24亿元。",
            [("9529.1亿元", "GDP"), ("70.24亿元", "GDP高出上海")],
        ),
        (
            "长沙高新区综合实力更是跻身全国169个国新区第11位。",
            [("169个", "高新区综合实力"), ("第11位", "高新区综合实力")],
        ),
        (
            "从今年开始拟连续几年发行超长期特别国债，专项用于国家重大战略实施和重点领域安全能力建设，"
            "今年先发行1万亿元。",
            [("1万亿元", "超长期特别国债")],
        ),
        (
            "湖北省GDP达9872.67亿元，全国排名第9位，距离10223.99亿元的湖南仅一步之遥。",
            [("9872.67亿元", "GDP"), ("第9位", "GDP"), ("10223.99亿元", "GDP")],
        ),
    ],
    # framing words before the noun: 上述, 按照, 取得了, N个方面, 拥有 (gwr_national_2020,
    # news_guangdong_cities_gdp_2021q1q3, gwr_baoding_2021_excerpt)
    "framing": [
        ("上述2万亿元全部转给地方。", [("2万亿元", "全部转给地方")]),
        ("推出8个方面90项政策措施，实施援企稳岗。", [("8个", "方面"), ("90项", "政策措施")]),
        ("对我们这样一个拥有14亿人口的发展中国家来说，", [("14亿", "人口的发展中国家来说")]),
        ("按照东莞全年6%的经济增长目标，", [("6%", "经济增长目标")]),
        ("取得了治愈率100%、医护零感染的骄人战绩。", [("100%", "治愈率")]),
        (
            "外贸进出口总值增长37.6%，高于同期全省18.6%的增速。",
            [("37.6%", "外贸进出口总值"), ("18.6%", "增速")],
        ),
        ("通用设备制造业迅猛增长，增长6309.9%；", [("6309.9%", "通用设备制造业")]),
        # a count of what a list names: the noun after 等 (gwr_baoding_2021_excerpt)
        ("完成白洋淀上游生态环境保护、工业遗产保护等地方立法12部。", [("12部", "地方立法")]),
        # a number a copula speaks of (5.5%是…) counts nothing after it
        ("5.5%是务实理性的，体现了发展。", [("5.5%", None)]),
    ],
    # a clause with no figure that names its noun's rank or trend (最多, 出现下跌) names the figure
    # after it; a dash ends a subject's words (news_central_capitals_census_2020)
    "clause_before": [
        (
            "其中，河南人口绝对增量最多，达到534.2万人，增长5.68%；",
            [("534.2万人", "人口绝对增量"), ("5.68%", "人口绝对增量")],
        ),
        ("广东拥有全国最多的地级市数量，到达21个。", [("21个", "地级市数量")]),
        # a clause leading others or level with another (news_fujian_cities_gdp_2022h1,
        # news_top10_cities_gdp_2021)
        ("但从上半年GDP来看，其增速仍然明显领先于全省其他地区，达到9.6%，仍保持在首位。", [("9.6%", "增速")]),
        ("重庆的GDP总量与广州差距也不大，增速与广州相同，均为9.9%。", [("9.9%", "增速")]),
        ("郑州人口增量从15万跃升至超过20万；", [("15万", "人口增量"), ("超过20万", "人口增量")]),
        (
            "增量均小于省会城市人口增量——如长沙十年常住人口增加300万人，湖南同期增长不到75万；",
            [("300万人", "如长沙十年常住人口"), ("不到75万", "如长沙十年常住人口")],
        ),
        # a clause with no figure that crosses a threshold or is a measure noun alone names the
        # figures after it (news_suzhou_gdp_2022q1, news_shenzhen_gdp_2022h1)
        (
            "作为工业大市，苏州一季度规模以上工业总产值突破万亿，达10051.6亿元，同比增长9.6%。",
            [(q, "规模以上工业总产值") for q in ("突破万亿", "10051.6亿元", "9.6%")],
        ),
        ("投资结构持续优化，特别是工业投资，增势强劲，增长达50.8%。", [("50.8%", "工业投资")]),
        ("其中，出口实现大幅度增长，增长了7.1%。", [("7.1%", "出口")]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), case_params(CASES))
def test_subject_of_each_figure(extract_text, text, expected):
    got = [(f.quote, f.subject) for f in extract_text(text).figures]
    assert got == expected


def test_a_list_of_places_names_areas_not_the_subject(extract_text):
    # news_provinces_gwr_2022_targets: the places are the figures' areas; the measure is named in
    # an earlier sentence, out of reach, so no place may stand in for it
    figures = extract_text("其次为江苏和北京，分别高出2.6个、2.5个百分点。").figures
    assert [f.quote for f in figures] == ["2.6个", "2.5个百分点"]
    assert [f.area for f in figures] == ["江苏省", "北京市"]
    assert not any(f.subject in ("江苏", "北京", "江苏和北京") for f in figures)


#: A sentence of framing alone (分季度看, 此外 + places) measures what the sentence before did; one
#: with words of its own does not (news_national_gdp_2021q3, news_top10_cities_gdp_2021,
#: news_guangdong_cities_gdp_2021q1q3): (text, quote, subject).
PREVIOUS_SENTENCE = [
    (
        "初步核算，前三季度国内生产总值823131亿元，按可比价格计算，同比增长9.8%，两年平均增长5.2%，"
        "比上半年两年平均增速回落0.1个百分点。分季度看，三季度同比增长4.9%，两年平均增长4.9%。",
        "4.9%",
        "国内生产总值",
    ),
    (
        "2021年前三季度，武汉经济增速达到18.8%，增速排名前十大GDP城市中的首位。"
        "此外，苏州达到10.9%、北京为10.7%。",
        "10.7%",
        "经济增速",
    ),
    ("全市引入总投资800亿元。广东拥有全国最多的地级市数量，到达21个。", "21个", "地级市数量"),
]


@pytest.mark.parametrize(("text", "quote", "subject"), PREVIOUS_SENTENCE)
def test_a_sentence_naming_no_subject_continues_the_one_before(extract_text, text, quote, subject):
    figure = next(f for f in extract_text(text).figures if f.quote == quote)
    assert figure.subject == subject
