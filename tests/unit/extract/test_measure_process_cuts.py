# ruff: noqa: E501  (rows of real sentences read better unwrapped)
"""Cuts in the steps of a public service: a decline against the way before the reform.

Real sentences from the 2026 reports of 湖北, 北京 and 安徽 (dev gwr_hubei_2026_mid_excerpt,
gwr_beijing_2026_review_excerpt, gwr_anhui_2026_review_excerpt). 减 before the step it cuts
(减时间, 减材料) is a decline, and the percentage compares with the service before the reform
(cumulative), not with last year.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import DEV_EXTRA

CASES = [
    (
        "gwr_hubei_2026_mid_excerpt.txt",
        "新上线重点事项办理平均减时间83%、减材料54%，政务服务大厅布局优化",
        [("83%", -83.0), ("54%", -54.0)],
    ),
    (
        "gwr_beijing_2026_review_excerpt.txt",
        "“高效办成一件事”重点事项，平均压减时间58%、材料52%",
        [("58%", -58.0), ("52%", -52.0)],
    ),
    ("gwr_anhui_2026_review_excerpt.txt", "平均跑动次数减少93%，办理时限压缩65%", [("减少93%", -93.0)]),
]


@pytest.mark.parametrize(("source", "sentence", "expected"), CASES)
def test_a_cut_step_is_a_decline_since_the_reform(extract_text, source, sentence, expected):
    assert sentence in (DEV_EXTRA / source).read_text(encoding="utf-8")
    found = {f.quote: f for f in extract_text(sentence).figures}
    for quote, value in expected:
        assert (found[quote].measure, found[quote].value, found[quote].growth_basis) == (
            "growth_pct",
            value,
            "cumulative",
        )


def test_a_decline_of_something_else_stays_year_on_year(extract_text):
    (figure,) = extract_text("单位国内生产总值能耗下降3%").figures
    assert (figure.value, figure.growth_basis) == (-3.0, "yoy")


@pytest.mark.parametrize(
    ("source", "sentence", "quote", "value"),
    [
        # 江西 2026 (dev gwr_jiangxi_2026_mid_excerpt_gbk): the decline has a number of its own
        ("gwr_jiangxi_2026_mid_excerpt_gbk.txt", "刑事治安警情总量下降8.76%，全省公众安全感达99.3%", "99.3%", 99.3),
        # 重庆 2026 (dev gwr_chongqing_2026_mid_excerpt): a new clause with a count of its own
        ("gwr_chongqing_2026_mid_excerpt.txt", "信访总量、刑事治安警情大幅下降，群众安全感连续8年保持在98%以上", "98%以上", 98),
    ],
)
def test_a_decline_does_not_reach_a_level_in_a_later_clause(extract_text, source, sentence, quote, value):
    from benchmarks.accuracy import decode_source

    assert sentence in decode_source(DEV_EXTRA / source)
    found = {f.quote: f for f in extract_text(sentence).figures}
    assert (found[quote].measure, found[quote].value) == ("rate_pct", value)


@pytest.mark.parametrize(
    ("source", "sentence", "expected"),
    [
        # 河北 2022 and 青海 2026 (dev): prices cut by a collective purchase, against the price before
        ("news_hebei_gwr_2022.txt", "集中带量采购药品、耗材平均降价58%和80%", [(-58.0, "exact"), (-80.0, "exact")]),
        ("gwr_qinghai_2026_mid_excerpt.txt", "集中采购药品、耗材平均降价超50%", [(-50.0, "more_than")]),
    ],
)
def test_a_collective_purchase_cuts_prices(extract_text, source, sentence, expected):
    assert sentence in (DEV_EXTRA / source).read_text(encoding="utf-8")
    got = [(f.value, f.qualifier, f.measure, f.growth_basis) for f in extract_text(sentence).figures]
    assert got == [(value, qualifier, "growth_pct", "cumulative") for value, qualifier in expected]
