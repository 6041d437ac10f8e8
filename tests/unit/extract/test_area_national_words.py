"""Words for the nation other than 全国 and 我国 (real sentence: 新浪财经, 2022-01-05, on 东莞).

中国内地 (the mainland, without Hong Kong and Macao) is the nation, not the page's own city.
"""

from __future__ import annotations

from tests.unit.extract.conftest import figures_by_quote

PAGE = """---
title: '东莞加入GDP万亿俱乐部 广东万亿城市追平江苏'
date: Wed, 05 Jan 2022 08:00:00 GMT
---
此次GDP突破万亿大关后，东莞也成为广东第四个突破GDP过万亿的城市。
东莞GDP突破万亿大关后，中国内地GDP万亿俱乐部城市增至24个，分别是上海、北京、深圳、广州和东莞。
"""


def test_the_mainland_is_the_nation(tmp_path):
    found = figures_by_quote(tmp_path, PAGE, "dongguan.md")
    assert found["24个"].area == "全国"
