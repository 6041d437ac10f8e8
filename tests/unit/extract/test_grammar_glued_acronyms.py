"""A figure written straight after an indicator's Latin acronym (real sentences: 新浪财经 on 东莞's
2021 GDP; on 湖南's cities): 实现GDP9650.19亿元 is a figure, while codes (SF031, PM2.5) stay masked.
"""

from __future__ import annotations

from tests.unit.extract.conftest import figures_by_quote

PAGE = """从此前的数据来看，2020年东莞实现GDP9650.19亿元，距离万亿大关仅差350亿。
岳阳市实现GDP4402.98亿元，郴州GDP2770.08亿元。
全市PM2.5平均浓度为32微克/立方米，航班SF031准点。
"""


def test_numbers_after_an_acronym(tmp_path):
    found = figures_by_quote(tmp_path, PAGE, "acronyms.txt")
    assert {"9650.19亿元", "4402.98亿元", "2770.08亿元"} <= set(found)
    assert found["9650.19亿元"].subject == "GDP"
    assert not any(q.startswith(("2.5", "031")) for q in found)  # PM2.5 and SF031 are names
