"""An excerpt of a report's body, with no title naming it a government work report.

Real text (the goals part of the 2026 陕西省 report): the page opens on a part heading, and
only 提请大会审查 / 各位代表 say it is a report delivered to a congress. Read as a report, the
2026 tasks are targets and a city named for a project (推进延安千万吨炼化一体化…) does not
become the area of the province's goal in the next clause; read as news, both went wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import extract_figures
from pipeline.ingest import read_report

PAGE = """二、“十五五”时期主要目标和重大举措
根据省委《关于制定国民经济和社会发展第十五个五年规划的建议》，省政府制定了《陕西省国民经济和社会发展第十五个五年规划纲要（草案）》，提请大会审查。
三、2026年重点工作
今年是“十五五”开局之年。
扩大有效投资。实施省级重点项目640个、完成投资3500亿元以上。推进延安千万吨炼化一体化、榆能百万吨煤制芳烃等项目，力争工业投资增长10％。
积极促进消费。积极发展首发经济、夜间经济、演艺经济，扩大中华老字号、陕西老字号品牌影响力。强化保护意识、节约意识，加强美丽陕西建设。推进西安国际化消费环境建设，拓展离境消费“即买即退”服务，新增退税商店100家以上。社会消费品零售总额增长6％左右。
"""


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    path = Path(tmp_path_factory.mktemp("gwr")) / "shaanxi_goals_excerpt.txt"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_report(path)
    return {doc.source_text[f.char_start : f.char_end]: f for f in extract_figures(doc).figures}


@pytest.mark.parametrize("quote", ["640个", "3500亿元以上", "10％", "100家以上", "6％左右"])
def test_the_years_tasks_are_targets_of_the_province(figures, quote):
    f = figures[quote]
    assert (f.value_kind, f.period, f.area) == ("target", "2026", "陕西省")


def test_news_without_delivery_words_is_still_news(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(PAGE.replace("，提请大会审查", ""), encoding="utf-8")
    doc = read_report(path)
    areas = {doc.source_text[f.char_start : f.char_end]: f.area for f in extract_figures(doc).figures}
    assert areas["100家以上"] == "西安市"  # news about several places carries a place through the sentence
