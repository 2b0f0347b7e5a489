"""A real `csc build` (a subprocess, on the small landing) killed with SIGKILL during the landing gate, during
`dbt build` and between the build and the rename; a second build while one holds the lock (refused, then waiting
for it); a build that runs out of disk; and the same landing built twice gives the same marts.

To keep CI short the kills are one chain, in one module fixture: a small published warehouse (synthetic), three
killed builds (each the "next run" of the one before: it must remove the leftovers and take over the lock), then
one build that must wait for a lock held by another process and publish. csc.publish without dbt: test_publish.py.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest
from helpers import hold_lock, read_until

from csc.db import content_hash
from csc.publish import (
    building_file,
    building_files,
    checksum_file,
    lock_file,
    process_alive,
    publish,
    verify_published,
)

CSC = Path(sys.executable).with_name("csc")
SAFETY_SECONDS = 900  # only so that a broken build cannot hang CI; nothing is timed


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def children(pid: int) -> dict[int, str]:
    """The child processes of `pid` and their command lines."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if ppid == pid:
                found[int(stat.parent.name)] = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError, ValueError):
            continue
    return found


def wait_for(condition: Callable[[], object], proc: subprocess.Popen | None, log: Path | None, what: str) -> None:
    """Poll until `condition()`; fail if `proc` ends first."""
    deadline = time.monotonic() + SAFETY_SECONDS
    while not condition():
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"csc ended (exit {proc.returncode}) before {what}:\n{log.read_text() if log else ''}")
        if time.monotonic() > deadline:
            pytest.fail(f"no {what} after {SAFETY_SECONDS} s")
        time.sleep(0.02)


def lock_is_free(warehouse: Path) -> bool:
    """Whether nobody holds the warehouse's lock (tested without taking it over: the lock file is not changed)."""
    fd = os.open(lock_file(warehouse), os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def small_warehouse(warehouse: Path) -> None:
    """A published warehouse that is not a build (no councils, so any landing may replace it)."""
    building = building_file(warehouse)
    con = duckdb.connect(str(building))
    con.execute("create schema raw; create schema marts")
    con.execute("create table raw.manifests (la_code varchar, la_name varchar)")
    con.execute("create table marts.placeholder as select range as id from range(100)")
    con.close()
    publish(building, warehouse)


@dataclass
class Run:
    """One `csc build` process, its output in a log file."""

    proc: subprocess.Popen
    log: Path

    @property
    def output(self) -> str:
        return " ".join(self.log.read_text().split())

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        assert self.proc.returncode == -signal.SIGKILL


@dataclass
class Kill:
    """What a killed build left: the published file's digest, its leftovers, and the lock."""

    point: str
    run: Run
    digest: str
    leftovers: list[str]
    lock_free: bool
    lock_names_it: bool
    dbt_survived: bool = False


@dataclass
class Chain:
    warehouse: Path
    baseline: str
    kills: list[Kill] = field(default_factory=list)
    prepublished: Path | None = None  # the finished file the last killed build was about to publish
    refused: Run | None = None
    holder_pid: int = 0
    final: Run | None = None


class Builds:
    def __init__(self, folder: Path, warehouse: Path, landing: Path) -> None:
        self.folder, self.n = folder, 0
        self.env = dict(os.environ, CSC_WAREHOUSE=str(warehouse), CSC_LANDING=str(landing), COLUMNS="250")
        self.env["CSC_REPORTS"] = str(folder / "reports")
        for name in ("CSC_PAUSE_AT", "CSC_PAUSE_MARKER", "CSC_PAUSE_SECONDS"):
            self.env.pop(name, None)

    def start(self, *args: str, **env: str) -> Run:
        self.n += 1
        log = self.folder / f"build-{self.n}.log"
        with log.open("w") as out:
            proc = subprocess.Popen(
                [str(CSC), "build", *args], stdout=out, stderr=subprocess.STDOUT, env={**self.env, **env}
            )
        return Run(proc, log)


def _killed(point: str, run: Run, warehouse: Path, dbt_pid: int | None = None) -> Kill:
    run.kill()
    survived = False
    if dbt_pid is not None:  # dbt dies with csc (csc.publish.die_with_parent): the kernel kills it
        deadline = time.monotonic() + 60  # a safety net only: it is dead within milliseconds
        while process_alive(dbt_pid) and time.monotonic() < deadline:
            time.sleep(0.02)
        survived = process_alive(dbt_pid)
        if survived:
            os.kill(dbt_pid, signal.SIGKILL)
    lock_names_it = f'"pid": {run.proc.pid},' in lock_file(warehouse).read_text()
    leftovers = [p.name for p in building_files(warehouse)]
    return Kill(point, run, digest(warehouse), leftovers, lock_is_free(warehouse), lock_names_it, survived)


@pytest.fixture(scope="module")
def chain(small_landing, tmp_path_factory) -> Iterator[Chain]:
    folder = tmp_path_factory.mktemp("faults")
    warehouse = folder / "wh" / "csc.duckdb"
    warehouse.parent.mkdir()
    small_warehouse(warehouse)
    result = Chain(warehouse, digest(warehouse))
    builds = Builds(folder, warehouse, small_landing)

    # 1. killed during the landing gate: its database exists, dbt has not started
    run = builds.start()
    wait_for(lambda: building_file(warehouse, pid=run.proc.pid).exists(), run.proc, run.log, "the gate's database")
    assert not any("dbt" in cmd for cmd in children(run.proc.pid).values())
    result.kills.append(_killed("gate", run, warehouse))

    # 2. killed during `dbt build`
    run = builds.start()
    dbt: dict[int, str] = {}
    wait_for(
        lambda: dbt.update({p: c for p, c in children(run.proc.pid).items() if " build " in c}) or dbt,
        run.proc,
        run.log,
        "a dbt build process",
    )
    result.kills.append(_killed("dbt", run, warehouse, dbt_pid=next(iter(dbt))))

    # 3. killed between the build and the rename (the pause hook), its finished file kept for test_determinism
    marker = folder / "paused"
    run = builds.start(CSC_PAUSE_AT="before_publish", CSC_PAUSE_MARKER=str(marker))
    wait_for(marker.exists, run.proc, run.log, "the pause before the publish")
    result.prepublished = folder / "prepublished.duckdb"
    shutil.copy(building_file(warehouse, pid=run.proc.pid), result.prepublished)
    result.kills.append(_killed("before_publish", run, warehouse))

    # 4. the published file damaged (appended to); another process holds the lock
    with warehouse.open("ab") as f:
        f.write(b"\0" * 4096)
    holder = hold_lock(warehouse)
    try:
        read_until(holder, "locked")
        result.holder_pid = holder.pid
        result.refused = builds.start()  # --wait 0: refuses at once
        result.refused.proc.wait()
        # 5. waits for the lock, then removes the leftovers, replaces the damaged file and publishes
        result.final = builds.start("--wait", "600")
        final = result.final
        wait_for(lambda: "Waiting up to 600 s" in final.output, final.proc, final.log, "the wait for the lock")
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait()
        final.proc.wait()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    yield result


def test_a_build_killed_at_any_point_leaves_the_published_file_untouched_and_the_lock_free(chain):
    assert [k.point for k in chain.kills] == ["gate", "dbt", "before_publish"]
    for kill in chain.kills:
        assert kill.digest == chain.baseline, kill.point
        assert kill.lock_free and kill.lock_names_it, kill.point  # free, its record left behind (stale)
        # what it was writing is left behind (for the next run to remove), nothing else
        pid = kill.run.proc.pid
        assert kill.leftovers and all(n.startswith(f".csc.building-{pid}") for n in kill.leftovers), kill.point
        assert not kill.dbt_survived, kill.point  # dbt died with csc: no dbt writes on into target/


def test_the_next_build_removes_the_leftovers_and_takes_over_the_stale_lock(chain):
    # the runs after kills 1 and 2 said so before they were killed themselves
    for before, after in zip(chain.kills, chain.kills[1:], strict=False):
        pid = before.run.proc.pid
        assert f"Stale lock {lock_file(chain.warehouse)}: held by pid {pid} " in after.run.output, after.point
        for name in before.leftovers:
            assert f"Removed {chain.warehouse.parent / name}: left by build process {pid}," in after.run.output
    assert chain.final is not None
    last = chain.kills[-1]
    for name in last.leftovers:
        assert f"Removed {chain.warehouse.parent / name}: left by build process {last.run.proc.pid}," in (
            chain.final.output
        )


def test_a_second_build_refuses_at_once_or_waits_for_the_lock(chain):
    assert chain.refused is not None and chain.final is not None
    assert chain.refused.proc.returncode == 1
    out = chain.refused.output
    assert "csc build: another build is running on the warehouse" in out
    assert f"locked by pid {chain.holder_pid} on " in out and ", started at 20" in out and "(test holder)" in out
    assert "Nothing was built or changed" in out and "Landing gate" not in out
    final = chain.final.output
    assert f"Waiting up to 600 s for the build holding {lock_file(chain.warehouse)}: pid {chain.holder_pid}" in final
    assert chain.final.proc.returncode == 0, final
    assert final.index("Waiting up to") < final.index("Landing gate") < final.index("Published")


def test_the_build_after_the_faults_replaces_the_damaged_file_and_publishes(chain):
    assert chain.final is not None and chain.final.proc.returncode == 0
    out = chain.final.output
    assert f"Checksum mismatch: the published warehouse {chain.warehouse} does not match" in out
    assert "(truncated or extended)" in out and "This build does not read it and replaces it." in out
    assert verify_published(chain.warehouse).ok
    assert building_files(chain.warehouse) == [] and lock_file(chain.warehouse).read_text() == ""
    assert sorted(p.name for p in chain.warehouse.parent.iterdir()) == [
        ".csc.lock",
        ".csc.sha256",
        "csc.duckdb",
    ]
    assert checksum_file(chain.warehouse).exists()
    con = duckdb.connect(str(chain.warehouse), read_only=True)
    try:
        assert con.execute("select councils from audit.build_info").fetchone() == ("E08000018,E10000020",)
    finally:
        con.close()


def test_two_builds_of_the_same_landing_give_the_same_marts(chain, tmp_path):
    """The finished file of the build killed before its publish, and the final build: the same landing."""
    assert chain.prepublished is not None and chain.final is not None and chain.final.proc.returncode == 0
    con = duckdb.connect(str(chain.prepublished), read_only=True)
    try:
        con.execute(f"attach '{chain.warehouse}' as second (read_only)")
        marts_hash = "select marts_hash from {}audit.build_info"
        first = con.execute(marts_hash.format("")).fetchone()
        assert first is not None and first == con.execute(marts_hash.format("second.")).fetchone()
        assert first[0] == content_hash(con, "marts")
        tables = con.execute(
            "select table_name from duckdb_tables() where schema_name = 'marts' and database_name = current_database()"
        ).fetchall()
        assert len(tables) > 20
        for (table,) in tables:
            for a, b in (("", "second."), ("second.", "")):
                sql = f"select * from {a}marts.{table} except all select * from {b}marts.{table}"
                assert con.execute(f"select count(*) from ({sql})").fetchone() == (0,), (table, a, b)
    finally:
        con.close()
    # one value of one mart changed: another hash
    changed = tmp_path / "changed.duckdb"
    shutil.copy(chain.prepublished, changed)
    con = duckdb.connect(str(changed))
    try:
        one_row = "where rowid = (select min(rowid) from marts.indicator_values where numerator is not null)"
        assert con.execute(f"update marts.indicator_values set numerator = numerator + 1 {one_row}").fetchone() == (1,)
        assert content_hash(con, "marts") != first[0]
    finally:
        con.close()


# -- a full disk -----------------------------------------------------------------------------------------------------

LIMIT_MB = 4


def _limit_file_size() -> None:  # in the child, before exec: writes past LIMIT_MB fail with EFBIG
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT_MB << 20, LIMIT_MB << 20))


@pytest.fixture
def small_disk(tmp_path) -> Iterator[tuple[Path, Callable[[], None] | None]]:
    """A folder with room for LIMIT_MB only: a tmpfs of that size when this runs as root (mounted here,
    unmounted after), else a file-size limit on the build (RLIMIT_FSIZE, SIGXFSZ ignored). CSC_TEST_DISK_LIMIT
    =rlimit forces the second."""
    folder = tmp_path / "small"
    folder.mkdir()
    if os.geteuid() == 0 and os.environ.get("CSC_TEST_DISK_LIMIT") != "rlimit":
        mount = ["mount", "-t", "tmpfs", "-o", f"size={LIMIT_MB}m", "tmpfs", str(folder)]
        if subprocess.run(mount, capture_output=True).returncode == 0:
            try:
                yield folder, None
            finally:
                subprocess.run(["umount", str(folder)], check=True)
            return
    if not hasattr(resource, "RLIMIT_FSIZE"):
        pytest.skip("neither a tmpfs (needs root) nor a file-size limit (RLIMIT_FSIZE) is available here")
    yield folder, _limit_file_size


def test_a_build_that_runs_out_of_disk_says_so_and_publishes_nothing(small_disk, small_landing, tmp_path):
    folder, preexec = small_disk
    warehouse = folder / "csc.duckdb"
    small_warehouse(warehouse)
    before = digest(warehouse)
    env = dict(os.environ, CSC_WAREHOUSE=str(warehouse), CSC_LANDING=str(small_landing), COLUMNS="250")
    env["CSC_REPORTS"] = str(tmp_path / "reports")
    done = subprocess.run(
        [str(CSC), "build"], env=env, capture_output=True, text=True, preexec_fn=preexec, timeout=SAFETY_SECONDS
    )
    out = " ".join(done.stdout.split())
    assert done.returncode == 1, out
    assert "the disk is full" in out and f"no space left to write in {folder} (" in out
    assert f"Nothing was published: the warehouse {warehouse} was not changed" in out
    assert "Traceback" not in done.stdout + done.stderr
    assert digest(warehouse) == before and verify_published(warehouse).ok
    assert sorted(p.name for p in folder.iterdir()) == [".csc.lock", ".csc.sha256", "csc.duckdb"]
