"""Bad files in seeds/: a clear error naming the file, the others still built, nothing lost.

One scenario, shared by the tests of this module (real processes are slow to start):

1. ``release`` on the seed report publishes 1.0.0;
2. a new good report and every kind of bad file are added; ``release`` (and one
   ``extract`` per bad file, all at once) must refuse each bad file by name and reason,
   exit non-zero and leave the releases tree byte-identical;
3. the bad files are removed; ``release`` finds the new good report already built in
   step 2 (nothing to build) and publishes it.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pytest

from pipeline.defs import build_defs
from pipeline.defs.partitions import REPORTS, range_tags
from pipeline.defs.resources import PipelinePaths
from pipeline.defs.store import BuiltRecord
from pipeline.ingest import report_id_for
from tests.robustness.conftest import MAX_RSS_BYTES, Run, Workspace, latest_version, tree_hash
from tests.robustness.files import (
    NATIONAL,
    SEED,
    build_corrupted,
    build_png,
    build_truncated,
    build_zip,
    write_huge,
)

HUGE_BYTES = 50 * 1024 * 1024


def _bad_files(folder: Path) -> dict[str, str]:
    """Write every kind of bad file into ``folder``; return name -> expected reason."""
    corrupted, bad_at = build_corrupted()
    truncated, cut_at = build_truncated()
    shift_jis = "日本の国内総生産は前年比で増加した。東京都の人口は約千四百万人です。\n" * 20
    files = {
        "empty.txt": (b"", "file is empty"),
        "photo.txt": (build_png(), "binary file (PNG image)"),
        "archive.txt": (build_zip(), "binary file (zip archive"),
        "corrupted.txt": (
            corrupted,
            f"decodes in no supported encoding (UTF-8, UTF-16/32 with BOM, "
            f"GBK/GB18030): invalid UTF-8 at byte {bad_at}",
        ),
        "japanese.txt": (shift_jis.encode("shift_jis"), "decodes in no supported encoding"),
        "cut.txt": (truncated, f"truncated multi-byte UTF-8 sequence at the end (byte {cut_at} of"),
        "random.txt": (random.Random(5).randbytes(4096), "binary file"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    assert write_huge(folder / "huge.txt", HUGE_BYTES) == HUGE_BYTES
    reasons = {name: reason for name, (_, reason) in files.items()}
    reasons["huge.txt"] = "file is too large (52.4 MB > limit 21.0 MB); raise REPORT_MAX_BYTES"
    return reasons


BAD_NAMES = [
    "archive.txt",
    "corrupted.txt",
    "cut.txt",
    "empty.txt",
    "huge.txt",
    "japanese.txt",
    "photo.txt",
    "random.txt",
]


@dataclass
class Scenario:
    ws: Workspace
    reasons: dict[str, str]
    first: Run
    before: dict[str, str]
    refused: Run
    after: dict[str, str]
    extracts: dict[str, Run]
    built: dict[Path, BuiltRecord | None]
    fixed: Run


@pytest.fixture(scope="module")
def scenario(module_workspace) -> Iterator[Scenario]:
    ws = module_workspace
    ws.add(SEED)
    first = ws.release()
    assert first.returncode == 0, first
    before = tree_hash(ws.releases)

    ws.add(NATIONAL)
    reasons = _bad_files(ws.seeds)
    release = ws.start_release()
    extract = {name: ws.extract(ws.seeds / name) for name in reasons}
    refused = release.finish()
    extracts = {name: proc.finish() for name, proc in extract.items()}
    after = tree_hash(ws.releases)
    with dg.DagsterInstance.from_config(str(ws.home)) as instance:  # what the refused run stored
        built = {s: PipelinePaths().store(instance).built(report_id_for(s)) for s in (SEED, NATIONAL)}

    parked = ws.root / "bad"
    parked.mkdir()
    for name in reasons:
        (ws.seeds / name).rename(parked / name)
    fixed = ws.release()
    yield Scenario(ws, reasons, first, before, refused, after, extracts, built, fixed)
    (parked / "huge.txt").unlink()  # pytest keeps old tmp folders: do not leave 50 MB behind


def test_the_bad_files_are_the_ones_the_tests_expect(scenario):
    assert sorted(scenario.reasons) == BAD_NAMES


@pytest.mark.parametrize("name", BAD_NAMES)
def test_extract_refuses_the_file_naming_it_and_the_reason(scenario, name):
    run = scenario.extracts[name]
    path = scenario.ws.seeds / name
    assert run.returncode == 2, run
    assert f"error: {path}: {scenario.reasons[name]}" in run.stderr, run
    assert run.stdout == ""


@pytest.mark.parametrize("name", BAD_NAMES)
def test_release_names_each_bad_file_and_its_reason(scenario, name):
    path = scenario.ws.seeds / name
    assert f"error: {path}: {scenario.reasons[name]}" in scenario.refused.stderr, scenario.refused


def test_release_refuses_to_publish_and_keeps_the_releases_tree_byte_identical(scenario):
    refused = scenario.refused
    assert refused.returncode == 2, refused
    assert "error: release not published; the latest release is unchanged" in refused.stderr
    # the run covers the bad files and the new good report
    assert re.search(rf"error: {len(BAD_NAMES)} of \d+ report\(s\) failed:", refused.stderr)
    assert "published" not in refused.stdout
    assert scenario.after == scenario.before


def test_the_good_reports_were_built_despite_the_bad_ones(scenario):
    # The refused run parsed, extracted and stored the new good report next to the bad ones...
    national = scenario.built[NATIONAL]
    assert national is not None and national.error is None
    assert national.sha256 == hashlib.sha256(NATIONAL.read_bytes()).hexdigest()
    # ...and once the bad files are gone, the next run publishes it.
    fixed = scenario.fixed
    assert fixed.returncode == 0, fixed
    assert "published 1.1.0" in fixed.stdout
    assert latest_version(scenario.ws) == "1.1.0"
    reports = (scenario.ws.dataset / "1.1.0" / "reports.csv").read_text(encoding="utf-8-sig")
    assert f"\n{report_id_for(NATIONAL)}," in reports
    # 1.0.0 was never touched along the way.
    old = {
        k: v
        for k, v in tree_hash(scenario.ws.releases).items()
        if k.startswith("gov-report-indicators/1.0.0")
    }
    assert old == {k: v for k, v in scenario.before.items() if k.startswith("gov-report-indicators/1.0.0")}


def test_huge_file_is_refused_without_reading_it_into_memory(scenario):
    assert (scenario.ws.root / "bad" / "huge.txt").stat().st_size == HUGE_BYTES
    extract = scenario.extracts["huge.txt"]
    assert extract.max_rss_bytes < MAX_RSS_BYTES, f"extract peak RSS {extract.max_rss_bytes / 1e6:.0f} MB"
    refused = scenario.refused
    assert refused.max_rss_bytes < MAX_RSS_BYTES, f"release peak RSS {refused.max_rss_bytes / 1e6:.0f} MB"


def test_each_bad_file_fails_its_own_partition_only(scenario, tmp_path):
    """In Dagster: the bad partitions carry the error, the good ones their rows; the check names each file."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in BAD_NAMES:
        (seeds / name).symlink_to(scenario.ws.root / "bad" / name)  # a link: no second 50 MB copy
    (seeds / SEED.name).symlink_to(SEED)
    keys = sorted(report_id_for(p) for p in seeds.iterdir())
    paths = PipelinePaths(seeds_dir=str(seeds), releases_dir=str(tmp_path / "releases"))
    (tmp_path / "home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "home")) as instance:
        instance.add_dynamic_partitions(REPORTS.name, keys)
        job = build_defs({"paths": paths}).resolve_job_def("build_reports")
        result = job.execute_in_process(
            instance=instance,
            tags=range_tags(keys[0], keys[-1]),
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}},
        )

    check = {e.check_name: e for e in result.get_asset_check_evaluations()}["reports_extracted"]
    assert not check.passed
    for name in BAD_NAMES:
        assert f"{seeds / name}: {scenario.reasons[name]}" in check.metadata["errors"].value
    per_partition = {
        m.partition: m.metadata for m in result.asset_materializations_for_node("report_indicators")
    }
    assert set(per_partition) == set(keys)
    for name in BAD_NAMES:
        meta = per_partition[report_id_for(name)]
        assert scenario.reasons[name] in meta["error"].value
        assert meta["dagster/row_count"].value == 0
    meta = per_partition[report_id_for(SEED)]
    assert "error" not in meta
    assert meta["dagster/row_count"].value > 0
