"""Rows that belong together: ranges, from/to changes and lists sharing one predicate.

Works on the ordered token list in one pass, looking only at the text between two
neighbouring tokens (bounded), so it adds no rescans of the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.extract.grammar import Token
from pipeline.extract.measures import (
    classify_growth_basis,
    classify_pp_sign,
    clause_window,
    is_comparison_pp,
    last_keyword,
)

_RANGE_SEP = re.compile(r"\s*[-－—~～–]{1,2}\s*$|\s*[至到]\s*$")
_DASH_ONLY = re.compile(r"\s*[-－—~～–]{1,2}\s*$")
_TIGHT_LIST = re.compile(r"\s*(?:[、和及与]|以及)\s*$")
#: What the two patterns above can open on besides a space (``\s``, which ``str.isspace`` tests).
_RANGE_FIRST = "-－—~～–至到"
_TIGHT_FIRST = "、和及与以"
_LOOSE_LIST = re.compile(r"[、和及与][^，。；：,;:！？\n]{0,20}$")
#: A word announcing one value per item of a list (A、B分别回落2.16和1.66个百分点).
_LIST_OPENER = re.compile(r"分别|依次")
# 从/由, an optional start year (从2013年的1.76), then words without digits up to the start value
_FROM = re.compile(r"(?:从|由)(?!于|而|事|严|源|此|中)(?:\d{4}年)?[^0-9０-９，。；]*$")
# the verb ending in 到/至 may follow a comma after the start value (从上半年的13.0%，下跌至9.90%),
# and a year may date the end (增长到2025年的4.93万亿元); 转为 ends a change of sign
_TO = re.compile(
    r"^[，,]?[^，。；0-9０-９]{0,14}?(?:到|至|跃居|转为)(?:\d{4}年(?:末|底)?)?[^，。；,;0-9０-９]{0,8}$"
)
#: The words that end a written change (由X提高到Y, 由下降5.0%转为增长21.5%).
_TO_WORDS = ("到", "至", "跃居", "转为")
#: Between two values of a list of owners (江苏的19.2%、广东省的18.6%).
_OWNER_LIST = re.compile(r"[、和及与][^，。；、\d%％]{1,8}的$")
_MAX_GAP = 40
_MINUS_CHARS = "-－−"
#: The skip reason of a year read as a date (see grammar): it may sit inside a change (增长到2025年的…).
_DATED = "date or period phrase"
_RATE_BASES = frozenset(("percentage_point", "percent"))
_GROWTH_VERB = re.compile(r"(?:增长|上升|提高|回升)$")


def link_tokens(text: str, tokens: Sequence[Token]) -> list[tuple[int, int] | None]:
    """Set link ids, range qualifiers, from/to measures and list inheritance in place.

    Returns, for each token, its ``(index, size)`` in a list sharing one predicate, or
    None (the ``group`` argument of the context resolver).
    """
    next_link = 1
    groups: list[tuple[int, int] | None] = [None] * len(tokens)
    run: list[int] = []
    _share_units_back(text, tokens)
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if b.q_start - a.q_end > _MAX_GAP or b.q_start < a.q_end:
            _close_group(run, groups)
            run = []
            continue
        between = text[a.q_end : b.q_start]
        if _is_range(text, a, b, between):
            if b.unit == "岁":
                # 0-14岁, 15-59岁: an age band names a group of people, it states no figure
                a.skip = b.skip = "age band"
                continue
            link = f"L{next_link}"
            next_link += 1
            if a.unit is None and a.bare:
                a.unit, a.base_unit, a.factor, a.mult = b.unit, b.base_unit, b.factor, b.mult
                a.skip, a.bare = None, False
            a.measure, a.growth_basis = b.measure, b.growth_basis
            if not a.own_sign:
                a.sign = b.sign
            a.qualifier, b.qualifier = "at_least", "at_most"
            a.link_id = b.link_id = link
            continue
        # read up to three times below: matched once, and only when the text between opens on a
        # joiner or a space (the pattern's first characters; most neighbours are words apart)
        first = between[:1]
        tight = (
            bool(first)
            and (first in _TIGHT_FIRST or first.isspace())
            and _TIGHT_LIST.match(between) is not None
        )
        if a.bare and not b.skip and tight:
            if _LIST_OPENER.search(clause_window(text, a.q_start, 16)):
                _share_list_unit(text, a, b)  # 分别回落2.16和1.66个百分点: one unit, written at the end
            elif b.base_unit in _RATE_BASES and not b.mult and a.value < 100:
                # 高于全省22.7和28.8个百分点: a rate's unit is written once, after the last item;
                # the first keeps no written unit of its own
                _share_list_unit(text, a, b)
                a.unit = None
                if b.base_unit == "percentage_point" and is_comparison_pp(text, a.q_start):
                    a.growth_basis = b.growth_basis = None  # a gap against another area, not a change
        if a.skip or b.skip:
            if b.skip == _DATED and not a.skip and i + 2 < len(tokens):
                # 从2020年的3.68万亿元增长到2025年的4.93万亿元: a year dates the end, between the two
                c = tokens[i + 2]
                if (
                    not c.skip
                    and c.q_start - a.q_end <= _MAX_GAP
                    and _is_from_to(text, a, c, text[a.q_end : c.q_start])
                ):
                    link = f"L{next_link}"
                    next_link += 1
                    a.measure, c.measure, a.link_id, c.link_id = "from", "to", link, link
            _close_group(run, groups)
            run = []
            continue
        starts = [a] if _is_from_to(text, a, b, between) else None
        if starts is None and run and run[-1] == i and _is_from_to(text, tokens[run[0]], b, between):
            starts = [tokens[j] for j in run]
        if starts is not None:
            ends = _listed_ends(text, tokens, i + 1, len(starts))
            if len(ends) == len(starts) > 1:
                # 从46503元和16935元分别提高到58794元和23184元: the k-th start goes to the k-th end
                for start_token, end_token in zip(starts, ends, strict=True):
                    link = f"L{next_link}"
                    next_link += 1
                    start_token.measure, start_token.link_id = "from", link
                    end_token.measure, end_token.link_id = "to", link
            else:
                # 从全国第8位、第4位双双跃居第1位: every start of a listed pair goes to the one end
                link = f"L{next_link}"
                next_link += 1
                for start_token in starts:
                    start_token.measure, start_token.link_id = "from", link
                b.measure, b.link_id = "to", link
            _widen_over_growth_verb(text, a, b)
            _close_group(run, groups)
            run = []
            continue
        if tight and a.unit == "个" and b.base_unit == "percentage_point":
            _share_pp_unit(text, a, b)  # 分别高出2.6个、2.5个百分点: the unit is written once, at the end
        if tight and a.base_unit == b.base_unit:
            if b.measure == a.measure or b.measure in ("growth_pct", "rate_pct"):
                b.measure, b.growth_basis = a.measure, a.growth_basis
                if not b.own_sign:
                    b.sign = _list_sign(text, a)
            if a.pre_bound and b.qualifier == "exact":
                # 分别超过A、B / 连跨5万亿元、6万亿元: the bound word governs the list
                b.qualifier, b.pre_bound = a.qualifier, True
            run = run or [i]
            run.append(i + 1)
            continue
        if (
            "的" in between  # cheap guard: an owner list ends on 的
            and _OWNER_LIST.match(between)
            and a.base_unit == b.base_unit == "percent"
            and a.measure != b.measure
            and last_keyword(clause_window(text, b.q_start)) is None
        ):
            # 高于江苏的19.2%、广东省的18.6%、山东的18%: one value per owner, all of one kind
            b.measure, b.growth_basis, b.sign = a.measure, a.growth_basis, a.sign
        if a.base_unit == b.base_unit and a.measure == b.measure and _LOOSE_LIST.search(between):
            if "分别" in between:
                # 出口增长11%以上,城镇居民、农村居民人均可支配收入分别增长5.2%、7.6%: 分别 opens a
                # list of its own; the figure before it belongs to another predicate
                _close_group(run, groups)
                run = []
                continue
            run = run or [i]
            run.append(i + 1)
            continue
        _close_group(run, groups)
        run = []
    _close_group(run, groups)
    return groups


def _share_units_back(text: str, tokens: Sequence[Token]) -> None:
    """Give the items of a 分别 list what is written only after the last: 左右, and a unit.

    分别增长4.5%、5.5%左右 bounds both. In 分别提高20.9、36.2、54个百分点, read from the end, 36.2
    takes the unit of 54个百分点 and then 20.9 that of 36.2 (the pairwise pass reads from the
    start, and would drop 20.9, whose neighbour is still bare when it is read).
    """
    for i in range(len(tokens) - 1, 0, -1):
        a, b = tokens[i - 1], tokens[i]
        if (
            b.qualifier == "approx"
            and a.qualifier == "exact"
            and text.endswith("左右", 0, b.q_end)
            and a.unit == b.unit
            and _TIGHT_LIST.match(text, a.q_end, b.q_start)
            and _LIST_OPENER.search(clause_window(text, a.q_start, 16))
        ):
            a.qualifier = "approx"  # 分别增长4.5%、5.5%左右: 左右 after the list bounds every item
        if i == len(tokens) - 1:
            continue
        c = tokens[i + 1]
        if not (a.bare and b.bare) or c.skip or c.bare:
            continue
        if not (
            _TIGHT_LIST.match(text, a.q_end, b.q_start) and _TIGHT_LIST.match(text, b.q_end, c.q_start)
        ):
            continue
        if _LIST_OPENER.search(clause_window(text, a.q_start, 16)):
            _share_list_unit(text, b, c)
            _share_list_unit(text, a, b)


def _share_list_unit(text: str, a: Token, b: Token) -> None:
    """In 分别回落2.16和1.66个百分点 or 分别为3.5和4.2万人 the first item has the last item's unit.

    Only after 分别 (or 依次), which announces one value per item: elsewhere a bare number
    before 和 is not a quantity of the same kind (第2和3个).
    """
    a.unit, a.base_unit, a.factor, a.mult = b.unit, b.base_unit, b.factor, b.mult
    a.measure, a.growth_basis, a.bare, a.skip = b.measure, b.growth_basis, False, None
    if not a.own_sign:
        a.sign = _list_sign(text, b)


def _list_sign(text: str, item: Token) -> int:
    """The sign ``item`` passes on to its list: its verb's (分别下降2.1%、3.4%), never its own minus.

    In 贡献率分别为85.3%、-11.6%、26.4% the minus belongs to -11.6% alone.
    """
    if item.own_sign and text[item.q_start : item.q_start + 1] in _MINUS_CHARS:
        return 1
    return item.sign


def _share_pp_unit(text: str, a: Token, b: Token) -> None:
    """In 分别低0.7个和0.5个百分点 the first item's 个 is short for the last item's 个百分点.

    The first item then reads as a change in points of its own (its sign and basis from the
    words before it), and the list rule below passes them on to the rest.
    """
    a.unit, a.base_unit, a.factor, a.mult = b.unit, b.base_unit, b.factor, b.mult
    a.measure, a.bare, a.skip = "change_pp", False, None
    if not a.own_sign:
        a.sign = classify_pp_sign(text, a.q_start)
    a.growth_basis = None if is_comparison_pp(text, a.q_start) else classify_growth_basis(text, a.q_start)


def _close_group(run: list[int], groups: list[tuple[int, int] | None]) -> None:
    for index, token_index in enumerate(run):
        groups[token_index] = (index, len(run))


def _listed_ends(text: str, tokens: Sequence[Token], first: int, wanted: int) -> list[Token]:
    """The end ``tokens[first]`` and the items listed right after it (、/和), at most ``wanted``.

    Ends of a paired change are written as a list of the same kind as its first end
    (提高到58794元和23184元); another kind (a rate, a count) belongs to a new clause.
    """
    ends = [tokens[first]]
    j = first
    while len(ends) < wanted and j + 1 < len(tokens):
        prev, nxt = tokens[j], tokens[j + 1]
        if nxt.skip or nxt.base_unit != prev.base_unit:
            break
        if not _TIGHT_LIST.match(text[prev.q_end : nxt.q_start]):
            break
        ends.append(nxt)
        j += 1
    return ends


def _is_range(text: str, a: Token, b: Token, between: str) -> bool:
    first = between[:1]  # the pattern opens on a dash, 至, 到 or a space: most neighbours on none
    if b.skip or b.unit is None or not first or not (first in _RANGE_FIRST or first.isspace()):
        return False
    if not _RANGE_SEP.match(between):
        return False
    if a.skip and not a.bare:
        return False
    if not a.bare and (a.unit != b.unit or a.measure != b.measure):
        return False
    if not _DASH_ONLY.match(between) and _FROM.search(clause_window(text, a.q_start, 16)):
        return False
    return a.bare or a.qualifier == "exact"


def _widen_over_growth_verb(text: str, a: Token, b: Token) -> None:
    """In 由下降10.3%到增长2.8%, the verb that sets the sign of one end is quoted at both."""
    if a.own_sign == b.own_sign:
        return
    plain = b if a.own_sign else a
    verb = _GROWTH_VERB.search(text, max(0, plain.q_start - 2), plain.q_start)
    if verb is not None:
        plain.q_start = verb.start()


def _is_from_to(text: str, a: Token, b: Token, between: str) -> bool:
    # a rank moves only to another rank (从全国第五提升到第三), never to an amount
    if (a.kind == "rank") != (b.kind == "rank"):
        return False
    # _TO needs 到, 至, 跃居 or 转为 between the two: most neighbours have none, and skip the match
    if not any(word in between for word in _TO_WORDS) or not _TO.match(between):
        return False
    return _FROM.search(clause_window(text, a.q_start, 16)) is not None
