"""A news summary of a national report laid out in numbered parts.

Real text (the 2018 national report as summarised on a Traditional-script news page, from the
search index's pages; its pinyin glosses such as 發(fā)展 are left out): the second part's
heading names the year and announces the goals, its numbered items are themselves read as
headings, and the only place named is where the congress sits (在北京开幕).
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import figures_by_quote

PAGE = """3月5日,十三屆全國人大一次會議在北京開幕。國務院總理李克強代表國務院,\
向大會報告過去五年政府工作,對今年工作提出建議。
一、過去五年工作成績
1、經濟實力躍上新臺階。國內生產總值從54萬億元增加到82.7萬億元。
3、創新驅動發展成果豐碩。全社會研發投入年均增長11%,規模躍居世界第二。
二、2018年發展主要預期目標
1、國內生產總值增長6.5%左右。
3、城鎮新增就業1100萬人以上,城鎮調查失業率5.5%以內,城鎮登記失業率4.5%以內。
"""


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    return figures_by_quote(tmp_path_factory.mktemp("news"), PAGE, "national_2018_summary.txt")


@pytest.mark.parametrize(
    ("quote", "period", "kind"),
    [
        ("54萬億元", "2012", "actual"),
        ("82.7萬億元", "2017", "actual"),
        ("11%", "2013-2017", "actual"),
        ("6.5%左右", "2018", "target"),  # the part's heading dates its whole part, items and all
        ("1100萬人以上", "2018", "target"),
        ("4.5%以內", "2018", "target"),
    ],
)
def test_parts_of_a_national_summary(figures, quote, period, kind):
    f = figures[quote]
    assert (f.period, f.value_kind, f.area) == (period, kind, "全国")
