"""Publishing a warehouse file safely: one build at a time, no leftovers of killed builds, a checksum of what
was published, a clear error when the disk is full, and a test hook to stop a build at a chosen point.

Beside the published warehouse `<dir>/<stem>.duckdb` (docs/architecture.md section 6):

    .<stem>.lock                     the lock: one build (or refresh) of this warehouse at a time, taken with
                                     flock (the kernel releases it when its holder dies, even by SIGKILL); it
                                     records the holder's pid, host, start time and command, for messages
    .<stem>.building-<pid>...        every temporary file or folder of the build run by process <pid>: the new
                                     database (`.duckdb`), its `.wal`, DuckDB's spill folder (`.duckdb.tmp`),
                                     and any other (`building_file(warehouse, suffix)`)
    .<stem>.sha256                   the SHA-256 and size of the published file, written when it was published

Under the lock, a building file of any other process is left over by a build that was killed (an older csc
that took no lock aside, no two builds run together): it is removed, after checking that its process is dead.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import re
import shlex
import shutil
import socket
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

import duckdb
from rich.console import Console
from rich.markup import escape

PAUSE_ENV = "CSC_PAUSE_AT"
PAUSE_MARKER_ENV = "CSC_PAUSE_MARKER"
PAUSE_SECONDS_ENV = "CSC_PAUSE_SECONDS"
PAUSE_SECONDS = 600.0
POLL_SECONDS = 0.1


# -- names ------------------------------------------------------------------------------------------------------


def lock_file(warehouse: Path) -> Path:
    """`.<stem>.lock` beside the warehouse. It is never deleted (deleting a lock file lets two processes lock
    two different files of the same name)."""
    return warehouse.with_name(f".{warehouse.stem}.lock")


def checksum_file(warehouse: Path) -> Path:
    """`.<stem>.sha256` beside the warehouse: what `publish` recorded (JSON)."""
    return warehouse.with_name(f".{warehouse.stem}.sha256")


def building_prefix(warehouse: Path) -> str:
    """The start of the name of every temporary file or folder of every build of `warehouse`."""
    return f".{warehouse.stem}.building-"


def building_file(warehouse: Path, suffix: str = "", pid: int | None = None, extension: str = ".duckdb") -> Path:
    """A temporary file of the build run by `pid` (default: this process): `.<stem>.building-<pid>.duckdb`, the
    new database, or `.<stem>.building-<pid>-<suffix><extension>` for another one. Everything named so is
    removed when the build fails (`remove_building_files`) or, if it was killed, by the next build."""
    if suffix and not re.fullmatch(r"[A-Za-z0-9_]+", suffix):
        raise ValueError(f"a building file's suffix is letters, digits and _ only, not {suffix!r}")
    tail = f"-{suffix}" if suffix else ""
    return warehouse.with_name(f"{building_prefix(warehouse)}{pid or os.getpid()}{tail}{extension}")


def building_pid(warehouse: Path, name: str) -> int | None:
    """The process whose build made the file called `name`, or None if it is not a building file of `warehouse`.
    Matches what `building_file` names, and what DuckDB adds to a database's name (`.wal`, `.tmp`)."""
    m = re.fullmatch(re.escape(building_prefix(warehouse)) + r"(\d+)(?:[-.].*)?", name, flags=re.DOTALL)
    return int(m.group(1)) if m else None


def building_files(warehouse: Path, pid: int | None = None) -> list[Path]:
    """The building files beside `warehouse` (of process `pid` only, if given), by name."""
    if not warehouse.parent.is_dir():
        return []
    found = []
    for path in warehouse.parent.glob(building_prefix(warehouse) + "*"):
        owner = building_pid(warehouse, path.name)
        if owner is not None and (pid is None or owner == pid):
            found.append(path)
    return sorted(found)


def _delete(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def remove_building_files(warehouse: Path, pid: int | None = None) -> list[Path]:
    """Remove every temporary file of the build of process `pid` (default: this one); returns them."""
    found = building_files(warehouse, pid or os.getpid())
    for path in found:
        _delete(path)
    return found


# -- processes ---------------------------------------------------------------------------------------------------


def process_alive(pid: int) -> bool:
    """Whether process `pid` runs on this host. A zombie (killed, not yet reaped by its parent) is dead."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")


def die_with_parent() -> None:
    """For `subprocess.Popen(preexec_fn=...)`: on Linux, the child is killed when this process dies, even by
    SIGKILL, so that a killed build leaves no dbt running on into the project's target/ folder. Elsewhere a
    no-op."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    parent = os.getppid()
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before prctl
        os._exit(1)


# -- the lock ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LockHolder:
    """Who holds (or held) a warehouse's lock, as its lock file says."""

    pid: int | None
    host: str
    started_at: str
    command: str

    def describe(self) -> str:
        pid = "an unknown process" if self.pid is None else f"pid {self.pid}"
        host = f" on {self.host}" if self.host else ""
        started = f", started at {self.started_at}" if self.started_at else ""
        command = f" ({self.command})" if self.command else ""
        return f"{pid}{host}{started}{command}"

    def as_json(self) -> str:
        return json.dumps({"pid": self.pid, "host": self.host, "started_at": self.started_at, "command": self.command})

    @classmethod
    def me(cls, command: str | None = None) -> LockHolder:
        argv = [Path(sys.argv[0]).name, *sys.argv[1:]] if sys.argv and sys.argv[0] else ["python"]
        return cls(
            os.getpid(),
            socket.gethostname(),
            datetime.now().isoformat(sep=" ", timespec="seconds"),
            command if command is not None else shlex.join(argv),
        )

    @classmethod
    def parse(cls, text: str) -> LockHolder | None:
        """The holder a lock file's text names; None for an empty file (released); unknown fields for garbage."""
        if not text.strip():
            return None
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise ValueError(text)
            pid = data.get("pid")
            return cls(
                pid if isinstance(pid, int) else None,
                str(data.get("host") or ""),
                str(data.get("started_at") or ""),
                str(data.get("command") or ""),
            )
        except ValueError:
            return cls(None, "", "", "")


class WarehouseLocked(Exception):
    """Another build holds the warehouse's lock (and did not release it within the wait)."""

    def __init__(self, warehouse: Path, holder: LockHolder | None, waited: float) -> None:
        self.warehouse = warehouse
        self.holder = holder
        self.waited = waited
        who = holder.describe() if holder else "a process that has not yet recorded itself"
        super().__init__(
            f"another build is running on the warehouse {warehouse}: it is locked by {who} "
            f"(lock file {lock_file(warehouse)}; waited {waited:g} s). Nothing was built or changed. Run again "
            "when it has finished, or wait for it with --wait SECONDS."
        )


@dataclass
class WarehouseLock:
    """A held lock: `holder` is this process; `stale` the holder recorded by a build that died holding it."""

    warehouse: Path
    holder: LockHolder
    stale: LockHolder | None
    waited: float


def _read(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", errors="replace")


@contextlib.contextmanager
def warehouse_lock(
    warehouse: Path,
    wait_seconds: float = 0.0,
    console: Console | None = None,
    command: str | None = None,
) -> Iterator[WarehouseLock]:
    """Hold the warehouse's lock for the block: one build or refresh of a warehouse at a time. If another process
    holds it, wait up to `wait_seconds` for it, then raise WarehouseLocked naming the holder. The kernel releases
    the lock of a process that dies, so a killed build never blocks the next one; its record in the lock file is
    reported as stale (`WarehouseLock.stale`)."""
    path = lock_file(warehouse)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        started = time.monotonic()
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waited = time.monotonic() - started
                holder = LockHolder.parse(_read(fd))
                if waited >= wait_seconds:
                    raise WarehouseLocked(warehouse, holder, round(waited, 1)) from None
                if console is not None and not told:
                    who = holder.describe() if holder else "another process"
                    console.print(
                        f"Waiting up to {wait_seconds:g} s for the build holding {escape(str(path))}: {escape(who)}",
                        soft_wrap=True,
                    )
                    told = True
                time.sleep(min(POLL_SECONDS, max(wait_seconds - waited, 0.0)))
        stale = LockHolder.parse(_read(fd))
        me = LockHolder.me(command)
        os.ftruncate(fd, 0)
        with contextlib.suppress(OSError):  # a full disk: the lock holds all the same, without its record
            os.pwrite(fd, me.as_json().encode(), 0)
        if stale is not None and console is not None:
            console.print(
                f"[yellow]Stale lock[/] {escape(str(path))}: held by {escape(stale.describe())}, which ended "
                "without releasing it (killed?); taken over.",
                soft_wrap=True,
            )
        try:
            yield WarehouseLock(warehouse, me, stale, round(time.monotonic() - started, 1))
        finally:
            os.ftruncate(fd, 0)  # released: the file names no holder
    finally:
        os.close(fd)  # releases the flock


# -- leftovers of killed builds -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CleanUp:
    """Building files of other processes found under the lock: removed (their process is dead), or kept (their
    pid runs: a reused pid, or a build by a csc that takes no lock)."""

    removed: list[Path]
    kept: list[Path]


def remove_stale_building_files(warehouse: Path) -> CleanUp:
    """Call holding the warehouse's lock: remove the building files of processes that are dead."""
    removed, kept = [], []
    for path in building_files(warehouse):
        pid = building_pid(warehouse, path.name)
        if pid is None or pid == os.getpid():
            continue
        if process_alive(pid):
            kept.append(path)
        else:
            _delete(path)
            removed.append(path)
    return CleanUp(removed, kept)


# -- the checksum ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Checksum:
    sha256: str
    size: int


class Verdict(StrEnum):
    OK = "ok"
    MISSING_CHECKSUM = "missing checksum"
    MISMATCH = "mismatch"
    NO_WAREHOUSE = "no warehouse"


@dataclass(frozen=True)
class VerifyResult:
    """The published file against its checksum file. `found`: the file's own; `expected`: what was recorded."""

    warehouse: Path
    verdict: Verdict
    found: Checksum | None = None
    expected: Checksum | None = None
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.OK

    @property
    def damaged(self) -> bool:
        """The file is not the one published: changed or damaged since."""
        return self.verdict is Verdict.MISMATCH

    def message(self) -> str:
        found = f"sha256 {self.found.sha256[:16]}..., {self.found.size:,} bytes" if self.found else ""
        if self.verdict is Verdict.NO_WAREHOUSE:
            return f"no warehouse has been published at {self.warehouse}"
        if self.verdict is Verdict.OK:
            return f"{self.warehouse} is the file published ({found})" + (f"; {self.note}" if self.note else "")
        if self.verdict is Verdict.MISSING_CHECKSUM:
            return (
                f"no checksum recorded for {self.warehouse} ({found}): it was published by an older csc, copied "
                f"in, or its checksum file {checksum_file(self.warehouse)} is missing or unreadable"
                + (f" ({self.note})" if self.note else "")
            )
        assert self.expected is not None
        return (
            f"the published warehouse {self.warehouse} does not match the checksum recorded when it was published: "
            f"expected sha256 {self.expected.sha256[:16]}... of {self.expected.size:,} bytes, found {found}"
            + (" (truncated or extended)" if self.found and self.found.size != self.expected.size else "")
            + ". It was changed or damaged after it was published (a write to it, a disk error, a partial copy)."
        )


def file_checksum(path: Path) -> Checksum:
    with path.open("rb") as f:
        return Checksum(hashlib.file_digest(f, "sha256").hexdigest(), os.fstat(f.fileno()).st_size)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_atomically(path: Path, text: str, temporary: Path) -> None:
    with temporary.open("w") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, path)
    _fsync_dir(path.parent)


def _record(checksum: Checksum, **more: object) -> str:
    return json.dumps({"sha256": checksum.sha256, "size": checksum.size, **more}, indent=1) + "\n"


def _parse_checksum(data: object) -> Checksum | None:
    if isinstance(data, dict) and isinstance(data.get("sha256"), str) and isinstance(data.get("size"), int):
        return Checksum(data["sha256"], data["size"])
    return None


@dataclass(frozen=True)
class _Recorded:
    """The checksum file: the published file's checksum; while a publish is between its two writes of the file,
    also the checksum of the file it replaces and how that one verified (ok, or missing checksum)."""

    checksum: Checksum | None
    previous: Checksum | None = None
    previous_verdict: Verdict = Verdict.OK


def _read_record(warehouse: Path) -> _Recorded:
    try:
        data = json.loads(checksum_file(warehouse).read_text())
    except (OSError, ValueError):
        return _Recorded(None)
    if not isinstance(data, dict):
        return _Recorded(None)
    previous = data.get("previous")
    verdict = previous.get("verdict") if isinstance(previous, dict) else None
    return _Recorded(
        _parse_checksum(data),
        _parse_checksum(previous),
        Verdict.MISSING_CHECKSUM if verdict == Verdict.MISSING_CHECKSUM.value else Verdict.OK,
    )


def publish(building: Path, warehouse: Path) -> Checksum:
    """Replace `warehouse` by the finished database `building` (atomic rename), recording its checksum.

    Order, so that a kill at any point leaves no false alarm: (1) hash the new file; (2) write the checksum file
    naming the new file AND the one still published ("previous", if it verified or had no checksum); (3) rename;
    (4) rewrite the checksum file naming the new file only. Killed between (2) and (4), the published file is
    either one, and verifies as it did. Call holding the warehouse's lock."""
    wal = building.with_name(building.name + ".wal")
    if wal.exists():  # not closed cleanly: fold the log into the file, or the rename would publish without it
        con = duckdb.connect(str(building))
        con.execute("checkpoint")
        con.close()
    new = file_checksum(building)
    with building.open("rb+") as f:
        os.fsync(f.fileno())
    current = verify_published(warehouse)
    previous = None  # none, or damaged: a kill before the rename leaves it reported as a mismatch
    if current.found is not None and current.verdict in (Verdict.OK, Verdict.MISSING_CHECKSUM):
        previous = {"sha256": current.found.sha256, "size": current.found.size, "verdict": current.verdict.value}
    temporary = building_file(warehouse, "checksum", extension=".json")
    published_at = datetime.now().isoformat(sep=" ", timespec="seconds")
    _write_atomically(checksum_file(warehouse), _record(new, state="publishing", previous=previous), temporary)
    os.replace(building, warehouse)  # atomic on one file system
    _fsync_dir(warehouse.parent)
    _write_atomically(checksum_file(warehouse), _record(new, state="published", published_at=published_at), temporary)
    return new


def verify_published(warehouse: Path) -> VerifyResult:
    """Whether the published file is the one `publish` wrote: ok, missing checksum, mismatch (with the sizes), or
    no warehouse. Read-only and lock-free: if a publish replaces the file while it is read, it is read again."""
    result = VerifyResult(warehouse, Verdict.NO_WAREHOUSE)
    for _ in range(3):
        try:
            f = warehouse.open("rb")
        except FileNotFoundError:
            return VerifyResult(warehouse, Verdict.NO_WAREHOUSE)
        with f:
            before = _read_record(warehouse)
            found = Checksum(hashlib.file_digest(f, "sha256").hexdigest(), os.fstat(f.fileno()).st_size)
            same_file = warehouse.exists() and os.path.samestat(os.fstat(f.fileno()), os.stat(warehouse))
        result = _verdict(warehouse, found, before)
        if same_file and _read_record(warehouse) == before:
            return result
    return result  # published again and again while being read: the last reading


def _verdict(warehouse: Path, found: Checksum, recorded: _Recorded) -> VerifyResult:
    if recorded.previous is not None and found == recorded.previous and found != recorded.checksum:
        note = "the last publish was stopped before its rename: this is the file it would have replaced"
        return VerifyResult(warehouse, recorded.previous_verdict, found, recorded.previous, note)
    if recorded.checksum is None:
        return VerifyResult(warehouse, Verdict.MISSING_CHECKSUM, found)
    if found == recorded.checksum:
        return VerifyResult(warehouse, Verdict.OK, found, recorded.checksum)
    return VerifyResult(warehouse, Verdict.MISMATCH, found, recorded.checksum)


# -- before a build ------------------------------------------------------------------------------------------------


def prepare_build(warehouse: Path, console: Console) -> VerifyResult:
    """Call holding the warehouse's lock, at the start of a build: remove the leftovers of killed builds, and check
    the published file against its checksum, saying so on the console. A mismatch never stops the build (the
    build replaces the file), but the published file must then never be used as the base of a build."""
    cleanup = remove_stale_building_files(warehouse)
    for path in cleanup.removed:
        pid = building_pid(warehouse, path.name)
        console.print(
            f"[yellow]Removed[/] {escape(str(path))}: left by build process {pid}, which is no longer running.",
            soft_wrap=True,
        )
    for path in cleanup.kept:
        console.print(
            f"[yellow]Kept[/] {escape(str(path))}: its process {building_pid(warehouse, path.name)} is running "
            "(not under this warehouse's lock); remove it once that process has ended.",
            soft_wrap=True,
        )
    verified = verify_published(warehouse)
    if verified.verdict is Verdict.MISMATCH:
        console.print(
            f"[bold red]Checksum mismatch:[/] {escape(verified.message())} This build does not read it and "
            "replaces it.",
            soft_wrap=True,
        )
    elif verified.verdict is Verdict.MISSING_CHECKSUM:
        console.print(f"[dim]{escape(verified.message())}; this build records one.[/]", soft_wrap=True)
    return verified


# -- a full disk ---------------------------------------------------------------------------------------------------

DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})
DISK_FULL_TEXT = ("no space left on device", "file too large", "disk quota exceeded")


def disk_full_cause(exc: BaseException) -> str | None:
    """The line that says a file system ran out of space (or a file hit its size limit) if that is what `exc`,
    or an error it was raised from, reports; else None. Reads DuckDB's and dbt's messages as well as OSError."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in DISK_FULL_ERRNOS:
            return str(current)
        for line in str(current).splitlines():
            if any(text in line.lower() for text in DISK_FULL_TEXT):
                return line.strip()
        current = current.__cause__ or current.__context__
    return None


def disk_full_message(warehouse: Path, cause: str) -> str:
    """What a build that ran out of space says: the error, where, the space left there, and that nothing was
    published."""
    quoted = re.search(r"""["'](/[^"']+)["']""", cause)
    where = Path(quoted.group(1)) if quoted else warehouse
    folder = where if where.is_dir() else where.parent
    space = ""
    with contextlib.suppress(OSError):
        usage = shutil.disk_usage(folder)
        space = f" ({usage.free / 2**20:,.1f} MB free of {usage.total / 2**20:,.1f} MB)"
    full = "the disk is full" + (" (or a file reached its size limit)" if "too large" in cause.lower() else "")
    return (
        f"{full}: no space left to write in {folder}{space}: {cause}\n"
        f"Nothing was published: the warehouse {warehouse} was not changed, and this build's temporary files were "
        "removed. Free some space there (a build needs about twice the size of the published warehouse) and "
        "run again."
    )


# -- the test hook -------------------------------------------------------------------------------------------------


def pause_point(name: str) -> None:
    """A test hook: when the environment variable CSC_PAUSE_AT is `name`, write the marker file CSC_PAUSE_MARKER
    (holding this process's id) and sleep CSC_PAUSE_SECONDS (default 600), so that a test can kill the build at
    exactly this point. Does nothing otherwise."""
    if os.environ.get(PAUSE_ENV) != name:
        return
    marker = os.environ.get(PAUSE_MARKER_ENV)
    if marker:
        Path(marker).write_text(str(os.getpid()))
    print(f"csc: paused at {name} ({PAUSE_ENV}), pid {os.getpid()}", file=sys.stderr, flush=True)
    time.sleep(float(os.environ.get(PAUSE_SECONDS_ENV) or PAUSE_SECONDS))
