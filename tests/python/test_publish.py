"""csc.publish without dbt: the names of a build's temporary files, the lock, the removal of a killed build's
files, the checksum of the published file (and a publish stopped at each of its steps), a reader holding the
old file through several publishes, a full disk, the pause hook, the marts hash and the options that reach them.
The same with real `csc build` processes killed with SIGKILL: test_faults.py."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from helpers import hold_lock, read_until

import csc.publish
from csc.build import BuildFailure
from csc.cli import main, parser
from csc.config import Settings
from csc.db import content_hash
from csc.gate.issues import GateFailure, blocking
from csc.publish import (
    Checksum,
    Verdict,
    WarehouseLocked,
    building_file,
    building_files,
    building_pid,
    checksum_file,
    disk_full_cause,
    disk_full_message,
    file_checksum,
    lock_file,
    pause_point,
    process_alive,
    publish,
    remove_building_files,
    remove_stale_building_files,
    verify_published,
    warehouse_lock,
)


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def make_db(path: Path, value: int) -> Path:
    """A small database: two tables whose values agree (a consistent warehouse)."""
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute(f"create table marts.a as select range as id, {value} as v from range(1000)")
    con.execute(f"create table marts.b as select {value} as v")
    con.execute("create schema raw")  # what `csc summary` reads
    con.execute("create table raw.manifests (la_code varchar, la_name varchar, extract_date date, period_start date)")
    con.execute("create table raw.landed_files (la_code varchar, rows_landed bigint, rows_quarantined bigint)")
    con.close()
    return path


def publish_value(warehouse: Path, value: int) -> Checksum:
    return publish(make_db(building_file(warehouse), value), warehouse)


@pytest.fixture
def warehouse(tmp_path) -> Path:
    return tmp_path / "wh" / "csc.duckdb"


@pytest.fixture
def holder(warehouse):
    """Another process holding the warehouse's lock until `release` is called."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    proc = hold_lock(warehouse)
    read_until(proc, "locked")

    def release() -> None:
        assert proc.stdin is not None
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.wait()

    yield proc, release
    if proc.poll() is None:
        proc.kill()
        proc.wait()


# -- names ---------------------------------------------------------------------------------------------------------


def test_building_files_are_named_by_pid_and_recognised_with_any_suffix(tmp_path):
    w = tmp_path / "csc.duckdb"
    assert building_file(w, pid=12).name == ".csc.building-12.duckdb"
    assert building_file(w, "base", pid=12).name == ".csc.building-12-base.duckdb"
    assert building_file(w, "checksum", pid=12, extension=".json").name == ".csc.building-12-checksum.json"
    assert building_file(w).name == f".csc.building-{os.getpid()}.duckdb"
    for name, pid in [
        (".csc.building-12.duckdb", 12),
        (".csc.building-12.duckdb.wal", 12),
        (".csc.building-12.duckdb.tmp", 12),  # DuckDB's spill folder
        (".csc.building-12-base.duckdb", 12),
        (".csc.building-12", 12),
        (".csc.building-.duckdb", None),
        (".csc.building-12x.duckdb", None),
        (".cscx.building-12.duckdb", None),
        ("csc.building-12.duckdb", None),
        (".csc.duckdb.building-12", None),
    ]:
        assert building_pid(w, name) == pid, name
    with pytest.raises(ValueError):
        building_file(w, "../x")
    assert building_pid(tmp_path / "a.b+c.duckdb", ".a.b+c.building-3.duckdb") == 3  # the stem is not a pattern
    assert building_pid(tmp_path / "a.b+c.duckdb", ".a.bbc.building-3.duckdb") is None


def test_a_build_removes_all_its_own_files(warehouse):
    warehouse.parent.mkdir()
    mine = [building_file(warehouse), building_file(warehouse, "base")]
    for path in mine:
        path.write_text("x")
    (warehouse.parent / (mine[0].name + ".tmp")).mkdir()
    other = building_file(warehouse, pid=os.getpid() + 1)
    other.write_text("x")
    assert len(building_files(warehouse)) == 4
    assert len(remove_building_files(warehouse)) == 3
    assert building_files(warehouse) == [other]


# -- processes -----------------------------------------------------------------------------------------------------


def test_process_alive_edges():
    assert process_alive(os.getpid())
    assert not process_alive(dead_pid())
    assert not process_alive(0) and not process_alive(-1)
    zombie = subprocess.Popen([sys.executable, "-c", "pass"])
    os.waitid(os.P_PID, zombie.pid, os.WEXITED | os.WNOWAIT)  # ended, not reaped: a zombie
    assert not process_alive(zombie.pid)
    zombie.wait()
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert process_alive(running.pid)
    finally:
        running.kill()
        running.wait()


PARENT = """
import subprocess, sys, time
from csc.publish import die_with_parent
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"],
                         preexec_fn=die_with_parent if sys.argv[1] == "yes" else None)
print(child.pid, flush=True)
time.sleep(120)
"""


@pytest.mark.parametrize("dies", [True, False])
def test_a_child_started_with_die_with_parent_is_killed_with_its_parent(dies):
    parent = subprocess.Popen([sys.executable, "-c", PARENT, "yes" if dies else "no"], stdout=subprocess.PIPE)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    try:
        for _ in range(3000):  # a safety net only: the kernel kills it at once
            if not process_alive(child) or not dies:
                break
            time.sleep(0.02)
        assert process_alive(child) is not dies
    finally:
        if process_alive(child):
            os.kill(child, signal.SIGKILL)


# -- the lock ------------------------------------------------------------------------------------------------------


def test_a_second_build_refuses_at_once_naming_the_holder(warehouse, holder):
    proc, release = holder
    with pytest.raises(WarehouseLocked) as info, warehouse_lock(warehouse, 0):
        pass
    message = str(info.value)
    assert f"pid {proc.pid}" in message and "started at 20" in message and "(test holder)" in message
    assert "--wait SECONDS" in message and str(lock_file(warehouse)) in message
    assert info.value.holder is not None and info.value.holder.pid == proc.pid
    release()
    with warehouse_lock(warehouse, 0) as lock:
        assert lock.stale is None  # released properly: not stale
        assert json.loads(lock_file(warehouse).read_text())["pid"] == os.getpid()
    assert lock_file(warehouse).read_text() == ""


def test_a_build_waits_for_the_lock_and_refuses_when_the_wait_is_over(warehouse, holder):
    proc, release = holder
    with pytest.raises(WarehouseLocked) as info, warehouse_lock(warehouse, 0.3):
        pass
    assert info.value.waited >= 0.3 and f"pid {proc.pid}" in str(info.value)
    # a waiting build proceeds once the holder releases the lock
    waiter = hold_lock(warehouse, 600)
    try:
        waiting = read_until(waiter, "Waiting up to 600 s for the build holding")
        assert f"pid {proc.pid}" in waiting
        release()
        assert read_until(waiter, "locked") == "locked\n"
    finally:
        waiter.kill()
        waiter.wait()


def test_the_lock_of_a_killed_holder_is_free_and_reported_stale(warehouse, holder):
    proc, _ = holder
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with warehouse_lock(warehouse, 0) as lock:
        assert lock.stale is not None and lock.stale.pid == proc.pid and lock.stale.command == "test holder"


def test_the_lock_holds_without_its_record_when_the_disk_is_full(warehouse, monkeypatch):
    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "pwrite", full)
    with warehouse_lock(warehouse, 0), pytest.raises(WarehouseLocked) as info, warehouse_lock(warehouse, 0):
        pass
    assert info.value.holder is None and "a process that has not yet recorded itself" in str(info.value)


def test_a_lock_file_that_is_not_json_names_an_unknown_holder(warehouse):
    warehouse.parent.mkdir()
    lock_file(warehouse).write_text("garbage")
    with warehouse_lock(warehouse, 0) as lock:
        assert lock.stale is not None and lock.stale.pid is None
        assert lock.stale.describe() == "an unknown process"


# -- leftovers of killed builds ------------------------------------------------------------------------------------


def test_stale_building_files_of_dead_processes_are_removed_others_kept(warehouse):
    warehouse.parent.mkdir()
    dead = dead_pid()
    stale = [building_file(warehouse, pid=dead), building_file(warehouse, "base", pid=dead)]
    stale.append(stale[0].with_name(stale[0].name + ".wal"))
    for path in stale:
        path.write_text("x")
    spill = stale[0].with_name(stale[0].name + ".tmp")
    (spill / "sub").mkdir(parents=True)
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = building_file(warehouse, pid=running.pid)
        mine = building_file(warehouse)
        unrelated = warehouse.with_name(".csc.building-notapid.duckdb")
        for path in (live, mine, unrelated, warehouse):
            path.write_text("x")
        cleanup = remove_stale_building_files(warehouse)
    finally:
        running.kill()
        running.wait()
    assert sorted(cleanup.removed) == sorted([*stale, spill])
    assert cleanup.kept == [live]
    assert all(p.exists() for p in (live, mine, unrelated, warehouse))
    assert not any(p.exists() for p in (*stale, spill))


# -- the checksum --------------------------------------------------------------------------------------------------


def test_publish_records_the_checksum_and_verify_finds_damage(warehouse):
    assert verify_published(warehouse).verdict is Verdict.NO_WAREHOUSE
    warehouse.parent.mkdir()
    first = publish_value(warehouse, 1)
    assert first == file_checksum(warehouse)
    assert building_files(warehouse) == []
    assert json.loads(checksum_file(warehouse).read_text())["state"] == "published"
    result = verify_published(warehouse)
    assert result.ok and result.found == first == result.expected
    data = bytearray(warehouse.read_bytes())
    data[len(data) // 2] ^= 1  # one bit changed
    warehouse.write_bytes(bytes(data))
    changed = verify_published(warehouse)
    assert changed.verdict is Verdict.MISMATCH and changed.damaged
    assert changed.found is not None and changed.found.size == first.size and changed.expected == first
    assert f"{first.size:,} bytes" in changed.message() and "truncated" not in changed.message()
    warehouse.write_bytes(bytes(data[: len(data) // 2]))
    truncated = verify_published(warehouse)
    assert truncated.damaged and truncated.found is not None and truncated.found.size == first.size // 2
    assert "truncated or extended" in truncated.message()


def test_a_missing_or_unreadable_checksum_is_reported_not_a_mismatch(warehouse):
    warehouse.parent.mkdir()
    make_db(warehouse, 1)
    assert verify_published(warehouse).verdict is Verdict.MISSING_CHECKSUM
    for text in ("not json", "[]", '{"sha256": 1}'):
        checksum_file(warehouse).write_text(text)
        assert verify_published(warehouse).verdict is Verdict.MISSING_CHECKSUM, text


def _interrupted(monkeypatch, warehouse, value, step):
    """Publish `value`, stopped (like a kill) at `step`: the rename, or the second write of the checksum file."""
    replace, writes = os.replace, []

    def stop_rename(src, dst):
        if Path(dst) == warehouse:
            raise KeyboardInterrupt
        replace(src, dst)

    write = csc.publish._write_atomically

    def stop_second_write(*args):
        writes.append(args)
        if len(writes) == 2:
            raise KeyboardInterrupt
        write(*args)

    if step == "rename":
        monkeypatch.setattr(csc.publish.os, "replace", stop_rename)
    else:
        monkeypatch.setattr(csc.publish, "_write_atomically", stop_second_write)
    with pytest.raises(KeyboardInterrupt):
        publish_value(warehouse, value)
    monkeypatch.undo()


@pytest.mark.parametrize("step", ["rename", "second checksum write"])
def test_a_publish_stopped_at_any_step_leaves_no_false_alarm(warehouse, monkeypatch, step):
    warehouse.parent.mkdir()
    old = publish_value(warehouse, 1)
    _interrupted(monkeypatch, warehouse, 2, step)
    result = verify_published(warehouse)
    assert result.ok, result.message()
    if step == "rename":
        assert result.found == old and "stopped before its rename" in result.note
    else:
        assert result.found != old and result.note == ""
    remove_building_files(warehouse)
    assert publish_value(warehouse, 3) == file_checksum(warehouse) and verify_published(warehouse).ok


def test_a_publish_stopped_before_its_rename_reports_the_old_file_as_it_was(warehouse, monkeypatch):
    warehouse.parent.mkdir()
    make_db(warehouse, 1)  # no checksum (an older csc)
    _interrupted(monkeypatch, warehouse, 2, "rename")
    assert verify_published(warehouse).verdict is Verdict.MISSING_CHECKSUM
    remove_building_files(warehouse)
    publish_value(warehouse, 3)
    warehouse.write_bytes(warehouse.read_bytes()[:-4096])  # damaged, then a publish stopped before its rename
    _interrupted(monkeypatch, warehouse, 4, "rename")
    assert verify_published(warehouse).damaged


def test_verify_reads_again_when_a_publish_replaces_the_file_meanwhile(warehouse, monkeypatch):
    warehouse.parent.mkdir()
    publish_value(warehouse, 1)
    read_record, calls = csc.publish._read_record, []

    def publish_while_reading(w):
        calls.append(w)
        if len(calls) == 1:  # the old file is open: publish a new one before the checksum file is read
            publish_value(warehouse, 2)
        return read_record(w)

    monkeypatch.setattr(csc.publish, "_read_record", publish_while_reading)
    result = verify_published(warehouse)
    assert result.ok and result.found == file_checksum(warehouse) and len(calls) > 2


def test_a_reader_keeps_its_warehouse_through_several_publishes(warehouse):
    warehouse.parent.mkdir()
    publish_value(warehouse, 1)
    analyst = duckdb.connect(str(warehouse), read_only=True)
    query = "select (select count(*) from marts.a where v = b.v), b.v from marts.b"
    try:
        assert analyst.execute(query).fetchall() == [(1000, 1)]
        for value in (2, 3, 4):
            publish_value(warehouse, value)
            assert analyst.execute(query).fetchall() == [(1000, 1)]  # the old file, whole and consistent
            # a new connection (another process: DuckDB shares one instance per path within a process)
            fresh = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    f"import duckdb; print(duckdb.connect({str(warehouse)!r}, read_only=True)"
                    f".execute({query!r}).fetchall())",
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            assert fresh.stdout.strip() == f"[(1000, {value})]"
    finally:
        analyst.close()
    assert verify_published(warehouse).ok


# -- a full disk ---------------------------------------------------------------------------------------------------


def test_disk_full_is_recognised_in_os_duckdb_dbt_and_gate_errors():
    assert disk_full_cause(OSError(errno.ENOSPC, "No space left on device")) is not None
    assert disk_full_cause(OSError(errno.EFBIG, "File too large")) is not None
    assert disk_full_cause(OSError(errno.EACCES, "Permission denied")) is None
    io = duckdb.IOException('IO Error: Could not write file "/w/.csc.building-1.duckdb": No space left on device')
    assert disk_full_cause(io) == str(io)
    dbt = BuildFailure("dbt build failed (exit 2)\n  - model.x: error Runtime Error\n  File too large: '/w/x'")
    assert disk_full_cause(dbt) == "File too large: '/w/x'"
    gate = GateFailure([blocking("ssd_person", "E1/ssd_person.parquet", "loaded", f"could not be loaded: {io}")])
    assert disk_full_cause(gate) is not None
    try:
        try:
            raise io
        except duckdb.Error:
            raise duckdb.FatalException("database has been invalidated") from None
    except duckdb.Error as chained:  # `from None` still keeps __context__
        assert disk_full_cause(chained) == str(io)
    assert disk_full_cause(BuildFailure("a test failed: space_left_ok")) is None
    assert disk_full_cause(KeyboardInterrupt()) is None


def test_the_disk_full_message_says_where_and_that_nothing_was_published(tmp_path):
    w = tmp_path / "csc.duckdb"
    message = disk_full_message(w, f'IO Error: Could not write file "{tmp_path}/.csc.building-1.duckdb": No space')
    assert message.startswith(f"the disk is full: no space left to write in {tmp_path} (")
    assert "MB free of" in message and f"the warehouse {w} was not changed" in message
    (tmp_path / "target").mkdir()
    assert f"write in {tmp_path / 'target'} (" in disk_full_message(w, f"File too large: '{tmp_path}/target/x.json'")
    assert f"write in {tmp_path} (" in disk_full_message(w, "No space left on device")  # the warehouse's folder


# -- the pause hook ------------------------------------------------------------------------------------------------


def test_pause_point_pauses_only_at_the_named_point(tmp_path, monkeypatch):
    marker = tmp_path / "paused"
    monkeypatch.setenv("CSC_PAUSE_MARKER", str(marker))
    monkeypatch.setenv("CSC_PAUSE_SECONDS", "0")
    pause_point("before_publish")
    assert not marker.exists()
    monkeypatch.setenv("CSC_PAUSE_AT", "in_gate")
    pause_point("before_publish")
    assert not marker.exists()
    monkeypatch.setenv("CSC_PAUSE_AT", "before_publish")
    pause_point("before_publish")
    assert marker.read_text() == str(os.getpid())


# -- the marts hash ------------------------------------------------------------------------------------------------


def test_content_hash_ignores_row_order_counts_duplicates_and_sees_one_value():
    def hashed(*statements: str) -> str:
        con = duckdb.connect()
        con.execute("create schema marts; create schema other")
        for sql in statements:
            con.execute(sql)
        return content_hash(con, "marts")

    base = "create table marts.t as select * from (values (1, 'a', 1.5::double), (2, 'b', null)) v(id, s, x)"
    same = hashed(base, "create table marts.e (id int)", "create table other.t as select 1 as id")
    assert same == hashed(base, "create table marts.e (id int)")  # other schemas do not count
    reordered = "create table marts.t as select * from (values (2, 'b', null), (1, 'a', 1.5::double)) v(id, s, x)"
    assert hashed(reordered, "create table marts.e (id int)") == same
    assert hashed(base, "create table marts.e (id int)", "create view marts.v as select 1 as id") == same
    assert hashed(base, "create table marts.e (id int)", "insert into marts.t values (1, 'a', 1.5)") != same
    assert (
        hashed(base, "create table marts.e (id int)", "update marts.t set x = 1.5000000000000002 where id = 1") != same
    )
    assert hashed(base, "create table marts.e (id int)", "update marts.t set s = null where id = 1") != same
    assert hashed(base) != same  # an empty table counts
    assert hashed(base, "create table marts.e (id int)", "insert into marts.e values (0)") != same


# -- options and summary ---------------------------------------------------------------------------------------------


def test_wait_is_an_option_of_build_and_refresh_resolved_in_settings(capsys):
    ap = parser()
    for command in ("build", "refresh"):
        assert ap.parse_args([command, "--wait", "2.5"]).wait == 2.5
        assert ap.parse_args([command]).wait is None
    assert ap.parse_args(["summary"]).wait is None
    assert Settings.resolve(environ={}).wait_seconds == 0.0
    assert Settings.resolve(wait_seconds=0, environ={}).wait_seconds == 0.0
    assert Settings.resolve(wait_seconds=30, environ={}).wait_seconds == 30.0
    for bad in ("-1", "soon", "nan"):
        with pytest.raises(SystemExit) as exit_:
            main(["build", "--wait", bad])
        assert exit_.value.code == 2
        assert "is not a number of seconds" in capsys.readouterr().err


def test_build_refuses_with_exit_1_while_another_holds_the_lock(warehouse, holder, tmp_path, monkeypatch, capsys):
    proc, _ = holder
    monkeypatch.setenv("CSC_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("CSC_LANDING", str(tmp_path / "landing"))
    monkeypatch.setenv("CSC_REPORTS", str(tmp_path / "reports"))
    monkeypatch.setenv("COLUMNS", "300")
    assert main(["refresh"]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "csc refresh: another build is running on the warehouse" in out and f"pid {proc.pid}" in out
    assert not (tmp_path / "reports").exists()  # the gate did not run
    assert building_files(warehouse) == []


def test_summary_reports_the_checksum_and_exits_1_on_a_mismatch(warehouse, monkeypatch, capsys):
    warehouse.parent.mkdir()
    publish_value(warehouse, 1)
    monkeypatch.setenv("CSC_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("COLUMNS", "300")
    assert main(["summary"]) == 0
    assert f"Checksum ok: {warehouse} is the file published (sha256" in capsys.readouterr().out
    warehouse.write_bytes(warehouse.read_bytes() + b"\0" * 10)
    assert main(["summary"]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "Checksum mismatch:" in out and "truncated or extended" in out and "next `csc build`" in out
