"""Clean text: furniture removed, article kept, and an exact map back into the source."""

import html
import re

from pipeline.ingest import read_report

from .conftest import GWR_NATIONAL, NEWS, SEED, check_offset_map


def _lines(text: str) -> list[str]:
    """Non-blank lines with whitespace runs (incl. U+00A0, U+3000) made single spaces."""
    return [" ".join(line.split()) for line in text.split("\n") if line.split()]


def test_offset_map_round_trips_on_every_report(report_path):
    doc = read_report(report_path)
    check_offset_map(doc)
    for quote in re.findall(r"\d+(?:\.\d+)?(?:亿元|万元|%)", doc.clean_text):
        start = doc.clean_text.index(quote)
        s, e = doc.source_span(start, start + len(quote))
        assert doc.source_text[s:e] == quote


def test_seed_furniture_is_gone_and_every_article_line_remains():
    doc = read_report(SEED)
    source_lines = _lines(doc.source_text)
    clean_lines = _lines(doc.clean_text)
    removed = [line for line in source_lines if line not in clean_lines]
    assert removed == [
        "直通屏山| 视频| 福建| 时评| 台海| 娱乐| 体育| 国内| 国际| 专题| 网事| "
        "福州| 厦门| 莆田| 泉州| 漳州| 龙岩| 宁德| 南平| 三明",
        "您所在的位置:东南网 > 东南网泉州频道 > 泉州时政 > 泉州要闻 > 正文",
        "2021-01-17 09:55:20 蔡紫旻 陈凌鹭 来源:泉州晚报 责任编辑:王娇榕 我来说两句",
        "分享到:",
        "1 2 3 4",
        "分享到:",
        "相关新闻",
        "相关评论",
        "点击排行",
    ]
    assert [line for line in clean_lines if line in source_lines] == clean_lines  # nothing invented
    assert clean_lines[0] == "透过《政府工作报告》看泉州砥砺前行"


def test_fujian_page_tools_are_gone():
    doc = read_report(GWR_NATIONAL.with_name("gwr_fujian_2026.txt"))
    first = _lines(doc.clean_text)[:3]
    assert first == [
        "2026年福建省政府工作报告",
        "——2026年1月27日在福建省第十四届人民代表大会第四次会议上",
        "福建省人民政府省长 赵龙",
    ]
    clean_lines = _lines(doc.clean_text)
    for line in (
        "下载",
        "打印",
        "全屏",
        "收藏",
        "【字号：",
        "】",
        "来源：福建日报",
        "时间：2026-02-06",
        "相关报道：",
    ):
        assert line in _lines(doc.source_text)
        assert line not in clean_lines


def test_news_markup_and_front_matter_are_gone():
    doc = read_report(NEWS)
    text = doc.clean_text
    for residue in ("<", ">", "---", "&#", "cms-style", "title:", "headimg", "appendQr", "{", "新浪财经APP"):
        assert residue not in text, residue
    assert "责任编辑" not in text and "原标题" not in text
    paragraphs = re.findall(r'<p cms-style="font-L">　　([^<]*)</p>', doc.source_text)
    assert paragraphs[-1].startswith("原标题：")  # a byline line: kept out of the article text
    paragraphs = paragraphs[:-1]
    assert len(paragraphs) > 15
    clean_lines = _lines(text)
    for paragraph in paragraphs:
        assert paragraph in clean_lines
    check_offset_map(doc)


# --- an HTML page built around a real corpus text -------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>政府工作报告（文字实录）_中国政府网</title>
<meta property="og:site_name" content="中国政府网">
<meta name="publishdate" content="2020-05-22">
<script>var nav = "<p>脚本里的文字</p>"; if (a < b && c > d) {{ track(); }}</script>
<style>.share{{color:#333}} p{{margin:0}}</style>
</head>
<body>
<div class="header"><ul class="menu">
<li><a href="/">首页</a></li>
<li><a href="/zhengce/">政策</a></li>
<li><a href="/hudong/">互动</a></li>
<li><a href="/fuwu/">服务</a></li>
<li><a href="/shuju/">数据</a></li>
</ul></div>
<nav><a href="/">国务院</a> | <a href="/zongli/">总理</a> | <a href="/xinwen/">新闻</a></nav>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xinwen/">新闻</a> &gt; 正文</div>
<!-- 正文开始 -->
<article>
<h1>{title}</h1>
<div class="info">2020-05-22 10:30 来源：中国政府网</div>
<div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
{body}
</article>
<div class="pages"><a>上一页</a> <a>1</a> <a>2</a> <a>下一页</a></div>
<div class="related"><h3>相关新闻</h3><ul>
<li><a href="/1">总理在政府工作报告中提到的这些数字</a></li>
<li><a href="/2">图解政府工作报告</a></li>
</ul></div>
<footer>版权所有：中国政府网 | 京ICP备05070218号</footer>
</body>
</html>
"""


def _html_twin(tmp_path):
    plain = read_report(GWR_NATIONAL)
    paragraphs = _lines(GWR_NATIONAL.read_text(encoding="utf-8"))
    title, body = paragraphs[0], paragraphs[1:]
    headings = {s.title for s in plain.sections if s.level == 1}
    blocks = []
    for paragraph in body:
        escaped = html.escape(paragraph, quote=False).replace("“", "&ldquo;", 1)
        tag = "h2" if paragraph in headings else "p"
        blocks.append(f"<{tag}>&nbsp;&nbsp;{escaped}</{tag}>" if tag == "p" else f"<h2>{escaped}</h2>")
    path = tmp_path / "gwr_national_2020.html"
    path.write_text(PAGE.format(title=title, body="\n".join(blocks)), encoding="utf-8")
    return plain, read_report(path)


def test_html_page_reads_like_the_plain_text(tmp_path):
    plain, doc = _html_twin(tmp_path)
    check_offset_map(doc)
    assert _lines(doc.clean_text) == _lines(plain.clean_text)
    for furniture in (
        "脚本里的文字",
        "track",
        "margin",
        "首页",
        "QQ空间",
        "上一页",
        "相关新闻",
        "图解",
        "版权所有",
        "正文开始",
    ):
        assert furniture not in doc.clean_text, furniture
    assert doc.title == "政府工作报告（文字实录）"
    assert doc.site == "中国政府网"
    assert doc.source == "中国政府网"
    assert doc.published_at == "2020-05-22T10:30+08:00"
    assert doc.area == "全国"
    assert [s.title for s in doc.sections if s.level == 1] == [
        s.title for s in plain.sections if s.level == 1
    ]


def test_html_entities_map_to_the_entity_start(tmp_path):
    _, doc = _html_twin(tmp_path)
    assert "&ldquo;" in doc.source_text and "&nbsp;" in doc.source_text
    entity_chars = [
        i for i, ch in enumerate(doc.clean_text) if doc.source_text[doc.clean_to_source[i]] == "&"
    ]
    assert entity_chars, "no character came from an entity"
    for i in entity_chars:
        start = doc.clean_to_source[i]
        entity = doc.source_text[start : doc.source_text.index(";", start) + 1]
        assert html.unescape(entity) == doc.clean_text[i]


def test_word_namespaced_tags_are_markup():
    """A page pasted from Word (dev html_national_gwr_2019_shaoxingyizhong) wraps every line in
    Office tags (<o:p></o:p>): left in the text they would hide the speaker line 国务院总理 李克强
    and with it the report's area."""
    from pathlib import Path

    dev_extra = Path(__file__).resolve().parents[2] / "fixtures" / "dev_extra"
    page = dev_extra / "html_national_gwr_2019_shaoxingyizhong.html"
    doc = read_report(page)
    check_offset_map(doc)
    assert "<o:p>" in doc.source_text
    assert "<o:p>" not in doc.clean_text and "</o:p>" not in doc.clean_text
    assert "国务院总理  李克强\n" in doc.clean_text
    assert doc.area == "全国"
