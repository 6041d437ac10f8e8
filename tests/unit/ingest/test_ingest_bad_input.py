"""Bad input is refused with a ReportError naming the file and the reason (real bytes)."""

import io
import random
import zipfile
from pathlib import Path

import pytest

from pipeline.errors import ReportError
from pipeline.ingest import read_report
from pipeline.ingest.read import DEFAULT_MAX_BYTES

from .conftest import GWR_NATIONAL, SEED

PNG_HEADER = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)


def _refused(path: Path, **kwargs) -> ReportError:
    with pytest.raises(ReportError) as caught:
        read_report(path, **kwargs)
    assert caught.value.path == str(path)
    assert str(caught.value).startswith(str(path))
    return caught.value


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_empty_file(tmp_path):
    assert _refused(_write(tmp_path, "empty.txt", b"")).reason == "file is empty"


def test_png_renamed_txt(tmp_path):
    assert "PNG image" in _refused(_write(tmp_path, "photo.txt", PNG_HEADER + bytes(200))).reason


def test_zip_renamed_txt(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("report.txt", SEED.read_bytes())
    assert "zip archive" in _refused(_write(tmp_path, "archive.txt", buffer.getvalue())).reason


def test_random_bytes(tmp_path):
    data = random.Random(5).randbytes(4096)
    assert "binary file" in _refused(_write(tmp_path, "random.txt", data)).reason


def test_random_high_bytes_without_nul_decode_in_no_encoding(tmp_path):
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(4096))
    reason = _refused(_write(tmp_path, "noise.txt", data)).reason
    assert "decodes in no supported encoding" in reason


def test_control_characters_without_nul_are_binary(tmp_path):
    data = bytes(range(1, 9)) * 500
    assert "control characters" in _refused(_write(tmp_path, "ctl.txt", data)).reason


def test_truncated_utf8_at_the_end(tmp_path):
    data = GWR_NATIONAL.read_bytes()
    cut = len(data) - 1
    while (data[cut] & 0xC0) == 0x80 or data[cut] < 0x80:  # back to the lead byte of the last CJK char
        cut -= 1
    reason = _refused(_write(tmp_path, "cut.txt", data[: cut + 1])).reason
    assert "truncated multi-byte UTF-8 sequence at the end" in reason
    assert f"byte {cut}" in reason


def test_truncated_gb18030_at_the_end(tmp_path):
    data = GWR_NATIONAL.read_text(encoding="utf-8").rstrip().encode("gb18030")
    reason = _refused(_write(tmp_path, "cut_gbk.txt", data[:-1])).reason
    assert "truncated multi-byte GB18030 sequence at the end" in reason


def test_invalid_utf16_after_bom(tmp_path):
    data = "报告".encode("utf-16") + b"\x00\xd8\x41\x00"  # unpaired high surrogate
    assert "UTF-16" in _refused(_write(tmp_path, "bad16.txt", data)).reason


def test_size_limit_parameter(tmp_path):
    path = _write(tmp_path, "big.txt", SEED.read_bytes())
    reason = _refused(path, max_bytes=1000).reason
    assert "too large" in reason and "REPORT_MAX_BYTES" in reason


def test_size_limit_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORT_MAX_BYTES", "1000")
    assert "too large" in _refused(_write(tmp_path, "big.txt", SEED.read_bytes())).reason
    monkeypatch.setenv("REPORT_MAX_BYTES", "lots")
    assert "REPORT_MAX_BYTES='lots'" in _refused(tmp_path / "big.txt").reason


def test_size_is_checked_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse 50 MB file: no disk use
        handle.truncate(50 * 1024 * 1024)
    assert path.stat().st_size > DEFAULT_MAX_BYTES

    def no_read(*args, **kwargs):
        raise AssertionError("the file was opened although it is over the limit")

    monkeypatch.setattr(Path, "open", no_read)
    monkeypatch.setattr(Path, "read_bytes", no_read)
    assert "too large (52.4 MB > limit 21.0 MB)" in _refused(path).reason


def test_missing_file(tmp_path):
    assert _refused(tmp_path / "nope.txt").reason == "file not found"
