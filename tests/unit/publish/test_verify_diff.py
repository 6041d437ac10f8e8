"""verify_release finds tampering; diff reports row and schema changes; both via the CLI too."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.config import REPO_ROOT
from pipeline.publish import diff_releases, format_diff, publish_release, verify_release

from .conftest import NOW, with_changed_value


@pytest.fixture
def release(seed_tables, tmp_path) -> Path:
    return publish_release(*seed_tables, tmp_path / "releases", now=NOW).path


def _copy(release: Path, tmp_path: Path) -> Path:
    target = tmp_path / "downloaded"
    shutil.copytree(release, target)
    return target


def test_good_release_is_valid(release):
    assert verify_release(release) == []


def test_tampered_csv_is_caught(release, tmp_path):
    copy = _copy(release, tmp_path)
    data = (copy / "indicators.csv").read_bytes()
    (copy / "indicators.csv").write_bytes(data.replace(b",exact,", b",approx,", 1))
    problems = verify_release(copy)
    assert "indicators.csv: checksum mismatch (file changed since it was published)" in problems
    assert "resource indicators: hash in datapackage.json does not match the file" in problems


def test_damaged_csv_header_is_a_problem_not_a_crash(release, tmp_path):
    copy = _copy(release, tmp_path)
    data = (copy / "reports.csv").read_bytes()
    (copy / "reports.csv").write_bytes(data.replace(b",", b";", 1))
    problems = verify_release(copy, frictionless=False)
    assert (
        "reports.csv: header (report_id;file_name, title, area, year, ...) does not list the schema's fields"
        in problems
    )


def test_wrong_byte_count_is_caught(release, tmp_path):
    copy = _copy(release, tmp_path)
    package = json.loads((copy / "datapackage.json").read_text())
    real = package["resources"][2]["bytes"]
    package["resources"][2]["bytes"] = real + 1
    (copy / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n")
    problems = verify_release(copy)
    name = package["resources"][2]["name"]
    assert f"resource {name}: datapackage says {real + 1} bytes, file has {real}" in problems
    assert "datapackage.json: checksum mismatch (file changed since it was published)" in problems


def test_missing_and_extra_files_are_caught(release, tmp_path):
    copy = _copy(release, tmp_path)
    (copy / "reports.parquet").unlink()
    (copy / "notes.txt").write_text("added later")
    problems = verify_release(copy)
    assert "reports.parquet: listed in SHA256SUMS but missing" in problems
    assert "notes.txt: not listed in SHA256SUMS" in problems
    assert "resource reports-parquet: file reports.parquet missing" in problems


def test_broken_provenance_is_caught_even_with_fixed_checksums(release, tmp_path):
    """A consistent-looking but wrong table (offsets off by one) still fails."""
    copy = _copy(release, tmp_path)
    lines = (copy / "indicators.csv").read_bytes().decode("utf-8-sig").split("\n")
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("char_end")] = str(int(cells[header.index("char_end")]) + 1)
    lines[1] = ",".join(cells)
    (copy / "indicators.csv").write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8"))
    problems = verify_release(copy, frictionless=False)
    assert any("span_matches_quote_length" in p for p in problems), problems
    assert any("char_end - char_start != len(quote)" in p for p in problems), problems
    assert any("CSV and Parquet files hold different rows" in p for p in problems), problems


def test_diff_between_releases(seed_tables, fewer_tables, tmp_path):
    root = tmp_path / "releases"
    old = publish_release(*fewer_tables, root, now=NOW).path
    new = publish_release(*seed_tables, root, now=NOW).path
    diff = diff_releases(old, new)
    added = set(seed_tables[0]["indicator_id"]) - set(fewer_tables[0]["indicator_id"])
    assert diff.count("indicators", "added") == len(added)
    assert diff.count("indicators", "removed") == 0
    assert diff.schema_changes == []
    text = format_diff(old, new)
    assert f"indicators: {len(added)} rows added, 0 removed, 0 changed" in text
    assert format_diff(new, new).splitlines()[-1] == "no differences"


def test_diff_reports_changed_cells(seed_tables, tmp_path):
    root = tmp_path / "releases"
    old = publish_release(*seed_tables, root, now=NOW).path
    new = publish_release(with_changed_value(seed_tables[0], row=0), seed_tables[1], root, now=NOW).path
    text = format_diff(old, new)
    key = seed_tables[0].at[0, "indicator_id"]
    assert f"~ indicators {key} value:" in text


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )


def test_cli_validate_and_diff(release, tmp_path):
    ok = _cli("validate", str(release))
    assert ok.returncode == 0, ok.stderr
    copy = _copy(release, tmp_path)
    (copy / "reports.csv").write_bytes((copy / "reports.csv").read_bytes() + b"\n")
    bad = _cli("validate", str(copy))
    assert bad.returncode != 0
    assert "reports.csv: checksum mismatch" in bad.stderr
    diff = _cli("diff", str(release), str(release))
    assert diff.returncode == 0 and "no differences" in diff.stdout
