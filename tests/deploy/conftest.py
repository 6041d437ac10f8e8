"""A throwaway PostgreSQL server for the deployment tests.

The server comes from Debian's ``postgresql`` package. When ``pg_ctl`` is missing it is
installed with apt, but only where that is expected to be harmless: as root and with
``CI=true`` or ``POSTGRES_INSTALL=1``. Anywhere else the tests that need it are skipped with
a message saying how to get it. The cluster lives in a temporary folder, listens on a free
loopback port only, runs as the ``postgres`` user when we are root (PostgreSQL refuses to run
as root), and is stopped and deleted at the end of the session.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

DATABASE = "dagster_test"
INSTALL_TIMEOUT_S = 600


@dataclass(frozen=True)
class PgServer:
    """Where the test server listens, and how long it took to get it running."""

    host: str
    port: int
    user: str
    database: str
    bin_dir: Path
    setup_seconds: float
    installed_now: bool

    def dagster_env(self) -> dict[str, str]:
        """The DAGSTER_PG_* variables that deploy/postgres/dagster.yaml reads."""
        return {
            "DAGSTER_PG_HOST": self.host,
            "DAGSTER_PG_PORT": str(self.port),
            "DAGSTER_PG_USERNAME": self.user,
            "DAGSTER_PG_PASSWORD": "",
            "DAGSTER_PG_DB": self.database,
        }

    def dsn(self) -> str:
        return f"host={self.host} port={self.port} user={self.user} dbname={self.database}"


def _find_bin_dir() -> Path | None:
    """The folder holding pg_ctl: on PATH, else the newest /usr/lib/postgresql/<v>/bin."""
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(os.path.realpath(on_path)).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0,
    )
    return Path(candidates[-1]).parent if candidates else None


def _may_install() -> bool:
    return os.geteuid() == 0 and (os.environ.get("CI") == "true" or os.environ.get("POSTGRES_INSTALL") == "1")


def _apt_install() -> None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    cmd = ["apt-get", "install", "-y", "--no-install-recommends", "postgresql"]
    if subprocess.run(cmd, env=env, capture_output=True, timeout=INSTALL_TIMEOUT_S).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, capture_output=True, timeout=INSTALL_TIMEOUT_S)
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_S)
        if done.returncode != 0:
            pytest.skip(f"apt-get install postgresql failed: {done.stderr.strip()[-500:]}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    """Run as ``postgres`` when we are root; as ourselves otherwise."""
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


def _run(cmd: list[str], what: str) -> None:
    done = subprocess.run(_as_server_user(cmd), capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}): {done.stdout}\n{done.stderr}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A running PostgreSQL server with an empty database, for the whole session."""
    start = time.perf_counter()
    bin_dir = _find_bin_dir()
    installed_now = False
    if bin_dir is None:
        if not _may_install():
            pytest.skip(
                "PostgreSQL is not installed (no pg_ctl). Install Debian's `postgresql` package, "
                "or run as root with CI=true or POSTGRES_INSTALL=1 to let the tests install it."
            )
        _apt_install()
        installed_now = True
        bin_dir = _find_bin_dir()
        if bin_dir is None:
            pytest.skip("apt-get installed postgresql but no pg_ctl was found")
    if os.geteuid() == 0:
        try:
            server_user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root but there is no `postgres` user to run the server as")
        if shutil.which("runuser") is None:
            pytest.skip("running as root but `runuser` is missing, so the server cannot drop root")

    root = Path(tempfile.mkdtemp(prefix="pg_deploy_test_"))
    if os.geteuid() == 0:
        os.chown(root, server_user.pw_uid, server_user.pw_gid)
    data, log = root / "data", root / "server.log"
    port = _free_port()
    _run(
        [
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ],
        "initdb",
    )
    options = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} -c fsync=off"
    started = False
    try:
        _run(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(log),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ],
            "pg_ctl start",
        )
        started = True
        _run(
            [str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", DATABASE],
            "createdb",
        )
        yield PgServer(
            host="127.0.0.1",
            port=port,
            user="postgres",
            database=DATABASE,
            bin_dir=bin_dir,
            setup_seconds=time.perf_counter() - start,
            installed_now=installed_now,
        )
    finally:
        if started:
            with contextlib.suppress(Exception):
                _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], "pg_ctl stop")
        shutil.rmtree(root, ignore_errors=True)
