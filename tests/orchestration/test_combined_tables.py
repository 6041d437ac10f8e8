"""The stored combined release tables: a few changed reports update them, as a full combine would."""

import dataclasses

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from pipeline.defs import assets
from pipeline.defs.assets import build_release_tables
from pipeline.defs.store import PartitionStore, ReportTables
from pipeline.extract import extract_figures
from pipeline.ingest import read_report
from pipeline.tables import build_indicators_table, build_reports_table, combine_indicators
from tests.orchestration.conftest import CORPUS, SEED

REPORT_FILES = [SEED, *sorted(p for p in CORPUS.glob("*.txt"))]


@pytest.fixture(scope="module")
def report_tables() -> dict[str, ReportTables]:
    """Every real report's tables, built as the report_indicators asset builds them."""
    out = {}
    for path in REPORT_FILES:
        doc = read_report(path)
        indicators = build_indicators_table(doc, extract_figures(doc).figures)
        row = build_reports_table([doc], {doc.report_id: len(indicators)})
        out[doc.report_id] = ReportTables(indicators, row)
    assert len(out) >= 4 and sum(len(t.indicators) for t in out.values()) > 50
    return out


def stored(store: PartitionStore, tables: dict[str, ReportTables], tag: str = "") -> list[tuple[str, str]]:
    """Save each report's tables under a key of its own; the pairs in report order, as check_built gives."""
    pairs = []
    for rid in sorted(tables):
        key = f"{rid}-{tag}"
        store.save_tables(key, tables[rid])
        pairs.append((rid, key))
    return pairs


def full(tables: list[ReportTables]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the release tables were before the combined tables were stored: combine everything."""
    indicators = combine_indicators([t.indicators for t in tables])
    reports = pd.concat([t.report_row for t in tables], ignore_index=True).sort_values(
        "report_id", ignore_index=True
    )
    return indicators, reports


def assert_same(got, expected) -> None:
    assert_frame_equal(got[0], expected[0], check_exact=True)
    assert_frame_equal(got[1], expected[1], check_exact=True)


def test_added_changed_and_removed_reports_update_the_stored_tables(tmp_path, report_tables):
    store = PartitionStore(tmp_path)
    ids = sorted(report_tables)
    added = ids[len(ids) // 2]  # in the middle of the report order, so row order is tested
    first = [rid for rid in ids if rid != added]
    pairs = stored(store, {rid: report_tables[rid] for rid in first})

    indicators, reports, loaded = build_release_tables(store, pairs)
    assert loaded == len(first)
    assert_same((indicators, reports), full([report_tables[rid] for rid in first]))
    assert store.combined().pairs == tuple(pairs)

    # Nothing changed: the stored tables, no report loaded.
    again = build_release_tables(store, pairs)
    assert again[2] == 0
    assert_same(again[:2], (indicators, reports))

    # One report added: only it is loaded, and the result is what a full combine gives. The
    # stored copy is not rewritten for so small a change.
    first_pairs = tuple(pairs)
    pairs = stored(store, report_tables)
    indicators, reports, loaded = build_release_tables(store, pairs)
    assert loaded == 1
    assert_same((indicators, reports), full([report_tables[rid] for rid in ids]))
    assert store.combined().pairs == first_pairs

    # One report changed (its last figure dropped), one removed: only the changed one is loaded.
    changed, removed = ids[0], ids[1]
    old = report_tables[changed]
    shorter = old.indicators.iloc[:-1].reset_index(drop=True)
    row = old.report_row.assign(n_indicators=len(shorter))
    edited = {**report_tables, changed: dataclasses.replace(old, indicators=shorter, report_row=row)}
    del edited[removed]
    pairs = [(rid, key if rid != changed else f"{rid}-edited") for rid, key in pairs if rid != removed]
    store.save_tables(f"{changed}-edited", edited[changed])
    indicators, reports, loaded = build_release_tables(store, pairs)
    assert loaded == 2  # the changed report, and the one added since the stored copy
    expected = full([edited[rid] for rid in sorted(edited)])
    assert_same((indicators, reports), expected)
    assert len(indicators) == sum(len(t.indicators) for t in edited.values())
    assert removed not in set(indicators["report_id"]) and removed not in set(reports["report_id"])


def test_doubtful_stored_tables_take_the_full_path(tmp_path, report_tables):
    store = PartitionStore(tmp_path)
    pairs = stored(store, report_tables)
    expected = full([report_tables[rid] for rid in sorted(report_tables)])
    build_release_tables(store, pairs)

    # Stored by other code: ignored and rebuilt from every report.
    store.save_combined(dataclasses.replace(store.combined(), version="other"))
    got = build_release_tables(store, pairs)
    assert got[2] == len(pairs)
    assert_same(got[:2], expected)

    # An unreadable combined file: rebuilt, not a failure.
    (tmp_path / "combined.pkl").write_bytes(b"not a pickle")
    got = build_release_tables(store, pairs)
    assert got[2] == len(pairs)
    assert_same(got[:2], expected)

    # Most reports changed: the full path (cheaper than dropping rows).
    moved = [(rid, f"{key}-v2") for rid, key in pairs]
    for (_, old_key), (_, new_key) in zip(pairs, moved, strict=True):
        store.save_tables(new_key, store.load_tables(old_key))
    got = build_release_tables(store, moved)
    assert got[2] == len(pairs)
    assert_same(got[:2], expected)


def test_tables_filed_under_another_report_are_never_stored_combined(tmp_path, report_tables):
    store = PartitionStore(tmp_path)
    pairs = stored(store, report_tables)
    # The first report's tables filed under a second partition id: replacing rows by id
    # could not drop them correctly later, so nothing combined is stored.
    rid, key = pairs[0]
    pairs.append(("zz-alias", key))
    indicators, _, _ = build_release_tables(store, pairs)
    assert (indicators["report_id"] == rid).sum() == 2 * len(report_tables[rid].indicators)
    assert store.combined() is None


def test_the_stored_copy_is_rewritten_once_enough_reports_changed(tmp_path, report_tables, monkeypatch):
    store = PartitionStore(tmp_path)
    ids = sorted(report_tables)
    pairs = stored(store, {rid: report_tables[rid] for rid in ids[1:]})
    build_release_tables(store, pairs)
    monkeypatch.setattr(assets, "COMBINED_REFRESH_AFTER", 1)
    pairs = stored(store, report_tables)
    indicators, reports, loaded = build_release_tables(store, pairs)
    assert loaded == 1 and store.combined().pairs == tuple(pairs)
    assert build_release_tables(store, pairs)[2] == 0  # the next run finds nothing to merge
    assert_same((indicators, reports), full([report_tables[rid] for rid in ids]))
