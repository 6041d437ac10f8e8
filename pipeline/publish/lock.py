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
from collections.abc import Callable, Iterator
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
def publish_lock(
    folder: Path, timeout: float = 600.0, poll: float = 0.05, on_wait: Callable[[], None] | None = None
) -> Iterator[Path]:
    """Hold the publish lock of ``folder`` for the ``with`` block; wait up to ``timeout`` seconds.

    ``on_wait`` is called once when the lock is found taken, before waiting starts.
    """
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
                if on_wait is not None:
                    on_wait()
                    on_wait = None
                if time.monotonic() >= deadline:
                    holder = read_lock_holder(folder)
                    raise PublishError(
                        f"another publish (pid {holder}) holds {path}; gave up after {timeout:g}s"
                    ) from None
                time.sleep(poll)
        _record_holder(fd, f"{os.getpid()}\n")
        try:
            yield path
        finally:
            _record_holder(fd, "")
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _record_holder(fd: int, text: str) -> None:
    """Best effort: the pid is for messages only, so a full disk must not stop the publish here."""
    try:
        os.ftruncate(fd, 0)
        if text:
            os.pwrite(fd, text.encode("ascii"), 0)
    except OSError:
        pass
