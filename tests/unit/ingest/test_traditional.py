"""Traditional-character pages, as UTF-8 and as Big5 bytes, read like Simplified ones.

The passages are short excerpts of real reposts of government work reports by Hong Kong and
Taiwan outlets (found with the ``pages`` search corpus); the expected figures were read off
the text by hand. The corpus twins check the same promise on every dev report: a Traditional
rendering (OpenCC's s2t/s2tw/s2hk, phrase-aware) yields the same figures at the same offsets.
"""

import opencc
import pytest

from pipeline.errors import ReportError
from pipeline.extract import extract_figures
from pipeline.ingest import read_report
from pipeline.ingest.decode import decode_report, score_common_han
from pipeline.ingest.script import HANS, HANT, MIXED, to_simplified

from .conftest import REPORTS, check_offset_map

#: 香港新聞網, 2024-03-05, on the 2024 national report
#: (loriforfreedom.com/docDetail.jsp?channel=2808&id=100613230).
NATIONAL_2024 = (
    "首頁 -> 內地\n\n"
    "(全國兩會)李強:2024年中國GDP增長預期目標為5%左右\n\n"
    "分享到:\n2024-03-05 09:36 | 稿件來源:香港新聞網\n\n"
    "香港新聞網3月5日電 3月5日上午9時,十四屆全國人大二次會議在人民大會堂舉行開幕會。"
    "國務院總理李強在政府工作報告中指出,今年發展主要預期目標是,國內生產總值增長5%左右;"
    "城鎮新增就業1200萬人以上,城鎮調查失業率5.5%左右;居民消費價格漲幅3%左右;"
    "居民收入增長和經濟增長同步;國際收支保持基本平衡;糧食產量1.3萬億斤以上;"
    "單位國內生產總值能耗降低2.5%左右,生態環境質量持續改善。\n\n"
    "政府工作報告指出,積極的財政政策要適度加力、提質增效。赤字率擬按3%安排,赤字規模4.06萬億元,"
    "比上年年初預算增加1800億元。預計今年財政收入繼續恢復增長,加上調入資金等,"
    "一般公共預算支出規模28.5萬億元、比上年增加1.1萬億元。(完)\n\n"
    "【編輯:俞丹鳳】\n"
)
#: 點新聞, 2024-01-23, on the 2024 Guangdong provincial report
#: (dotdotnews.com/a/202401/23/AP65af301fe4b07371379eba23.html).
GUANGDONG_2024 = (
    "【點新聞報道】廣東省十四屆人大二次會議今日(23日)上午開幕。廣東省省長王偉中作省政府工作報告時表示,"
    "今年(2024年)廣東省發展面臨的有利條件強於不利因素,經濟回升向好、長期向好的基本趨勢沒有改變,"
    "預期地區生產總值增長5%。\n"
    "王偉中指,今年經濟社會發展的主要預期目標是:地區生產總值增長5%;固定資產投資增長4%,"
    "社會消費品零售總額增長6%,進出口總額增長1%;規模以上工業增加值增長5%;地方一般公共預算收入增長3%;"
    "居民人均可支配收入增長與經濟增長同步,居民消費價格指數上漲3%左右;城鎮調查失業率5.5%左右,"
    "城鎮新增就業人數110萬人以上;糧食產量1270萬噸。\n"
)
#: 聯合報 (udn.com/news/story/7333/9305614), 2026-02-03, on the 2026 Shanghai municipal report.
SHANGHAI_2026 = (
    "上海人民代表大會3日上午在上海世博中心登場，上海市長龔正進行工作報告時，"
    "對外公布2026年上海經濟社會發展主要預期目標。其中，全市生產總值（GDP）增長目標設定為5%左右。"
    "2025年上海GDP增長5.4%。\n\n"
    "上海市第16屆人大第4次會議於3日上午開幕。龔正在會中表示，綜合各方因素，"
    "建議今年全市經濟社會發展的主要預期目標為：全市生產總值增長5%左右，地方一般公共預算收入增長2%，"
    "全社會研發經費支出佔GDP比重達4.6%左右，城鎮調查失業率控制在5%以內，"
    "居民人均可支配收入增長與經濟增長保持基本同步，居民消費價格漲幅約2%。\n\n"
    "龔正指，2025年上海經濟運行穩中有進，全市生產總值達人民幣5.67兆元，年增5.4%。"
    "地方一般公共預算收入達8,500億元，年增1.5%，消費者物價指數（CPI）上漲0.1%。\n"
)

# (quote, value, unit, measure, qualifier, period, subject)
EXPECTED = {
    "national_2024": [
        ("5%左右", 5.0, "%", "growth_pct", "approx", "2024", "国内生产总值"),
        ("1200萬人以上", 1200.0, "万人", "level", "at_least", "2024", "城镇新增就业"),
        ("5.5%左右", 5.5, "%", "rate_pct", "approx", "2024", "城镇调查失业率"),
        ("3%左右", 3.0, "%", "growth_pct", "approx", "2024", "居民消费价格涨幅"),
        ("1.3萬億斤以上", 1.3, "万亿斤", "level", "at_least", "2024", "粮食产量"),
        ("降低2.5%左右", -2.5, "%", "growth_pct", "approx", "2024", "单位国内生产总值能耗"),
        ("4.06萬億元", 4.06, "万亿元", "level", "exact", "2024", "赤字规模"),
        ("28.5萬億元", 28.5, "万亿元", "level", "exact", "2024", "一般公共预算支出规模"),
    ],
    "guangdong_2024": [
        ("4%", 4.0, "%", "growth_pct", "exact", "2024", "固定资产投资"),
        ("6%", 6.0, "%", "growth_pct", "exact", "2024", "社会消费品零售总额"),
        ("3%左右", 3.0, "%", "growth_pct", "approx", "2024", "居民消费价格指数"),
        ("5.5%左右", 5.5, "%", "rate_pct", "approx", "2024", "城镇调查失业率"),
        ("110萬人以上", 110.0, "万人", "level", "at_least", "2024", "城镇新增就业人数"),
        ("1270萬噸", 1270.0, "万吨", "level", "exact", "2024", "粮食产量"),
    ],
    "shanghai_2026": [
        ("5%左右", 5.0, "%", "growth_pct", "approx", "2026", "全市生产总值"),
        ("4.6%左右", 4.6, "%", "rate_pct", "approx", "2026", "全社会研发经费支出占GDP比重"),
        ("5%以內", 5.0, "%", "rate_pct", "at_most", "2026", "城镇调查失业率"),
        ("約2%", 2.0, "%", "growth_pct", "approx", "2026", "居民消费价格涨幅"),
        ("8,500億元", 8500.0, "亿元", "level", "exact", "2025", "地方一般公共预算收入"),
    ],
}
PASSAGES = {"national_2024": NATIONAL_2024, "guangdong_2024": GUANGDONG_2024, "shanghai_2026": SHANGHAI_2026}
#: The national passage names 中國 and 全國兩會: the nation (it had no area before 中国 counted).
AREAS = {"national_2024": "全国", "guangdong_2024": "广东省", "shanghai_2026": "上海市"}


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _as_html_big5(text: str) -> bytes:
    paragraphs = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5">'
        f"<title>政府工作報告</title></head>\n<body>\n{paragraphs}</body></html>\n"
    )
    return page.encode("big5")


ENCODINGS = {
    "utf-8": (lambda text: text.encode("utf-8"), "utf-8", ".txt"),
    "big5": (lambda text: text.encode("big5"), "cp950", ".txt"),
    "big5-html": (_as_html_big5, "cp950", ".html"),
}


@pytest.mark.parametrize("form", ENCODINGS)
@pytest.mark.parametrize("name", PASSAGES)
def test_traditional_passages_yield_their_figures(tmp_path, name, form):
    encode, encoding, suffix = ENCODINGS[form]
    doc = read_report(_write(tmp_path, name + suffix, encode(PASSAGES[name])))
    assert doc.encoding == encoding
    assert doc.script == HANT
    check_offset_map(doc)
    figures = extract_figures(doc).figures
    for fig in figures:
        assert doc.source_text[fig.char_start : fig.char_end] == fig.quote  # verbatim Traditional
    found = {(f.quote, f.value, f.unit, f.measure, f.qualifier, f.period, f.subject) for f in figures}
    missing = [row for row in EXPECTED[name] if row not in found]
    assert missing == []
    assert doc.area == AREAS[name]
    if form == "big5-html":
        assert doc.title == "政府工作报告"  # the <title> is read in Simplified too


def test_quotes_stay_traditional_and_the_clean_text_is_simplified(tmp_path):
    doc = read_report(_write(tmp_path, "national.txt", NATIONAL_2024.encode()))
    assert "国内生产总值增长5%左右" in doc.clean_text
    assert "國內" not in doc.clean_text
    assert len(to_simplified(doc.source_text).text) == len(doc.source_text)
    quotes = {f.quote for f in extract_figures(doc).figures}
    assert {"1200萬人以上", "1.3萬億斤以上", "4.06萬億元"} <= quotes
    assert doc.source == "香港新闻网" and doc.editor == "俞丹凤"  # bylines read by the Simplified labels


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk"])
@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_traditional_twin_of_a_corpus_report_reads_the_same_figures(tmp_path, path, config):
    """OpenCC renders the report in Traditional (phrase-aware, same length); same figures, same offsets."""
    simplified = read_report(path)
    text = opencc.OpenCC(config).convert(simplified.source_text)
    twin = read_report(_write(tmp_path, path.name, text.encode("utf-8")))
    assert twin.source_text == text and twin.script == HANT
    check_offset_map(twin)

    def rows(doc):
        return [
            (f.char_start, f.char_end, f.value, f.unit, f.measure, f.qualifier, f.period, f.value_kind)
            for f in extract_figures(doc).figures
        ]

    assert rows(twin) == rows(simplified)
    assert (twin.title, twin.area, twin.year) == (simplified.title, simplified.area, simplified.year)


@pytest.mark.parametrize("config", ["s2t", "s2tw"])
@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_traditional_twin_in_gbk_or_big5_bytes_decodes_to_the_same_text(path, config):
    """Traditional text saved as GB18030/GBK (國 is in GBK, not in GB2312) or as Big5 decodes exactly."""
    text = opencc.OpenCC(config).convert(path.read_text(encoding="utf-8"))
    decoded = decode_report(text.encode("gb18030"))
    assert decoded.encoding in {"gbk", "gb18030"} and decoded.text == text
    try:
        data = text.encode("cp950")
    except UnicodeEncodeError as err:  # a character Big5 lacks (U+00A0, 礴, ‰)
        pytest.skip(f"no Big5 twin: {text[err.start]!r} is not in Big5")
    assert decode_report(data) == type(decoded)(text, "cp950")


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_simplified_reports_are_left_alone(path):
    doc = read_report(path)
    assert doc.script == HANS
    assert to_simplified(doc.clean_text).text is doc.clean_text


def test_mixed_page_converts_only_its_traditional_lines(tmp_path):
    """Simplified site furniture and a Simplified paragraph around a Traditional article.

    Decision: convert line by line. Lines whose Han characters are at least 10%
    Traditional-only are converted whole; a Simplified line keeps 乾隆 and 於 (GB2312
    characters that the table would turn into 干 and 于).
    """
    simplified_note = "编者按：乾隆年间的於姓人家与本文无关，以下为香港媒体报道原文。"
    page = (
        "<html><head><meta charset='utf-8'><title>两会快讯</title></head><body>\n"
        "<div class='nav'>首页 | 新闻 | 国内 | 财经 | 两会</div>\n"
        f"<p>{simplified_note}</p>\n"
        + "".join(f"<p>{line}</p>\n" for line in NATIONAL_2024.splitlines() if line.strip())
        + "</body></html>\n"
    )
    doc = read_report(_write(tmp_path, "mixed.html", page.encode("utf-8")))
    assert doc.script == MIXED
    assert simplified_note in doc.clean_text  # untouched, 乾 and 於 included
    assert "国内生产总值增长5%左右" in doc.clean_text
    check_offset_map(doc)
    found = {(f.quote, f.value, f.unit, f.measure, f.period) for f in extract_figures(doc).figures}
    assert ("1200萬人以上", 1200.0, "万人", "level", "2024") in found
    assert ("4.06萬億元", 4.06, "万亿元", "level", "2024") in found


def test_a_traditional_name_in_a_simplified_line_changes_only_its_traditional_only_characters():
    line = "据香港《大公報》报道，於是国內生产总值增长5%左右，乾隆年间的旧城改造完成"
    done = to_simplified(line)
    assert done.script == HANS
    assert done.text == "据香港《大公报》报道，於是国内生产总值增长5%左右，乾隆年间的旧城改造完成"


def test_hkscs_characters_decode_as_big5_hkscs():
    text = "鰂魚涌" + GUANGDONG_2024  # 鰂 is in HKSCS, not in plain Big5
    decoded = decode_report(text.encode("big5hkscs"))
    assert decoded.encoding == "big5hkscs"
    assert decoded.text == text


def test_gbk_bytes_that_also_decode_as_big5_stay_gbk():
    text = "国内生产总值增长5%左右"
    data = text.encode("gbk")
    assert data.decode("cp950") == "弊囀汜莉軞硉崝酗5%酘衵"  # valid Big5 too, as nonsense
    decoded = decode_report(data)
    assert (decoded.encoding, decoded.text) == ("gbk", text)
    assert score_common_han(data.decode("big5hkscs")) < 0.5 < score_common_han(text)


def test_truncated_big5_file_is_refused_as_cut_off(tmp_path):
    data = GUANGDONG_2024.encode("big5")[:-3] + "萬".encode("big5")[:1]
    with pytest.raises(
        ReportError, match=r"truncated multi-byte Big5 sequence at the end .*file looks cut off"
    ):
        read_report(_write(tmp_path, "cut.txt", data))
