"""The undated copies of benchmarks/accuracy.py: the page's own dates gone, the article intact.

The ``--undated`` score is only honest if the copy really has no publication date left for the
reader to find, and if every gold figure still sits at its offsets.
"""

from __future__ import annotations

import pytest

from benchmarks.accuracy import DEV_DIR, ablate_own_dates, decode_source, iter_documents, load_gold
from pipeline.ingest import read_report

DOCUMENTS = iter_documents(DEV_DIR)


@pytest.mark.parametrize("source", [s for s, _, _ in DOCUMENTS], ids=lambda p: p.name)
def test_undated_copy_has_no_own_date_and_keeps_gold(source, tmp_path):
    gold_csv = next(g for s, g, _ in DOCUMENTS if s == source)
    gold = load_gold(gold_csv, source)
    text = decode_source(source)
    blanked = ablate_own_dates(text, [(g.char_start, g.char_end) for g in gold])
    assert len(blanked) == len(text)
    assert all(a == b or (a.isdigit() and b == "X") for a, b in zip(text, blanked, strict=True))
    for g in gold:
        assert blanked[g.char_start : g.char_end] == g.quote
    copy = tmp_path / f"page{source.suffix}"
    copy.write_bytes(blanked.encode("utf-8"))
    doc = read_report(copy)
    assert doc.published_at is None or _told_in_article(blanked, doc.published_at)


def _told_in_article(text: str, iso: str) -> bool:
    """A date the article itself tells in a sentence (2022年1月6日，北京市…大会…上), not a byline."""
    year, month, day = (int(x) for x in iso[:10].split("-"))
    return f"{year}年{month}月{day}日，" in text


def test_article_dates_and_title_years_stay():
    text = "2021年福建省政府工作报告\n2021年3月5日，大会开幕。全市生产总值增长3%。"
    assert ablate_own_dates(text) == text
