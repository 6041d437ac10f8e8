"""Find the place names of a report once: provinces, prefecture cities, regions, 全省/全市.

Canonical form: the official name with its level suffix (福建省, 泉州市, 广西壮族自治区),
全国 for the nation, regions as listed in ``context_vocab.REGIONS`` (东部地区, 长三角地区),
and generic X市/X县/X省 kept as written. The report's own level (全省, 全市, 我市) resolves
to the report's area when its level matches, else to the nearest named place of that level.
"""

from __future__ import annotations

import re
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
    for written, canonical in REGIONS.items():
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
_STARTS = re.compile(
    "[" + "".join(sorted(_LENGTHS)) + "](?=[" + "".join(sorted({name[1] for name in NAMES})) + "])"
)
#: The first two characters of every name (all have two or more): one set probe rules out most
#: candidate positions before the dict is probed once per possible length.
_PREFIXES = frozenset(name[:2] for name in NAMES)
_match_start = re.Match.start
#: Generic X市/X县 after a delimiter: the 市/县 found first, the name checked behind it.
_GENERIC_SUFFIX = re.compile(r"[市县](?![场民长委级域区])")
_DELIMS = frozenset("，。；：、 \u3000\n“（(,;:")


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
                hits.append((start, start + length, hit[0], hit[1]))
                last_end = start + length
                break
    for m in _GENERIC_SUFFIX.finditer(text):
        end = m.end()
        for size in (3, 4):
            start = end - size
            if start < 0 or not (start == 0 or text[start - 1] in _DELIMS):
                continue
            written = text[start:end]
            if all("\u4e00" <= ch <= "\u9fff" for ch in written) and written not in NOT_PLACE_WORDS:
                if written[-2:] not in NOT_PLACE_WORDS and written not in NAMES:
                    hits.append((start, end, written, "generic"))
                break
    if len(hits) > 1:
        hits.sort()
    out: list[AreaMention] = []
    for start, end, name, level in hits:
        before = text[max(0, start - 2) : start]
        after = text[end : end + 2]
        reference = before.endswith(AREA_REFERENCE_BEFORE) or after.startswith(AREA_REFERENCE_AFTER)
        out.append(AreaMention(start, end, name, level, reference))
    return out
