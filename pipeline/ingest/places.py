"""Place names: the province-level gazetteer and a generic pattern for local names.

Only the 34 province-level divisions are listed; cities, counties and districts are
found with the generic ``X市/X县/X区/X州`` pattern and confirmed by how often their bare
stem occurs in the text, so any city works without a per-city list.
"""

from __future__ import annotations

import re
from collections import Counter

#: Full name -> short name of the province-level divisions.
PROVINCES: dict[str, str] = {
    "北京市": "北京",
    "天津市": "天津",
    "河北省": "河北",
    "山西省": "山西",
    "内蒙古自治区": "内蒙古",
    "辽宁省": "辽宁",
    "吉林省": "吉林",
    "黑龙江省": "黑龙江",
    "上海市": "上海",
    "江苏省": "江苏",
    "浙江省": "浙江",
    "安徽省": "安徽",
    "福建省": "福建",
    "江西省": "江西",
    "山东省": "山东",
    "河南省": "河南",
    "湖北省": "湖北",
    "湖南省": "湖南",
    "广东省": "广东",
    "广西壮族自治区": "广西",
    "海南省": "海南",
    "重庆市": "重庆",
    "四川省": "四川",
    "贵州省": "贵州",
    "云南省": "云南",
    "西藏自治区": "西藏",
    "陕西省": "陕西",
    "甘肃省": "甘肃",
    "青海省": "青海",
    "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆",
    "台湾省": "台湾",
    "香港特别行政区": "香港",
    "澳门特别行政区": "澳门",
}
_SHORT_TO_FULL = {short: full for full, short in PROVINCES.items()}

#: The area value for reports about the whole country.
NATIONAL = "全国"
#: Names that mark a national report (its issuer or subject).
NATIONAL_MARKERS: tuple[str, ...] = ("中华人民共和国", "国务院", "国家统计局", "全国人民代表大会", "全国")

_CJK = "\u4e00-\u9fff"
_PROVINCE_RE = re.compile(
    "|".join(sorted(map(re.escape, [*PROVINCES, *_SHORT_TO_FULL]), key=len, reverse=True))
)
# X市/X县 in running text (not 市场), and X市/X县/X区 in front of a government body.
_LOCAL_RE = re.compile(f"(?=([{_CJK}]{{2,3}})(市|县)(?!场|域|值|民化|级|长))")
_LOCAL_GOV_RE = re.compile(f"(?=([{_CJK}]{{2,3}})(市|县|区|州)(?:人民政府|政府|人民代表大会|人大|委员会|委))")
# Characters that do not start or end a place stem (全市, 我市, 该县, 各地区...).
_NOT_STEM = re.compile("[全我本该各每其此省地在的了是对与及等个区市县年月日多]")
# Last characters of words that merely precede 市 or 县 (城市, 上市, 期内市场, 我代表县人民政府,
# 各位县政协委员, 人民政府县长...).
_NOT_STEM_END = re.compile("[城上内型表府位]")
#: The body a report is delivered to: 在沅陵县第十七届人民代表大会第三次会议上.
_CONGRESS_RE = re.compile("(?:省|市|县|区|州|盟|旗)第[一二三四五六七八九十]+届人民代表大会")
_CONGRESS_STEM_MAX = 12


def parse_province(text: str) -> str | None:
    """The full name of the first province-level name in ``text``.

    >>> parse_province("2026年福建省政府工作报告")
    '福建省'
    >>> parse_province("福建最新GDP排名出炉")
    '福建省'
    """
    match = _PROVINCE_RE.search(text)
    if not match:
        return None
    return _SHORT_TO_FULL.get(match.group(), match.group())


def _stems(match: re.Match[str]) -> list[str]:
    stem = match.group(1)
    options = [stem, stem[1:]] if len(stem) == 3 else [stem]
    return [
        s
        for s in options
        if not (_NOT_STEM.match(s[0]) or _NOT_STEM.match(s[-1]) or _NOT_STEM_END.match(s[-1]))
    ]


def extract_local_names(text: str) -> dict[str, str]:
    """Local place names of ``text``: bare stem -> its suffixed form.

    A stem needs its suffixed form (泉州市) once and the bare stem at least three times;
    of overlapping splits ("出台泉州市": 台泉州 or 泉州) the more frequent one wins.

    >>> extract_local_names("泉州市今年增长。泉州的工业。泉州港。")
    {'泉州': '泉州市'}
    """
    forms: Counter[tuple[str, str]] = Counter()
    for match in _LOCAL_RE.finditer(text):
        for stem in _stems(match):
            forms[stem, match.group(2)] += 1
    best: dict[str, tuple[int, str]] = {}
    for (stem, suffix), n in forms.items():
        if text.count(stem) >= 3 and (stem not in best or n > best[stem][0]):
            best[stem] = (n, stem + suffix)
    counts = {stem: text.count(stem) for stem in best}
    kept = {}
    for stem, (_, full) in best.items():
        rivals = [other for other in best if other != stem and (other in stem or stem in other)]
        if any(
            counts[o] > counts[stem] or (counts[o] == counts[stem] and len(o) > len(stem)) for o in rivals
        ):
            continue
        kept[stem] = full
    return kept


def parse_local_government(text: str, whole_text: str) -> str | None:
    """The first "X市/X县/X区 + government body" name in ``text`` ("泉州市人民政府" -> 泉州市).

    >>> parse_local_government("泉州市人民政府市长 张三", "泉州市")
    '泉州市'
    """
    for match in _LOCAL_GOV_RE.finditer(text):
        stems = _stems(match)
        if stems:
            stem = max(stems, key=lambda s: (whole_text.count(s), len(s)))
            return stem + match.group(2)
    return None


def parse_congress_area(text: str) -> str | None:
    """The area whose people's congress hears the report, from a delivery line or a title.

    Reports name it at the top (——2018年12月25日在沅陵县第十七届人民代表大会第三次会议上),
    whatever the page around them says; the national congress is 第N届全国人民代表大会.

    >>> parse_congress_area("——2018年12月25日在沅陵县第十七届人民代表大会第三次会议上")
    '沅陵县'
    >>> parse_congress_area("在恩施土家族苗族自治州第八届人民代表大会第五次会议上")
    '恩施土家族苗族自治州'
    >>> parse_congress_area("2026年1月在福建省第十四届人民代表大会第五次会议上")
    '福建省'
    >>> parse_congress_area("在第十三届全国人民代表大会第三次会议上") is None  # see NATIONAL_MARKERS
    True
    """
    match = _CONGRESS_RE.search(text)
    if match is None:
        return None
    end = match.start() + 1
    start = end - 1
    while start > 0 and end - start < _CONGRESS_STEM_MAX and "\u4e00" <= text[start - 1] <= "\u9fff":
        if text[start - 1] in "在日于":
            break
        start -= 1
    name = text[start:end]
    return name if len(name) >= 3 else None


def parse_area_in(text: str, local_names: dict[str, str]) -> str | None:
    """The area named first in a short text (a title, an office, a channel name).

    >>> parse_area_in("透过《政府工作报告》看泉州砥砺前行", {"泉州": "泉州市"})
    '泉州市'
    >>> parse_area_in("福建最新GDP排名出炉：泉州总量最大", {"泉州": "泉州市"})
    '福建省'
    >>> parse_area_in("国务院总理", {})
    '全国'
    """
    found: list[tuple[int, int, str]] = []
    for marker in NATIONAL_MARKERS:
        pos = text.find(marker)
        if pos >= 0:
            found.append((pos, -len(marker), NATIONAL))
    match = _PROVINCE_RE.search(text)
    if match:
        found.append((match.start(), -len(match.group()), _SHORT_TO_FULL.get(match.group(), match.group())))
    for stem, full in local_names.items():
        pos = text.find(stem)
        if pos >= 0:
            found.append((pos, -len(stem), full))
    return min(found)[2] if found else None


#: How a province's or a city's report names its own area.
_LOCAL_SELF = ("全省", "我省", "全区", "我区", "全疆", "全市", "我市", "全州", "我州", "全县", "我县")


def parse_most_frequent_area(text: str, local_names: dict[str, str]) -> str | None:
    """The province or local name mentioned most often in ``text`` (a last resort).

    >>> text = "全省新增绿化面积35万亩，云南空气质量稳居全国前列。"
    >>> text += "我省、云南、云南、全国第一、全国首家、全国平均"
    >>> parse_most_frequent_area(text, {}), parse_most_frequent_area(text.replace("省", ""), {})
    ('云南省', '全国')
    """
    counts: Counter[str] = Counter()
    for match in _PROVINCE_RE.finditer(text):
        counts[_SHORT_TO_FULL.get(match.group(), match.group())] += 1
    for stem, full in local_names.items():
        if text.count(full) >= 3:
            counts[full] += text.count(stem)
    if not counts or sum(map(text.count, _LOCAL_SELF)) < 2:
        # a province's or city's report says 全省/我市 of itself and 全国 only as a yardstick
        # (居全国第N位, 全国前列)
        counts[NATIONAL] = text.count("全国") + text.count("我国") + text.count("中国")
    if not counts:
        return None
    ((area, n),) = counts.most_common(1)
    return area if n >= 3 else None
