"""Written units: find the unit word after a number and look up its base unit.

The tables live in ``schemas.vocab`` (``UNITS``, ``MAGNITUDES``, ``RATE_DENOMINATORS``) so
that the schema, the data dictionary and this matcher read the same lists.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from pipeline.extract.anchored import word_alternation
from schemas.vocab import RATE_DENOMINATORS, UNITS

#: A unit word, optionally a rate such as 元/人 or 部/百人 (the denominator is kept in the unit).
#: The longest word written at the number wins; the words are a trie (``word_alternation``), read
#: once per number, so ``re`` does not try each of the hundred words in turn.
_WORDS = word_alternation(UNITS)
_DENOMS = word_alternation(RATE_DENOMINATORS)
UNIT_RE = re.compile(rf"(?P<word>{_WORDS})(?:[/／](?P<per>{_DENOMS}))?")


class Unit(NamedTuple):
    """A unit word as written, with the base unit and factor its values convert to.

    One is built per unit word when the module loads (the matcher returns it with the
    end offset of the match, so no record is built per number).
    """

    text: str
    base_unit: str
    factor: Decimal


#: Each unit word's record, with the factor parsed once rather than per number.
_UNITS: dict[str, Unit] = {
    word: Unit(word.replace("％", "%"), base, Decimal(factor)) for word, (base, factor) in UNITS.items()
}

#: A unit word followed by one of these characters is the head of a noun (14亿人口, 1万家庭).
_NOUN_AFTER: dict[str, str] = {
    "人": "口民员才类大均", "名": "单称义额", "家": "庭乡长属", "个": "人体性", "位": "于置列居",
    "所": "有以在属", "处": "理置于", "部": "门分署", "台": "湾风阶", "件": "事", "条": "件例款",
    "次": "要数", "座": "谈", "列": "车入为举出席", "类": "似型别",
    "方": "面式案向法位针便阵舱言正", "头": "部", "项": "目", "户": "籍口", "场": "景所",
    "集": "团中群聚成约",
    "组": "织建成合", "对": "接外于标口比象话", "单": "位项独一元", "例": "如外行", "批": "准复示发",
    "PF": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "P": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
}

_unit_at = UNIT_RE.match


def match_unit(text: str, pos: int) -> tuple[Unit, int] | None:
    """The unit written at ``text[pos:]`` and the offset where it ends, if any.

    >>> match_unit("6.8亿千瓦，增长", 4)
    (Unit(text='千瓦', base_unit='kw', factor=Decimal('1')), 6)
    >>> match_unit("173898元/人", 6)[0].base_unit
    'yuan_per_person'
    >>> match_unit("127.1部/百人", 5)[0].text
    '部/百人'
    >>> match_unit("31.3微克/立方米", 4)[0][:2]
    ('微克/立方米', 'microgram_per_m3')
    >>> match_unit("12345热线", 5) is None
    True
    >>> match_unit("14亿人口", 3) is None
    True
    """
    m = _unit_at(text, pos)
    if m is None:
        return None
    end = m.end()
    if m.lastindex == 1:  # no /denominator: nearly every unit
        word = m.group(1)
        follower = _NOUN_AFTER.get(word)
        if follower is not None and end < len(text) and text[end] in follower:
            return None
        return _UNITS[word], end
    word, per = m.group(1, 2)
    follower = _NOUN_AFTER.get(word)
    if follower is not None and end < len(text) and text[end] in follower:
        return None
    unit = _UNITS[word]
    if unit.base_unit == "yuan" and per == "人":
        base = "yuan_per_person"
    elif per == "百人":
        base = "per_100_people"
    elif unit.base_unit == "microgram" and per == "立方米":
        base = "microgram_per_m3"
    else:
        base = "ratio"
    return Unit(f"{unit.text}/{per}", base, unit.factor), end


_IMPLIED_BASE = (
    (re.compile(r"人口|人数|人员|就业|劳动力|游客|旅客|学生|患者|职工|农民工|贫困|群众|居民|扩招"), "person"),
    (re.compile(r"户"), "household"),
    (re.compile(r"值|额|收入|投资|资金|规模|税|费|消费|支出|利润|成本|预算|贷款|存款|融资|债"), "yuan"),
)


def infer_base_unit(window: str) -> str:
    """Base unit of a number written with a magnitude but no unit word (减少1109万).

    Read from the nouns before it; ``count`` when nothing tells.

    >>> infer_base_unit("农村贫困人口减少"), infer_base_unit("全市生产总值预计突破")
    ('person', 'yuan')
    """
    for pattern, base in _IMPLIED_BASE:
        if pattern.search(window):
            return base
    return "count"
