"""Command line: ``python -m pipeline {extract,release,validate,diff,docs}``.

``extract``, ``validate`` and ``diff`` call pure code only. ``release`` is the main
job: it runs the Dagster assets in-process on the default embedded instance, so it is
the one command that imports the orchestration layer (lazily).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import NO_FIGURES_WARNING, PublishError, ReportError

#: How long a ``release`` waits for another one on the same Dagster instance (seconds).
RELEASE_LOCK_TIMEOUT = 3 * 3600.0


def _extract(args: argparse.Namespace) -> int:
    from pipeline.extract import extract_figures
    from pipeline.ingest import read_report
    from pipeline.tables import build_indicators_table

    doc = read_report(args.file)
    extraction = extract_figures(doc)
    table = build_indicators_table(doc, extraction.figures)
    for skipped in extraction.skipped:
        print(f"skipped {skipped.text!r} at {skipped.char_start}: {skipped.reason}", file=sys.stderr)
    if table.empty:  # a notice or a speech without numbers is valid input, but worth a look
        print(f"warning: {args.file}: {NO_FIGURES_WARNING}", file=sys.stderr)
    if args.format == "json":
        records = table.astype(object).where(table.notna(), None).to_dict(orient="records")
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        table.to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


def _release(args: argparse.Namespace) -> int:
    from pipeline.defs.run import run_release

    with release_lock():
        return run_release(seeds=args.seeds, releases=args.releases)


@contextmanager
def release_lock(timeout: float = RELEASE_LOCK_TIMEOUT) -> Iterator[Path]:
    """One ``release`` command at a time per Dagster instance; a second one waits its turn.

    Two processes that open a fresh SQLite instance at once can both stamp its schema
    version and leave it unusable ("more than one head present", dagster-io/dagster#27390),
    and two runs on one instance would also add and delete each other's partitions. The
    lock is ``fcntl.flock`` on ``$DAGSTER_HOME/.lock`` (the kernel drops it when its holder
    dies); the folder is the one ``run_release`` uses: ``$DAGSTER_HOME``, else
    ``.dagster_home/`` in the repository.
    """
    from pipeline.config import REPO_ROOT
    from pipeline.publish.lock import publish_lock, read_lock_holder

    home = Path(os.environ.get("DAGSTER_HOME") or REPO_ROOT / ".dagster_home")
    home.mkdir(parents=True, exist_ok=True)

    def waiting() -> None:
        holder = read_lock_holder(home)
        print(f"waiting for another release (pid {holder}) on the Dagster instance {home}", file=sys.stderr)

    with publish_lock(home, timeout=timeout, on_wait=waiting) as path:
        yield path


def _validate(args: argparse.Namespace) -> int:
    from pipeline.config import is_remote
    from pipeline.publish.verify import verify_release

    if is_remote(args.release_dir):  # a version folder on object storage: downloaded, then checked
        from pipeline.publish.remote import verify_remote_release

        problems = verify_remote_release(args.release_dir)
    else:
        problems = verify_release(Path(args.release_dir))
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{args.release_dir}: valid")
    return 1 if problems else 0


def _diff(args: argparse.Namespace) -> int:
    from pipeline.publish.diff import format_diff

    print(format_diff(Path(args.old_dir), Path(args.new_dir)))
    return 0


def _docs(args: argparse.Namespace) -> int:
    from pipeline.docs import render_readme, write_readme_dictionary

    if args.check:
        stale = render_readme(args.readme.read_text(encoding="utf-8")) != args.readme.read_text(
            encoding="utf-8"
        )
        print(f"{args.readme}: data dictionary is {'stale' if stale else 'current'}")
        return 1 if stale else 0
    changed = write_readme_dictionary(args.readme)
    print(f"{args.readme}: data dictionary {'updated' if changed else 'already current'}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, separate from ``main`` so tests and docs can inspect it."""
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    extract = sub.add_parser("extract", help="print the indicators table of one report file")
    extract.add_argument("file", type=Path)
    extract.add_argument("--format", choices=["csv", "json"], default="csv")
    extract.set_defaults(func=_extract)

    release = sub.add_parser("release", help="build and publish the release from the seeds")
    release.add_argument("--seeds", type=Path, default=None, help="default: $SEEDS_DIR or seeds/")
    release.add_argument(
        "--releases",
        default=None,
        help="folder or object-storage URL (s3://…); default: $RELEASES_DIR or releases/",
    )
    release.set_defaults(func=_release)

    validate = sub.add_parser("validate", help="re-check a release folder (a local path or a URL)")
    validate.add_argument(
        "release_dir", help="a version folder, e.g. releases/<dataset>/1.0.0 or s3://…/1.0.0"
    )
    validate.set_defaults(func=_validate)

    diff = sub.add_parser("diff", help="print the changes between two release folders")
    diff.add_argument("old_dir", type=Path)
    diff.add_argument("new_dir", type=Path)
    diff.set_defaults(func=_diff)
    docs = sub.add_parser("docs", help="regenerate the README data dictionary from the pandera models")
    docs.add_argument("--readme", type=Path, default=Path(__file__).resolve().parent.parent / "README.md")
    docs.add_argument("--check", action="store_true", help="exit 1 if the dictionary is stale")
    docs.set_defaults(func=_docs)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; bad input exits 2 with a message naming the file."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (ReportError, PublishError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
