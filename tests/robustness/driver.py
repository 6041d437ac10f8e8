"""``python -m tests.robustness.driver release ...``: the real CLI with publish step hooks.

It runs :func:`pipeline.cli.main` unchanged, after appending a hook to the publish
module's :data:`~pipeline.publish.release.STEP_HOOKS` (its failure-injection point),
configured by environment variables:

- ``ROBUSTNESS_KILL_AT=<step>``: the process SIGKILLs itself right after that publish step,
  a real crash (no ``finally``, no cleanup, the kernel drops its lock);
- ``ROBUSTNESS_SYNC_DIR=<dir>``: a run that finds a lock taken (the ``release`` command's
  lock on the Dagster instance, or the publish lock) touches ``<dir>/waiting``; a run that
  takes the publish lock waits (up to two minutes) for that file before it publishes, so
  two concurrent runs really overlap instead of happening to run in turn.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from pipeline.cli import main
from pipeline.publish import lock, release

KILL_AT = os.environ.get("ROBUSTNESS_KILL_AT")
SYNC_DIR = os.environ.get("ROBUSTNESS_SYNC_DIR")


def _hook(step: str) -> None:
    if SYNC_DIR and step == "waiting":
        Path(SYNC_DIR, "waiting").touch()
    if SYNC_DIR and step == "locked":
        Path(SYNC_DIR, f"locked-{os.getpid()}").touch()
        deadline = time.monotonic() + 120
        while not Path(SYNC_DIR, "waiting").exists() and time.monotonic() < deadline:
            time.sleep(0.02)
    if step == KILL_AT:
        sys.stderr.flush()
        os.kill(os.getpid(), signal.SIGKILL)


def _signalling_lock(original):
    """``publish_lock`` whose ``on_wait`` also touches ``<sync dir>/waiting``."""

    def wrapped(folder, timeout=600.0, poll=0.05, on_wait=None):
        def waiting():
            _hook("waiting")
            if on_wait is not None:
                on_wait()

        return original(folder, timeout=timeout, poll=poll, on_wait=waiting)

    return wrapped


if __name__ == "__main__":
    release.STEP_HOOKS.append(_hook)
    lock.publish_lock = _signalling_lock(lock.publish_lock)  # looked up at call time by the CLI
    sys.exit(main(sys.argv[1:]))
