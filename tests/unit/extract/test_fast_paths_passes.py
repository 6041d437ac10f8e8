"""Speed rewrites of the extractor give what the plain formulations give, on real texts.

Each rewrite (the subject words read in a pass of their own, the last steps of reading a
number run in a pass of their own, month lists found from their tails, heading lines skipped
on their first character, mask branches that open with a character class) is checked against
the formulation it replaces, over every report of the corpus and dev set and over crafted
strings at the edges of each rule, so a later edit that breaks an equivalence fails here
rather than in a fingerprint.
"""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from pipeline.extract import context, filters, grammar, links
from pipeline.extract.context import ContextResolver
from pipeline.extract.filters import build_mask
from pipeline.extract.grammar import scan
from pipeline.extract.links import link_tokens
from pipeline.ingest import read_report
from tests.unit.extract.conftest import SOURCES


@pytest.fixture(scope="module")
def docs() -> dict:
    return {name: read_report(path) for name, path in SOURCES.items()}


def test_describe_with_words_read_first_is_describe(docs):
    """``subjects`` then ``describe(words=)`` gives every context ``describe`` gives alone."""
    for name, doc in docs.items():
        text = build_mask(doc.clean_text)
        tokens = scan(text)
        groups = link_tokens(text, tokens)
        spans = [(t.q_start, t.q_end, g) for t, g in zip(tokens, groups, strict=True) if t.skip is None]
        alone = ContextResolver(doc)
        plain = [alone.describe(s, e, group=g) for s, e, g in spans]
        passes = ContextResolver(doc)
        words = passes.subjects(spans)
        got = [passes.describe(s, e, group=g, words=w) for (s, e, g), w in zip(spans, words, strict=True)]
        assert got == plain, name
        assert any(c.subject for c in plain), name


MONTH_CASES = [
    "7、8、9三个月，10和11月份，5%、6月",
    "1、2月份和3月",
    "10、11、12月",
    "增长5%、8月",
    "2、3、4、5、6、7、8、9、10、11、12月",
    "12、1月",
    "7和8月7和8月",
    "3、4两个月",
    "5、6、月",
]


def test_month_lists_are_the_matches_of_the_list_pattern(docs):
    texts = [doc.clean_text for doc in docs.values()] + MONTH_CASES
    for text in texts:
        expected = [m.span() for m in context._MONTH_LIST.finditer(text)]
        assert [m.span() for m in context._month_lists(text)] == expected, text[:40]
    assert any(list(context._month_lists(t)) for t in MONTH_CASES)


HEADING_CASES = [
    "一、总体要求",
    "\u3000\u3000（二）重点任务",
    "\n\n三、",
    " \t(四)",
    "  \n  五．",
    "十二、",
    "第一",
]


def test_heading_guard_skips_no_heading(docs):
    lines = HEADING_CASES[:]
    for doc in docs.values():
        text = doc.clean_text
        lines += [text[m.end() : m.end() + 12] for m in re.finditer("\n", text)] + [text[:12]]
    for line in lines:
        if context._TOP_HEADING.match(line) or context._SUB_HEADING.match(line):
            assert line.lstrip()[:1] in context._HEADING_FIRST, repr(line)


#: The mask's branches as first written, and as ``filters._MASK_RE`` writes them now (opening
#: with a character class). ``_COMPUTE`` stands for ``filters._COMPUTE``.
_BRANCHES = [
    (r"[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}", r"[0-9][0-9]{3}[-/.][0-9]{1,2}[-/.][0-9]{1,2}"),
    (r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?", r"[0-9][0-9]?:[0-9]{2}(?::[0-9]{2})?"),
    (
        r"[A-Z]{1,5}/[A-Z]{1,3}[ \t]?[0-9]+(?:[.\-－][0-9]+)*",
        r"[A-Z][A-Z]{0,4}/[A-Z]{1,3}[ \t]?[0-9]+(?:[.\-－][0-9]+)*",
    ),
    (
        r"(?<![A-Za-z])(?!(?:GDP|CPI|PPI|PMI|GNI)[0-9])[A-Za-z]{1,5}_?[0-9]+(?:[.\-－][0-9]+)*",
        r"[A-Za-z](?<![A-Za-z].)(?<!(?=(?:GDP|CPI|PPI|PMI|GNI)[0-9]).)",
    ),
    (
        r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?!_COMPUTE(?![A-Za-z0-9]))[A-Za-z]+[0-9A-Za-z]*",
        r"[0-9](?<![0-9.].)[0-9]*(?:\.[0-9]+)?(?!_COMPUTE(?![A-Za-z0-9]))[A-Za-z]+[0-9A-Za-z]*",
    ),
]
#: The rest of the fourth branch, written on the line after its comment in ``filters``.
_CODES_TAIL = r"[A-Za-z]{0,4}_?[0-9]+(?:[.\-－][0-9]+)*"
MASK_CASES = [
    "2021-01-17 09:55:20发布GB/T 28398-2023",
    "12021-01-17和123:45",
    "GDP2021年增长，PM2.5浓度，SF031次，R1线，aR1，CPI1",
    "推进5G建设，4800PF算力，10EFLOPS，1.5MA，555X，12.5G",
    "Ab12-3.4，ABCDEF/GB 1，x.5G，.5G",
]


def test_mask_branches_match_as_first_written(docs):
    """At every position of every text, each rewritten branch matches what it was first written as."""
    texts = [doc.clean_text for doc in docs.values()] + MASK_CASES
    for plain, rewritten in _BRANCHES:
        plain, rewritten = (p.replace("_COMPUTE", filters._COMPUTE) for p in (plain, rewritten))
        assert rewritten in filters._MASK_RE.pattern
        if rewritten.endswith("]).)"):
            rewritten += _CODES_TAIL
            assert _CODES_TAIL in filters._MASK_RE.pattern
        old, new = re.compile(plain), re.compile(rewritten)
        for text in texts:
            for pos in range(len(text)):
                a, b = old.match(text, pos), new.match(text, pos)
                assert (a and a.span()) == (b and b.span()), (plain, text[pos : pos + 20])


def _scan_finishing_at_once(text: str) -> list[grammar.Token]:
    """``grammar.scan`` with each token's last steps run as soon as it is read, not in a later pass."""
    tokens = []
    pos = 0
    while (hit := grammar._FIND(text, pos)) is not None:
        kind = hit.lastgroup
        start, pos = hit.span(kind)
        token = grammar._read(text, kind, start, pos)
        if token is None and kind == "slash":
            pos = start + 1 if text[start + 1] in "/／" else start + 2
            token = grammar._read_number(text, start, pos, False)
        if token is None:
            continue
        if token.finish is not None:
            up, unit_text = token.finish
            token.finish = None
            grammar._finish_number(text, token, up, unit_text)
        elif token.classify:
            token.classify = False
            grammar._classify(text, token)
        tokens.append(token)
        pos = max(pos, token.end)
    return tokens


#: Readings whose token ends past its match or is read again after a failed share (2.5:1, 1/17).
SCAN_CASES = [
    "60岁以上的老年人达到1.2万人，比上年下降3.5%，约占全国1/10",
    "城乡居民收入比由2.5:1缩小到2.3:1，1/17日发布，3/4万吨",
    "惠及上千万人口，超过了1万亿元，跃过 4000 亿元大关，增长两成多",
]


def test_scan_finishing_tokens_in_a_pass_of_its_own_changes_nothing(docs):
    seen = []
    for name, text in [(n, build_mask(d.clean_text)) for n, d in docs.items()] + [(t, t) for t in SCAN_CASES]:
        tokens = scan(text)
        assert tokens == _scan_finishing_at_once(text), name
        seen += tokens
    assert {"more_than", "approx", "at_least"} <= {t.qualifier for t in seen}
    assert {"growth_pct", "rate_pct", "change_pp", "duration"} <= {t.measure for t in seen}
    assert any(t.sign < 0 for t in seen) and any(t.skip == "age group" for t in seen)


BETWEEN_CASES = ["", " - ", "\u3000至 ", "和", " 以及 ", "\n、", "—", "~~", "到", "、", "以", "及以上"]


def test_link_guards_skip_no_match(docs):
    """A range or tight-list pattern only matches text opening on a character its guard lets through."""
    betweens = BETWEEN_CASES[:]
    for doc in docs.values():
        text = build_mask(doc.clean_text)
        tokens = scan(text)
        betweens += [text[a.q_end : b.q_start] for a, b in pairwise(tokens)]
    for between in betweens:
        first = between[:1]
        if links._RANGE_SEP.match(between):
            assert first and (first in links._RANGE_FIRST or first.isspace()), repr(between)
        if links._TIGHT_LIST.match(between):
            assert first and (first in links._TIGHT_FIRST or first.isspace()), repr(between)
    assert any(links._RANGE_SEP.match(b) for b in betweens)
    assert any(links._TIGHT_LIST.match(b) for b in betweens)
