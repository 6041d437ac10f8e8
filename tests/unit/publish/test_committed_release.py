"""The release committed under releases/ is what the current seeds and code produce."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline.config import DATASET_NAME
from pipeline.extract import extract_figures
from pipeline.ingest import read_report
from pipeline.publish.release import rebuild_release
from pipeline.seeds import scan_seeds
from pipeline.tables import build_indicators_table, build_reports_table, combine_indicators

ROOT = Path(__file__).parents[3]
DATASET_DIR = ROOT / "releases" / DATASET_NAME


@pytest.fixture(scope="module")
def latest_dir() -> Path:
    latest = json.loads((DATASET_DIR / "latest.json").read_text(encoding="utf-8"))
    return DATASET_DIR / latest["path"].rstrip("/")


def _tables_from_seeds() -> tuple[pd.DataFrame, pd.DataFrame]:
    docs = [read_report(seed.path) for seed in scan_seeds(ROOT / "seeds").files]
    frames = [build_indicators_table(doc, extract_figures(doc).figures) for doc in docs]
    indicators = combine_indicators(frames)
    counts = indicators["report_id"].value_counts().to_dict()
    return indicators, build_reports_table(docs, counts)


def test_committed_latest_release_rebuilds_byte_identically(latest_dir, tmp_path):
    indicators, reports = _tables_from_seeds()
    out = tmp_path / "rebuilt"
    rebuild_release(latest_dir, indicators, reports, out)
    assert (out / "SHA256SUMS").read_text() == (latest_dir / "SHA256SUMS").read_text(), (
        "the committed release is stale: run `make release` and commit the new version"
    )


def test_committed_release_covers_every_seed_and_validates(latest_dir):
    reports = pd.read_csv(latest_dir / "reports.csv")
    assert sorted(reports["file_name"]) == sorted(seed.path.name for seed in scan_seeds(ROOT / "seeds").files)
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "validate", str(latest_dir)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
