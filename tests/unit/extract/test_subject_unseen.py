"""Subjects of figures in sentences found on real unseen pages (provincial and city reports, news).

Each case runs the real reader and extractor on the text and checks, for each figure in
order, its quote and subject (and link for from/to ends).
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import case_params

#: (text, [(quote, subject), ...]) grouped by the construction they test.
CASES: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {
    # a list bullet and an estimate word (预计, 初步预计) open no subject; is_estimate carries 预计
    "bullets": [
        ("●预计全省地区生产总值增长6%左右", [("6%左右", "全省地区生产总值")]),
        ("●经济增长6%左右", [("6%左右", "经济")]),
        ("■初步预计，全市一般公共预算收入增长5%", [("5%", "全市一般公共预算收入")]),
        ("* 城镇新增就业11万人", [("11万人", "城镇新增就业")]),
    ],
    # a goal list of labels: the label before the colon names the number after it
    "colon_labels": [
        (
            "- **生产总值增长**:5.5%左右\n- **规上工业增加值增长**:6%左右\n- **研发投入强度**:达到3.2%[8]。",
            [("5.5%左右", "生产总值"), ("6%左右", "规上工业增加值"), ("3.2%", "研发投入强度")],
        ),
        # a Markdown table row: the cell before the number is its label
        (
            "| 指标 | 目标 |\n| 地区生产总值增长 | 6% |\n| 城镇新增就业 | 8万人 |",
            [("6%", "地区生产总值"), ("8万人", "城镇新增就业")],
        ),
        # words after the colon name the figure themselves: they win over the label
        ("主要预期目标是：国内生产总值增长5%左右", [("5%左右", "国内生产总值")]),
    ],
    # a 分别 list after an earlier figure of the same sentence keeps its distribution
    "distributed_lists": [
        (
            "根据工作报告,初步预计,2022年福建省地区生产总值突破5万亿元,出口增长11%以上,"
            "城镇居民、农村居民人均可支配收入分别增长5.2%左右、7.6%左右",
            [
                ("突破5万亿元", "地区生产总值"),
                ("11%以上", "出口"),
                ("5.2%左右", "城镇居民人均可支配收入"),
                ("7.6%左右", "农村居民人均可支配收入"),
            ],
        ),
        (
            "某市政府工作报告\n2022年，根据工作报告,初步预计,2022年福建省地区生产总值突破5万亿元,"
            "出口增长11%以上,城镇居民、农村居民人均可支配收入分别增长5.2%左右、7.6%左右",
            [
                ("突破5万亿元", "地区生产总值"),
                ("11%以上", "出口"),
                ("5.2%左右", "城镇居民人均可支配收入"),
                ("7.6%左右", "农村居民人均可支配收入"),
            ],
        ),
        (
            "城镇居民、农村居民人均可支配收入分别增长5.2%、7.6%。",
            [("5.2%", "城镇居民人均可支配收入"), ("7.6%", "农村居民人均可支配收入")],
        ),
    ],
    # both ends of a move in a ranking rank what is named before 从/由, not the verb after
    "rank_moves": [
        (
            "一般公共预算收入达8263亿元、从全国第五提升到第三。",
            [
                ("8263亿元", "一般公共预算收入"),
                ("全国第五", "一般公共预算收入"),
                ("第三", "一般公共预算收入"),
            ],
        ),
        (
            "区域创新能力由全国第12位跃升至第9位。",
            [("全国第12位", "区域创新能力"), ("第9位", "区域创新能力")],
        ),
    ],
    # a trend clause with no figure names what the rate in the next clause is of
    "trend_clauses": [
        (
            "其中，工业投资持续恢复，同比增长10.2%，比上半年提高5.1个百分点。",
            [("10.2%", "工业投资"), ("5.1个百分点", "工业投资")],
        ),
    ],
    # a goal word before the verb is the figure's kind, not part of what it measures
    "goal_words": [
        ("2023年GDP预期增长6%左右", [("6%左右", "GDP")]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), case_params(CASES))
def test_subject_of_each_figure(extract_text, text, expected):
    got = [(f.quote, f.subject) for f in extract_text(text).figures]
    assert got == expected


def test_estimate_word_dropped_from_subject_still_marks_the_figure(extract_text):
    (fig,) = extract_text("●预计全省地区生产总值增长6%左右").figures
    assert fig.is_estimate is True
    (fig,) = extract_text("2023年GDP预期增长6%左右").figures
    assert fig.value_kind == "target"


#: From/to ends across a start year, a comma, and between ranks: (text, [(quote, measure)]).
FROM_TO = [
    ("城乡居民收入倍差从2013年的1.76缩小到1.61", [("1.76", "from"), ("1.61", "to")]),
    ("两年平均增速也从上半年的13.0%，下跌至9.90%", [("13.0%", "from"), ("9.90%", "to")]),
    (
        "一般公共预算收入达8263亿元、从全国第五提升到第三",
        [("8263亿元", "level"), ("全国第五", "from"), ("第三", "to")],
    ),
]


#: A 分别 list whose unit is written once, after the last item (a county statistical
#: communiqué, 2015): (text, [(quote, value, unit, subject)]).
ONE_UNIT_LISTS = [
    (
        "第一产业占地区生产总值的比重上升3.82个百分点,第二、第三产业占地区生产总值的比重分别回落2.16和1.66个百分点。",
        [
            ("3.82个百分点", 3.82, "个百分点", "第一产业占地区生产总值的比重"),
            ("2.16", -2.16, "个百分点", "第二产业占地区生产总值的比重"),
            ("1.66个百分点", -1.66, "个百分点", "第三产业占地区生产总值的比重"),
        ],
    ),
    (
        "城镇、农村常住人口分别为3.5和4.2万人。",
        [("3.5", 3.5, "万人", "城镇常住人口"), ("4.2万人", 4.2, "万人", "农村常住人口")],
    ),
    # without 分别 a bare number before 和 is no quantity of the list's kind
    ("第2和3个项目已开工。", [("3个", 3.0, "个", "项目已开工")]),
]


@pytest.mark.parametrize(("text", "expected"), ONE_UNIT_LISTS)
def test_a_list_unit_written_once_reaches_every_item(extract_text, text, expected):
    got = [(f.quote, f.value, f.unit, f.subject) for f in extract_text(text).figures]
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), FROM_TO)
def test_from_to_ends_share_one_link(extract_text, text, expected):
    figures = extract_text(text).figures
    assert [(f.quote, f.measure) for f in figures] == expected
    links = {f.link_id for f in figures if f.measure in ("from", "to")}
    assert len(links) == 1 and None not in links
