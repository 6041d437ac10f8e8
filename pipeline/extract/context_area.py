"""Find the place names of a report once: provinces, prefecture cities, regions, 全省/全市.

Canonical form: the official name with its level suffix (福建省, 泉州市, 广西壮族自治区),
全国 for the nation, regions as listed in ``context_vocab.REGIONS`` (东部地区, 长三角地区),
and generic X市/X县/X省 kept as written. The report's own level (全省, 全市, 我市) resolves
to the report's area when its level matches, else to the nearest named place of that level.
Groups named as a whole are places too: a count or share of provinces (29个省份, 近8成省份)
is about 全国, the leading cities (GDP排名前十的城市) are the group 前十城市. A place that is
only the whole a share is taken of (聚集了广东六成的人口) is a reference, not the area.

A reference (a yardstick) is also: a place after 高出/超越 (这一数据高出上海70.24亿元), one listed
right after a yardstick (高于江苏的19.2%、广东省的18.6%), 全国 opening an honour's title
(全国文明城市), 全国/全省 a few words before 最 (全省经济增长最快的地区), and the places inside
包括…在内. Helpers here serve the resolver's other choices: ``example_list`` (places given as
examples before 等), ``names_facility`` (长沙机场, 深圳港), ``owns_value``/``place_after_de``
(X的N, N的X) and ``paragraph_topics`` (the place a news section or paragraph is about).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from pipeline.extract.context_vocab import (
    AMBIGUOUS_CITY_NAMES,
    AREA_REFERENCE_AFTER,
    AREA_REFERENCE_BEFORE,
    NOT_PLACE_CONTEXTS,
    NOT_PLACE_WORDS,
    OWN_AREA_WORDS,
    PREFECTURE_CITIES,
    PROVINCES,
    REGIONS,
)

#: Regions named in reports besides ``context_vocab.REGIONS`` (groups of provinces, city clusters).
_MORE_REGIONS: dict[str, str] = {
    "中西部地区": "中西部地区",
    "中西部": "中西部地区",
    "东北三省": "东北地区",
    "珠三角核心区": "珠三角核心区",
    "粤东西北": "粤东西北地区",
    "长株潭": "长株潭地区",
    # 广东's 一核一带一区: 珠三角核心区, 沿海经济带 (东西两翼), 北部生态发展区
    "沿海经济带": "沿海经济带",
    "北部生态发展区": "北部生态发展区",
    # 辽宁's 一圈一带两区 (with the coastal belt above)
    "沈阳都市圈": "沈阳都市圈",
    "辽西先导区": "辽西先导区",
    "辽东绿色经济区": "辽东绿色经济区",
    # the cross-province zone of 上海, 江苏 and 浙江 (示范区 for short in their reports)
    "长三角生态绿色一体化发展示范区": "长三角生态绿色一体化发展示范区",
}


def _build_names() -> dict[str, tuple[str, str]]:
    """Written name -> (canonical name, level) for every gazetteer entry."""
    names: dict[str, tuple[str, str]] = {}
    for short, full in PROVINCES.items():
        names[full] = (full, "province")
        names[short] = (full, "province")
        if full.endswith("市"):  # municipalities are cities too
            names[short + "市"] = (full, "province")
        else:
            names[short + "省"] = (full, "province")
    for cities in PREFECTURE_CITIES.values():
        for city in cities.split():
            full = city + "市"
            names[full] = (full, "city")
            if city not in AMBIGUOUS_CITY_NAMES and city not in PROVINCES:
                names[city] = (full, "city")
    for written, canonical in {**REGIONS, **_MORE_REGIONS}.items():
        names[written] = (canonical, "region")
    for written, marker in OWN_AREA_WORDS.items():
        names[written] = (marker, "own")
    return names


NAMES: dict[str, tuple[str, str]] = _build_names()

#: The province of each prefecture city (canonical -> canonical).
CITY_PROVINCE: dict[str, str] = {
    city + "市": PROVINCES[province]
    for province, cities in PREFECTURE_CITIES.items()
    for city in cities.split()
}

# Gazetteer lookup without a giant regex alternation (slow in ``re``): a charset regex finds
# the positions whose character can start a name and whose next character can follow it
# (every name has two characters or more; the look-ahead drops four candidates in five,
# in C), then a dict is probed with the name lengths possible there, longest first.
_LENGTHS: dict[str, tuple[int, ...]] = {}
for _name in NAMES:
    _LENGTHS[_name[0]] = tuple(sorted({*_LENGTHS.get(_name[0], ()), len(_name)}, reverse=True))
assert min(map(len, NAMES)) >= 2, "a one-character place name needs the look-ahead dropped"
#: Characters a place name that ``place_length`` accepts can start with.
PLACE_FIRST = frozenset(_LENGTHS).difference("全我本")


def place_length(text: str) -> int:
    """Length of the place name opening ``text`` (泉州, 福州市), or 0; own-level words (全市) excluded.

    >>> place_length("福州市固定资产投资"), place_length("全市")
    (3, 0)
    """
    lengths = _LENGTHS.get(text[:1])
    if not lengths or text[0] in "全我本":
        return 0
    for length in lengths:
        if length <= len(text) and text[:length] in NAMES:
            return length
    return 0

_STARTS = re.compile(
    "[" + "".join(sorted(_LENGTHS)) + "](?=[" + "".join(sorted({name[1] for name in NAMES})) + "])"
)
#: The first two characters of every name (all have two or more): one set probe rules out most
#: candidate positions before the dict is probed once per possible length.
_PREFIXES = frozenset(name[:2] for name in NAMES)
_match_start = re.Match.start
#: Generic X市/X县 after a delimiter: the 市/县 found first, the name checked behind it.
#: 市/县 ending an unknown place, unless it opens an office of the city itself (提请市人大常委会,
#: 办理市政协提案, 市属国企, 改造市政管网): there the characters before it are a verb, not a place.
_GENERIC_SUFFIX = re.compile(r"[市县](?![场民长委级域区属直政]|人大|人民政府)")
_DELIMS = frozenset("，。；：、 \u3000\n“（(,;:")


#: A count or share of provinces (29个省份, 近8成省份, 各省份): the group lies in the whole country.
#: Found at the rare noun (省份), then the count checked in the few characters before it.
_PROVINCE_NOUN = re.compile(r"省(?:份|区市)")
_PROVINCE_COUNT_BEFORE = re.compile(
    r"(?:[0-9]+个|[一二三四五六七八九十两]+个|[0-9一二三四五六七八九两]成|各|多个|所有)的?$"
)
#: Provinces counted after the noun (超1万亿元的省份共8个, 省份有5个): the group of the country.
_PROVINCE_COUNT_AFTER = re.compile(r"(?:共|有|达|为)[0-9一二三四五六七八九十两]")
#: Right after a figure, the provinces it counts (近8成省份, 29个省份中): about the country.
#: With 的 and a count between, a threshold of the group (超过万亿元的8个省份).
_PROVINCE_GROUP_AFTER = re.compile(
    r"(?:个)?(?:的(?:[0-9]{1,2}|[一二三四五六七八九十两]{1,3})个|的)?省(?:份|区市)"
)
#: A group of the leading cities named as a whole (前十城市, GDP排名前十的城市, 前十强城市),
#: found at its 前 (a literal: ``re`` skips ahead in C); GDP and 排名 before it are read after.
_CITY_GROUP = re.compile(r"前(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})(?:强|大|名|位)?的?城市")
_CITY_GROUP_NOISE = re.compile(r"排名|[强大名位的](?=城市)")
#: A place between a verb of holding and a share (聚集了广东六成的人口, 贡献了全国近30%): the whole
#: the share is of. With no such verb (广州近三成的增长来自…) the place is the figure's own.
_SHARE_AFTER = re.compile(
    r"(?:[近约超逾]|接近|将近)?(?:[一二三四五六七八九两0-9]成|一半|[一二三四五六七八九十]+分之|[0-9]+(?:\.[0-9]+)?[%％])"
)
#: 前 after a place opening a period (佛山前三季度, 广州前7个月), not a rank (全国前十).
_PERIOD_AFTER = re.compile(r"前(?:[一二三四1-4]季|[0-9一二三四五六七八九十两]{1,3}个?月|半年)")
#: Words ending in a reference character (于, 对, 至) that are conjunctions, not comparisons: the
#: place after them is the topic (由于上海在2020年的GDP总量为…).
_CONJUNCTIONS_BEFORE = ("由于", "关于", "对于", "至于", "鉴于", "基于")
_SHARE_VERB_BEFORE = ("了", "占", "占据", "聚集", "集聚", "集中", "贡献", "拥有", "吸纳", "创造")
#: 第一/二/三产业 after a place is an industry (安徽省第二产业增速最快), not a rank (全省第二).
_INDUSTRY_AFTER = re.compile("第[一二三]产业")
#: 最 right after 全国/全省 or a few words on in its clause (全省经济增长最快的地区): the scope.
_SUPERLATIVE_AFTER = re.compile(r"[^，,。；;：:、\n]{0,6}?最")
#: Comparison verbs of ``A高出B N``: B is the yardstick (这一数据高出上海70.24亿元 is 安徽's).
_MORE_REFERENCE_BEFORE = ("高出", "超出", "超越", "赶超", "领先")
_REFERENCE_BEFORE = AREA_REFERENCE_BEFORE + _MORE_REFERENCE_BEFORE
#: The characters the words above end (or, after a place, open) with: one set test rules out the
#: tuple of words for most places, which touch none of them.
_REFERENCE_BEFORE_LAST = frozenset(word[-1] for word in _REFERENCE_BEFORE)
_SHARE_VERB_LAST = frozenset(word[-1] for word in _SHARE_VERB_BEFORE)
_REFERENCE_AFTER_FIRST = frozenset(word[0] for word in AREA_REFERENCE_AFTER)
#: 全国 opening an honour or institution title (全国文明城市, 全国重点实验室, 全国双拥模范城): the
#: title is awarded by the nation, the count of them belongs to the place that holds them.
_NATIONAL_TITLE_AFTER = (
    "文明", "重点实验", "重点城市", "示范", "模范", "双拥", "先进", "百强", "综合实力", "禁毒",
    "卫生城", "园林城", "森林城", "优秀", "劳动模范", "道德模范", "五一", "青年文明", "创新型城市",
)  # fmt: skip
#: A place opening the name of a facility or service (长沙机场, 合肥中欧班列, 商洛电厂): in a report
#: about a wider area, the facility's figures are the report's, not the named city's.
_FACILITY_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,3}?(?:机场|科技城|科学城|科创城|创业园)"
    r"|港(?![澳资])|电厂|核电|中欧班列|班列|[南北东西]站|火车站|地铁|轨道交通|实验室"
)  # 广州白云机场, 沈阳浑南科技城, 大连英歌石科学城: a name between; 广东港澳 and 港资 are no port
#: Places that only illustrate a group (包括广州、佛山、汕头在内的14个地级市): not its area, nor a
#: later figure's in the sentence.
_EXAMPLES = re.compile(r"包括[^，,。；;：\n]{1,40}?在内")
#: A group counted, then its members in brackets (皖北6市（阜阳、蚌埠、…宿州）常住人口…, 皖南5个（…）):
#: the figure is the group's, never its last member's.
_MEMBERS_IN_BRACKETS = re.compile(
    r"(?:[0-9]{1,2}|[一二三四五六七八九十两])个?(?:城市|地市|市|县|区|省)?(（[^（）\n]{1,60}?、[^（）\n]{1,60}?）)"
)
#: Places inside 除…外 are left out of what the clause counts (河南除省会郑州外，还有10个省辖市).
_EXCEPT = re.compile(r"除了?[^，,。；;：\n]{1,16}?(?:以外|之外|外)")
#: A count closing a list of places (六省, 三地, 两市, 3个城市): the list names a group's members.
_NAMED_GROUP_AFTER = re.compile(r"(?:[一二三四五六七八九十两]|[0-9]{1,2})个?(?:省|市|城|地|区)(?![长委场政])")
_JOINERS = frozenset("、和及与")
_DEFINING = ("包括", "包含", "涵盖", "覆盖", "即", "由")
_NUMERALS = frozenset("一二三四五六七八九十两")
#: X市/X县 read as a generic place must not open with a level word (省市县联动, 市县两级).
_GENERIC_NOT_FIRST = frozenset("省市县区乡镇村各")
#: Between a yardstick and a place listed after it (高于江苏的19.2%、广东省的18.6%): the place is
#: one more yardstick of the same comparison. Only a bare list or values between (居全省第一、福州
#: starts a new item, not a yardstick).
_LIST_AFTER_REFERENCE = re.compile(r"(?:的?[0-9.]{1,8}[%％]?)?[、和及与]$")


def group_area(after: str) -> str | None:
    """Area of a figure that counts a group of provinces (近8成省份, 29个省份中): 全国.

    >>> group_area("省份都完成了"), group_area("个省份中"), group_area("的8个省份"), group_area("个城市")
    ('全国', '全国', '全国', None)
    """
    return "全国" if after[:1] in "个的省" and _PROVINCE_GROUP_AFTER.match(after) else None


class AreaMention(NamedTuple):
    """A place name in the text, its canonical form and whether it is only a reference.

    A named tuple: reports name places thousands of times, and a tuple is cheap to build.
    """

    start: int
    end: int
    name: str  # canonical, or "@province"/"@city"/"@own" for the report's own level words
    level: str  # province | city | region | own | generic
    reference: bool  # 居全国第二, 比全省平均: names a yardstick, not the figure's area


def canonical_area(name: str | None) -> str | None:
    """Canonical form of a written area name; unknown names are returned unchanged.

    >>> canonical_area("泉州"), canonical_area("福建"), canonical_area("全国"), canonical_area(None)
    ('泉州市', '福建省', '全国', None)
    """
    if not name:
        return name
    hit = NAMES.get(name)
    if hit and not hit[0].startswith("@"):
        return hit[0]
    return name


def level_of(name: str | None) -> str | None:
    """Administrative level of a canonical name: nation, province, city or None."""
    if not name:
        return None
    if name == "全国":
        return "nation"
    hit = NAMES.get(name)
    if hit and hit[1] in ("province", "city"):
        return hit[1]
    if name.endswith(("省", "自治区")):
        return "province"
    if name.endswith("市"):
        return "city"
    return None


def scan_areas(text: str) -> list[AreaMention]:
    """Every place name in ``text``, in order.

    >>> [(a.name, a.reference) for a in scan_areas("泉州市增长2.3%，高于全省平均水平，居全国第二")]
    [('泉州市', False), ('@province', True), ('全国', True)]
    >>> [a.name for a in scan_areas("北京时间1月17日，国家统计局发布")]  # a clock, not a place
    []
    """
    hits: list[tuple[int, int, str, str]] = []
    last_end = 0
    for start in map(_match_start, _STARTS.finditer(text)):
        if start < last_end or text[start : start + 2] not in _PREFIXES:
            continue  # inside the last name, or no name opens with these two characters
        for length in _LENGTHS[text[start]]:
            hit = NAMES.get(text[start : start + length])
            if hit is not None:
                if start and text.startswith(NOT_PLACE_CONTEXTS, start - 1):
                    break
                if text.startswith("北京时间", start):
                    break  # Beijing time dates a news item; it places nothing
                hits.append((start, start + length, hit[0], hit[1]))
                last_end = start + length
                break
    named_ends = {hit[1] for hit in hits}  # 汕尾海丰县: a county right after its city
    for m in _GENERIC_SUFFIX.finditer(text):
        end = m.end()
        for size in (3, 4):
            start = end - size
            if start < 0 or not (start == 0 or text[start - 1] in _DELIMS or start in named_ends):
                continue
            written = text[start:end]
            if written[0] in _GENERIC_NOT_FIRST or not _NUMERALS.isdisjoint(written[1:-1]):
                break  # 省市县联动; 厦门两市 counts the cities listed before it
            if all("\u4e00" <= ch <= "\u9fff" for ch in written) and written not in NOT_PLACE_WORDS:
                if written[-2:] not in NOT_PLACE_WORDS and written not in NAMES:
                    hits.append((start, end, written, "generic"))
                break
    if "省" in text or "城市" in text:
        _scan_groups(text, hits)
    if len(hits) > 1:
        hits.sort()
    examples = [m.span() for m in _EXAMPLES.finditer(text)] if "在内" in text else []
    if "除" in text:
        examples += [m.span() for m in _EXCEPT.finditer(text)]
    if "（" in text:
        examples += [m.span(1) for m in _MEMBERS_IN_BRACKETS.finditer(text)]
    examples.sort()
    examples.reverse()  # popped from the end, in text order
    out: list[AreaMention] = []
    prev: AreaMention | None = None
    for start, end, name, level in hits:
        while examples and examples[-1][1] <= start:
            examples.pop()
        before = text[max(0, start - 2) : start]
        after = text[end : end + 4]
        last, first = before[-1:], after[:1]  # most places touch no reference word: a set test first
        reference = (
            (
                last in _REFERENCE_BEFORE_LAST
                and before.endswith(_REFERENCE_BEFORE)
                and not before.endswith(_CONJUNCTIONS_BEFORE)
            )
            or (
                first in _REFERENCE_AFTER_FIRST
                and after.startswith(AREA_REFERENCE_AFTER)
                and not _PERIOD_AFTER.match(after)
                and not (after[:1] == "第" and _INDUSTRY_AFTER.match(after))
                and not after.startswith("平均每")  # 郑州平均每年要比武汉多增加14万人: an adverb
            )
            or (level == "own" and _SUPERLATIVE_AFTER.match(text, end) is not None)  # 全国最多的地级市,
            # 是全省经济增长最快的地区: a superlative's scope; a named place before 最 is the one that
            # leads (深圳最高，增速达到9.9%)
            or (
                last in _SHARE_VERB_LAST
                and before.endswith(_SHARE_VERB_BEFORE)
                and _SHARE_AFTER.match(_skip_own(text, end)) is not None
            )
            or (name == "全国" and after.startswith(_NATIONAL_TITLE_AFTER))
            or (bool(examples) and examples[-1][0] < start)  # 包括…在内的14个地级市, 除省会郑州外
            or (level == "own" and prev is not None and prev.reference and prev.end == start)  # 湖南全省
            or (
                prev is not None
                and prev.reference
                and start - prev.end <= 13
                and _LIST_AFTER_REFERENCE.match(text, prev.end, start) is not None
            )
        )
        prev = AreaMention(start, end, name, level, reference)
        out.append(prev)
        if text[start - 1 : start] in _JOINERS and _NAMED_GROUP_AFTER.match(text, end):
            _mark_defined_group(text, out)  # 中部地区包括山西、…、湖南六省: the region's members
    return out


def _mark_defined_group(text: str, out: list[AreaMention]) -> None:
    """Mark as references the places of a list that a count closes after 包括 (…包括山西、…湖南六省).

    The list defines a group named before it (中部地区); a figure after it is the group's, never
    its last member's. A list that is itself the subject (湖北、湖南和江西三地，十年人口增量均不足
    百万) keeps its places: the figure is theirs.
    """
    k = len(out) - 1
    while k > 0 and text[out[k - 1].end : out[k].start] in _JOINERS:
        k -= 1
    if not text.endswith(_DEFINING, 0, out[k].start):
        return
    for m in range(k, len(out)):
        out[m] = out[m]._replace(reference=True)


def _scan_groups(text: str, hits: list[tuple[int, int, str, str]]) -> None:
    """Add the groups of places named as a whole: provinces counted (全国), the leading cities.

    A figure about the group (29个省份中，近8成…; 前十城市合计占…) takes the group, not the
    last province or city named before it.
    """
    for m in _PROVINCE_NOUN.finditer(text):
        start = m.start()
        count = _PROVINCE_COUNT_BEFORE.search(text, max(0, start - 8), start)
        if count is not None:
            hits.append((count.start(), m.end(), "全国", "group"))
        elif _PROVINCE_COUNT_AFTER.match(text, m.end()):  # GDP总量超1万亿元的省份共8个
            hits.append((start, m.end(), "全国", "group"))
    for m in _CITY_GROUP.finditer(text):
        start = m.start()
        if text.endswith("排名", 0, start):
            start -= 2
        name = _CITY_GROUP_NOISE.sub("", m.group())
        if text.endswith("GDP", 0, start):
            start -= 3
            name = "GDP" + name
        hits.append((start, m.end(), name, "group"))


def _skip_own(text: str, end: int) -> str:
    """A few characters after ``end``, past a 全省/全市 that restates the place (湖南全省接近一半)."""
    if text.startswith(("全省", "全市", "全区"), end):
        end += 2
    return text[end : end + 6]


def owns_value(text: str, mention: AreaMention) -> bool:
    """True when ``X的`` before a figure makes the figure X's (仅次于湖北省的58.3%, 高于江苏的19.2%).

    Not after a verb of holding (占全国的30%): there the place is the whole of a share.
    """
    return not text[max(0, mention.start - 2) : mention.start].endswith(_SHARE_VERB_BEFORE)


def place_after_de(after: str) -> str | None:
    """The place a figure qualifies with 的 (距离10223.99亿元的湖南仅一步之遥 -> 湖南省), or None.

    >>> place_after_de("的湖南仅一步之遥"), place_after_de("的全国平均水平"), place_after_de("的增速")
    ('湖南省', None, None)
    """
    if after[:1] != "的":
        return None
    length = place_length(after[1:])
    return canonical_area(after[1 : 1 + length]) if length else None


#: Characters of a paragraph's opening read for its topic (one or two clauses).
_TOPIC_REACH = 80


def paragraph_topics(
    text: str,
    mentions: list[AreaMention],
    para_starts: list[int],
    heading_starts: set[int],
    is_topic: Callable[[str], bool],
    default: str | None,
) -> list[str | None]:
    """Per paragraph, the place a news story is about when the paragraph begins (None: none yet).

    News about several places gives each a section (海南省增速排名第二, 郑州：…); later paragraphs
    that name no place (有网友提出，58.3%的GDP增速…, 该项目…) stay on that place until another
    one opens a paragraph of the section, and a heading that opens with no place ends it. Outside
    such sections a paragraph's opening place is carried only when the page has no ``default``
    area: a page about one place that turns to another (分地区看，广东…) returns to its own
    after that paragraph. Only a paragraph's first clauses are read, once: linear in the text.
    """
    topics: list[str | None] = []
    topic: str | None = None
    placed = False
    j, n = 0, len(mentions)
    bounds = [*para_starts[1:], len(text)]
    for start, end in zip(para_starts, bounds, strict=True):
        topics.append(topic)
        while j < n and mentions[j].start < start:
            j += 1
        stop = min(end, start + _TOPIC_REACH)
        for mark in "。！？":
            at = text.find(mark, start, stop)
            if at >= 0:
                stop = at
        found = None
        k = j
        while k < n and mentions[k].start < stop:
            a = mentions[k]
            k += 1
            if a.reference or (a.level == "own" and a.name != "全国"):
                continue
            cut = max(text.rfind(ch, start, a.start) for ch in "，,；;：:")
            if is_topic(text[max(cut + 1, start) : a.start]):
                found = a.name
                break
        if start in heading_starts:
            topic, placed = found, found is not None
        elif found is not None and (placed or not default):
            topic = found
    return topics


def nearest_of_level(mentions: list[AreaMention], i: int, want: str, floor: int) -> str | None:
    """The nearest place of level ``want`` named before mention ``i`` and not before ``floor``.

    News about several cities says 全市 of the city it is on (武汉全市, 《郑州市…》提出，到2022年全市…),
    not of the page's own area; a yardstick (与北京相比) is not that city.
    """
    j = i - 1
    while j >= 0 and mentions[j].start >= floor:
        b = mentions[j]
        if not b.reference and (
            b.level == want or (want == "city" and b.level == "province" and b.name.endswith("市"))
        ):
            return b.name
        j -= 1
    return None


def names_facility(text: str, end: int) -> bool:
    """True when the place ending at ``end`` opens a facility's name (长沙机场旅客年吞吐量).

    >>> names_facility("长沙机场", 2), names_facility("大连英歌石科学城", 2), names_facility("长沙GDP", 2)
    (True, True, False)
    """
    return _FACILITY_AFTER.match(text, end) is not None


#: After 等, a group the listed places belong to (等地, 等9市, 等4个国家骨干冷链物流基地), or the figure.
_EXAMPLE_GROUP = re.compile(r"等(?:地(?!方)|城市|地区|省份|[0-9一二三四五六七八九十两]{1,3}[个座市地省县])")
_CLAUSE_STOPS = "，,；;：:。！？\n"
_CLAUSE_STOP = re.compile("[" + _CLAUSE_STOPS + "]")


def example_list(window: str, pos: int, *, items: bool = False) -> tuple[int, int, bool] | None:
    """Span of a list of places given as examples in the figure's clause, and whether whole items.

    宝鸡、延安等4个国家骨干冷链物流基地 and 汕头、湛江等地海上风电装机达到790万千瓦 count a group
    the places only illustrate: they are not its area. ``window`` ends at ``pos``. The caller
    skips only places written right beside 、 or 等, the list's items (福州新建学校、医院等50个
    stays 福州's). With ``items`` (a report), a count right after a list whose every item opens
    with a place (沈阳化工新材料、盘锦精细化工2个平台) counts the items: the places open their
    names (the third value is True, and the caller skips the places that open an item).

    >>> example_list("加快宝鸡、延安等", 100), example_list("汕头、湛江等地海上风电装机达到", 30)
    ((92, 99, False), (15, 20, False))
    >>> example_list("运行。沈阳化工新材料、盘锦精细化工", 40, items=True)
    (26, 40, True)
    >>> example_list("同比增长", 9), example_list("福州等城市，增长", 9)
    (None, None)
    >>> example_list("福州新建学校、医院", 9, items=True) is None
    True
    """
    k = window.rfind("等")
    if k < 0 and items and "、" in window:
        start = max(window.rfind(ch) for ch in _CLAUSE_STOPS) + 1
        parts = window[start:].split("、")
        if len(parts) > 1 and all(place_length(part) for part in parts):
            return pos - len(window) + start, pos, True
        return None
    if k < 0 or (k != len(window) - 1 and not _EXAMPLE_GROUP.match(window, k)):
        return None
    if _CLAUSE_STOP.search(window, k) is not None:
        return None
    start = max(window.rfind(ch, 0, k) for ch in _CLAUSE_STOPS) + 1
    if "、" not in window[start:k] and not place_length(window[max(start, k - 4) : k]):
        return None
    offset = pos - len(window)
    return offset + start, offset + k, False


#: A count of things (2个平台, 3家, 14座): what a list of names before it can be counted by.
_COUNT_AT = re.compile(r"(?:[0-9]{1,3}|[一二三四五六七八九十两]{1,3})[个家座项条所处批]")


def count_at(text: str, pos: int) -> bool:
    """True when a small count starts at ``pos`` (2个平台): a list right before it is what it counts.

    >>> count_at("2个平台获评", 0), count_at("8%", 0)
    (True, False)
    """
    return _COUNT_AT.match(text, pos) is not None


def is_list_item(text: str, mention: AreaMention, span: tuple[int, int, bool]) -> bool:
    """True when a place in ``span`` stands as an item of a list (宝鸡、延安等), not as a subject."""
    if not span[0] <= mention.start < span[1]:
        return False
    before = text[mention.start - 1 : mention.start]
    if span[2]:  # whole items: the place opens one (沈阳化工新材料、盘锦精细化工2个平台)
        return mention.start == span[0] or before == "、"
    return text[mention.end : mention.end + 1] in ("、", "等") or before == "、"


def next_subject(mentions: list[AreaMention], j: int, stop: int) -> str | None:
    """The first place from mention ``j`` on that is no yardstick and starts before ``stop``.

    News that opens a sentence with a figure names its place after it (1260万常住人口，不仅使郑州
    一举反超南阳、周口; 从垫底的3.63万元到跨过10万元门槛，用“逆袭”来形容合肥也不为过). A 我国
    or 全市 met first leaves the page's own area (二季度0.4%的正增长…，我国经济…，上海等多地…).
    """
    while j < len(mentions) and mentions[j].start < stop:
        a = mentions[j]
        if not a.reference:
            return None if a.level == "own" else a.name
        j += 1
    return None


def title_city(title: str, is_topic: Callable[[str], bool]) -> str | None:
    """The city a news title opens on (杭州今年GDP能破2万亿吗 -> 杭州市), or None.

    Only a city that is the title's first place and its subject: 广东GDP十强进阶：广深… opens
    on a province, 中部省会竞逐…，长沙未来五年… names its city in passing after a group.
    """
    for a in scan_areas(title):
        if a.level != "city" or a.reference:
            return None
        cut = max(title.rfind(ch, 0, a.start) for ch in "，,：:")
        return a.name if is_topic(title[cut + 1 : a.start]) else None
    return None


#: After a rank, the kind of member ranked (第三的城市, 第一的省份): the places before are the scope.
_MEMBER_AFTER = re.compile(r"[位名]?的(?:城市|省份|地级市|省会城市|省会|副省级城市|地区)")


def ranks_member(after: str) -> bool:
    """True when a rank is said of a member of the place before it (长三角…排名第三的城市).

    >>> ranks_member("的城市，杭州今年"), ranks_member("，较2019年上升")
    (True, False)
    """
    return _MEMBER_AFTER.match(after) is not None


def place_run(text: str, mentions: list[AreaMention], hi: int, floor: int, size: int) -> list[str] | None:
    """The last list of exactly ``size`` places joined by 、/和 among ``mentions[:hi]`` from ``floor``.

    A 分别 list of figures may distribute over places named in an earlier clause of its sentence
    (北京、广州等一线城市成交均冲高回落，环比降幅分别高达41%和60%).
    """
    j = hi - 1
    while j >= 0 and mentions[j].start >= floor:
        k = j
        while k > 0 and mentions[k - 1].start >= floor:
            if text[mentions[k - 1].end : mentions[k].start] not in _JOINERS:
                break
            k -= 1
        run = mentions[k : j + 1]
        if len(run) == size and all(m.level != "own" for m in run):
            return [m.name for m in run]
        j = k - 1
    return None
