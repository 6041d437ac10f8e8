"""An exclusive per-dataset publish lock that dies with its holder.

``fcntl.flock`` on ``releases/<dataset>/.lock``: the kernel releases it when the holding
process exits or is killed, so a crashed publish never leaves a stale lock behind. The
holder's pid is written into the file so that a waiting run can say who it waits for.
The file itself is never deleted (deleting a lock file races with the next locker).
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import PublishError

LOCK_NAME = ".lock"


def read_lock_holder(folder: Path) -> int | None:
    """The pid recorded by the last holder of the lock, if any."""
    try:
        text = (folder / LOCK_NAME).read_text(encoding="ascii").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


@contextmanager
def publish_lock(folder: Path, timeout: float = 600.0, poll: float = 0.05) -> Iterator[Path]:
    """Hold the publish lock of ``folder`` for the ``with`` block; wait up to ``timeout`` seconds."""
    path = folder / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise PublishError(f"cannot create the publish lock {path}: {err.strerror}") from err
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = read_lock_holder(folder)
                    raise PublishError(
                        f"another publish (pid {holder}) holds {path}; gave up after {timeout:g}s"
                    ) from None
                time.sleep(poll)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
