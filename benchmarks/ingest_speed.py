"""Throughput of read_report: the corpus repeated into one temporary file of >= 5 MB.

Prints MB/s (decoded UTF-8 bytes per second, best of --repeat runs) for a plain-text
report and for an HTML page, plus the peak traced memory of one read.

    .venv/bin/python benchmarks/ingest_speed.py [--mb 5] [--repeat 3]
"""

from __future__ import annotations

import argparse
import html
import tempfile
import time
import tracemalloc
from pathlib import Path

from pipeline.ingest import read_report

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [
    *sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*.txt")),
    ROOT / "seeds" / "000_809e7810154ce7d6.txt",
]


def _corpus_text() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in CORPUS)


def _as_html(text: str) -> str:
    paragraphs = "\n".join(f"<p>&nbsp;{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return f"<html><head><title>bench</title><script>var a=1;</script></head><body>{paragraphs}</body></html>"


def _bench(name: str, text: str, target_mb: float, repeat: int) -> None:
    unit = text.encode("utf-8")
    copies = int(target_mb * 1e6 // len(unit)) + 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}.txt"
        path.write_bytes(unit * copies)
        size = path.stat().st_size
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            doc = read_report(path, max_bytes=size)
            best = min(best, time.perf_counter() - start)
        tracemalloc.start()
        read_report(path, max_bytes=size)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(
        f"{name:6s} {size / 1e6:6.1f} MB  {len(doc.source_text) / 1e6:5.2f} M chars  "
        f"best {best:5.2f} s  {size / 1e6 / best:6.1f} MB/s  peak {peak / 1e6:6.0f} MB  "
        f"{len(doc.sections)} sections"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the test file (default 5 MB)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = _corpus_text()
    _bench("plain", text, args.mb, args.repeat)
    _bench("html", _as_html(text), args.mb, args.repeat)


if __name__ == "__main__":
    main()
