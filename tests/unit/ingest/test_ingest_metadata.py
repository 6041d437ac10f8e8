"""Metadata and section headings of the real reports."""

import re

from pipeline.ingest import read_report
from schemas.reports import ReportsModel

from .conftest import CORPUS, GWR_FUJIAN, GWR_NATIONAL, NEWS, SEED

PUBLISHED_AT = ReportsModel.to_schema().columns["published_at"].checks[0].statistics["pattern"]


def test_seed_metadata():
    doc = read_report(SEED)
    assert doc.title == "透过《政府工作报告》看泉州砥砺前行"
    assert doc.published_at == "2021-01-17T09:55:20+08:00"
    assert doc.year == 2021
    assert doc.authors == ("蔡紫旻", "陈凌鹭")
    assert doc.source == "泉州晚报"
    assert doc.editor == "王娇榕"
    assert doc.site == "东南网"
    assert doc.area in {"泉州", "泉州市"}


def test_seed_sections():
    doc = read_report(SEED)
    titles = [s.title for s in doc.sections]
    for heading in ("过去五年", "教育事业", "生态治理", "“十三五”收官 人均生产总值突破11万元"):
        assert heading in titles
    assert doc.title not in titles
    figure = doc.clean_text.index("新增公办幼儿园学位1.4万个")
    assert doc.section_at(figure).title == "教育事业"
    assert doc.section_at(doc.clean_text.index("空气质量优良率97.3%")).title == "生态治理"


def test_national_report_metadata_and_headings():
    doc = read_report(GWR_NATIONAL)
    assert doc.title == "政府工作报告（文字实录）"
    assert doc.published_at == "2020-05-22"
    assert doc.year == 2020
    assert doc.authors == ("李克强",)
    assert doc.area == "全国"
    assert doc.source == "中国政府网"
    numbered = [s.title for s in doc.sections if s.level == 1]
    expected = re.findall(r"^([一二三四五六七八九十]+、.+)$", doc.source_text, re.M)
    assert numbered == expected and len(expected) == 8
    assert doc.section_at(doc.clean_text.index("城镇新增就业1352万人")).title == "经济运行总体平稳"


def test_fujian_report_metadata_and_headings():
    doc = read_report(GWR_FUJIAN)
    assert doc.title == "2026年福建省政府工作报告"
    assert doc.published_at == "2026-02-06"
    assert doc.year == 2026
    assert doc.source == "福建日报"
    assert doc.authors == ("赵龙",)
    assert doc.area == "福建省"
    level1 = [s.title for s in doc.sections if s.level == 1]
    assert level1 == re.findall(r"^([一二三四]、[^\n]+)$", doc.source_text, re.M)
    level2 = [s.title for s in doc.sections if s.level == 2]
    assert level2[0] == "（一）着力推进向新向优发展，产业转型升级步伐加快"
    assert "（五）始终把高效作为服务之道" in level2  # numbered heading run into its paragraph
    section = doc.section_at(doc.clean_text.index("规上高技术制造业对工业增长贡献率达36.5%"))
    assert section.title == "先进制造业骨干作用增强"


def test_news_front_matter_metadata():
    doc = read_report(NEWS)
    assert doc.title == "福建最新GDP排名出炉：泉州总量最大，宁德增速最快"
    assert doc.published_at == "2022-08-12T11:50:27+08:00"  # Fri, 12 Aug 2022 03:50:27 GMT
    assert doc.source == "人民网福建频道"
    assert doc.editor == "吴剑"
    assert doc.site == "新浪财经"
    assert doc.authors == ("林晓丽",)
    assert doc.area == "福建省"
    assert [s.title for s in doc.sections][:2] == [
        "相较于一季度，泉州与福州间差距拉大",
        "宁德一指标已连续43个月保持首位",
    ]


def test_every_report_has_schema_valid_metadata(report_path):
    doc = read_report(report_path)
    assert doc.title and doc.area and doc.year
    assert re.match(PUBLISHED_AT, doc.published_at)
    for section in doc.sections:
        assert doc.source_text[section.source_start] == doc.clean_text[section.clean_start]
        assert doc.clean_to_source[section.clean_start] == section.source_start
        assert doc.section_at(section.clean_start) == section
    assert [s.clean_start for s in doc.sections] == sorted(s.clean_start for s in doc.sections)


def test_statistical_communique_is_national():
    doc = read_report(CORPUS / "statcomm_national_2024_excerpt.txt")
    assert doc.area == "全国"
    assert doc.published_at == "2025-02-28"
    assert "一、综合" in [s.title for s in doc.sections]


def test_report_title_year_wins_over_a_later_publication_date(tmp_path):
    # A real report's five-year review reposted a year later under a title naming the report's
    # year: its 这五年 still ends in 2025, so the report's year is the title's, not the repost's.
    hunan = CORPUS.parent / "dev_extra" / "gwr_hunan_2026_excerpt.txt"
    text = hunan.read_text(encoding="utf-8")
    body = text[text.index("“十四五”时期是我们感恩奋进") :]
    page = "---\ntitle: 2026年湖南省政府工作报告（摘要）\ndate: 2027-02-10\n---\n" + body
    path = tmp_path / "repost.md"
    path.write_text(page, encoding="utf-8")
    doc = read_report(path)
    assert doc.published_at.startswith("2027-02-10")
    assert doc.year == 2026


def test_news_title_year_is_the_data_year_not_the_report_year():
    # news published in 2022 about 2021 figures speaks from 2022 (its 去年 is 2021)
    doc = read_report(NEWS)
    assert doc.year == int(doc.published_at[:4])
