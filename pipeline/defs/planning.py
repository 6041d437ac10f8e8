"""Decide what to build: which partitions to add, rebuild or remove, and in which runs.

Shared by the sensor, the schedule and ``python -m pipeline release`` so that all
three agree. Pure: the callers pass in what they read from the seeds folder, the
Dagster instance and the partition store. Nothing here imports dagster.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from pipeline.defs.store import BuiltRecord
from pipeline.seeds import SeedFile


@dataclass(frozen=True)
class SeedChanges:
    """How the seeds folder differs from the registered partitions and the built results."""

    added: list[SeedFile] = field(default_factory=list)
    changed: list[SeedFile] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[SeedFile] = field(default_factory=list)

    @property
    def to_build(self) -> list[SeedFile]:
        """Files whose partition needs a run: new ones, then changed ones."""
        return [*self.added, *self.changed]

    def partition_order(self, partitions: Sequence[str]) -> list[str]:
        """The partition keys after the removals and additions, in Dagster's order."""
        removed = set(self.removed)
        return [k for k in partitions if k not in removed] + [f.report_id for f in self.added]

    def run_key(
        self, built: Callable[[str], BuiltRecord | None], versions: tuple[str, str] = ("", "")
    ) -> str:
        """A run key naming exactly what is built from what, by which code.

        Each file contributes ``id@new_sha@last_built_sha`` plus the code versions: an
        unchanged set of changes gives the same key (Dagster requests nothing twice),
        and a file that goes A -> B -> A still gets a fresh key the second time.
        """
        parts = ["@".join(versions)]
        for seed in sorted(self.to_build, key=lambda s: s.report_id):
            record = built(seed.report_id)
            parts.append(f"{seed.report_id}@{seed.sha256}@{record.sha256 if record else 'none'}")
        return "build-" + hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]

    def summary(self) -> list[str]:
        """One line per change, for sensor tick logs."""
        lines = [f"added {f.path.name} (report {f.report_id}, sha256 {f.sha256[:12]})" for f in self.added]
        lines += [
            f"changed {f.path.name} (report {f.report_id}, sha256 {f.sha256[:12]})" for f in self.changed
        ]
        lines += [f"removed report {key} (its file is gone)" for key in self.removed]
        return lines


def plan_seed_changes(
    files: Iterable[SeedFile],
    partitions: Sequence[str],
    built: Callable[[str], BuiltRecord | None],
    versions: tuple[str, str] | None = None,
) -> SeedChanges:
    """Compare the seed files with the registered partitions and what was last built.

    A file with no partition is *added*; a file whose partition was never built, was
    built from other bytes or (when ``versions`` = (document, tables) code versions is
    given) by other code is *changed*; a partition with no file is *removed*; the rest
    are *unchanged*, including a bad file whose failure is already recorded.
    """
    known = set(partitions)
    changes = SeedChanges()
    present = set()
    for seed in files:
        present.add(seed.report_id)
        if seed.report_id not in known:
            changes.added.append(seed)
            continue
        record = built(seed.report_id)
        other_code = (
            versions is not None
            and record is not None
            and ((record.document_version, record.tables_version) != versions)
        )
        if record is None or record.sha256 != seed.sha256 or other_code:
            changes.changed.append(seed)
        else:
            changes.unchanged.append(seed)
    changes.removed.extend(k for k in partitions if k not in present)
    return changes


def is_current(
    record: BuiltRecord | None, seed: SeedFile, document_version: str, tables_version: str
) -> bool:
    """Whether a partition's stored tables were built from these bytes by this code, without error."""
    return (
        record is not None
        and record.error is None
        and record.sha256 == seed.sha256
        and record.document_version == document_version
        and record.tables_version == tables_version
    )


def contiguous_ranges(order: Sequence[str], wanted: Iterable[str]) -> list[tuple[str, str]]:
    """Cover ``wanted`` keys with the fewest (start, end) ranges of consecutive keys in ``order``.

    A Dagster run covers one partition or one contiguous range, so N scattered
    changes need at most N runs, and N new reports (added together, so adjacent) one.

    >>> contiguous_ranges(["a", "b", "c", "d", "e"], {"b", "c", "e"})
    [('b', 'c'), ('e', 'e')]
    >>> contiguous_ranges(["a", "b"], [])
    []
    """
    wanted = set(wanted)
    ranges: list[tuple[str, str]] = []
    start = prev = None
    for key in order:
        if key in wanted:
            if start is None:
                start = key
            prev = key
        elif start is not None:
            ranges.append((start, prev))
            start = None
    if start is not None:
        ranges.append((start, prev))
    return ranges


def split_into_runs(order: Sequence[str], wanted: Iterable[str], workers: int) -> list[list[tuple[str, str]]]:
    """Share the wanted keys among ``workers`` by count, each share as contiguous ranges.

    Each share becomes one process running one Dagster run per range, so a full build
    keeps every core busy while each run still covers many partitions.

    >>> split_into_runs(["a", "b", "c", "d", "e"], {"a", "b", "c", "e"}, 2)
    [[('a', 'b')], [('c', 'c'), ('e', 'e')]]
    >>> split_into_runs(["a", "b"], {"a"}, 4)
    [[('a', 'a')]]
    """
    keys = [k for k in order if k in set(wanted)]
    workers = max(1, min(workers, len(keys)))
    size, extra = divmod(len(keys), workers)
    shares, start = [], 0
    for i in range(workers):
        end = start + size + (1 if i < extra else 0)
        shares.append(contiguous_ranges(order, keys[start:end]))
        start = end
    return [s for s in shares if s]
