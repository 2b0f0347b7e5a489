"""`csc build`: landing gate -> dbt build -> audit tables, and their tests -> publish, into a new database file.

The published warehouse (CSC_WAREHOUSE) is replaced by an atomic rename only when the gate, the
build and every error-severity test passed. An analyst with the old file open keeps reading the
old file; a failed run leaves the published file exactly as it was. One build of a warehouse runs
at a time (its lock), a killed build's files are removed by the next, and the published file's
checksum is recorded and checked (csc.publish, docs/architecture.md section 6).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import duckdb
from rich.console import Console

from csc.config import DEFAULT_MAX_QUARANTINE_PCT, DEFAULT_MIN_QUARANTINE_ROWS, PROJECT_DIR, dbt_env
from csc.db import content_hash
from csc.fingerprint import project_fingerprint
from csc.gate.issues import GateFailure, Issue
from csc.gate.landing import discover, folder_signature, landed_extract_dates
from csc.gate.run import GateResult, council_of, no_council, run_gate
from csc.publish import (
    building_file,
    die_with_parent,
    disk_full_cause,
    disk_full_message,
    pause_point,
    prepare_build,
    publish,
    remove_building_files,
    warehouse_lock,
)
from csc.refresh.carry import prepare_step
from csc.refresh.council_extracts import HeldBack, summarise, write_council_extracts
from csc.refresh.merge import merge_councils
from csc.refresh.plan import Published, Step, plan_steps, read_published
from csc.ui import progress as progress_bar

PROGRESS_LINE = re.compile(r"\b(\d+) of (\d+) (OK|PASS|FAIL|ERROR|WARN|SKIP|NO-OP)\b")


class BuildFailure(Exception):
    """dbt could not build the warehouse or an error-severity test failed."""


class DiskFull(BuildFailure):
    """The build ran out of space (or hit a file-size limit): nothing was published."""


# Exit codes of `csc build` and `csc refresh` (1 is every failure: nothing published).
EXIT_PUBLISHED = 0
EXIT_FAILED = 1
EXIT_HELD_BACK = 3  # published, but some councils' newest extracts were held back


@dataclass
class BuildResult:
    warehouse: Path
    gate: GateResult  # the last step's gate
    dbt_seconds: float = 0.0
    total_seconds: float = 0.0
    dbt_counts: dict[str, int] = field(default_factory=dict)
    mode: str = "full"  # full | incremental | up_to_date (nothing newer landed: nothing built or published)
    refreshed: list[str] = field(default_factory=list)  # councils rebuilt from a newly gated extract
    held_back: dict[str, HeldBack] = field(default_factory=dict)
    steps: int = 0

    @property
    def exit_code(self) -> int:
        return EXIT_HELD_BACK if self.held_back else EXIT_PUBLISHED


def dbt_executable() -> str:
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


def dbt_link(database: Path) -> Path:
    """The one path through which dbt opens every database file of a warehouse: `.<stem>.dbt/<stem>.duckdb` beside
    it, a hard link to the file being built (a step's, a merge's, the published one). dbt parses the whole project
    again whenever its profile changes, and the profile holds the database path: through a constant path dbt
    re-parses only when the project changes (partial parsing), instead of at every run of every build step.
    The link carries the published file's name because DuckDB and dbt name the catalog after the file name, and
    views store their references with it: what dbt builds must open under the same catalog as the published file.
    A hard link, not a symbolic one: DuckDB resolves a symbolic link and would name the catalog after the target."""
    m = re.fullmatch(r"\.(.+?)\.building-\d+.*", database.name)
    stem = m.group(1) if m else database.stem
    return database.with_name(f".{stem}.dbt") / f"{stem}.duckdb"


def _remove_link(link: Path) -> None:
    """The link with what DuckDB may have left beside it (the write-ahead log of a killed dbt, the spill folder)."""
    for path in (link, link.with_name(link.name + ".wal")):
        path.unlink(missing_ok=True)
    shutil.rmtree(link.with_name(link.name + ".tmp"), ignore_errors=True)
    if link.parent.is_dir() and not any(link.parent.iterdir()):
        link.parent.rmdir()


def run_dbt(args: list[str], warehouse: Path, console: Console, title: str = "dbt build") -> dict:
    """Run dbt in a subprocess from the project root on `warehouse` (through `dbt_link`), with a progress bar fed by
    its log lines. Returns run_results.json; raises BuildFailure on any error or failed error-severity test."""
    link = dbt_link(warehouse)
    _remove_link(link)  # of a dbt run that was killed: its log belongs to no file still in use
    link.parent.mkdir(exist_ok=True)
    os.link(warehouse, link)
    try:
        return _run_dbt(args, link, dbt_target(warehouse), console, title)
    finally:
        _remove_link(link)


def dbt_target(database: Path) -> Path:
    """dbt's target folder (manifest, run results, partial-parse state) of one warehouse: a folder of its own under
    the project's `target/warehouses/`, named by a hash of the warehouse's dbt link path. Builds of different
    warehouses from the same project (two regions, the tests run in parallel) never read each other's run results,
    and each keeps its own partial-parse state across its build steps. dbt's log of the warehouse is written there."""
    link = dbt_link(database).resolve()
    return PROJECT_DIR / "target" / "warehouses" / hashlib.sha256(str(link).encode()).hexdigest()[:16]


def _run_dbt(args: list[str], warehouse: Path, target: Path, console: Console, title: str) -> dict:
    cmd = [
        dbt_executable(),
        *args,
        "--project-dir",
        str(PROJECT_DIR),
        "--target-path",
        str(target),
        "--log-path",
        str(target),
    ]
    log_lines: list[str] = []
    with progress_bar(console) as progress:
        task = progress.add_task(title, total=None)
        proc = subprocess.Popen(
            cmd,
            cwd=PROJECT_DIR,
            env=dbt_env(warehouse),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            preexec_fn=die_with_parent,  # a killed build leaves no dbt running
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            log_lines.append(line.rstrip())
            m = PROGRESS_LINE.search(line)
            if m:
                progress.update(task, completed=int(m.group(1)), total=int(m.group(2)))
        code = proc.wait()
    results_file = target / "run_results.json"
    results = json.loads(results_file.read_text()) if results_file.exists() else {"results": []}
    failed = [r for r in results.get("results", []) if r.get("status") in ("error", "fail")]
    if code != 0 or failed:
        detail = "\n".join(
            f"  - {r['unique_id']}: {r['status']} {(r.get('message') or '').strip()[:300]}" for r in failed[:30]
        )
        tail = "\n".join(log_lines[-25:]) if not failed else ""
        raise BuildFailure(f"{title} failed (exit {code}); the published warehouse was not changed.\n{detail}{tail}")
    return results


def build(
    landing: Path,
    warehouse: Path,
    reports: Path,
    max_quarantine_pct: float = DEFAULT_MAX_QUARANTINE_PCT,
    console: Console | None = None,
    min_quarantine_rows: int = DEFAULT_MIN_QUARANTINE_ROWS,
    retire: tuple[str, ...] = (),
    full_refresh: bool = False,
    wait_seconds: float = 0.0,
) -> BuildResult:
    """Gate, build and publish (docs/architecture.md section 5): every landed extract newer than the published
    history is gated in extract-date order; a council whose extract blocks keeps its last good extract; an
    incremental build rebuilds only the councils with a new extract and merges them into a copy of the published
    file. `retire`: ONS codes of councils that are in the published warehouse and are deliberately left out of
    this one; any other published council without a landed extract blocks the publish. `wait_seconds`: how long
    to wait for another build of the same warehouse (its lock) before raising csc.publish.WarehouseLocked."""
    console = console or Console()
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with warehouse_lock(warehouse, wait_seconds, console):
        verified = prepare_build(warehouse, console)
        damaged = verified.message() if verified.damaged else None
        try:
            return _build_locked(
                landing,
                warehouse,
                reports,
                console,
                (max_quarantine_pct, min_quarantine_rows),
                retire,
                full_refresh,
                damaged,
            )
        except BaseException as exc:
            remove_building_files(warehouse)
            cause = disk_full_cause(exc)
            if cause is not None:
                raise DiskFull(disk_full_message(warehouse, cause)) from exc
            raise


def _build_locked(
    landing: Path,
    warehouse: Path,
    reports: Path,
    console: Console,
    limits: tuple[float, int],
    retire: tuple[str, ...],
    full_refresh: bool,
    damaged: str | None,
) -> BuildResult:
    """`build`, holding the warehouse's lock. `damaged`: why the published file failed its checksum (it is then
    neither the base of an incremental build nor a source of history: it is replaced)."""
    started = time.perf_counter()
    remove_building_files(warehouse)  # of a dead build whose pid this process reuses
    try:
        _check_landing_as_a_whole(landing)
        landed = landed_extract_dates(landing)
        published = read_published(warehouse, damaged)
        _check_no_council_lost(published, landed, landing, retire)
        steps = plan_steps(
            landed, published, full_refresh, lambda la, d: folder_signature(landing / la / d.isoformat())
        )
        if not steps and any(la in published.current for la in retire):
            steps = [Step({}, merge=True, final=True)]
        if not steps:
            console.print(f"No extract newer than the published warehouse {warehouse}: it is up to date.")
            return BuildResult(warehouse, GateResult(), mode="up_to_date", total_seconds=time.perf_counter() - started)
        run = _Run(landing, reports, console, limits, retire, warehouse, landed)
        run.carry_of = {la: warehouse for la in published.current} if published.usable else {}
        run.result = warehouse if steps[0].merge else None
        for k, step in enumerate(steps):
            run.step(k, step)
        assert run.result is not None and run.result != warehouse
        write_council_extracts(run.result, landed, run.held)
        _write_build_info(run.result, landing, run.gate, run.results, run.timings(), run.describe(steps), run.peaks())
        _test_audit_tables(run.result, console)
        pause_point("before_publish")
        publish(run.result, warehouse)  # atomic rename, checksum recorded
    finally:
        remove_building_files(warehouse)
    counts: dict[str, int] = {}
    for r in run.results.get("results", []):
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    return BuildResult(
        warehouse,
        run.gate,
        run.dbt_seconds,
        time.perf_counter() - started,
        counts,
        "incremental" if steps[0].merge else "full",
        sorted(run.refreshed),
        run.held,
        len(steps),
    )


@dataclass
class _Run:
    """The state of one build across its steps."""

    landing: Path
    reports: Path
    console: Console
    limits: tuple[float, int]
    retire: tuple[str, ...]
    warehouse: Path
    landed: dict[str, list[date]]
    carry_of: dict[str, Path] = field(default_factory=dict)
    result: Path | None = None
    held: dict[str, HeldBack] = field(default_factory=dict)
    refreshed: set[str] = field(default_factory=set)
    gate: GateResult = field(default_factory=GateResult)
    results: dict = field(default_factory=dict)
    dbt_seconds: float = 0.0
    history_seconds: float = 0.0
    gate_peak_mb: float = 0.0

    def peaks(self) -> tuple[float, float]:
        """Peak resident memory (MB) of the gate (this process, measured after each gate, before any dbt) and of
        the largest dbt process."""
        return round(self.gate_peak_mb, 1), round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)

    def timings(self) -> tuple[float, float]:
        """Seconds spent carrying and merging the history (before dbt) and in dbt, over every step."""
        return round(self.history_seconds, 2), round(self.dbt_seconds, 2)

    def step(self, k: int, step: Step) -> None:
        scratch = (
            building_file(self.warehouse, f"step{k}") if not step.final or step.merge else building_file(self.warehouse)
        )
        passed: list[str] = []
        kept: list[str] = []
        if step.extracts:
            self.gate = run_gate(
                self.landing,
                scratch,
                self.reports,
                self.limits[0],
                self.console,
                self.limits[1],
                select=step.extracts,
                per_council=True,
            )
            self.gate_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            for la, issues in self.gate.blocked_councils.items():
                self.held[la] = HeldBack(la, step.extracts[la], summarise(issues))
            passed = [c["la_code"] for c in self.gate.passed_councils]
            for la in passed:
                self.held.pop(la, None)
            # a full build rebuilds a held-back council from its last good extract
            kept = [la for la in self.gate.blocked_councils if not step.merge and la in self.carry_of]
            t0 = time.perf_counter()
            prepare_step(scratch, self.landing, step.extracts, passed, self.carry_of, kept)
            self.history_seconds += time.perf_counter() - t0
            if passed or kept:
                t0 = time.perf_counter()
                # unit tests depend only on the project, which an incremental build shares with the published
                # warehouse that passed them (csc.fingerprint): a merge step runs the data tests only
                selection = ["--selector", "council_step"] if step.merge else []
                self.results = run_dbt(["build", *selection], scratch, self.console)
                self.dbt_seconds += time.perf_counter() - t0
            _write_gate_findings(scratch, self.gate)
        if not step.merge:
            if step.final and not (passed or kept):
                raise BuildFailure(
                    "nothing to publish: no council has an extract that passed the landing gate "
                    f"({', '.join(sorted(self.held))} blocked); the published warehouse was not changed."
                )
            self.result = scratch
        else:
            assert self.result is not None
            merged = building_file(self.warehouse, f"merge{k}")
            shutil.copyfile(self.result, merged)
            merge_councils(
                merged,
                scratch,
                passed,
                step.extracts,
                self.retire if step.final else (),
                cross_council_models(self.warehouse),
            )
            t0 = time.perf_counter()
            cross = run_dbt(["build", "--select", "tag:cross_council+"], merged, self.console, "dbt build (region)")
            self.dbt_seconds += time.perf_counter() - t0
            again = {r["unique_id"] for r in cross.get("results", [])}
            earlier = [r for r in self.results.get("results", []) if r["unique_id"] not in again]
            self.results = {**cross, "results": [*earlier, *cross.get("results", [])]}
            self.carry_of = {la: merged if p == self.result else p for la, p in self.carry_of.items()}
            if self.result != self.warehouse:
                self.result.unlink()
            scratch.unlink(missing_ok=True)
            self.result = merged
        self.refreshed.update(passed)
        self.carry_of.update({la: self.result for la in passed + kept})

    def describe(self, steps: list[Step]) -> dict[str, str]:
        return {
            "mode": "incremental" if steps[0].merge else "full",
            "refreshed": ",".join(sorted(self.refreshed)),
            "held_back": ",".join(sorted(self.held)),
            "steps": str(len(steps)),
        }


def cross_council_models(database: Path) -> set[str]:
    """The models tagged cross_council (computed over every council: rebuilt after a merge), from dbt's
    manifest of the last parse for this warehouse."""
    manifest = dbt_target(database) / "manifest.json"
    nodes = json.loads(manifest.read_text())["nodes"].values() if manifest.exists() else []
    return {n["name"] for n in nodes if n.get("resource_type") == "model" and "cross_council" in n.get("tags", [])}


def _test_audit_tables(db: Path, console: Console) -> None:
    """The audit tables are written after `dbt build` (dbt_results is its outcome), so the build's default selector
    (selectors.yml) leaves their tests out: run them now, on the file about to be published. A failed test raises
    BuildFailure, and the published warehouse stays as it was. Their results are then added to audit.dbt_results."""
    results = run_dbt(["test", "--select", "source:audit"], db, console, title="dbt test (audit tables)")
    rows = [
        [r["unique_id"], r["status"], r.get("execution_time"), (r.get("message") or "")[:500], r.get("failures")]
        for r in results.get("results", [])
    ]
    if rows:
        con = duckdb.connect(str(db))
        try:
            con.executemany("insert into audit.dbt_results values (?, ?, ?, ?, ?)", rows)
            con.execute("checkpoint")
        finally:
            con.close()


def published_councils(warehouse: Path) -> dict[str, str]:
    """ONS code -> name of every council in the published warehouse (empty if there is none)."""
    return read_published(warehouse).names


def _check_landing_as_a_whole(landing: Path) -> None:
    """Problems of the landing itself (no landing root, no council, a folder that names no council) stop the
    build before anything is gated: GateFailure."""
    issues: list[Issue] = []
    discover(landing, issues)
    if not landed_extract_dates(landing):
        issues.append(no_council(landing))
    whole = [i for i in issues if i.severity == "blocking" and not council_of(i)]
    if whole:
        raise GateFailure(issues)


def _check_no_council_lost(published: Published, landed: dict[str, list[date]], landing: Path, retire) -> None:
    """A council in the published warehouse must have a landed extract (its newest may be held back), unless it
    is deliberately retired."""
    lost = {code: name for code, name in published.names.items() if code not in landed and code not in retire}
    if lost:
        names = ", ".join(f"{code} ({name})" for code, name in sorted(lost.items()))
        raise BuildFailure(
            f"council(s) {names} are in the published warehouse {published.path} but have no landed extract under "
            f"{landing}: land their extract, or leave them out on purpose with --retire CODE. "
            "The published warehouse was not changed."
        )


def _write_build_info(
    db: Path,
    landing: Path,
    gate: GateResult,
    results: dict,
    timings: tuple[float, float],
    info: dict[str, str],
    peaks: tuple[float, float],
) -> None:
    """Record what was built, from what, how, and how the tests went (schema audit)."""
    con = duckdb.connect(str(db))
    try:
        con.execute("create schema if not exists audit")
        con.execute(
            """create or replace table audit.build_info as select
            cast(? as timestamp) as built_at, ? as landing_root,
            (select string_agg(la_code, ',' order by la_code) from raw.manifests) as councils,
            ? as gate_seconds, ? as dbt_seconds, ? as dbt_version, ? as build_mode, ? as refreshed_councils,
            ? as held_back_councils, ? as steps, ? as project_fingerprint, ? as marts_hash,
            ? as gate_peak_mb, ? as dbt_peak_mb, ? as history_seconds, ? as gate_phases""",
            [
                datetime.now(),
                str(landing),
                round(gate.seconds, 2),
                timings[1],
                results.get("metadata", {}).get("dbt_version"),
                info.get("mode"),
                info.get("refreshed"),
                info.get("held_back"),
                int(info.get("steps") or 0),
                project_fingerprint(),
                content_hash(con, "marts"),  # the same landing builds the same marts (determinism)
                *peaks,
                timings[0],
                gate.phases_text(),
            ],
        )
        rows = [
            [
                r["unique_id"],
                r["status"],
                r.get("execution_time"),
                (r.get("message") or "")[:500],
                r.get("failures"),
            ]
            for r in results.get("results", [])
        ]
        con.execute(
            "create or replace table audit.dbt_results (unique_id varchar, status varchar, "
            "execution_seconds double, message varchar, failures bigint)"
        )
        if rows:
            con.executemany("insert into audit.dbt_results values (?, ?, ?, ?, ?)", rows)
        con.execute("checkpoint")
    finally:
        con.close()


def _write_gate_findings(db: Path, gate: GateResult) -> None:
    """The landing gate's verdict and findings per council gated (the report's data-quality page reads them;
    an incremental build merges them by council). Examples (row keys) are left out: the warehouse's audit
    tables hold no child-level values."""
    con = duckdb.connect(str(db))
    try:
        con.execute("create schema if not exists audit")
        con.execute(
            "create or replace table audit.landing_gate (la_code varchar, extract_date date, status varchar, "
            "checked_at timestamp, gate_seconds double)"
        )
        blocked = gate.blocked_councils
        verdicts = [[c["la_code"], c.get("extract_date")] for c in gate.councils]
        verdicts += [[la, None] for la in blocked if la not in {v[0] for v in verdicts}]
        if verdicts:
            con.executemany(
                "insert into audit.landing_gate values (?, ?, ?, ?, ?)",
                [[la, d, "blocked" if la in blocked else "passed", datetime.now(), gate.seconds] for la, d in verdicts],
            )
        con.execute(
            "create or replace table audit.landing_gate_issues (la_code varchar, severity varchar, "
            "table_name varchar, location varchar, column_name varchar, rule varchar, n_rows bigint, message varchar)"
        )
        rows = [
            [i.location.split("/", 1)[0], i.severity, i.table, i.location, i.column, i.rule, i.rows, i.message]
            for i in gate.issues
        ]
        if rows:
            con.executemany("insert into audit.landing_gate_issues values (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        con.execute("checkpoint")
    finally:
        con.close()
