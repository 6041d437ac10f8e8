"""The number grammar on real sentences of the documents added to the dev set in the fourth session.

Grouped by the document each sentence comes from (every sentence is checked to occur verbatim in
it). A row is (quote, value, unit, base_unit, measure, qualifier); a case passes when the extractor
finds exactly those figures, in that order. The forms covered: shares written N/M, units 列 类 方,
compound units, bound words set apart by the whole (超过全球一半) or describing something else
(超过18.3%的全国平均水平, 迈上4个万亿元台阶), round magnitudes after 上, numbers set apart by
spaces, and ordinals of plenary sessions.
"""

# ruff: noqa: E501  (rows of real sentences read better unwrapped)
from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.extract.conftest import case_params

DEV_EXTRA = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "dev_extra"
SEEDS = Path(__file__).resolve().parents[3] / "seeds"

F = tuple  # (quote, value, unit, base_unit, measure, qualifier)

CASES: dict[str, list[tuple[str, list[F]]]] = {
    "gwr_jiangsu_2026_excerpt.txt": [
        # 改善 of a concentration is a change (年均浓度 names a level, not a yearly average rate)
        ("PM2.5年均浓度较“十三五”末改善16.5%", [("16.5%", 16.5, "%", "percent", "growth_pct", "exact")]),
        # N/M after the words of a share is a share; its bound word after it counts
        ("城镇新增就业超690万人、稳定在全国1/10以上。",
         [("超690万人", 690, "万人", "person", "level", "more_than"),
          ("1/10以上", 0.1, None, "fraction", "share", "at_least")]),
        ("船舶海工出口规模占全国1/3以上，跨境电商平台进出口增长27.4%。",
         [("1/3以上", 1 / 3, None, "fraction", "share", "at_least"),
          ("27.4%", 27.4, "%", "percent", "growth_pct", "exact")]),
        ("新增境内上市公司29家、占全国增量的1/4。",
         [("29家", 29, "家", "enterprise", "level", "exact"), ("1/4", 0.25, None, "fraction", "share", "exact")]),
        # 列 counts trains; 类 counts kinds
        ("中欧（亚）班列开行超万列，", [("超万列", 1, "万列", "count", "level", "more_than")]),
        ("12类45件民生实事全面完成，",
         [("12类", 12, "类", "count", "level", "exact"), ("45件", 45, "件", "item", "level", "exact")]),
        # a concentration written with its compound unit
        ("PM2.5浓度31.3微克/立方米，", [("31.3微克/立方米", 31.3, "微克/立方米", "microgram_per_m3", "level", "exact")]),
        # after a count, the magnitude word is the size of each step: no figure of its own, and 迈上
        # bounds the thresholds, not the count of them
        ("地区生产总值连续迈上4个万亿元台阶、达14.2万亿元、",
         [("4个", 4, "个", "item", "level", "exact"), ("14.2万亿元", 14.2, "万亿元", "yuan", "level", "exact")]),
    ],
    "gwr_anhui_2026_review_excerpt.txt": [
        # two listed starts go to one end (从A、B双双跃居C): both are starts of the change
        ("汽车、新能源汽车产量从全国第8位、第4位双双跃居第1位，",
         [("全国第8位", 8, None, "rank", "from", "exact"), ("第4位", 4, None, "rank", "from", "exact"),
          ("第1位", 1, None, "rank", "to", "exact")]),
        # a percentage opening its clause before 的 and a noun is the share of a group
        ("197家二级以上医院开设体重管理门诊，90%的县医院达到三级医院服务能力水平。",
         [("197家", 197, "家", "enterprise", "level", "exact"), ("90%", 90, "%", "percent", "rate_pct", "exact")]),
        ("人民币存款、贷款余额连跨4个万亿元台阶、双双突破9万亿元。",
         [("4个", 4, "个", "item", "level", "exact"), ("突破9万亿元", 9, "万亿元", "yuan", "level", "exceeds")]),
        ("合肥中欧班列全年发运突破千列，", [("突破千列", 1000, "列", "count", "level", "exceeds")]),
        # 压缩 (like 缩短) is a decline
        ("平均跑动次数减少93%，办理时限压缩65%。",
         [("减少93%", -93, "%", "percent", "growth_pct", "exact"), ("65%", -65, "%", "percent", "growth_pct", "exact")]),
        # the ordinal of a plenary session, also in a list of sessions
        ("按照省委十一届十次、十一次全会部署要求，", []),
    ],
    "gwr_shaanxi_2026_goals_excerpt.txt": [
        # 方 after a magnitude is cubic metres; the bound word after it stays
        ("新增天然气产量10亿方以上，油气当量达到5400万吨。",
         [("10亿方以上", 10, "亿方", "m3", "level", "at_least"), ("5400万吨", 5400, "万吨", "tonne", "level", "exact")]),
        # 千亿级 names a class of chains: not a figure
        ("千亿级产业链达到12条，", [("12条", 12, "条", "count", "level", "exact")]),
    ],
    "news_changsha_congress_digital_2021.md": [
        ("开发系统159个、接入59个部门的210类数据，",
         [("159个", 159, "个", "item", "level", "exact"), ("59个", 59, "个", "item", "level", "exact"),
          ("210类", 210, "类", "count", "level", "exact")]),
        # a number set apart by ASCII spaces, with its magnitude and unit after the space
        ("2020年合肥市数字经济产业总量跃过 4000 亿元大关。",
         [("跃过 4000 亿元", 4000, "亿元", "yuan", "level", "exceeds")]),
    ],
    "html_national_gwr_2024_shaoxingyizhong.html": [
        # the bound word governs the share across the whole named between them
        ("全年新增装机超过全球一半。", [("一半", 0.5, None, "fraction", "share", "more_than")]),
        # 上 before a round magnitude: more than it
        ("惠及上千万家庭。", [("上千万", 1000, "万", "count", "level", "more_than")]),
    ],
    "news_provinces_gdp_2021q1.md": [
        # 超过 compares the provinces with the national average; 18.3% is that average itself
        ("其中8个省份GDP增速超过18.3%的全国平均水平，",
         [("8个", 8, "个", "item", "level", "exact"), ("18.3%", 18.3, "%", "percent", "growth_pct", "exact")]),
        # one value per owner (X的N%), all of the kind the sentence opened with
        ("增速仅次于湖北省的58.3%和海南省的19.8%，高于江苏的19.2%、广东省的18.6%、山东的18%。",
         [("58.3%", 58.3, "%", "percent", "growth_pct", "exact"), ("19.8%", 19.8, "%", "percent", "growth_pct", "exact"),
          ("19.2%", 19.2, "%", "percent", "growth_pct", "exact"), ("18.6%", 18.6, "%", "percent", "growth_pct", "exact"),
          ("18%", 18, "%", "percent", "growth_pct", "exact")]),
        # a bound word governs the count across 已有
        ("截至4月26日，至少已有27个省份发布了一季度GDP数", [("27个", 27, "个", "item", "level", "at_least")]),
    ],
    "gwr_baoding_2021_excerpt.txt": [
        # days counted (优良天数) are a level, and so is their change; 批次 is one unit word
        ("2020年空气质量优良天数242天，比2015年增加115天",
         [("242天", 242, "天", "day", "level", "exact"), ("115天", 115, "天", "day", "level", "exact")]),
        ("与182批次央企、京企、深企、外企深度对接", [("182批次", 182, "批次", "count", "level", "exact")]),
        ("以及省委九届十一次、十二次全会精神，", []),
        # the unit of points written once after two gaps: the first has the base but no written unit
        ("装备制造业、高新技术产业增加值占规上工业的比重分别达到45.4%、47.8%，高于全省22.7和28.8个百分点；",
         [("45.4%", 45.4, "%", "percent", "rate_pct", "exact"), ("47.8%", 47.8, "%", "percent", "rate_pct", "exact"),
          ("22.7", 22.7, None, "percentage_point", "change_pp", "exact"),
          ("28.8个百分点", 28.8, "个百分点", "percentage_point", "change_pp", "exact")]),
    ],
    "gwr_national_2020.txt": [
        ("必须稳住上亿市场主体，", [("上亿", 1, "亿", "count", "level", "more_than")]),
    ],
    "news_hunan_cities_gdp_2021.md": [
        # a two-character verb of bound, done (突破了), still bounds
        ("益阳市以全省第四的GDP增速，突破了2千亿元大关，",
         [("全省第四", 4, None, "rank", "rank", "exact"), ("突破了2千亿元", 2000, "亿元", "yuan", "level", "exceeds")]),
    ],
    "news_provinces_gdp_2021q1q3.md": [
        # a headline count of provinces without 个
        ("从两年平均增速来看，有17省份超过同期全国5.2%的平均水平。",
         [("17省份", 17, "省份", "place", "level", "exact"), ("5.2%", 5.2, "%", "percent", "growth_pct", "exact")]),
    ],
    "news_anhui_gdp_2021_targets.md": [
        # …while a single 超 before 了 ends another verb (反超)
        ("安徽GDP被上海反超了255.65亿元。", [("255.65亿元", 255.65, "亿元", "yuan", "level", "exact")]),
    ],
}

_PATHS = {
    name: (SEEDS / name if name.startswith("gwr_national") else DEV_EXTRA / name)
    for name in (*CASES, "news_national_gdp_2021q3.md")
}


#: Gaps in points against another area or group (高于全省, 优于全国约, 快于城镇居民) have no growth basis.
GAPS: list[tuple[str, str, list[str | None]]] = [
    ("gwr_baoding_2021_excerpt.txt", "高于全省22.7和28.8个百分点；", [None, None]),
    ("gwr_anhui_2026_review_excerpt.txt", "GDP的比率从14.7%降至13%左右、优于全国约1个百分点", [None, None, None]),
    ("news_national_gdp_2021q3.md", "农村居民收入名义增速快于城镇居民2.1个百分点", [None]),
]


@pytest.mark.parametrize(("source", "sentence", "expected"), case_params(CASES, with_group=True))
def test_real_sentence(extract_text, source, sentence, expected):
    got = [
        (f.quote, f.value, f.unit, f.base_unit, f.measure, f.qualifier) for f in extract_text(sentence).figures
    ]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected, strict=True):
        assert g[0] == e[0] and g[2:] == e[2:] and abs(g[1] - e[1]) < 1e-9, (g, e)


@pytest.mark.parametrize(("source", "sentence"), [(s, c[0]) for s, cases in CASES.items() for c in cases])
def test_sentence_is_verbatim_in_its_source(source, sentence):
    assert sentence in _PATHS[source].read_text(encoding="utf-8")


@pytest.mark.parametrize(("source", "sentence", "bases"), GAPS)
def test_gap_in_points_has_no_basis(extract_text, source, sentence, bases):
    assert sentence in _PATHS[source].read_text(encoding="utf-8")
    assert [f.growth_basis for f in extract_text(sentence).figures] == bases



@pytest.mark.parametrize(
    ("sentence", "kept", "skipped"),
    [
        # 人民网, 2024-02-01 (a page whose text came through a PDF): each decimal is split by a space
        ("地区生产总值超2. 2万亿元、增长6%", ["6%"], "2万亿元"),
        ("航空旅客吞吐量7492. 4万人次、位居全国城市第3位", ["第3位"], "4万人次"),
        # a list marker at the start of a line is no decimal
        ("1. 2万家企业完成数字化改造", ["2万家"], None),
    ],
)
def test_a_decimal_split_by_a_space_is_not_read_as_its_tail(extract_text, sentence, kept, skipped):
    """Reading the tail alone would publish 2万亿元 for 2.2万亿元: skipped, with its reason."""
    result = extract_text(sentence)
    quotes = [sentence[f.char_start : f.char_end] for f in result.figures]
    assert all(k in quotes for k in kept), quotes
    if skipped is not None:
        assert skipped not in quotes
        assert any(s.reason == "decimal point followed by a space" for s in result.skipped)


@pytest.mark.parametrize(
    ("sentence", "quote", "measure", "value"),
    [
        # 中国新闻周刊 via 新浪财经, 2022-07-15 (dev news_national_gdp_2022h1)
        ("其中，4月份，全国城镇调查失业率为6.1%；5、6月份连续回落，分别为5.9%、5.5%。", "5.9%", "rate_pct", 5.9),
        ("其中，4月份，全国城镇调查失业率为6.1%；5、6月份连续回落，分别为5.9%、5.5%。", "5.5%", "rate_pct", 5.5),
        ("6月份城镇调查失业率回落0.4个百分点至5.5%。", "5.5%", "rate_pct", 5.5),
        ("6月份城镇调查失业率回落0.4个百分点至5.5%。", "回落0.4个百分点", "change_pp", -0.4),
        # 21世纪经济报道 (dev news_top10_cities_gdp_2021): after 增速, 均为 gives rates of change
        ("增速与广州相同，均为9.9%。", "9.9%", "growth_pct", 9.9),
    ],
)
def test_values_after_a_trend_are_levels(extract_text, sentence, quote, measure, value):
    figures = {sentence[f.char_start : f.char_end]: f for f in extract_text(sentence).figures}
    assert (figures[quote].measure, figures[quote].value) == (measure, value)


#: The 2026 广东 report (dev gwr_guangdong_2026_goals_excerpt_gbk, a GBK file).
CLAUSE_COMMA = "城镇累计新增就业超700万人、约占全国1/10，4386万名异地务工人员在粤稳定就业。"


def test_a_chinese_comma_before_a_number_of_four_digits_ends_a_clause(extract_text):
    from benchmarks.accuracy import decode_source

    assert CLAUSE_COMMA in decode_source(DEV_EXTRA / "gwr_guangdong_2026_goals_excerpt_gbk.txt")
    quotes = [CLAUSE_COMMA[f.char_start : f.char_end] for f in extract_text(CLAUSE_COMMA).figures]
    assert quotes == ["超700万人", "1/10", "4386万名"]


@pytest.mark.parametrize("sentence", ["全市有1,2345亿元。", "全市有1，234亿元。"])
def test_a_broken_grouping_is_still_skipped(extract_text, sentence):
    """An ASCII comma, or a Chinese one before three digits, may group digits: the tail is no figure."""
    result = extract_text(sentence)
    assert not any("亿元" in sentence[f.char_start : f.char_end] for f in result.figures)
    assert any(s.reason == "malformed digit grouping" for s in result.skipped)


def test_vehicle_trips_are_one_unit(extract_text):
    """辆次 counts trips, as 人次 and 架次 do: 万辆 with a stray 次 would count vehicles."""
    from benchmarks.accuracy import decode_source

    sentence = "“港车北上”、“澳车北上”、“粤车南下”累计832万辆次"
    assert sentence in decode_source(DEV_EXTRA / "gwr_guangdong_2026_goals_excerpt_gbk.txt")
    (figure,) = extract_text(sentence).figures
    assert (figure.quote, figure.unit, figure.unit_mult, figure.base_unit) == ("832万辆次", "万辆次", 4, "count")


def test_broad_kinds_are_counted(extract_text):
    """大类 counts broad kinds (the 2026 湖北 report, dev gwr_hubei_2026_mid_excerpt)."""
    sentence = "全年10大类55项民生实事项目如期完成"
    assert sentence in (DEV_EXTRA / "gwr_hubei_2026_mid_excerpt.txt").read_text(encoding="utf-8")
    got = [(f.quote, f.value, f.unit, f.base_unit) for f in extract_text(sentence).figures]
    assert got == [("10大类", 10, "大类", "count"), ("55项", 55, "项", "item")]


@pytest.mark.parametrize(
    ("source", "sentence", "expected"),
    [
        # typeset reports write a ratio with ∶ (U+2236), not a colon
        ("gwr_yunnan_2026_mid_excerpt.txt", "城乡居民收入比由2.9∶1缩小至2.52∶1",
         [("2.9∶1", 2.9, "from", "exact"), ("2.52∶1", 2.52, "to", "exact")]),
        ("gwr_chongqing_2026_mid_excerpt.txt", "城乡居民收入比缩小至2.1∶1左右", [("2.1∶1左右", 2.1, "level", "approx")]),
    ],
)
def test_a_ratio_written_with_the_ratio_sign(extract_text, source, sentence, expected):
    assert sentence in (DEV_EXTRA / source).read_text(encoding="utf-8")
    got = [(f.quote, f.value, f.measure, f.qualifier) for f in extract_text(sentence).figures]
    assert got == expected


def test_every_item_of_a_long_list_shares_the_unit_written_last(extract_text):
    """云南 2026 (dev gwr_yunnan_2026_mid_excerpt): 分别提高20.9、36.2、54个百分点 has three changes."""
    sentence = "农村卫生户厕覆盖率、污水治理（管控）率、生活垃圾处理设施覆盖率分别提高20.9、36.2、54个百分点"
    assert sentence in (DEV_EXTRA / "gwr_yunnan_2026_mid_excerpt.txt").read_text(encoding="utf-8")
    got = [(f.value, f.measure, f.base_unit) for f in extract_text(sentence).figures]
    assert got == [(v, "change_pp", "percentage_point") for v in (20.9, 36.2, 54.0)]


def test_a_bound_word_after_a_list_bounds_every_item(extract_text):
    """江西 2026 (dev gwr_jiangxi_2026_mid_excerpt_gbk): 左右 after 分别增长4.5%、5.5% covers both."""
    from benchmarks.accuracy import decode_source

    sentence = "城镇、农村居民人均可支配收入分别增长4.5%、5.5%左右"
    assert sentence in decode_source(DEV_EXTRA / "gwr_jiangxi_2026_mid_excerpt_gbk.txt")
    assert [f.qualifier for f in extract_text(sentence).figures] == ["approx", "approx"]
    # without 分别 the items are not one list: the first stays exact
    assert [f.qualifier for f in extract_text("出口增长4.5%、进口增长5.5%左右").figures] == ["exact", "approx"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # 天津 2026 (dev gwr_tianjin_2026_mid_excerpt): a magnitude word with 余 carries its own bound
        ("千余家优质企业融入“六链五群”供需配套", ("千余家", 1000, "家", "more_than")),
        ("百余项国家级改革试点任务先行探索", ("百余项", 100, "项", "more_than")),
    ],
)
def test_a_bare_magnitude_with_its_own_bound_is_a_figure(extract_text, sentence, expected):
    assert sentence in (DEV_EXTRA / "gwr_tianjin_2026_mid_excerpt.txt").read_text(encoding="utf-8")
    (figure,) = extract_text(sentence).figures
    assert (figure.quote, figure.value, figure.unit, figure.qualifier) == expected


@pytest.mark.parametrize("sentence", ["千万家庭受益", "百万人口城市", "百多年来"])
def test_a_bare_magnitude_without_a_bound_stays_a_word(extract_text, sentence):
    assert extract_text(sentence).figures == []


def test_centimetres_are_a_length(extract_text):
    """吉林 2026 (dev gwr_jilin_2026_mid_excerpt_gbk): a soil layer's depth, in metres as base unit."""
    from benchmarks.accuracy import decode_source

    sentence = "黑土地耕层厚度止跌提升3.5%、达到20.6厘米"
    assert sentence in decode_source(DEV_EXTRA / "gwr_jilin_2026_mid_excerpt_gbk.txt")
    depth = extract_text(sentence).figures[-1]
    assert (depth.quote, depth.unit, depth.base_unit) == ("20.6厘米", "厘米", "m")
    assert depth.value_base == pytest.approx(0.206)


def test_a_gap_below_the_nation_is_negative(extract_text):
    """内蒙古 2026 (dev gwr_neimenggu_2026_mid_excerpt): 低于全国 and 高于全国 in one sentence."""
    sentence = "地区生产总值增长4.7%、低于全国0.3个百分点，规上工业增加值增长6.7%、高于全国0.8个百分点"
    assert sentence in (DEV_EXTRA / "gwr_neimenggu_2026_mid_excerpt.txt").read_text(encoding="utf-8")
    gaps = [(f.value, f.measure) for f in extract_text(sentence).figures if f.unit == "个百分点"]
    assert gaps == [(-0.3, "change_pp"), (0.8, "change_pp")]


@pytest.mark.parametrize(
    ("source", "sentence", "expected"),
    [
        # 青海 and 贵州 2026 (dev): a decimal number of years is a length, never a calendar year
        ("gwr_qinghai_2026_mid_excerpt.txt", "新增劳动力平均受教育年限达到14.2年", [("14.2年", 14.2, "level", None)]),
        (
            "gwr_guizhou_2026_mid_excerpt.txt",
            "从2020年的9.6年提升至2025年的10.2年左右",
            [("9.6年", 9.6, "from", "2020"), ("10.2年左右", 10.2, "to", "2025")],
        ),
    ],
)
def test_years_of_schooling_are_a_level(extract_text, source, sentence, expected):
    assert sentence in (DEV_EXTRA / source).read_text(encoding="utf-8")
    got = [(f.quote, f.value, f.measure, f.period) for f in extract_text(sentence).figures]
    assert got == expected


@pytest.mark.parametrize(
    ("source", "sentence", "pairs"),
    [
        # 西藏 and 上海 2026 (dev): two changes written as two lists, paired by position
        ("gwr_xizang_2026_mid_excerpt.txt", "城乡居民人均可支配收入从2021年的46503元和16935元分别提高到58794元和23184元",
         [(46503, 58794), (16935, 23184)]),
        ("gwr_shanghai_2026_mid_excerpt.txt", "认定跨国公司地区总部、外资研发中心分别从771家、481家增加到1076家、636家",
         [(771, 1076), (481, 636)]),
    ],
)
def test_paired_lists_of_starts_and_ends(extract_text, source, sentence, pairs):
    assert sentence in (DEV_EXTRA / source).read_text(encoding="utf-8")
    figures = extract_text(sentence).figures
    links = {}
    for f in figures:
        links.setdefault(f.link_id, {})[f.measure] = f.value
    assert sorted((v["from"], v["to"]) for v in links.values()) == sorted(pairs)


def test_days_of_a_turnover_indicator_are_a_level(extract_text):
    """新浪财经, 2021-12-27 (dev news_national_industry_profits_2021m01_11)."""
    sentence = "应收账款平均回收期为51.7天，同比减少3.0天"
    source = (DEV_EXTRA / "news_national_industry_profits_2021m01_11.md").read_text(encoding="utf-8")
    assert sentence in source
    assert [(f.value, f.measure) for f in extract_text(sentence).figures] == [(51.7, "level"), (-3.0, "level")]


def test_energy_in_latin_units_is_a_figure_unlike_5g(extract_text):
    """贵州 2026 (dev gwr_guizhou_2026_mid_excerpt): 产能达55GWh; 5G stays a name."""
    sentence = "新能源电池产能达55GWh"
    assert sentence in (DEV_EXTRA / "gwr_guizhou_2026_mid_excerpt.txt").read_text(encoding="utf-8")
    (figure,) = extract_text(sentence).figures
    assert (figure.quote, figure.base_unit, figure.value_base) == ("55GWh", "kwh", 55_000_000)
    assert [f.quote for f in extract_text("建成5G基站2万个").figures] == ["2万个"]


def test_a_list_items_own_minus_sign_is_its_alone(extract_text):
    """中新网 via 新浪财经, 2022-01-17 (dev news_national_econ_2021): contributions to growth."""
    sentence = (
        "四季度，最终消费支出、资本形成总额、货物和服务净出口分别拉动经济增长3.4、-0.5、1.0个百分点，"
        "对经济增长的贡献率分别为85.3%、-11.6%、26.4%"
    )
    assert sentence in (DEV_EXTRA / "news_national_econ_2021.md").read_text(encoding="utf-8")
    values = [f.value for f in extract_text(sentence).figures]
    assert values == [3.4, -0.5, 1.0, 85.3, -11.6, 26.4]
