"""A real PostgreSQL server for the tests, from Debian's `postgresql` package (`make postgres` installs it).

`pg_server` (session fixture) runs `initdb` on a new temporary folder, starts the server on a free port of
127.0.0.1 with its unix socket in that folder and every statement logged with its user (`log_statement =
all`), and stops it and removes the folder at the end of the session, also when a test failed.
PostgreSQL refuses to run as root: under root the folder is given to the `postgres` OS user and the
binaries run as that user. Without the binaries the tests fail (never skip): run `make postgres`.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

SUPERUSER = "postgres"
SUPERUSER_PASSWORD = "test-superuser-password"


def server_binaries() -> Path | None:
    """The newest /usr/lib/postgresql/<version>/bin holding initdb, pg_ctl and postgres."""
    found = []
    for bin_dir in glob.glob("/usr/lib/postgresql/*/bin"):
        path = Path(bin_dir)
        if all((path / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            version = path.parent.name
            found.append((int(version) if version.isdigit() else 0, path))
    return max(found)[1] if found else None


@dataclass
class PgServer:
    host: str
    port: int
    folder: Path
    log_file: Path

    def url(self, user: str = SUPERUSER, password: str = SUPERUSER_PASSWORD, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{user}:{password}@{self.host}:{self.port}/{database}"

    def connect(self, database: str = "postgres", **kwargs) -> psycopg.Connection:
        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=SUPERUSER,
            password=SUPERUSER_PASSWORD,
            dbname=database,
            autocommit=True,
            **kwargs,
        )

    def log(self) -> str:
        return self.log_file.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as() -> dict:
    """subprocess options to run the server binaries: as `postgres` under root, else as ourselves."""
    if os.geteuid() != 0:
        return {}
    try:
        pw = pwd.getpwnam("postgres")
    except KeyError:
        pytest.fail("running as root, but there is no `postgres` OS user to run PostgreSQL: run `make postgres`")
    return {"user": pw.pw_uid, "group": pw.pw_gid, "extra_groups": []}


def _chown_tree(path: Path, as_user: dict) -> None:
    if not as_user:
        return
    for root, dirs, files in os.walk(path):
        for name in [root, *(os.path.join(root, d) for d in dirs), *(os.path.join(root, f) for f in files)]:
            os.chown(name, as_user["user"], as_user["group"])


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bin_dir = server_binaries()
    if bin_dir is None:
        pytest.fail(
            "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found under /usr/lib/postgresql/*/bin: "
            "run `make postgres` (installs Debian's postgresql package)"
        )
    as_user = _run_as()
    # not under pytest's tmp_path: /tmp/pytest-of-root is closed to the postgres user
    folder = Path(tempfile.mkdtemp(prefix="csc-pg-"))
    data, log_file, pwfile = folder / "data", folder / "server.log", folder / "pwfile"
    pwfile.write_text(SUPERUSER_PASSWORD + "\n")
    _chown_tree(folder, as_user)
    port = free_port()
    try:
        subprocess.run(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                SUPERUSER,
                f"--pwfile={pwfile}",
                "--auth-host=scram-sha-256",
                "--auth-local=trust",
                "--encoding=UTF8",
                "--no-sync",
                "--no-instructions",
            ],
            check=True,
            capture_output=True,
            text=True,
            cwd=folder,  # a folder the postgres user may enter
            **as_user,
        )
        options = " ".join(
            [
                f"-p {port}",
                f"-k {folder}",
                "-c listen_addresses=127.0.0.1",
                "-c log_statement=all",
                '-c "log_line_prefix=%m [%p] %u@%d "',
                "-c fsync=off",
                "-c full_page_writes=off",
                "-c synchronous_commit=off",
            ]
        )
        subprocess.run(
            [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log_file), "-o", options, "-w", "-t", "60", "start"],
            check=True,
            capture_output=True,
            text=True,
            cwd=folder,
            **as_user,
        )
        yield PgServer("127.0.0.1", port, folder, log_file)
    except subprocess.CalledProcessError as exc:
        log = log_file.read_text(errors="replace")[-2000:] if log_file.exists() else ""
        pytest.fail(f"PostgreSQL did not start: {' '.join(exc.cmd[:1])}: {exc.stderr or exc.stdout}\n{log}")
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                capture_output=True,
                cwd=folder,
                **as_user,
            )
        shutil.rmtree(folder, ignore_errors=True)
