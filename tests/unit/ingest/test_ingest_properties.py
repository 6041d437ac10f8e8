"""Arbitrary bytes and text: only ReportError, and the offset map always holds."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import ReportError
from pipeline.ingest import read_report

from .conftest import check_offset_map

FURNITURE = [
    "<p>",
    "</p>",
    "<div class='x'>",
    "<br/>",
    "<script>x<y</script>",
    "<!--c-->",
    "&amp;",
    "&nbsp;",
    "&#12345;",
    "&bogus;",
    "\r\n",
    "\r",
    "---\n",
    "# ",
    "**",
    "![a](b)",
    "[链接](http://x)",
    "分享到：",
    "1  2  3",
    "来源：某报",
    "一、",
    "（二）",
    "　　",
    "\n",
]
TEXT = st.lists(st.one_of(st.text(max_size=30), st.sampled_from(FURNITURE)), max_size=40).map("".join)


def _read(data: bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.txt"
        path.write_bytes(data)
        return read_report(path)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_report_error(data):
    try:
        doc = _read(data)
    except ReportError:
        return
    check_offset_map(doc)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_arbitrary_text_keeps_an_exact_offset_map(text):
    try:
        doc = _read(text.encode("utf-8"))
    except ReportError as err:
        assert err.reason in {"file is empty"} or "binary file" in err.reason
        return
    assert doc.source_text == text
    check_offset_map(doc)
    for section in doc.sections:
        assert doc.clean_to_source[section.clean_start] == section.source_start
