"""控制在 sets a goal for the coming year and reports an outturn for a past one.

Real sentences: a 2023 newspaper page reviewing 2022 in the national report (财政赤字率控制在
2.8%), and a 2022 news page on that year's goals (城镇调查失业率全年控制在5.5%以内).
"""

from __future__ import annotations

REVIEW = """解读政府工作报告·过去一年和五年工作回顾

过去一年

2022年是党和国家历史上极为重要的一年。党的二十大胜利召开,描绘了全面建设社会主义现代化国家的宏伟蓝图。

全年国内生产总值增长3%

财政赤字率控制在2.8%,中央财政收支符合预算、支出略有结余
"""

PLAN = (
    "3月5日,第十三届全国人民代表大会第五次会议在北京人民大会堂开幕。李克强总理在政府工作报告中提出,"
    "今年发展主要预期目标是:国内生产总值增长5.5%左右;城镇新增就业1100万人以上,"
    "城镇调查失业率全年控制在5.5%以内。"
)


def _kinds(extraction) -> dict[str, tuple[str, str | None]]:
    return {f.quote: (f.value_kind, f.period) for f in extraction.figures}


def test_a_bound_kept_in_a_past_year_is_an_outturn(extract_text):
    kinds = _kinds(extract_text(REVIEW))
    assert kinds["2.8%"] == ("actual", "2022")
    assert kinds["3%"] == ("actual", "2022")


def test_a_bound_to_keep_this_year_is_a_goal(extract_text):
    kinds = _kinds(extract_text(PLAN))
    assert kinds["5.5%以内"][0] == "target"
    assert kinds["1100万人以上"][0] == "target"
