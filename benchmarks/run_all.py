"""Run every benchmark in turn and print their figures (``make bench``).

Each benchmark is its own script (``python -m benchmarks.<name>``) and runs in its own
process, so one's imports, caches and memory do not colour the next one's figures. A
benchmark that fails is reported and the others still run; the exit status is non-zero if
any failed.

    python -m benchmarks.run_all                    # all, full sizes
    python -m benchmarks.run_all --quick            # build_scale on N = 1, 10, 100 only
    python -m benchmarks.run_all --only build_scale
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: The benchmarks, cheapest first.
BENCHMARKS = ("extract_speed", "ingest_speed", "accuracy", "build_scale")

#: Extra arguments for ``--quick``.
QUICK_ARGS = {"build_scale": ["--sizes", "1,10,100"]}


def run_one(name: str, extra: list[str]) -> tuple[int | None, float]:
    """Run ``benchmarks.<name>``; return (exit code or None if absent, seconds)."""
    if not (HERE / f"{name}.py").exists():
        return None, 0.0
    start = time.perf_counter()
    code = subprocess.call([sys.executable, "-m", f"benchmarks.{name}", *extra], cwd=HERE.parent)
    return code, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run_all", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes where a benchmark allows")
    parser.add_argument("--only", default="", help="comma-separated subset, e.g. build_scale")
    args = parser.parse_args(argv)

    names = [n for n in BENCHMARKS if not args.only or n in args.only.split(",")]
    summary = []
    for name in names:
        print(f"\n## {name}\n", flush=True)
        code, seconds = run_one(name, QUICK_ARGS.get(name, []) if args.quick else [])
        status = "not present" if code is None else ("ok" if code == 0 else f"FAILED (exit {code})")
        summary.append((name, status, seconds))

    print("\n## summary\n")
    for name, status, seconds in summary:
        print(f"- {name}: {status} ({seconds:.1f} s)")
    return 1 if any(status.startswith("FAILED") for _, status, _ in summary) else 0


if __name__ == "__main__":
    raise SystemExit(main())
