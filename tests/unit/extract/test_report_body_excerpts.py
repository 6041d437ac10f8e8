"""An excerpt of a report's body, with no title naming it a government work report.

Real text (the goals part of the 2026 陕西省 report): the page opens on a part heading, and
only 提请大会审查 / 各位代表 say it is a report delivered to a congress. Read as a report, the
2026 tasks are targets and a city named for a project (推进延安千万吨炼化一体化…) does not
become the area of the province's goal in the next clause; read as news, both went wrong.
"""

from __future__ import annotations

import pytest

from tests.unit.extract.conftest import figures_by_quote

PAGE = """二、“十五五”时期主要目标和重大举措
根据省委《关于制定国民经济和社会发展第十五个五年规划的建议》，省政府制定了《陕西省国民经济和社会发展第十五个五年规划纲要（草案）》，提请大会审查。
三、2026年重点工作
今年是“十五五”开局之年。
扩大有效投资。实施省级重点项目640个、完成投资3500亿元以上。推进延安千万吨炼化一体化、榆能百万吨煤制芳烃等项目，力争工业投资增长10％。
积极促进消费。积极发展首发经济、夜间经济、演艺经济，扩大中华老字号、陕西老字号品牌影响力。强化保护意识、节约意识，加强美丽陕西建设。推进西安国际化消费环境建设，拓展离境消费“即买即退”服务，新增退税商店100家以上。社会消费品零售总额增长6％左右。
"""


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    return figures_by_quote(tmp_path_factory.mktemp("gwr"), PAGE, "shaanxi_goals_excerpt.txt")


@pytest.mark.parametrize("quote", ["640个", "3500亿元以上", "10％", "100家以上", "6％左右"])
def test_the_years_tasks_are_targets_of_the_province(figures, quote):
    f = figures[quote]
    assert (f.value_kind, f.period, f.area) == ("target", "2026", "陕西省")


def test_news_without_delivery_words_is_still_news(tmp_path):
    areas = {
        q: f.area
        for q, f in figures_by_quote(tmp_path, PAGE.replace("，提请大会审查", ""), "news.txt").items()
    }
    assert areas["100家以上"] == "西安市"  # news about several places carries a place through the sentence


DIGEST = """每周一学（2024年3月11日-3月17日）政府工作报告
积极的财政政策要适度加力、提质增效。赤字率拟按3%安排，赤字规模4.06万亿元，比上年年初预算增加1800亿元。预计今年财政收入继续恢复增长，加上调入资金等，一般公共预算支出规模28.5万亿元、比上年增加1.1万亿元。
预计今年高校毕业生超过1170万人，要强化促进青年就业政策举措。
提高医疗卫生服务能力。居民医保人均财政补助标准提高30元。
"""


@pytest.mark.parametrize(
    ("quote", "kind"),
    [
        ("28.5万亿元", "target"),  # 预计 opens the clause before: the budget is the year's plan
        ("1.1万亿元", "target"),
        ("30元", "target"),  # a raise of a standard among this year's tasks
        ("超过1170万人", "actual"),  # 预计 in its own clause: an estimate of the year's graduates
    ],
)
def test_a_digest_without_part_headings_plans_its_own_year(tmp_path, quote, kind):
    """Real sentences of a digest of the 2024 national report on a school's page (dev html_national_gwr_2024).

    The digest has no 一、/二、 parts, so nothing marks where the review ends; figures of the
    report's own year are its plan unless their clause estimates a fact (预计今年…超过1170万人).
    """
    kinds = {q: f.value_kind for q, f in figures_by_quote(tmp_path, DIGEST, "digest.txt").items()}
    assert kinds[quote] == kind
