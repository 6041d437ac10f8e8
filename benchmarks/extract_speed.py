"""Speed of extract_figures on the dev corpus, next to a bare regex scan of number spans.

Run: ``.venv/bin/python -m benchmarks.extract_speed [--mb 5] [--repeat 3]``. The corpus
(seed and tests/fixtures/corpus) is concatenated and repeated to at least ``--mb`` MB of
text, read once into a Document, then timed: the full extractor (masking, grammar, links,
context) and a bare ``re.finditer`` over number spans, in the same run. Prints chars/s,
MB/s (UTF-8 bytes of the text) and the ratio. A benchmark, not a test: always exits 0.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from pipeline.extract import extract_figures
from pipeline.ingest import read_report

REPO = Path(__file__).resolve().parent.parent
BARE_NUMBER = re.compile(r"[0-9０-９.．,，]+|[零〇一二两三四五六七八九十百千万亿]+")


def corpus_text() -> str:
    """The seed and the dev corpus, each as the ingest step decodes it."""
    paths = [REPO / "seeds" / "000_809e7810154ce7d6.txt"]
    paths += sorted((REPO / "tests" / "fixtures" / "corpus").glob("*.txt"))
    return "\n".join(read_report(p).source_text for p in paths)


def best_of(repeat: int, func) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="minimum size of the timed text (MB)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    args = parser.parse_args(argv)

    base = corpus_text()
    copies = max(1, int(args.mb * 1_000_000 / len(base.encode("utf-8"))) + 1)
    while True:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "corpus_repeated.txt"
            path.write_text("\n".join([base] * copies), encoding="utf-8")
            doc = read_report(path)
        if len(doc.clean_text.encode("utf-8")) >= args.mb * 1_000_000:
            break
        copies += max(1, copies // 10)
    n_chars = len(doc.clean_text)
    n_bytes = len(doc.clean_text.encode("utf-8"))

    n_figures = len(extract_figures(doc).figures)
    t_extract = best_of(args.repeat, lambda: extract_figures(doc))
    n_spans = sum(1 for _ in BARE_NUMBER.finditer(doc.clean_text))
    t_bare = best_of(args.repeat, lambda: sum(1 for _ in BARE_NUMBER.finditer(doc.clean_text)))

    print(f"text: {n_chars:,} chars, {n_bytes / 1e6:.2f} MB (corpus x{copies}); best of {args.repeat}")
    print(f"{'':22}{'seconds':>9}{'chars/s':>14}{'MB/s':>8}{'items':>10}")
    rows = (("extract_figures", t_extract, n_figures), ("bare regex scan", t_bare, n_spans))
    for name, secs, items in rows:
        print(f"{name:22}{secs:9.3f}{n_chars / secs:14,.0f}{n_bytes / secs / 1e6:8.2f}{items:10,}")
    print(f"ratio extract/bare time: {t_extract / t_bare:.1f}x")

    half = doc.clean_text[: n_chars // 2]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "half.txt"
        path.write_text(half, encoding="utf-8")
        half_doc = read_report(path)
    t_half = best_of(args.repeat, lambda: extract_figures(half_doc))
    print(f"linearity: full/half time = {t_extract / t_half:.2f} (2.00 is linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
