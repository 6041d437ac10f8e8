"""Speed of extract_figures on the dev corpus, next to a bare regex scan of number spans.

Run: ``.venv/bin/python -m benchmarks.extract_speed [--mb 5] [--repeat 5]``. The corpus
(seed and tests/fixtures/corpus) is concatenated and repeated to at least ``--mb`` MB of
UTF-8 text, read once into a Document (ingest is not timed), then timed ``--repeat`` times
each, in the same run:

- ``extract_figures``: the whole extractor (masking, grammar, links, context, figures);
- a bare ``re.finditer`` over number spans of the same text, the floor any extractor pays;
- ``extract_figures`` on the first half of the text, for linearity (full/half time is
  2.0 for a linear extractor).

Each is timed in CPU seconds of this process (``time.process_time``: what one core
spends, little affected by other work on the machine) and in wall seconds
(``time.perf_counter``); the median and the best of the repetitions are printed, with
chars/s and MB/s from the median. The bar of issue 3 is 1,000,000 chars/s on one core.
A benchmark, not a test: always exits 0.
"""

from __future__ import annotations

import argparse
import gc
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pipeline.extract import extract_figures
from pipeline.ingest import read_report
from pipeline.ingest.document import Document

REPO = Path(__file__).resolve().parent.parent
BARE_NUMBER = re.compile(r"[0-9０-９.．,，]+|[零〇一二两三四五六七八九十百千万亿]+")
BAR_CHARS_PER_S = 1_000_000


def corpus_text() -> str:
    """The seed and the dev corpus, each as the ingest step decodes it."""
    paths = [REPO / "seeds" / "000_809e7810154ce7d6.txt"]
    paths += sorted((REPO / "tests" / "fixtures" / "corpus").glob("*.txt"))
    return "\n".join(read_report(p).source_text for p in paths)


def read_text(text: str) -> Document:
    """``text`` read through the ingest step, as a report file holding it would be."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus_repeated.txt"
        path.write_text(text, encoding="utf-8")
        return read_report(path)


class Timing:
    """CPU and wall seconds of each repetition of one timed call."""

    def __init__(self, func: Callable[[], object], repeat: int) -> None:
        self.cpu: list[float] = []
        self.wall: list[float] = []
        for _ in range(repeat):
            gc.collect()  # the previous run's garbage is not this run's cost
            w0, c0 = time.perf_counter(), time.process_time()
            func()
            c1, w1 = time.process_time(), time.perf_counter()
            self.cpu.append(c1 - c0)
            self.wall.append(w1 - w0)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)

    @property
    def wall_median(self) -> float:
        return statistics.median(self.wall)


def _row(name: str, t: Timing, n_chars: int, n_bytes: int, items: int) -> str:
    cpu, wall = t.cpu_median, t.wall_median
    return (
        f"{name:17}{cpu:8.3f}{min(t.cpu):8.3f}{n_chars / cpu:13,.0f}{n_bytes / cpu / 1e6:7.2f}"
        f"{wall:9.3f}{min(t.wall):8.3f}{n_chars / wall:13,.0f}{items:9,}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="minimum size of the timed text (MB of UTF-8)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each measurement (median shown)")
    args = parser.parse_args(argv)

    base = corpus_text()
    copies = max(1, int(args.mb * 1_000_000 / len(base.encode("utf-8"))) + 1)
    while True:
        doc = read_text("\n".join([base] * copies))
        if len(doc.clean_text.encode("utf-8")) >= args.mb * 1_000_000:
            break
        copies += max(1, copies // 10)
    text = doc.clean_text
    n_chars, n_bytes = len(text), len(text.encode("utf-8"))
    half_doc = read_text(text[: n_chars // 2])
    n_half = len(half_doc.clean_text)

    n_figures = len(extract_figures(doc).figures)  # warm-up: imports, compiled patterns
    n_half_figures = len(extract_figures(half_doc).figures)
    n_spans = sum(1 for _ in BARE_NUMBER.finditer(text))
    t_extract = Timing(lambda: extract_figures(doc), args.repeat)
    t_bare = Timing(lambda: sum(1 for _ in BARE_NUMBER.finditer(text)), args.repeat)
    t_half = Timing(lambda: extract_figures(half_doc), args.repeat)

    size = f"{n_chars:,} chars, {n_bytes / 1e6:.2f} MB UTF-8"
    print(f"text: {size} (seed + corpus x{copies}); {args.repeat} runs of each")
    print(f"{'':17}{'---------- CPU (one core) ----------':>36}{'------------ wall ------------':>39}")
    print(f"{'':17}{'median':>8}{'best':>8}{'chars/s':>13}{'MB/s':>7}{'median':>9}{'best':>8}{'chars/s':>13}{'items':>9}")
    print(_row("extract_figures", t_extract, n_chars, n_bytes, n_figures))
    print(_row("bare regex scan", t_bare, n_chars, n_bytes, n_spans))
    print(_row("extract, 1st half", t_half, n_half, len(half_doc.clean_text.encode("utf-8")), n_half_figures))
    print(f"ratio extract/bare regex (CPU medians): {t_extract.cpu_median / t_bare.cpu_median:.1f}x")
    print(
        f"linearity: full/half CPU time = {t_extract.cpu_median / t_half.cpu_median:.2f} "
        f"for {n_chars / n_half:.2f}x the text (equal when linear)"
    )
    speed = n_chars / t_extract.cpu_median
    verdict = "met" if speed >= BAR_CHARS_PER_S else "NOT met"
    ratio = speed / BAR_CHARS_PER_S
    print(f"bar {BAR_CHARS_PER_S:,} chars/s on one core: {verdict} ({ratio:.2f}x the bar, CPU median)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
