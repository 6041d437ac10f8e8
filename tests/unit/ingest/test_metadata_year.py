"""The report year from metadata alone: delivery lines and title years (real corpus lines)."""

from __future__ import annotations

import pytest

from pipeline.ingest import read_report

#: (first lines of a page with no byline date, the year it speaks from)
TITLES = {
    "a year's full outturn is told in the year after": [
        (
            "中华人民共和国2024年国民经济和社会发展统计公报\n\n国家统计局\n\n2024年全年国内生产总值1349084亿元。",
            2025,
        ),
        ("2021年GDP十强城市\n\n刚刚过去的2021年，我国诞生了首个“四万亿”城市。", 2022),
    ],
    "a part of the year, a goal, a report keep the title's year": [
        ("2021年前三季度GDP十强城市\n\n前三季度，深圳实现GDP 21791.18亿元。", 2021),
        ("2022年GDP增长目标\n\n今年GDP增长目标为5.5%左右。", 2022),
        ("2026年福建省政府工作报告\n\n各位代表：", 2026),
    ],
}

#: (lines, the delivery year read, or None when the date opens an article sentence)
DELIVERY = {
    "delivery lines": [
        ("政府工作报告\n——2020年5月22日在第十三届全国人民代表大会第三次会议上\n国务院总理 李克强", 2020),
        ("2026年福建省政府工作报告\n——2026年1月27日在福建省第十四届人民代表大会第四次会议上", 2026),
    ],
    "an article sentence opening with a date": [
        (
            "中国GDP前十强城市，迎来新变局！\n"
            "2022年1月6日，北京市第十五届人民代表大会第五次会议上，北京市市长陈吉宁表示，初步预计，"
            "2021年北京市地区生产总值超过4万亿元。",
            None,
        ),
    ],
}


def _cases(table):
    return [pytest.param(*c, id=f"{g}:{i}") for g, cs in table.items() for i, c in enumerate(cs)]


@pytest.mark.parametrize(("text", "year"), _cases(TITLES))
def test_title_year_without_dates(text: str, year: int, tmp_path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    assert read_report(path).year == year


@pytest.mark.parametrize(("text", "year"), _cases(DELIVERY))
def test_delivery_line(text: str, year: int | None, tmp_path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_report(path)
    delivered = doc.published_at
    assert (int(delivered[:4]) if delivered else None) == year
