"""``python -m tests.robustness.driver release ...``: the real CLI with publish step hooks.

It runs :func:`pipeline.cli.main` unchanged, after appending a hook to the publish
module's :data:`~pipeline.publish.release.STEP_HOOKS` (its failure-injection point),
configured by environment variables:

- ``ROBUSTNESS_KILL_AT=<step>``: the process SIGKILLs itself right after that publish step,
  a real crash (no ``finally``, no cleanup, the kernel drops its lock);
- ``ROBUSTNESS_SYNC_DIR=<dir>``: a run that finds the lock taken touches ``<dir>/waiting``;
  a run that takes the lock waits (up to two minutes) for that file before it publishes, so
  two concurrent runs really overlap on the lock instead of happening to run in turn.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from pipeline.cli import main
from pipeline.publish import release

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


if __name__ == "__main__":
    release.STEP_HOOKS.append(_hook)
    sys.exit(main(sys.argv[1:]))
