"""Encoding twins of the real corpus read to the same clean text and metadata."""

import codecs

import pytest

from pipeline.ingest import read_report

from .conftest import GWR_NATIONAL, REPORTS, check_offset_map


def _gbk_encodable(path) -> bool:
    try:
        path.read_text(encoding="utf-8").encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


GBK_REPORTS = [p for p in REPORTS if _gbk_encodable(p)]
TWINS = [
    ("utf-16-le-bom", "utf-16"),
    ("utf-16-be-bom", "utf-16"),
    ("utf-8-bom", "utf-8-sig"),
]


def _encode(text: str, twin: str) -> bytes:
    if twin == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if twin == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    if twin == "utf-8-bom":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    return text.encode(twin)


def _same_reading(twin_doc, doc):
    assert twin_doc.source_text == doc.source_text
    assert twin_doc.clean_text == doc.clean_text
    assert list(twin_doc.clean_to_source) == list(doc.clean_to_source)
    for field in ("title", "area", "year", "published_at", "source", "authors", "editor", "site", "sections"):
        assert getattr(twin_doc, field) == getattr(doc, field), field


def test_corpus_has_gbk_and_non_gbk_reports():
    assert 0 < len(GBK_REPORTS) < len(REPORTS)  # the seed has U+00A0, which only GB18030 encodes


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_gb18030_twin_reads_like_utf8(tmp_path, path):
    doc = read_report(path)
    twin_path = tmp_path / path.name
    twin_path.write_bytes(doc.source_text.encode("gb18030"))
    twin_doc = read_report(twin_path)
    # GBK is a subset of GB18030 with the same bytes; the narrower name is reported when it fits.
    assert twin_doc.encoding == ("gbk" if path in GBK_REPORTS else "gb18030")
    _same_reading(twin_doc, doc)


@pytest.mark.parametrize("path", GBK_REPORTS, ids=lambda p: p.stem)
def test_gbk_twin_reads_like_utf8(tmp_path, path):
    doc = read_report(path)
    twin_path = tmp_path / path.name
    twin_path.write_bytes(doc.source_text.encode("gbk"))
    twin_doc = read_report(twin_path)
    assert twin_doc.encoding == "gbk"
    _same_reading(twin_doc, doc)


@pytest.mark.parametrize(("twin", "encoding"), TWINS)
@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_encoding_twin_reads_like_utf8(tmp_path, path, twin, encoding):
    doc = read_report(path)
    data = _encode(doc.source_text, twin)
    twin_path = tmp_path / path.name
    twin_path.write_bytes(data)
    twin_doc = read_report(twin_path)
    assert twin_doc.encoding == encoding
    assert data.decode(twin_doc.encoding) == twin_doc.source_text  # the codec name reproduces the text
    assert twin_doc.n_bytes == len(data)
    _same_reading(twin_doc, doc)


def test_gb18030_only_characters_are_decoded_as_gb18030(tmp_path):
    text = GWR_NATIONAL.read_text(encoding="utf-8").replace("各位代表", "各位代表𠮷", 1)  # 𠮷 is not in GBK
    path = tmp_path / "gb18030.txt"
    path.write_bytes(text.encode("gb18030"))
    doc = read_report(path)
    assert doc.encoding == "gb18030"
    assert doc.source_text == text
    assert "各位代表𠮷" in doc.clean_text


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_crlf_keeps_source_and_offsets(tmp_path, path):
    doc = read_report(path)
    crlf_text = doc.source_text.replace("\n", "\r\n")
    crlf_path = tmp_path / path.name
    crlf_path.write_bytes(crlf_text.encode("utf-8"))
    crlf = read_report(crlf_path)
    assert crlf.source_text == crlf_text  # CRLF kept in the source
    assert "\r" not in crlf.clean_text
    assert crlf.clean_text == doc.clean_text
    assert [s.title for s in crlf.sections] == [s.title for s in doc.sections]
    check_offset_map(crlf)
    for section in crlf.sections:
        assert crlf.source_text[section.source_start] == crlf.clean_text[section.clean_start]


def test_utf8_bom_is_not_part_of_the_source_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + GWR_NATIONAL.read_bytes())
    doc = read_report(path)
    assert not doc.source_text.startswith("\ufeff")
    assert doc.source_text == GWR_NATIONAL.read_text(encoding="utf-8")
    quote = "国内生产总值达到99.1万亿元"
    start = doc.clean_text.index(quote)
    s, e = doc.source_span(start, start + len(quote))
    assert doc.source_text[s:e] == quote
