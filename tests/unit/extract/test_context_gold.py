"""The context resolver against the hand annotations of the dev corpus (tests/annotations).

Every gold figure is located in the clean text by its source offsets and described by the
resolver alone (no number grammar involved), so these floors measure this module. They sit
a little under the measured accuracy to catch regressions, not to freeze every decision.
"""

from __future__ import annotations

from bisect import bisect_left

import pytest

from benchmarks.accuracy import DEV_DIR, check_area, check_subject, iter_documents, load_gold
from pipeline.extract.context import ContextResolver
from pipeline.ingest import read_report

# period measured 0.973 after the five-year-review rules (flows, levels held, thresholds crossed)
FLOORS = {"period": 0.95, "value_kind": 0.95, "is_estimate": 0.97, "area": 0.95, "subject": 0.90}
#: Floors on the documents added later to widen the dev set (tests/fixtures/dev_extra: news
#: on statistics and on reports, several areas), which the rules were not first written for.
# period measured against the gold re-annotated with cumulative spans (2021Q1-Q3, 2021M01-M11): 0.850;
# with the Hunan 十四五 review added and the five-year-review rules: 0.888; with the 2022 briefing
# news added and the goal rules for news on a report (restated goals, the year's budget): period
# 0.894, value_kind 0.989, area 0.915; with the 财联社 note on 29 provinces' 2022 targets added (shares
# of provinces about 全国, two-province lists, completion gaps against goals): period 0.904, value_kind
# 0.972, area 0.864, subject 0.789; with 13 more documents (2026 provincial reviews and goals, a 2021 city
# report, a 2024 national digest on HTML, news on statistics releases, census results and plans) and this
# session's period, area and subject rules: period 0.895, value_kind 0.988, area 0.976, subject 0.896;
# with 11 more news pages of session 5 (one city's or many provinces' results, quarterly and yearly,
# commentary on rankings; annotated blind, their first scores reported in the issue note) and the
# rules written from them: period 0.894, value_kind 0.989, area 0.949, subject 0.866; with 18 more
# documents of session 6 (2026 provincial excerpts that start mid-text, two GBK, a Word-pasted national
# HTML digest, three news pages; annotated blind, first scores in the issue note) and the rules written
# from them: period 0.887, value_kind 0.985, area 0.936, subject 0.850 (the news pages' subjects)
EXTRA_FLOORS = {"period": 0.87, "value_kind": 0.97, "is_estimate": 0.98, "area": 0.93, "subject": 0.84}
EXTRA = "dev_extra"


def _scores(extra: bool) -> dict[str, float]:
    right = dict.fromkeys(FLOORS, 0)
    total = 0
    for source, gold_csv, _ranges in iter_documents(DEV_DIR):
        if (source.parent.name == EXTRA) != extra:
            continue
        gold = load_gold(gold_csv, source)
        doc = read_report(source)
        c2s = doc.clean_to_source
        last = len(c2s) - 1
        resolver = ContextResolver(doc)
        for g in gold:
            start = bisect_left(c2s, g.char_start, 0, last)
            end = bisect_left(c2s, g.char_end - 1, 0, last) + 1
            if g.optional and c2s[start] != g.char_start:
                continue  # a borderline figure in page residue ingest sets aside (原标题 line)
            assert c2s[start] == g.char_start, f"{source.name}: {g.quote!r} is not in the clean text"
            ctx = resolver.describe(start, end)
            total += 1
            right["period"] += ctx.period == g.period
            right["value_kind"] += ctx.value_kind == g.value_kind
            right["is_estimate"] += ctx.is_estimate == g.is_estimate
            right["area"] += check_area(g.area, ctx.area)
            right["subject"] += check_subject(g.subject, ctx.subject)
    assert total > 100, "the dev annotations went missing"
    return {name: count / total for name, count in right.items()}


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    return _scores(extra=False)


@pytest.fixture(scope="module")
def extra_scores() -> dict[str, float]:
    return _scores(extra=True)


@pytest.mark.parametrize("attribute", list(FLOORS))
def test_context_accuracy_on_dev_annotations(scores, attribute):
    assert scores[attribute] >= FLOORS[attribute], f"{attribute}: {scores[attribute]:.3f}"


@pytest.mark.parametrize("attribute", list(EXTRA_FLOORS))
def test_context_accuracy_on_the_added_dev_documents(extra_scores, attribute):
    assert extra_scores[attribute] >= EXTRA_FLOORS[attribute], f"{attribute}: {extra_scores[attribute]:.3f}"
