"""A report's own area from the congress that hears it, on real county reports.

Excerpts of two county reports (沅陵县 2018, 浮山县 2019) as published: the delivery line names
the county, the speaker line only says 县人民政府县长, and the text says 全县 and 我县.
"""

from __future__ import annotations

import pytest

from pipeline.ingest import read_report
from pipeline.ingest.places import extract_local_names

YUANLING = """政府工作报告
——2018年12月25日在沅陵县第十七届人民代表大会第三次会议上
县人民政府县长 周重颜
各位代表:
现在,我代表县人民政府向大会报告工作,请予审议。并请各位县政协委员和其他列席人员提出意见。
一、2018年工作回顾
即将过去的2018年,是我县站在新时代起点上谋篇布局、克难奋进的一年。全年预计实现地区生产总值170.98亿元,增长8%。
"""

FUSHAN = """政府工作报告
2019年3月2日在浮山县第十六届人民代表大会第四次会议上
栗 俊 昌
各位代表:
现在,我代表县人民政府向大会报告工作,请予审议,并请县政协委员和其他列席人员提出意见。
一、2018年工作回顾
2018年,全县地区生产总值完成46.1亿元,同比下降4.3%。
"""


@pytest.mark.parametrize(("text", "area"), [(YUANLING, "沅陵县"), (FUSHAN, "浮山县")])
def test_the_congress_in_the_delivery_line_is_the_area(tmp_path, text, area):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    assert read_report(path).area == area


def test_office_words_before_a_county_are_no_place_names():
    # 我代表县人民政府, 县人民政府县长 and 各位县政协委员 once read as places 代表县, 政府县, 请各位县.
    assert extract_local_names(YUANLING * 3) == {"沅陵": "沅陵县"}


def test_a_provinces_excerpt_with_no_title_is_the_provinces():
    """The 2026 云南 report from the middle of its review (dev gwr_yunnan_2026_mid_excerpt): no title,
    delivery or speaker line; it names 全国 more often than 云南, but only as a yardstick (居全国第N位,
    全国前列), while 全省 and 我省 say who speaks."""
    from pathlib import Path

    page = Path(__file__).resolve().parents[2] / "fixtures" / "dev_extra" / "gwr_yunnan_2026_mid_excerpt.txt"
    text = page.read_text(encoding="utf-8")
    assert text.count("全国") > text.count("云南")
    assert read_report(page).area == "云南省"


@pytest.mark.parametrize(
    ("name", "area"),
    [
        # a talk on the 2021 national report says 中国 and 我们, never 全国人民代表大会 or 国务院
        ("news_national_gwr_2021_expert_talk.md", "全国"),
        # an autonomous region says 全区 of itself, and 中国—东盟 is no reason to be national
        ("gwr_guangxi_2026_mid_excerpt.txt", "广西壮族自治区"),
    ],
)
def test_the_own_area_of_a_page_with_no_title_line(name, area):
    from pathlib import Path

    page = Path(__file__).resolve().parents[2] / "fixtures" / "dev_extra" / name
    assert read_report(page).area == area


def test_an_excerpt_that_says_quanjiang_is_xinjiangs():
    """The 2026 新疆 report from inside its 十四五 review (dev gwr_xinjiang_2026_mid_excerpt_gbk, GBK):
    it calls itself 全疆 and names 全国 only as a yardstick (低于全国平均水平, 占全国92.8%)."""
    from pathlib import Path

    dev_extra = Path(__file__).resolve().parents[2] / "fixtures" / "dev_extra"
    assert read_report(dev_extra / "gwr_xinjiang_2026_mid_excerpt_gbk.txt").area == "新疆维吾尔自治区"
