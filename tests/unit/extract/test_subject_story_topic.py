"""A news figure whose clause names no quantity measures what the story's title is about.

Sentences are real (news on the first-quarter 2022 GDP of China's provinces; 中国经济周刊 on the
2021 county income ranking): 其中广东以28498.79亿元居第一位 and 玉环市排名第二位 name a place and a
value, not the quantity; the title (…一季度GDP…) does.
"""

from __future__ import annotations

import pytest

from pipeline.extract.context import _is_place_only, _title_topic
from tests.unit.extract.conftest import figures_by_quote

PAGE = """---
title: '31省份一季度GDP出炉：广东江苏山东居前三'
date: Fri, 29 Apr 2022 08:00:00 GMT
---
一季度GDP总量排名前五的省份依次为广东、江苏、山东、浙江、河南，其中广东以28498.79亿元居第一位。
"""


def test_a_clause_naming_no_quantity_takes_the_titles(tmp_path):
    found = figures_by_quote(tmp_path, PAGE, "provinces.md")
    assert found["28498.79亿元"].subject == "GDP"


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("粤苏鲁经济领跑全国，GDP总量相加超30万亿元", "GDP"),
        ("中部六大省会人口PK，谁在逆袭？谁在垫底？", "人口"),
        ("浙江这十年：城乡居民人均可支配收入连续多年领跑", "人均可支配收入"),
        ("书记市长拜年", None),
    ],
)
def test_title_topic(title, topic):
    assert _title_topic(title) == topic


@pytest.mark.parametrize(
    ("subject", "place_only"),
    [
        ("玉环市", True),
        ("江苏省昆山市", True),
        ("四川", True),
        ("安徽及上海", True),
        ("还包括内蒙古", True),
        ("昆山市人均GDP", False),
        ("依旧", False),
        ("、", False),
    ],
)
def test_place_only_subjects(subject, place_only):
    assert _is_place_only(subject) is place_only


def test_items_of_a_bracketed_list_take_the_titles_quantity(tmp_path):
    page = PAGE.replace(
        "一季度GDP总量排名前五的省份依次为广东、江苏、山东、浙江、河南，其中广东以28498.79亿元居第一位。",
        "增速超过全国水平的有21个省份，除了上述7个省份，还包括内蒙古（5.8%）、黑龙江（5.4%）、四川（5.3%）。",
    )
    found = figures_by_quote(tmp_path, page, "provinces_list.md")
    assert [found[q].subject for q in ("5.8%", "5.4%", "5.3%")] == ["GDP", "GDP", "GDP"]


@pytest.mark.parametrize(
    ("sentence", "quote", "subject"),
    [
        # 中新社, 2021-11-01: the verb of ranking, its scope and an adverb are not what is ranked
        ("前三季度，湖北GDP同比增长18.7%，增速暂居全国第一。", "全国第一", "增速"),
        # 21世纪经济报道, 2022-01-22: an adverb alone names nothing; the title's quantity does
        ("从GDP总量来看，广东依旧稳居全国第一，为124369.67亿元。", "全国第一", "GDP"),
    ],
)
def test_a_ranks_subject_is_what_is_ranked(tmp_path, sentence, quote, subject):
    page = PAGE.split("---\n")
    page[-1] = sentence + "\n"
    assert figures_by_quote(tmp_path, "---\n".join(page), "ranks.md")[quote].subject == subject


@pytest.mark.parametrize(
    ("sentence", "quote", "subject"),
    [
        # 上海证券报, 2021-10-27: a province's growth in a story on GDP is GDP growth
        (
            "海南、北京紧随其后，增速分别为12.8%、10.7%。浙江、山西、江苏、安徽、江西增速也均超过10%。",
            "超过10%",
            "GDP增速",
        ),
        # 新浪财经, 2022-02-11: a threshold crossed is where GDP stands, not what is measured
        ("常德市也终于在2021年突破4千亿元大关。", "突破4千亿元", "GDP"),
    ],
)
def test_a_bare_growth_or_threshold_takes_the_titles_quantity(tmp_path, sentence, quote, subject):
    page = PAGE.split("---\n")
    page[-1] = sentence + "\n"
    assert figures_by_quote(tmp_path, "---\n".join(page), "topic.md")[quote].subject == subject
