import shutil
from pathlib import Path

from pipeline.seeds import scan_seeds

SEED = Path(__file__).parents[2] / "seeds" / "000_809e7810154ce7d6.txt"


def test_scan_lists_reports_and_skips_side_files(tmp_path):
    shutil.copy(SEED, tmp_path / "quanzhou.txt")
    (tmp_path / "quanzhou.source.yaml").write_text("url: https://example.org\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    scan = scan_seeds(tmp_path)
    assert [f.report_id for f in scan.files] == ["quanzhou"]
    assert scan.rejected == []
    assert scan.files[0].n_bytes == SEED.stat().st_size


def test_duplicate_content_is_rejected_once_and_named(tmp_path):
    shutil.copy(SEED, tmp_path / "a.txt")
    shutil.copy(SEED, tmp_path / "b.txt")
    scan = scan_seeds(tmp_path)
    assert [f.path.name for f in scan.files] == ["a.txt"]
    [rejected] = scan.rejected
    assert rejected.path.name == "b.txt"
    assert "duplicate" in str(rejected) and "a.txt" in str(rejected)


def test_same_stem_different_suffix_is_an_id_clash(tmp_path):
    shutil.copy(SEED, tmp_path / "report.html")
    (tmp_path / "report.txt").write_text("另一份报告，增长5%。", encoding="utf-8")
    scan = scan_seeds(tmp_path)
    assert len(scan.files) == 1
    assert "already taken" in str(scan.rejected[0])


def test_unsafe_names_get_stable_safe_ids(tmp_path):
    name = "2026年 福建省政府工作报告（全文）" + "长" * 60 + ".txt"
    (tmp_path / name).write_bytes(SEED.read_bytes())
    first = scan_seeds(tmp_path).files[0].report_id
    assert first == scan_seeds(tmp_path).files[0].report_id
    assert len(first) <= 57 and first.isascii()
