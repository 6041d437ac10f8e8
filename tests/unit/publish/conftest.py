"""Real tables for publish tests: built from the seed reports with the real pipeline."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pandas as pd
import pytest

from pipeline import tables
from pipeline.config import REPO_ROOT, list_report_files
from pipeline.extract import extract_figures
from pipeline.ingest import read_report
from pipeline.publish.files import sha256_file

SEEDS = REPO_ROOT / "seeds"
NOW = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)


@functools.cache
def _report(path: Path) -> tuple[object, pd.DataFrame]:
    doc = read_report(path)
    return doc, tables.build_indicators_table(doc, extract_figures(doc).figures)


def build_tables(paths: list[Path]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(indicators, reports) for the given report files, as the pipeline builds them."""
    built = [_report(p) for p in paths]
    indicators = tables.combine_indicators([frame for _, frame in built])
    counts = {doc.report_id: len(frame) for doc, frame in built}
    reports = tables.build_reports_table([doc for doc, _ in built], counts)
    return indicators, reports


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    files = list_report_files(SEEDS)
    assert len(files) >= 2, "publish tests need at least two seed reports"
    return files


@pytest.fixture(scope="session")
def seed_tables(seed_files) -> tuple[pd.DataFrame, pd.DataFrame]:
    return build_tables(seed_files)


@pytest.fixture(scope="session")
def fewer_tables(seed_files) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The seeds minus the last report: publishing all seeds after these adds a report."""
    return build_tables(seed_files[:-1])


def with_changed_value(indicators: pd.DataFrame, row: int = 0) -> pd.DataFrame:
    """A corrected value: one row's value (and value_base) changed, everything else equal."""
    changed = indicators.copy()
    value = float(changed.at[row, "value"]) + 1.5
    changed.at[row, "value"] = value
    changed.at[row, "value_base"] = value * 10 ** int(changed.at[row, "unit_mult"])
    return changed


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (relative path -> sha256), to prove it was left intact."""
    return {str(p.relative_to(folder)): sha256_file(p) for p in sorted(folder.rglob("*")) if p.is_file()}
