"""Table-driven cases: real sentences, grouped by the document they come from.

Each case is (sentence, expected figures). A figure is (quote, value, unit, measure,
qualifier); the case passes when the extractor finds exactly those figures in that order.
Every sentence must occur verbatim in its source document (checked below), so the table
cannot drift into invented text. ``ISSUE_EXAMPLES`` are phrases the spec (issue 3) names.
"""

# ruff: noqa: E501  (rows of real sentences read better unwrapped)
from __future__ import annotations

import pytest

from tests.unit.extract.conftest import SOURCES, case_params

F = tuple  # (quote, value, unit, measure, qualifier)

CASES: dict[str, list[tuple[str, list[F]]]] = {
    "seed": [
        ("全市生产总值由一季度下降10.3%到全年增长2.8%(预计数,下同)。",
         [("下降10.3%", -10.3, "%", "from", "exact"), ("增长2.8%", 2.8, "%", "to", "exact")]),
        ("兑现惠企资金48.2亿元、减税降费91.1亿元",
         [("48.2亿元", 48.2, "亿元", "level", "exact"), ("91.1亿元", 91.1, "亿元", "level", "exact")]),
        ("为企业增贷、转续贷、降低利率、延期还款2400多亿元",
         [("2400多亿元", 2400, "亿元", "level", "more_than")]),
        ("网络零售额2574亿元、增长34.9%,数额全省第一",
         [("2574亿元", 2574, "亿元", "level", "exact"), ("34.9%", 34.9, "%", "growth_pct", "exact"),
          ("全省第一", 1, None, "rank", "exact")]),
        ("快递业务量破17亿件、增长41.2%,数量占全省一半",
         [("破17亿件", 17, "亿件", "level", "exceeds"), ("41.2%", 41.2, "%", "growth_pct", "exact"),
          ("一半", 0.5, None, "share", "exact")]),
        ("职工医保、城乡居民基本医保政策范围内报销比例分别提高到92.8%和68.5%,实现医保“村村通”。",
         [("92.8%", 92.8, "%", "rate_pct", "exact"), ("68.5%", 68.5, "%", "rate_pct", "exact")]),
        ("泉台贸易总额、利用台资分别增长50%和73.8%。",
         [("50%", 50, "%", "growth_pct", "exact"), ("73.8%", 73.8, "%", "growth_pct", "exact")]),
        ("垃圾分类实施范围扩大到22个街道(乡镇)、40多万户居民。",
         [("22个", 22, "个", "level", "exact"), ("40多万户", 40, "万户", "level", "more_than")]),
        ("村集体经营性收入普遍达10万元以上。",
         [("10万元以上", 10, "万元", "level", "at_least")]),
        ("全市生产总值预计突破万亿大关,人均生产总值突破11万元,经济总量连续22年居全省首位,",
         [("突破万亿", 1, "万亿", "level", "exceeds"), ("突破11万元", 11, "万元", "level", "exceeds"),
          ("连续22年", 22, "年", "duration", "exact")]),
        ("跃居国内所有城市前20。", [("前20", 20, None, "rank", "at_most")]),
        ("市场主体从50万家增加到120万家。",
         [("50万家", 50, "万家", "from", "exact"), ("120万家", 120, "万家", "to", "exact")]),
        ("与海丝沿线国家(地区)年贸易额超千亿元。", [("超千亿元", 1000, "亿元", "level", "more_than")]),
        ("中心城区面积由206.5平方公里拓展至235平方公里,城镇化率从63.6%提高到68.5%。",
         [("206.5平方公里", 206.5, "平方公里", "from", "exact"), ("235平方公里", 235, "平方公里", "to", "exact"),
          ("63.6%", 63.6, "%", "from", "exact"), ("68.5%", 68.5, "%", "to", "exact")]),
        ("完成农村“千吨万人”饮用水水源保护区划定,县级以上13个饮用水水源地Ⅲ类水质达标率100%。",
         [("13个", 13, "个", "level", "exact"), ("100%", 100, "%", "rate_pct", "exact")]),
        ("启动千亿产业集群改造提升行动,实施强链补链、科技赋能等项目710个", [("710个", 710, "个", "level", "exact")]),
        ("开展房屋安全“百日攻坚”、安全隐患大排查大整治和安全生产专项整治三年行动。", []),
        ("启动政务数据汇聚与共享应用平台(二期)建设。", []),
        ("2021-01-17 09:55:20\u00a0蔡紫旻 陈凌鹭\u00a0来源:泉州晚报", []),
        ("二季度实施“六稳”“六保”追赶行动;", []),
    ],
    "gwr_national_2020": [
        ("国内生产总值达到99.1万亿元，增长6.1%。",
         [("99.1万亿元", 99.1, "万亿元", "level", "exact"), ("6.1%", 6.1, "%", "growth_pct", "exact")]),
        ("调查失业率在5.3%以下。", [("5.3%以下", 5.3, "%", "rate_pct", "at_most")]),
        ("粮食产量保持在1.3万亿斤以上。", [("1.3万亿斤以上", 1.3, "万亿斤", "level", "at_least")]),
        ("减税降费2.36万亿元，超过原定的近2万亿元规模，",
         [("2.36万亿元", 2.36, "万亿元", "level", "exact"), ("近2万亿元", 2, "万亿元", "level", "nearly")]),
        ("农村贫困人口减少1109万，贫困发生率降至0.6%，",
         [("减少1109万", -1109, "万", "level", "exact"), ("0.6%", 0.6, "%", "rate_pct", "exact")]),
        ("调派4万多名医护人员驰援", [("4万多名", 4, "万名", "level", "more_than")]),
        ("常住人口城镇化率首次超过60%，", [("超过60%", 60, "%", "rate_pct", "more_than")]),
        ("义务教育学生生活补助人数增加近40%，", [("近40%", 40, "%", "growth_pct", "nearly")]),
        ("企业数量日均净增1万户以上。", [("1万户以上", 1, "万户", "level", "at_least")]),
        # 上 before a round magnitude: more than it
        ("保障就业和民生，必须稳住上亿市场主体，", [("上亿", 1, "亿", "level", "more_than")]),
    ],
    "gwr_fujian_2026": [
        ("城镇居民、农村居民人均可支配收入分别增长4.5%、5.7%，城镇调查失业率4.7%，",
         [("4.5%", 4.5, "%", "growth_pct", "exact"), ("5.7%", 5.7, "%", "growth_pct", "exact"),
          ("4.7%", 4.7, "%", "rate_pct", "exact")]),
        ("固定资产投资下降3.3%，进出口下降5.4%，",
         [("下降3.3%", -3.3, "%", "growth_pct", "exact"), ("下降5.4%", -5.4, "%", "growth_pct", "exact")]),
        ("已建在建入级电动船舶数量占全国三成以上，2款一类创新药集中获批上市，",
         [("三成以上", 0.3, None, "share", "at_least"), ("2款", 2, "款", "level", "exact")]),
        ("推出全球首款量产级9兆瓦时储能系统，", [("9兆瓦时", 9, "兆瓦时", "level", "exact")]),
        ("“金服云”服务实体融资1.58万亿元，", [("1.58万亿元", 1.58, "万亿元", "level", "exact")]),
        ("新增9家国家卓越级智能工厂、38家国家级5G工厂，",
         [("9家", 9, "家", "level", "exact"), ("38家", 38, "家", "level", "exact")]),
        ("杂交水稻制种面积连续8年全国第一，",
         [("连续8年", 8, "年", "duration", "exact"), ("全国第一", 1, None, "rank", "exact")]),
        ("服务区农特产品销售增长近四成。", [("近四成", 0.4, None, "growth_pct", "nearly")]),
        ("全省地区生产总值增长5%左右", [("5%左右", 5, "%", "growth_pct", "approx")]),
        ("粮食产量513万吨以上", [("513万吨以上", 513, "万吨", "level", "at_least")]),
        ("提升12345政务服务便民热线", []),
        ("PM_2.5平均浓度低于每立方米19微克", [("19微克", 19, "微克", "level", "less_than")]),
        ("“全闽乐购”等促消费活动近万场，", [("近万场", 1, "万场", "level", "nearly")]),
        ("连续12届获中国戏剧梅花奖", [("连续12届", 12, "届", "duration", "exact")]),
        ("台湾农民创业园综合考评连年包揽大陆前六名，", [("前六名", 6, None, "rank", "at_most")]),
        ("即时零售规模稳居全国第一梯队，", []),
    ],
    "statcomm_national_2024_excerpt": [
        ("初步核算，全年国内生产总值[2]1349084亿元，比上年增长5.0%。",
         [("1349084亿元", 1349084, "亿元", "level", "exact"), ("5.0%", 5.0, "%", "growth_pct", "exact")]),
        ("全员劳动生产率[4]为173898元/人，比上年提高4.9%。",
         [("173898元/人", 173898, "元/人", "level", "exact"), ("4.9%", 4.9, "%", "growth_pct", "exact")]),
        ("死亡人口1093万人，死亡率为7.76‰；自然增长率为-0.99‰。",
         [("1093万人", 1093, "万人", "level", "exact"), ("7.76‰", 7.76, "‰", "rate_pct", "exact"),
          ("-0.99‰", -0.99, "‰", "rate_pct", "exact")]),
        ("年末全国常住人口城镇化率为67.00%，比上年末提高0.84个百分点。",
         [("67.00%", 67.0, "%", "rate_pct", "exact"), ("0.84个百分点", 0.84, "个百分点", "change_pp", "exact")]),
        ("太阳能电池（光伏电池）产量6.8亿千瓦，增长15.7%；",
         [("6.8亿千瓦", 6.8, "亿千瓦", "level", "exact"), ("15.7%", 15.7, "%", "growth_pct", "exact")]),
        ("3D打印设备产量341.8万台，增长11.3%。",
         [("341.8万台", 341.8, "万台", "level", "exact"), ("11.3%", 11.3, "%", "growth_pct", "exact")]),
        ("年末国家外汇储备32024亿美元，比上年末减少356亿美元。",
         [("32024亿美元", 32024, "亿美元", "level", "exact"), ("减少356亿美元", -356, "亿美元", "level", "exact")]),
        ("早稻产量2817万吨，减产0.6%；",
         [("2817万吨", 2817, "万吨", "level", "exact"), ("减产0.6%", -0.6, "%", "growth_pct", "exact")]),
        ("移动电话普及率为127.1部/百人。", [("127.1部/百人", 127.1, "部/百人", "level", "exact")]),
        ("空气质量达标的城市占65.5%，", [("65.5%", 65.5, "%", "rate_pct", "exact")]),
        # a ratio has no unit word: its value after the noun, its change after a change verb
        ("城乡居民人均可支配收入比值为2.34，比上年缩小0.05",
         [("2.34", 2.34, None, "level", "exact"), ("缩小0.05", -0.05, None, "level", "exact")]),
        ("全年人民币平均汇率为1美元兑7.1217元人民币，比上年贬值1.1%",
         [("7.1217元", 7.1217, "元", "level", "exact"), ("贬值1.1%", -1.1, "%", "growth_pct", "exact")]),
    ],
    "news_fujian_cities_gdp_2022h1": [
        ("“双雄”的GDP体量均超过5000亿元，独成一档；",
         [("超过5000亿元", 5000, "亿元", "level", "more_than")]),
        ("泉州GDP以百亿元领先于福州", [("百亿元", 100, "亿元", "level", "exact")]),
        ("与福州间的GDP差距扩大到接近200亿元。", [("接近200亿元", 200, "亿元", "level", "nearly")]),
        ("比全省平均水平高出了5个百分点。", [("5个百分点", 5, "个百分点", "change_pp", "exact")]),
        ("锂电新能源产业增加值增长44.3%，对全市规模以上工业增加值增长贡献率达84.7%，拉动全市增长20.8个百分点。",
         [("44.3%", 44.3, "%", "growth_pct", "exact"), ("84.7%", 84.7, "%", "rate_pct", "exact"),
          ("20.8个百分点", 20.8, "个百分点", "change_pp", "exact")]),
        ("固定资产投资增速分别为12.4%、12.0%、11.3%、12.2%、10.5%，均超过两位数。",
         [("12.4%", 12.4, "%", "growth_pct", "exact"), ("12.0%", 12.0, "%", "growth_pct", "exact"),
          ("11.3%", 11.3, "%", "growth_pct", "exact"), ("12.2%", 12.2, "%", "growth_pct", "exact"),
          ("10.5%", 10.5, "%", "growth_pct", "exact")]),
        ("这一指标数据已经连续43个月保持在福建省各设区市首位。",
         [("连续43个月", 43, "个月", "duration", "exact")]),
    ],
    "news_top10_cities_gdp_2021": [
        # 前十强城市, 排名前十的城市: the name of a group, not a rank; 此前一直 is no rank either
        ("我国GDP前十强城市中，长三角有上海、苏州、杭州、南京", []),
        ("同时，GDP排名前十的城市均有自己的代表性制造业", []),
        ("此前一直领先北京的上海", []),
        # the clause's own 的增长 after the number wins over a 下降 in the clause before
        ("除了深圳的固定资产投资增速同比下降0.6%之外，其他城市固定资产投资均有6%以上的增长",
         [("下降0.6%", -0.6, "%", "growth_pct", "exact"), ("6%以上", 6, "%", "growth_pct", "at_least")]),
        # 前11月 is a cumulative period (like 1-11月), not a rank of 11
        ("2021年前11月，重庆实现社会消费品零售总额12746.63亿元",
         [("12746.63亿元", 12746.63, "亿元", "level", "exact")]),
    ],
    "news_zhejiang_decade_2022": [
        ("城乡居民收入都翻一番以上，分别连续21年、37年居各省、区第一",
         [("翻一番以上", 2, None, "multiple", "at_least"), ("连续21年", 21, "年", "duration", "exact"),
          ("37年", 37, "年", "duration", "exact"), ("第一", 1, None, "rank", "exact")]),
        # a ratio's start and end (倍差从X缩小到Y): a change of a unitless ratio
        ("城乡居民收入倍差从2.37缩小到1.94",
         [("2.37", 2.37, None, "from", "exact"), ("1.94", 1.94, None, "to", "exact")]),
        # a start year between 从 and the start value (从2013年的1.76)
        ("城区居民收入最高最低倍差从2013年的1.76缩小到1.61",
         [("1.76", 1.76, None, "from", "exact"), ("1.61", 1.61, None, "to", "exact")]),
        # two ranks: a rank moves to another rank
        ("一般公共预算收入达8263亿元、从全国第五提升到第三",
         [("8263亿元", 8263, "亿元", "level", "exact"), ("全国第五", 5, None, "from", "exact"),
          ("第三", 3, None, "to", "exact")]),
    ],
    "news_national_gdp_2021q3": [
        # a degree of completion of a goal is a level (a ratio to the goal), not a growth rate
        ("进一步看，前三季度，全国城镇新增就业1045万人，完成全年目标的95.0%",
         [("1045万人", 1045, "万人", "level", "exact"), ("95.0%", 95.0, "%", "rate_pct", "exact")]),
        ("关注点二：城镇新增就业人数完成全年目标任务95.0%", [("95.0%", 95.0, "%", "rate_pct", "exact")]),
        ("城乡居民人均收入比值2.62，比上年同期缩小0.05。",
         [("2.62", 2.62, None, "level", "exact"), ("缩小0.05", -0.05, None, "level", "exact")]),
    ],
    "gwr_hunan_2026_excerpt": [
        # computing power in petaflops (PF) is a figure, not a code like 5G or 555X
        ("总算力突破1.3万PF、增长20倍，智能算力达4800PF，超算算力达228PF，建成5G基站20.6万个",
         [("突破1.3万PF", 1.3, "万PF", "level", "exceeds"), ("20倍", 20, "倍", "multiple", "exact"),
          ("4800PF", 4800, "PF", "level", "exact"), ("228PF", 228, "PF", "level", "exact"),
          ("20.6万个", 20.6, "万个", "level", "exact")]),
        # 稳居全国前十强 with no noun after it is a rank (at most 10); 前十强城市 names a group
        ("全省地区生产总值达到5.53万亿元、稳居全国前十强、增长4.8%",
         [("5.53万亿元", 5.53, "万亿元", "level", "exact"), ("前十强", 10, None, "rank", "at_most"),
          ("4.8%", 4.8, "%", "growth_pct", "exact")]),
    ],
    "news_national_gwr_2022_briefing_tasks": [
        # A figure in quotes is a figure (the slogan mask leaves quoted rates and amounts alone).
        ("国务院研究室副主任向东介绍，为实现经济增长“5.5%左右”的预期目标，今年要着重做好以下方面：",
         [("5.5%左右", 5.5, "%", "growth_pct", "approx")]),
    ],
    "news_xian_econ_2021m01_07": [
        # 前7个月 is the cumulative period, not a duration
        ("前7个月，西安市生产稳中有升", []),
    ],
    "news_guangdong_cities_gdp_2021q1q3": [
        # a comma between the start value and the verb ending in 至/到
        ("两年平均增速也从上半年的13.0%，下跌至9.90%",
         [("13.0%", 13.0, "%", "from", "exact"), ("9.90%", 9.9, "%", "to", "exact")]),
        # 翻一番多: more than double
        ("据阳江市政府工作报告透露，“十四五”期间，阳江将引入总投资超8000亿元的259个重点项目，力争固定资产投资比“十三五”翻一番多。",
         [("超8000亿元", 8000, "亿元", "level", "more_than"), ("259个", 259, "个", "level", "exact"),
          ("翻一番多", 2, None, "multiple", "more_than")]),
        # 全省第一大 (the largest in the province) is a rank; 二十大 with no scope before it is not
        ("前三季度社会消费品零售总额达到7499.89亿元，是全省第一大消费城市，与去年同期相比增幅达到12.8%",
         [("7499.89亿元", 7499.89, "亿元", "level", "exact"), ("全省第一", 1, None, "rank", "exact"),
          ("12.8%", 12.8, "%", "growth_pct", "exact")]),
        # 约 before 占 governs the share; 或以上 is a bound like 及以上
        ("今年前三季度，汕尾的经济总量达到907.4亿元，约占全省的1.03%，比去年全年提高了0.02个百分点",
         [("907.4亿元", 907.4, "亿元", "level", "exact"), ("1.03%", 1.03, "%", "rate_pct", "approx"),
          ("0.02个百分点", 0.02, "个百分点", "change_pp", "exact")]),
        ("四季度，东莞要实现2305.38亿元或以上的经济总量才能突破万亿",
         [("2305.38亿元或以上", 2305.38, "亿元", "level", "at_least"), ("突破万亿", 1, "万亿", "level", "exceeds")]),
        # the clause's own word after the number, behind a short noun: a change, not a level
        ("作为工业大市，佛山前三季度的经济亮点在于接近40%的进出口增长",
         [("接近40%", 40, "%", "growth_pct", "nearly")]),
        ("其中，汕尾以14.3%的GDP增速成为前三季度省内增速最快的城市", [("14.3%", 14.3, "%", "growth_pct", "exact")]),
        # 下跌至 gives the level reached, positive
        ("规模以上工业增加值的两年平均增速从上半年的4.7%下跌至3.80%",
         [("4.7%", 4.7, "%", "from", "exact"), ("3.80%", 3.8, "%", "to", "exact")]),
    ],
    "news_provinces_gwr_2022_targets": [
        # a goal for output (GDP目标) stated as a percentage is a growth rate, through the sentence
        ("29省2022年GDP目标平均值为6.4%，中位数为6.5%",
         [("6.4%", 6.4, "%", "growth_pct", "exact"), ("6.5%", 6.5, "%", "growth_pct", "exact")]),
        ("29个省份中，近8成省份都完成了2021年经济增速目标。",
         [("29个", 29, "个", "level", "exact"), ("近8成", 0.8, None, "share", "nearly")]),
        ("其次为江苏和北京，分别高出2.6个、2.5个百分点。约2成省份未达标。",
         [("2.6个", 2.6, "个百分点", "change_pp", "exact"), ("2.5个百分点", 2.5, "个百分点", "change_pp", "exact"),
          ("约2成", 0.2, None, "share", "approx")]),
        ("其次为云南和河南，分别低0.7个和0.5个百分点。",
         [("0.7个", -0.7, "个百分点", "change_pp", "exact"), ("0.5个百分点", -0.5, "个百分点", "change_pp", "exact")]),
        ("近7成省份今年GDP增长预期目标在6%及以上。",
         [("近7成", 0.7, None, "share", "nearly"), ("6%及以上", 6, "%", "growth_pct", "at_least")]),
        ("湖北下调最多，降低3个百分点。其次是山西，下调1.5个百分点。",
         [("降低3个百分点", -3, "个百分点", "change_pp", "exact"),
          ("下调1.5个百分点", -1.5, "个百分点", "change_pp", "exact")]),
    ],
}

#: Phrases the spec names (issue 3): ranges, fractions, full-width digits, separators.
ISSUE_EXAMPLES: list[tuple[str, list[F]]] = [
    ("国内生产总值增长6%－6.5%。",
     [("6%", 6, "%", "growth_pct", "at_least"), ("6.5%", 6.5, "%", "growth_pct", "at_most")]),
    ("增长5%-6%", [("5%", 5, "%", "growth_pct", "at_least"), ("6%", 6, "%", "growth_pct", "at_most")]),
    ("增长5%至6%", [("5%", 5, "%", "growth_pct", "at_least"), ("6%", 6, "%", "growth_pct", "at_most")]),
    ("实现营业收入４８．２亿元", [("４８．２亿元", 48.2, "亿元", "level", "exact")]),
    ("完成投资1,234.5亿元", [("1,234.5亿元", 1234.5, "亿元", "level", "exact")]),
    ("常住人口一千二百万人", [("一千二百万人", 1200, "万人", "level", "exact")]),
    ("惠及1万6千多户", [("1万6千多户", 16000, "户", "level", "more_than")]),
    ("服务1亿3千多万人次", [("1亿3千多万人次", 13000, "万人次", "level", "more_than")]),
    ("贷款3万多亿元", [("3万多亿元", 30000, "亿元", "level", "more_than")]),
    ("市场规模达1.2万亿元", [("1.2万亿元", 1.2, "万亿元", "level", "exact")]),
    ("产值三点五亿元", [("三点五亿元", 3.5, "亿元", "level", "exact")]),
    ("占全市三分之二", [("三分之二", 2 / 3, None, "share", "exact")]),
    ("占全市2/3以上", [("2/3以上", 2 / 3, None, "share", "at_least")]),
    ("收入翻一番", [("翻一番", 2, None, "multiple", "exact")]),
    ("出口额是2015年的2.5倍", [("2.5倍", 2.5, "倍", "multiple", "exact")]),
    ("共建“一带一路”取得新成效，推进5G网络建设", []),
    ("依据GB/T 28398-2023开展评价", []),
    ("详见https://www.gov.cn/2024/12345.html", []),
]

KNOWN_FAILURES: list[tuple[str, str, list[F]]] = [
    # a concentration written 每立方米N微克 keeps only 微克 as its unit
    ("gwr_fujian_2026", "PM_2.5平均浓度低于每立方米19微克",
     [("19微克", 19, "微克/立方米", "level", "less_than")]),
    # 百场 (a round hundred of events) is not read
    ("seed", "发放各类消费券2亿元,组织线下百场促销",
     [("2亿元", 2, "亿元", "level", "exact"), ("百场", 100, "场", "level", "exact")]),
]


def _rows(extraction) -> list[F]:
    return [(f.quote, f.value, f.unit, f.measure, f.qualifier) for f in extraction.figures]


def _same(got: list[F], expected: list[F]) -> bool:
    if len(got) != len(expected):
        return False
    for g, e in zip(got, expected, strict=True):
        if g[0] != e[0] or g[2:] != e[2:] or abs(g[1] - e[1]) > 1e-9 * max(1, abs(e[1])):
            return False
    return True


@pytest.mark.parametrize(("source", "sentence", "expected"), case_params(CASES, with_group=True))
def test_real_sentence(extract_text, source, sentence, expected):
    got = _rows(extract_text(sentence))
    assert _same(got, expected), f"{sentence}\n got: {got}\n expected: {expected}"


@pytest.mark.parametrize(("source", "sentence"), [(s, c[0]) for s, cases in CASES.items() for c in cases])
def test_case_sentence_is_verbatim_in_its_source(source, sentence):
    assert sentence in SOURCES[source].read_text(encoding="utf-8")


@pytest.mark.parametrize(("sentence", "expected"), ISSUE_EXAMPLES)
def test_issue_examples(extract_text, sentence, expected):
    got = _rows(extract_text(sentence))
    assert _same(got, expected), f"{sentence}\n got: {got}\n expected: {expected}"


@pytest.mark.parametrize(
    ("source", "sentence", "expected"),
    [pytest.param(*case, marks=pytest.mark.xfail(strict=True)) for case in KNOWN_FAILURES],
)
def test_known_failures(extract_text, source, sentence, expected):
    assert sentence in SOURCES[source].read_text(encoding="utf-8")
    got = _rows(extract_text(sentence))
    assert _same(got, expected), f"{sentence}\n got: {got}\n expected: {expected}"
