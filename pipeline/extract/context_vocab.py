"""Vocabularies for the context resolver, kept apart from its algorithm.

Everything here is generic report language or public administrative geography: no entry
exists because of one document. The resolver modules (``context_period``, ``context_area``,
``context_subject``, ``context``) compile these lists once at import.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    """Split a space-separated word list (keeps long lists readable)."""
    return text.split()


# --------------------------------------------------------------------------- numerals

#: Chinese numerals used in period phrases (过去五年, 十四五, 一季度).
CN_DIGITS: dict[str, int] = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}

# --------------------------------------------------------------------------- period words

#: Words that, right before a time phrase, make it a comparison base (比上年, 较去年同期),
#: not the period the figure describes.
COMPARISON_BEFORE: tuple[str, ...] = (
    "比", "较", "同", "与", "于", "相比", "对比", "相较", "相较于", "超过",
    "创",  # 当月增速创今年新高, 创2019年以来新高: a record, not the figure's period
)
#: Words ending in 于 that introduce a topic or a cause, not a comparison: 关于“十五五”时期的目标
#: is about that span (高于2019年 is still a comparison).
TOPIC_YU: tuple[str, ...] = ("关于", "对于", "由于", "基于", "鉴于", "属于", "处于", "位于", "在于", "终于")

#: Nouns that 全年 qualifies rather than dates (完成全年目标的95%, 全年任务): no period.
FULL_YEAR_NOUNS: tuple[str, ...] = ("目标", "任务", "计划", "预期")

# --------------------------------------------------------------------------- document kinds

#: Title or opening words that mark a government work report (or a summary of one).
GWR_MARKERS: tuple[str, ...] = ("政府工作报告",)

#: Words only a report delivered to a congress says of itself (an excerpt of its body with no
#: title still speaks to the deputies): 各位代表 opening a line, 提请大会审查, 请予审议.
GWR_DELIVERY_MARKERS: tuple[str, ...] = ("\n各位代表", "提请大会审查", "提请大会审议", "请予审议")

#: Title words that mark a statistical communiqué about the year named in its title.
STATCOMM_MARKERS: tuple[str, ...] = ("统计公报",)

#: Heading words of the part of a government work report that looks back.
REVIEW_HEADING_WORDS: tuple[str, ...] = ("回顾", "过去", "一年来", "五年来", "成绩")

# --------------------------------------------------------------------------- value kind

#: Words that make the figures after them (in the same sentence) targets. ``要``/``将``/
#: ``计划``/``目标`` are handled by regexes in ``context`` because they also occur inside
#: unrelated words (主要, 将近, 人才计划, 目标任务).
TARGET_WORDS: tuple[str, ...] = (
    "预期目标",
    "主要目标",
    "目标是",
    "目标为",
    "目标：",
    "力争",
    "确保",
    "拟",
    "努力",
    "控制在",
    "预期",
    "原定",
    "预定",
    "定下",  # 中国定下5.5%左右增速
    "将达",  # 项目建成后年产值将达400亿元: what a plan expects
    "规划到",
    "计划到",
    # 把这一目标确定在增长5.5%左右
    "目标确定在",
    "目标确定为",
    "目标定在",
    "目标定为",
    "目标设定为",
    "目标设定在",
)

#: Right after a number, these make it the value of a goal: 全年6%的经济增长目标.
TARGET_NOUNS_AFTER: tuple[str, ...] = ("目标", "预期目标", "任务目标")

#: Words that mark what already happened; nearer to the figure than a target word they win.
ACTUAL_WORDS: tuple[str, ...] = (
    "已经",
    "已",
    "如期完成",
    "超额完成",
    "实际完成",
    "完成了",
    "超过原定",
    "拥有",
)

#: Fiscal quantities a work report plans for its own year (the budget it lays before the
#: congress). Said of the report's year with no completion word, they are targets: 今年…
#: 财政支出超过26万亿元，退税减税约2.5万亿元. Of a past year they stay outturns.
BUDGET_PLAN_WORDS: tuple[str, ...] = (
    "财政支出",
    "预算支出",
    "赤字率",
    "赤字规模",
    "财政赤字",
    "专项债券",
    "专项债",
    "特别国债",
    "退税减税",
    "减税降费",
    "减税退税",
    "中央预算内投资",
    "转移支付",
)

# --------------------------------------------------------------------------- estimates

#: Words that mark a figure as an estimate. 初步统计/初步核算/初步测算 are preliminary
#: actuals, deliberately not here.
ESTIMATE_WORDS: tuple[str, ...] = ("预计",)

# --------------------------------------------------------------------------- areas

#: Province-level divisions: short name -> canonical name.
PROVINCES: dict[str, str] = {
    "北京": "北京市",
    "天津": "天津市",
    "上海": "上海市",
    "重庆": "重庆市",
    "河北": "河北省",
    "山西": "山西省",
    "辽宁": "辽宁省",
    "吉林": "吉林省",
    "黑龙江": "黑龙江省",
    "江苏": "江苏省",
    "浙江": "浙江省",
    "安徽": "安徽省",
    "福建": "福建省",
    "江西": "江西省",
    "山东": "山东省",
    "河南": "河南省",
    "湖北": "湖北省",
    "湖南": "湖南省",
    "广东": "广东省",
    "海南": "海南省",
    "四川": "四川省",
    "贵州": "贵州省",
    "云南": "云南省",
    "陕西": "陕西省",
    "甘肃": "甘肃省",
    "青海": "青海省",
    "台湾": "台湾省",
    "内蒙古": "内蒙古自治区",
    "广西": "广西壮族自治区",
    "西藏": "西藏自治区",
    "宁夏": "宁夏回族自治区",
    "新疆": "新疆维吾尔自治区",
    "香港": "香港特别行政区",
    "澳门": "澳门特别行政区",
}

#: Prefecture-level cities by province (short names, canonical form adds 市).
PREFECTURE_CITIES: dict[str, str] = {
    "河北": "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水",
    "山西": "太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁",
    "内蒙古": "呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布",
    "辽宁": "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛",
    "吉林": "长春 吉林 四平 辽源 通化 白山 松原 白城",
    "黑龙江": "哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化",
    "江苏": "南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁",
    "浙江": "杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水",
    "安徽": "合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城",
    "福建": "福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德",
    "江西": "南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶",
    "山东": "济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽",
    "河南": "郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店",
    "湖北": "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州",
    "湖南": "长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底",
    "广东": "广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 "
    "中山 潮州 揭阳 云浮",
    "广西": "南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左",
    "海南": "海口 三亚 三沙 儋州",
    "四川": "成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳",
    "贵州": "贵阳 六盘水 遵义 安顺 毕节 铜仁",
    "云南": "昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧",
    "西藏": "拉萨 日喀则 昌都 林芝 山南 那曲",
    "陕西": "西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛",
    "甘肃": "兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南",
    "青海": "西宁 海东",
    "宁夏": "银川 石嘴山 吴忠 固原 中卫",
    "新疆": "乌鲁木齐 克拉玛依 吐鲁番 哈密",
}

#: Short city names that are also ordinary words; they count as areas only with 市 after them.
AMBIGUOUS_CITY_NAMES: frozenset[str] = frozenset(
    _words(
        "大同 长治 安康 中山 黄山 白山 开封 来宾 北海 普洱 朝阳 吉林 山南 海东 白银 金昌 承德 通化 "
        "定西 黑河 玉林 百色 佳木斯 三亚 南平 永州 松原 阜新 宜春 武威"
    )
)

#: Parts of a province named by compass point, areas of their own.
_COMPASS_PARTS = (
    "皖北", "皖南", "皖中", "皖西", "苏北", "苏南", "苏中", "粤东", "粤西", "粤北", "浙南", "浙北",
    "鲁南", "鲁西南", "豫东", "豫西", "豫南", "湘南", "湘西", "鄂西", "赣南", "闽西", "闽东", "川南",
    "川东北", "滇西", "陕北", "陕南", "关中", "晋北", "晋南", "冀北", "蒙东", "南疆", "北疆", "东疆",
)  # fmt: skip

#: Regions named as areas (kept as written; canonical form on the right).
REGIONS: dict[str, str] = {
    "东部地区": "东部地区",
    "中部地区": "中部地区",
    "西部地区": "西部地区",
    "东北地区": "东北地区",
    "京津冀": "京津冀地区",
    "长三角": "长三角地区",
    "长江三角洲": "长三角地区",
    "珠三角": "珠三角地区",
    "粤港澳大湾区": "粤港澳大湾区",
    "大湾区": "粤港澳大湾区",
    "长江经济带": "长江经济带",
    "黄河流域": "黄河流域",
    "成渝地区": "成渝地区",
    # parts of a province named by compass point (皖北6市…常住人口2682.17万人, 南疆五地州…年均增长6%)
    **{name: name for name in _COMPASS_PARTS},
    # 海南's three economic circles
    "海口经济圈": "海口经济圈",
    "三亚经济圈": "三亚经济圈",
    "儋洋经济圈": "儋洋经济圈",
}

#: Words naming the report's own level of government or the nation.
OWN_AREA_WORDS: dict[str, str] = {
    "全国": "全国",
    "我国": "全国",
    "中国内地": "全国",  # 中国内地GDP万亿俱乐部城市增至24个: the nation without Hong Kong and Macao
    "全省": "@province",
    "我省": "@province",
    "本省": "@province",
    "全市": "@city",
    "我市": "@city",
    "本市": "@city",
    "全区": "@own",
    "全县": "@own",
    "我区": "@own",
    "我县": "@own",
    "全州": "@own",
}

#: Words right before an area mention that make it a reference, not the figure's area
#: (比全省平均水平高, 居全国第二, 占全省一半).
AREA_REFERENCE_BEFORE: tuple[str, ...] = tuple(
    _words(
        "比 较 于 同期 高于 低于 居 占 位居 位列 超过 快于 慢于 等于 列 在 与 同 对 向 赴 到 至 从 "
        "来自 入选 获 除"
    )
)

#: Words right after an area mention that make it a reference (全省第一, 全国前20, 全国平均).
AREA_REFERENCE_AFTER: tuple[str, ...] = tuple(
    _words("第 首 前 平均 水平 其他 其它 排名 排 同类 率先 唯一 各 所有 范围 以外 之外")
)

#: Places inside words: the name at offset 1 of these is not a place (隆重庆祝).
NOT_PLACE_CONTEXTS: tuple[str, ...] = ("隆重庆",)

#: X市/X省/X县 that are words, not places.
NOT_PLACE_WORDS: frozenset[str] = frozenset(
    _words(
        "城市 超市 上市 股市 楼市 车市 门市 夜市 都市 县市 市场 城区 全市 我市 本市 各市 地市 省市 "
        "设区市 县级市 副省 全省 我省 本省 各省 外省 分省 全县 各县 郡县 大县 强县 县城 百强县"
    )
)

# --------------------------------------------------------------------------- subjects

#: Leading words dropped from a subject (connectives, framing).
SUBJECT_DROP_LEAD: tuple[str, ...] = (
    # news framing: 扣除价格因素同比实际增长, 作为…, 已经迎来, 与去年同期相比增幅
    "扣除价格因素",
    "作为",
    "已经",
    "与去年同期相比",
    "与上年同期相比",
    "与去年相比",
    "与上年相比",
    "其中",
    "同时",
    "此外",
    "另外",
    "而且",
    "并且",
    "以及",
    "而",
    "但",
    "并",
    "且",
    "和",
    "及",
    "与",
    "初步统计",
    "初步核算",
    "初步测算",
    "据统计",
    "经核算",
    "初步预计",
    "预计",
    "力争",
    "确保",
    "努力",
    "争取",
    "要",
    "将",
    "拟",
    "计划",
    "共",
    "总计",
    "合计",
    "全年",
    "年末",
    "年底",
    "年初",
    "当月",
    "当年",
    "实现",
    "完成",
    "达到",
    "开展",
    "实施",
    "组织",
    "推动",
    "推进",
    "带动",
    "支持",
    "帮助",
    "累计完成",
    "尤其是",
    "特别是",
    "包括",
    "分季度看",
    "分区域看",
    "以目前",
    "目前",
    "至少",
    "上述",
    "按照",
    "取得了",
    "取得",
    "距离",
    "虽然",
    "尽管",
    "从总量来看",
    "从增速来看",
    "的",
    "为",
    "我们",
    "我市",
    "我省",
    "我国",
    "本市",
    "本省",
    "除此之外",
    "在此基础上",
    "其",
    "由",
    "从",
    "到",
    "至",
    "在",
)

#: Endings of the words before a number that say nothing about what it measures when 的 +
#: noun follows it (以5%的能耗, 亮点在于接近40%的进出口增长, 聚集了广东六成的人口).
WEAK_LEAD_ENDINGS: tuple[str, ...] = (
    "以",
    "在于",
    "有",
    "聚集了",
    "聚集",
    "占",
    "产出",
    # 高于同期全省18.6%的增速: the rate compared with is the noun after 的
    "高于同期",
    "低于同期",
)

#: Trailing words dropped from a subject: verbs of change and level, comparison bases,
#: bound words. Longest first when compiled.
SUBJECT_DROP_TAIL: tuple[str, ...] = (
    "仅余",
    # how long a rank has held (GDP长期排名第一): not part of what is ranked
    "长期",
    "常年",
    "跻身",
    "更是",
    "始终",
    "一直",
    "以",  # 泉州GDP以百亿元领先于福州, 广东省以27117.96亿元居于全国首位: 以 only introduces
    "压缩",
    "缩短",
    # verbs of crossing a threshold (连跨4个万亿级台阶、突破7万亿元): the subject is before them
    "连续迈上",
    "迈上",
    "连跨",
    "跨上",
    "站上",
    "只有",
    "仅有",
    "已经",
    "迎来了",
    "迎来",
    "同比",
    "环比",
    "比上年末",
    "比上年",
    "较上年",
    "比去年同期",
    "较去年同期",
    "比去年",
    "较去年",
    "比上年同期",
    "比上月",
    "比年初",
    "较年初",
    "与上年持平",
    "增长",
    "增速为",
    "下降",
    "减少",
    "增加",
    "提高",
    "提升",
    "降低",
    "上涨",
    "上升",
    "回落",
    "下滑",
    "扩大",
    "缩小",
    "净增",
    "多增",
    "少增",
    "达到",
    "达",
    "为",
    "是",
    "至",
    "到",
    "分别",
    "共",
    "约",
    "近",
    "超过",
    "超",
    "突破",
    "破",
    "逾",
    "接近",
    "将近",
    "高达",
    "实现",
    "完成",
    "保持在",
    "控制在",
    "稳定在",
    "保持",
    "稳定",
    "提高到",
    "提升至",
    "提升到",
    "提高至",
    "增至",
    "增加到",
    "降至",
    "降到",
    "下降到",
    "下降至",
    "下跌至",
    "下跌到",
    "下跌",
    "上涨至",
    "上涨到",
    "扩大到",
    "扩大至",
    "拓展至",
    "拓展到",
    "增长到",
    "达成",
    "累计达",
    "以上",
    "左右",
    "以内",
    "不低于",
    "不超过",
    "不到",
    "不足",
    "低于",
    "高于",
    "年均",
    "平均",
    "的",
    "了",
    "已",
    "均",
    "双双",
    "都",
    "仍",
    "也",
    "再",
    "将",
    "要",
    "力争",
    "确保",
    "努力",
    "预计",
    # a goal word before the verb (GDP预期增长6%左右): value_kind already says target
    "预期",
    "首次",
    "继续",
    "持续",
    "总共",
    "合计",
    "共计",
    "累计为",
    "同口径",
    "按可比价格计算",
    "按可比口径计算",
    "名义",
    "实际",
    "就",
    "还",
    "居",
    "位居",
    "排名",
    "列",
    "占",
    "计",
    "有",
    "普遍",
    "贬值",
    "升值",
    "连续",
    "跃居",
    "稳居",
    "首次",
    "同比增长",
)

#: Verbs kept at the head of a subject because they change what is counted.
SUBJECT_KEEP_VERBS: tuple[str, ...] = (
    "累计新增",
    "新增",
    "累计",
    "新建",
    "新开工",
    "新开通",
    "新签约",
    "新设",
    "新认定",
    "新培育",
    "新引进",
    "开工",
    "在建",
    "完工",
    "竣工",
    "建成",
    "引进",
    "培育",
    "认定",
    "惠及",
    "带动",
    "帮助",
    "吸引",
    "减少",
    "年均",
    "人均",
    "净增",
)

#: Subjects so generic that they are prefixed with the previous figure's subject
#: (网络零售额2574亿元、…，数额全省第一 -> 网络零售额).
GENERIC_SUBJECTS: dict[str, str] = {
    "数额": "",
    "数量": "",
    "总数": "总数",
    "总量": "总量",
    "规模": "规模",
    "总额": "",
    "金额": "",
    "其": "",
    "": "",
    "增速": "增速",
    "增幅": "增幅",
    "比重": "比重",
    "占比": "占比",
    "份额": "份额",
}

#: Short heads that pair up in a list sharing one noun (城镇、农村常住人口; 城、乡居民收入;
#: 进、出口总额): the first item takes the rest of the last item's noun.
PARALLEL_HEADS: frozenset[str] = frozenset(
    {"城镇", "农村", "城市", "乡村", "城", "乡", "男", "女", "进口", "出口", "进", "出", "国有", "民营"}
)
