"""A sha256 of everything the extractor emits on the dev files, to prove a speed-up changed nothing.

Run: ``.venv/bin/python -m benchmarks.output_fingerprint [--json OUT] [--extra DIR ...]``.
Speed work on ``pipeline.extract`` must leave every output value as it was; the accuracy
benchmark only scores the attributes it has gold for, so this script fingerprints all of
them: every Figure field and every Skipped entry, in order, for each file of ``seeds/``,
``tests/fixtures/corpus``, ``tests/fixtures/dev_extra`` and any ``--extra`` directory (its
``*.txt`` and ``*.md``: pages kept outside the repository). Floats are written
with ``repr`` so that a change in the last bit shows. The canonical JSON can be written
with ``--json`` to diff two runs file by file. A benchmark helper, not a test: exits 0.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
from pathlib import Path

from pipeline.errors import ReportError
from pipeline.extract import extract_figures
from pipeline.ingest import read_report

REPO = Path(__file__).resolve().parent.parent
DEV_DIRS = (REPO / "seeds", REPO / "tests" / "fixtures" / "corpus", REPO / "tests" / "fixtures" / "dev_extra")


def _canonical(value: object) -> object:
    """A JSON value for one field; floats as ``repr`` so equal JSON means equal bits."""
    return repr(value) if isinstance(value, float) else value


def build_record(path: Path) -> dict[str, object]:
    """All figures and skipped spans of one file, each as a list of its fields in declaration order."""
    try:
        doc = read_report(path)
    except ReportError as exc:
        return {"file": str(path.relative_to(path.parent.parent)), "error": exc.reason}
    extraction = extract_figures(doc)
    return {
        "file": str(path.relative_to(path.parent.parent)),
        "figures": [[_canonical(v) for v in dataclasses.astuple(f)] for f in extraction.figures],
        "skipped": [list(dataclasses.astuple(s)) for s in extraction.skipped],
    }


def list_files(extra: list[Path]) -> list[Path]:
    """The dev files, then the ``*.txt`` and ``*.md`` files of each extra directory, sorted."""
    files = [p for d in DEV_DIRS for p in sorted(d.iterdir()) if p.is_file()]
    for directory in extra:
        files += sorted(p for p in directory.iterdir() if p.suffix in (".txt", ".md") and p.is_file())
    return files


def main() -> None:
    """Print the per-file counts, the total and the sha256 of the canonical JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the canonical JSON here")
    parser.add_argument("--extra", type=Path, action="append", default=[], help="more directories of pages")
    args = parser.parse_args()
    records = [build_record(p) for p in list_files(args.extra)]
    text = json.dumps(records, ensure_ascii=False, indent=0, sort_keys=True)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    figures = sum(len(r.get("figures", ())) for r in records)
    skipped = sum(len(r.get("skipped", ())) for r in records)
    print(f"files {len(records)}  figures {figures}  skipped {skipped}")
    print(f"sha256 {hashlib.sha256(text.encode('utf-8')).hexdigest()}")


if __name__ == "__main__":
    main()
