"""Closed vocabularies of the indicators table.

Kept apart from the extraction algorithm (as price-parser keeps its currencies apart
from its parser) so that the schema, the extractor and the data dictionary read the
same lists.
"""

from __future__ import annotations

#: What kind of quantity a row states. Descriptions feed the data dictionary.
MEASURES: dict[str, str] = {
    "level": "an amount or count, including an end state written without a start value",
    "growth_pct": "a percent change; a decline is negative",
    "change_pp": "a change in percentage points; a decline is negative",
    "rate_pct": "a percentage that is itself a level (城镇化率, 报销比例, 占比)",
    "share": "a fraction written as one (一半, 三分之二, 三成), value 0-1",
    "rank": "a position in a ranking (全省第一 is 1; 前20 is 20 with qualifier at_most)",
    "duration": "a length of time (连续22年)",
    "from": "the start of a written change (从X提高到Y); linked to its `to` row by link_id",
    "to": "the end of a written change (从X提高到Y); linked to its `from` row by link_id",
    "multiple": "a ratio written as 是…的N倍 or 增长N倍",
}

#: Over what span a growth or change is measured.
GROWTH_BASES: dict[str, str] = {
    "yoy": "year on year, or against the previous period",
    "annual_avg": "average per year over a span (年均)",
    "cumulative": "over the whole span (累计, over five years)",
}

#: How to read the value against the truth.
QUALIFIERS: dict[str, str] = {
    "exact": "the value as stated",
    "approx": "about (约, 左右)",
    "more_than": "more than (多, 余, 超, 超过, 逾)",
    "at_least": "at least (以上, 不低于; lower end of a range)",
    "exceeds": "broke through (突破, 破)",
    "nearly": "nearly (近, 接近, 将近)",
    "at_most": "at most (以内, 前N, 不超过; upper end of a range)",
    "less_than": "less than (不到, 不足, 低于)",
}

#: Whether the figure reports what happened or what is planned.
VALUE_KINDS: dict[str, str] = {
    "actual": "what happened",
    "target": "what a plan or the report sets out (预期目标, 力争, 目标, 计划, 确保)",
}

#: Base units: value_base is expressed in one of these.
BASE_UNITS: dict[str, str] = {
    "yuan": "Chinese yuan (元)",
    "usd": "US dollars (美元)",
    "percent": "percent (%)",
    "percentage_point": "percentage points (个百分点)",
    "permille": "per mille (‰)",
    "fraction": "a fraction between 0 and 1",
    "multiple": "times (倍)",
    "rank": "a position in a ranking",
    "person": "people (人, 名)",
    "person_time": "person-times (人次)",
    "household": "households (户)",
    "enterprise": "enterprises, firms (家, 户 of firms)",
    "item": "items, pieces, things counted (个, 件, 项, 台, 套, 部)",
    "project": "projects (项目)",
    "place": "places, sites, institutions (处, 所, 座)",
    "bed": "beds (张)",
    "vehicle": "vehicles (辆)",
    "km": "kilometres (公里, 千米)",
    "km2": "square kilometres (平方公里)",
    "m2": "square metres (平方米)",
    "m3": "cubic metres (立方米)",
    "mu": "mu (亩)",
    "hectare": "hectares (公顷)",
    "tonne": "tonnes (吨)",
    "kwh": "kilowatt hours (千瓦时, 度)",
    "kw": "kilowatts (千瓦)",
    "teu": "twenty-foot equivalent units (标箱, 标准箱)",
    "year": "years (年)",
    "month": "months (个月, 月)",
    "day": "days (天, 日)",
    "hour": "hours (小时)",
    "count": "a count whose unit names no better base (条, 批, 次, ...)",
}

# Extensions for the extraction grammar (existing keys above are kept unchanged).
BASE_UNITS.update(
    {
        "m": "metres (米)",
        "minute": "minutes (分钟)",
        "yuan_per_person": "yuan per person (元/人)",
        "per_100_people": "a count per hundred people (部/百人)",
        "ratio": "a compound unit X/Y not listed otherwise; the written unit names it",
        "person_km": "passenger-kilometres (人公里)",
        "tonne_km": "tonne-kilometres (吨公里)",
        "gigabyte": "gigabytes (GB)",
        "microgram": "micrograms (微克); concentrations are written 每立方米N微克",
        "pflops": "computing power in petaflops (PF, PFLOPS; EFLOPS = 1000 PF, TFLOPS = 0.001 PF)",
        "microgram_per_m3": "a concentration in micrograms per cubic metre (微克/立方米)",
        "quarter": "quarters of a year (个季度), as in 连续5个季度",
        "index": "a unitless index or coefficient named by its noun (基尼系数0.465)",
    }
)

#: Powers of ten carried by written magnitude words (``unit_mult``).
MAGNITUDES: dict[str, int] = {"万": 4, "亿": 8, "万亿": 12}

#: Written unit word -> (base unit, factor to base as a decimal string). The extractor
#: matches the longest word first; a magnitude (万, 亿) before the word is separate.
UNITS: dict[str, tuple[str, str]] = {
    # money
    "元": ("yuan", "1"),
    "美元": ("usd", "1"),
    # percentages and ratios
    "%": ("percent", "1"),
    "％": ("percent", "1"),
    "‰": ("permille", "1"),
    "个百分点": ("percentage_point", "1"),
    "百分点": ("percentage_point", "1"),
    "倍": ("multiple", "1"),
    # people and units of society
    "人": ("person", "1"),
    "名": ("person", "1"),
    "位": ("person", "1"),
    "人次": ("person_time", "1"),
    "户": ("household", "1"),
    "家": ("enterprise", "1"),
    # things counted
    **{word: ("item", "1") for word in (
        "个", "件", "项", "台", "套", "部", "只", "头", "艘", "架", "款", "种", "枚", "颗",
        "株", "棵", "册", "篇", "份", "栋", "幢", "间", "根", "支",
    )},
    "辆": ("vehicle", "1"),
    "张": ("bed", "1"),
    "处": ("place", "1"),
    "所": ("place", "1"),
    "座": ("place", "1"),
    "省份": ("place", "1"),  # 17省份超过同期全国水平: a headline count of provinces without 个
    **{word: ("count", "1") for word in (
        "条", "批", "次", "场", "起", "宗", "例", "轮", "笔", "单", "组", "对", "集",
        "列",  # trains run (开行超万列)
        "批次", "架次",  # batches and sorties counted (与182批次央企对接)
        "辆次", "艘次",  # vehicle and ship trips (服务车辆累计832万辆次)
        "场次",  # events held (开展流动文化进基层活动超过3万场次)
        "类",  # kinds counted (12类45件民生实事); a class name (1类新药, Ⅲ类水) is not read, see grammar
        "大类",  # broad kinds counted (全年10大类55项民生实事项目)
    )},
    "人公里": ("person_km", "1"),
    "吨公里": ("tonne_km", "1"),
    "GB": ("gigabyte", "1"),
    # computing power (算力): P/E/T-level floating-point operations per second
    **{word: ("pflops", "1") for word in ("P", "PF", "PFLOPS", "PFlops", "Pflops")},
    **{word: ("pflops", "1000") for word in ("EFLOPS", "EFlops", "Eflops")},
    **{word: ("pflops", "0.001") for word in ("TFLOPS", "TFlops", "Tflops")},
    "微克": ("microgram", "1"),
    "毫克": ("microgram", "1000"),
    # length, area, volume
    "公里": ("km", "1"),
    "千米": ("km", "1"),
    "米": ("m", "1"),
    "厘米": ("m", "0.01"),  # 黑土层平均厚度达到20.6厘米
    "毫米": ("m", "0.001"),
    "平方公里": ("km2", "1"),
    "平方千米": ("km2", "1"),
    "平方米": ("m2", "1"),
    "立方米": ("m3", "1"),
    "方": ("m3", "1"),  # 10亿方 of gas or earth: only after a magnitude (see grammar), else 三方 is parties
    "亩": ("mu", "1"),
    "公顷": ("hectare", "1"),
    # mass
    "吨": ("tonne", "1"),
    "吨标准煤": ("tonne", "1"),
    "公斤": ("tonne", "0.001"),
    "千克": ("tonne", "0.001"),
    "斤": ("tonne", "0.0005"),
    # energy and power
    "千瓦时": ("kwh", "1"),
    "兆瓦时": ("kwh", "1000"),
    "千瓦": ("kw", "1"),
    "兆瓦": ("kw", "1000"),
    "吉瓦": ("kw", "1000000"),
    "吉瓦时": ("kwh", "1000000"),
    **{word: ("kwh", factor) for word, factor in (("kWh", "1"), ("MWh", "1000"), ("GWh", "1000000"))},
    **{word: ("kw", factor) for word, factor in (("MW", "1000"), ("GW", "1000000"))},
    # containers
    "标箱": ("teu", "1"),
    "标准箱": ("teu", "1"),
    # time (年, 个月, 天 are durations only in context; see pipeline.extract.grammar)
    "年": ("year", "1"),
    "岁": ("year", "1"),
    "个月": ("month", "1"),
    "个季度": ("quarter", "1"),
    "天": ("day", "1"),
    "个工作日": ("day", "1"),
    "小时": ("hour", "1"),
    "分钟": ("minute", "1"),
}

#: Denominators of rate units written with a slash (元/人, 部/百人): word -> base name.
RATE_DENOMINATORS: dict[str, str] = {
    "人": "person",
    "百人": "100 people",
    "户": "household",
    "吨": "tonne",
    "亩": "mu",
    "平方米": "m2",
    "立方米": "m3",
    "千瓦时": "kwh",
    "年": "year",
    "月": "month",
    "天": "day",
    "日": "day",
    "小时": "hour",
}
