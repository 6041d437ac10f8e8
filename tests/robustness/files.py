"""Real bytes for the robustness suite: bad inputs users drop into seeds/, and good variants.

Every builder starts from a real report of the corpus (or a real file format: a PNG
encoder, a zip archive) so the bytes are what a user would really have, not a stub.
"""

from __future__ import annotations

import codecs
import html
import io
import struct
import zipfile
import zlib
from pathlib import Path

from pipeline.config import REPO_ROOT

SEED = REPO_ROOT / "seeds" / "000_809e7810154ce7d6.txt"
CORPUS = REPO_ROOT / "tests" / "fixtures" / "corpus"
NATIONAL = CORPUS / "gwr_national_2020.txt"
NEWS = CORPUS / "news_fujian_cities_gdp_2022h1.txt"
STATCOMM = CORPUS / "statcomm_national_2024_excerpt.txt"
FUJIAN = CORPUS / "gwr_fujian_2026.txt"


def build_png(width: int = 4, height: int = 4) -> bytes:
    """A valid PNG image (grey gradient), as an image viewer would open it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes((x * 40 + y * 20) % 256 for x in range(width)) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def build_zip(source: Path = SEED) -> bytes:
    """A zip archive holding a real report (a user zipped it, then renamed it .txt)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(source.name, source.read_bytes())
    return buffer.getvalue()


def build_corrupted(source: Path = NATIONAL) -> tuple[bytes, int]:
    """A real UTF-8 report with one 0xFF byte in the middle: valid in no supported encoding.

    0xFF is never part of UTF-8 and is not a lead byte in GBK or GB18030. Returns the
    bytes and the offset of the bad byte.
    """
    data = source.read_bytes()
    middle = len(data) // 2
    while data[middle] & 0xC0 == 0x80:  # move to the start of a character
        middle += 1
    return data[:middle] + b"\xff" + data[middle:], middle


def build_truncated(source: Path = NATIONAL) -> tuple[bytes, int]:
    """A real report cut in the middle of its last multi-byte character (an interrupted copy)."""
    data = source.read_bytes().rstrip()
    cut = len(data) - 1
    while data[cut] < 0xC0:  # back to the lead byte of the last multi-byte character
        cut -= 1
    return data[: cut + 1], cut


def write_huge(path: Path, size: int = 50 * 1024 * 1024, source: Path = SEED) -> int:
    """Write ``size`` bytes of a real report repeated (valid UTF-8 text, not a sparse file)."""
    block = source.read_bytes()
    block = block * max(1, (1 << 20) // len(block))
    written = 0
    with path.open("wb") as handle:
        while written < size:
            piece = block[: size - written]
            handle.write(piece)
            written += len(piece)
    return written


# ---- good variants -------------------------------------------------------------------------


def text_of(source: Path) -> str:
    return source.read_text(encoding="utf-8")


def gbk_encodable(source: Path) -> bool:
    try:
        text_of(source).encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


def build_utf16_bom(source: Path) -> bytes:
    return codecs.BOM_UTF16_LE + text_of(source).encode("utf-16-le")


def build_utf8_bom(source: Path) -> bytes:
    return codecs.BOM_UTF8 + source.read_bytes()


def build_crlf(source: Path) -> bytes:
    return text_of(source).replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def build_html_page(source: Path) -> bytes:
    """The report as a news site serves it: head, nav, one <p> per line, entities, scripts."""
    lines = [line for line in text_of(source).splitlines() if line.strip()]
    title = html.escape(lines[0])
    body = "\n".join(f"    <p>{html.escape(line)}</p>" for line in lines[1:])
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>{title}</title>
  <script>var _hmt = _hmt || []; if (a < b && c > d) {{ track("页面"); }}</script>
  <style>p {{ text-indent: 2em; }}</style>
</head>
<body>
  <div class="nav"><a href="/">首页</a> &gt; <a href="/news/">新闻</a></div>
  <h1>{title}</h1>
  <div class="article">
{body}
  </div>
  <div class="footer">版权所有 &copy; 2021</div>
</body>
</html>
"""
    return page.encode("utf-8")
