"""Arbitrary text and bytes through read_report -> extract_figures -> build_indicators_table.

The only exception allowed anywhere is ReportError (documented bad input); whatever is
emitted satisfies IndicatorsModel and ReportsModel, every quote is the decoded source at
its offsets, and every skipped span is the source text at its offsets.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.errors import ReportError
from pipeline.extract import extract_figures
from pipeline.ingest import read_report
from pipeline.tables import build_indicators_table, build_reports_table
from pipeline.validate import check_provenance, check_table
from schemas import IndicatorsModel, ReportsModel

#: Pieces of real report language around numbers, and the odd ways numbers get written.
FRAGMENTS = [
    "增长",
    "下降",
    "同比增长",
    "比上年",
    "提高",
    "达到",
    "突破",
    "超过",
    "约",
    "近",
    "以上",
    "以内",
    "左右",
    "多",
    "余",
    "全年",
    "今年",
    "去年",
    "2023年",
    "2035年",
    "一季度",
    "上半年",
    "1-6月",
    "%",
    "％",
    "个百分点",
    "‰",
    "亿元",
    "万元",
    "万亿元",
    "元",
    "美元",
    "万人",
    "人次",
    "万吨",
    "公里",
    "平方公里",
    "个",
    "家",
    "项",
    "倍",
    "翻一番",
    "三分之二",
    "分别",
    "和",
    "、",
    "，",
    "。",
    "；",
    "：",
    "（",
    "）",
    "“",
    "”",
    "5.5",
    "1,234.5",
    "12,345,67",
    "1.2.3",
    "１２３．４",
    "0.",
    ".5",
    "1万5",
    "一千二百万",
    "三点五",
    "十三五",
    "两",
    "〇",
    "第",
    "前",
    "全国第一",
    "GDP",
    "-",
    "~",
    "至",
    "<p>",
    "</p>",
    "<br/>",
    "&nbsp;",
    "&amp;",
    "<script>1<2</script>",
    "\n",
    "\r\n",
    "\u3000",
    " ",
    "各位代表：",
    "一、",
    "（二）",
    "来源：某报",
    "\ufeff",
    "\u00a0",
]
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**13).map(str),
    st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
)
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), NUMBERS, st.text(max_size=8)), max_size=60).map("".join)
ENCODINGS = ["utf-8", "gb18030", "utf-16", "utf-8-sig"]
ENCODED = st.tuples(TEXT, st.sampled_from(ENCODINGS)).map(lambda t: t[0].encode(t[1], errors="replace"))
BYTES = st.one_of(st.binary(max_size=600), ENCODED)

_FOLDER = Path(tempfile.mkdtemp(prefix="robustness-props-"))
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)


def check_pipeline(data: bytes, name: str = "report.txt") -> int:
    """Run the pure pipeline on one file; assert the invariants; return the number of rows."""
    path = _FOLDER / name
    path.write_bytes(data)
    try:
        doc = read_report(path)
        extraction = extract_figures(doc)
        table = build_indicators_table(doc, extraction.figures)
    except ReportError as err:
        assert err.path == str(path) and str(err).startswith(f"{path}: ") and err.reason
        return 0
    failures = check_table(IndicatorsModel, table)
    assert failures.empty, failures.to_string()
    provenance = check_provenance(table, {doc.report_id: doc.source_text})
    assert provenance.empty, provenance.to_string()
    reports = build_reports_table([doc], {doc.report_id: len(table)})
    assert check_table(ReportsModel, reports).empty
    for skipped in extraction.skipped:
        assert doc.source_text[skipped.char_start : skipped.char_end] == skipped.text
    return len(table)


SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@SETTINGS
@given(TEXT)
@example("全年地区生产总值增长5.5%，财政收入达到1,234.5亿元。")
def test_arbitrary_text_gives_valid_rows_or_a_report_error(text):
    check_pipeline(text.encode("utf-8"))


@SETTINGS
@given(BYTES)
def test_arbitrary_bytes_give_valid_rows_or_a_report_error(data):
    check_pipeline(data)


def test_the_strategies_reach_the_extractor():
    """Guard against a vacuous property: real report sentences do produce rows."""
    assert check_pipeline("全年地区生产总值增长5.5%，财政收入达到1,234.5亿元。".encode()) == 2
    assert check_pipeline("全年地区生产总值增长5.5%".encode("utf-16")) == 1


# ---- malformed numerals are skipped, never crash or shrink into a wrong number ----------------


def test_two_decimal_points_are_skipped_not_a_crash():
    check_pipeline("完成固定资产投资1.2.3亿元。".encode())
    path = _FOLDER / "report.txt"
    skipped = extract_figures(read_report(path)).skipped
    assert any("1.2.3" in s.text for s in skipped)


@pytest.mark.parametrize("text", ["总量达12,345,67万元。", "收入达到1,2345亿元。"])
def test_malformed_digit_groups_are_not_turned_into_a_smaller_number(text):
    path = _FOLDER / "groups.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_report(path)
    numbers = text[text.index("达") + 1 : text.index("元") - 1]
    for figure in extract_figures(doc).figures:
        overlaps = figure.char_start < text.index(numbers) + len(numbers) and figure.char_end > text.index(
            numbers
        )
        assert not overlaps, f"{figure.quote!r} -> {figure.value}"
