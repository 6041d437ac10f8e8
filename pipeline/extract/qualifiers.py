"""Bound words (多, 超过, 以上, 左右...) and sign verbs (下降, 减少) next to a number.

Only words touching the number (or its unit) count: they become part of the quote, so a
reader sees in the source span why a value is negative or only approximate.
"""

from __future__ import annotations

#: Words written just before a number -> qualifier. Longest first, so 突破 wins over 破.
PRE_QUALIFIERS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            "超过": "more_than",
            "超": "more_than",
            "逾": "more_than",
            "多于": "more_than",
            "高于": "more_than",
            "突破": "exceeds",
            "跃过": "exceeds",
            "越过": "exceeds",
            "破": "exceeds",
            "近": "nearly",
            "接近": "nearly",
            "将近": "nearly",
            "约": "approx",
            "大约": "approx",
            "约为": "approx",
            "不到": "less_than",
            "不足": "less_than",
            "低于": "less_than",
            "少于": "less_than",
            "不超过": "at_most",
            "不高于": "at_most",
            "最多": "at_most",
            "不低于": "at_least",
            "跨越": "at_least",
            "迈上": "at_least",
            "站上": "at_least",
            "连跨": "at_least",
            "不少于": "at_least",
            "至少": "at_least",
        }.items(),
        key=lambda item: -len(item[0]),
    )
)

#: Words written just after a number and its unit -> qualifier.
POST_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("以上", "at_least"),
    ("以内", "at_most"),
    ("之内", "at_most"),
    ("以下", "at_most"),
    ("左右", "approx"),
    ("上下", "approx"),
)

#: Verbs that make the number after them negative when they touch it.
SIGN_VERBS: tuple[str, ...] = (
    "下降", "减少", "回落", "降低", "下跌", "减产", "缩小", "收窄", "贬值", "下滑", "压减", "削减", "减",
    "下调", "调低", "调减", "缩短",
)


_PRE = dict(PRE_QUALIFIERS)
_PRE_LENGTHS = sorted({len(word) for word in _PRE}, reverse=True)
_POST = dict(POST_QUALIFIERS)
assert {len(word) for word in _POST} == {2}, "match_post_qualifier looks at two characters"
_SIGN = frozenset(SIGN_VERBS)
_SIGN_LENGTHS = sorted({len(verb) for verb in SIGN_VERBS}, reverse=True)
# Most numbers touch no bound word: one set test on the character next to them settles it
# (callers on a hot path make the test themselves before calling).
#: Last characters of the words before a number (``match_pre_qualifier``).
PRE_LAST_CHARS = frozenset(word[-1] for word in _PRE)
#: First characters of the words after a number (``match_post_qualifier``).
POST_FIRST_CHARS = frozenset([*(word[0] for word in _POST), "及", "或"])
#: Last characters of the sign verbs (``match_sign_verb``; it also looks through a 了).
SIGN_LAST_CHARS = frozenset(verb[-1] for verb in SIGN_VERBS)


def match_pre_qualifier(text: str, start: int) -> tuple[str, int] | None:
    """(qualifier, start of the bound word) when one ends at ``start``.

    >>> match_pre_qualifier("产值突破2000亿元", 4)
    ('exceeds', 2)
    >>> match_pre_qualifier("增长5%", 2) is None
    True
    """
    if start == 0 or text[start - 1] not in PRE_LAST_CHARS:
        return None
    for size in _PRE_LENGTHS:  # longest first: a dict lookup per length, not a loop over words
        if start >= size:
            qualifier = _PRE.get(text[start - size : start])
            if qualifier is not None:
                return qualifier, start - size
    return None


def match_post_qualifier(text: str, end: int) -> tuple[str, int] | None:
    """(qualifier, end of the bound word) when one starts at ``end``.

    >>> match_post_qualifier("5%左右，", 2)
    ('approx', 4)
    >>> match_post_qualifier("目标在6%及以上。", 5)
    ('at_least', 8)
    >>> match_post_qualifier("2305.38亿元或以上的经济总量", 9)
    ('at_least', 12)
    """
    if text[end : end + 1] in "及或":  # 6%及以上, 3岁及以下, 2305.38亿元或以上: the bound includes the value
        qualifier = _POST.get(text[end + 1 : end + 3])
        return None if qualifier not in ("at_least", "at_most") else (qualifier, end + 3)
    qualifier = _POST.get(text[end : end + 2])
    return None if qualifier is None else (qualifier, end + 2)


def match_sign_verb(text: str, start: int) -> int | None:
    """Start of a sign verb (optionally followed by 了) that ends at ``start``.

    >>> match_sign_verb("比上年末减少139万人", 6)
    4
    >>> match_sign_verb("减税降费91.1亿元", 4) is None
    True
    """
    if text[start - 1 : start] == "了":
        start -= 1
    if start == 0 or text[start - 1] not in SIGN_LAST_CHARS:
        return None
    for size in _SIGN_LENGTHS:
        if start >= size and text[start - size : start] in _SIGN:
            return start - size
    return None
