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


#: (a byline line, the publication date read). The seed's own byline is real; the others are
#: constructed on the common forms of news and government pages (no page in the corpus has them).
BYLINES = {
    "seed": [("2021-01-17 09:55:20 蔡紫旻 陈凌鹭 来源:泉州晚报  责任编辑:王娇榕   我来说两句", "2021-01-17")],
    "constructed: the date after a source or author label": [
        ("来源：新华网 | 2021-03-05 10:22:11", "2021-03-05"),
        ("作者：张三 2021-03-05", "2021-03-05"),
    ],
    "constructed: a date in a long article sentence is no byline": [
        (
            "来源于群众的创造，2021年3月5日，全市召开大会，部署全年工作，会议强调要扎实推进各项重点任务落实落细。",
            None,
        ),
    ],
}


@pytest.mark.parametrize(("line", "date"), _cases(BYLINES))
def test_byline_date(line: str, date: str | None, tmp_path) -> None:
    path = tmp_path / "page.html"
    body = "<p>今年以来，全市经济运行稳中向好。1-6月，全市生产总值增长5%。</p>"
    path.write_text(
        f"<html><body><h1>上半年全市经济运行情况</h1><div>{line}</div>{body}</body></html>", "utf-8"
    )
    published = read_report(path).published_at
    assert (published[:10] if published else None) == date
