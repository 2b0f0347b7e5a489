"""`csc build`: landing gate -> dbt build -> audit tables, and their tests -> publish, into a new database file.

The published warehouse (CSC_WAREHOUSE) is replaced by an atomic rename only when the gate, the
build and every error-severity test passed. An analyst with the old file open keeps reading the
old file; a failed run leaves the published file exactly as it was. One build of a warehouse runs
at a time (its lock), a killed build's files are removed by the next, and the published file's
checksum is recorded and checked (csc.publish, docs/architecture.md section 5).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
from rich.console import Console

from csc.config import DEFAULT_MAX_QUARANTINE_PCT, DEFAULT_MIN_QUARANTINE_ROWS, PROJECT_DIR, dbt_env
from csc.db import content_hash
from csc.gate.run import GateResult, run_gate
from csc.publish import (
    VerifyResult,
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
from csc.ui import progress as progress_bar

PROGRESS_LINE = re.compile(r"\b(\d+) of (\d+) (OK|PASS|FAIL|ERROR|WARN|SKIP|NO-OP)\b")


class BuildFailure(Exception):
    """dbt could not build the warehouse or an error-severity test failed."""


class DiskFull(BuildFailure):
    """The build ran out of space (or hit a file-size limit): nothing was published."""


@dataclass
class BuildResult:
    warehouse: Path
    gate: GateResult
    dbt_seconds: float = 0.0
    total_seconds: float = 0.0
    dbt_counts: dict[str, int] = field(default_factory=dict)


def dbt_executable() -> str:
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


def run_dbt(args: list[str], warehouse: Path, console: Console, title: str = "dbt build") -> dict:
    """Run dbt in a subprocess from the project root, with a progress bar fed by its log lines.
    Returns run_results.json; raises BuildFailure on any error or failed error-severity test."""
    target = PROJECT_DIR / "target"
    cmd = [dbt_executable(), *args, "--project-dir", str(PROJECT_DIR), "--target-path", str(target)]
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
    wait_seconds: float = 0.0,
) -> BuildResult:
    """`retire`: ONS codes of councils that are in the published warehouse and are deliberately left
    out of this one; any other published council without a readable extract blocks the publish.
    `wait_seconds`: how long to wait for another build of the same warehouse (its lock) before
    raising csc.publish.WarehouseLocked."""
    console = console or Console()
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with warehouse_lock(warehouse, wait_seconds, console):
        published = prepare_build(warehouse, console)
        return _build_locked(
            landing, warehouse, reports, max_quarantine_pct, console, min_quarantine_rows, retire, published
        )


def _build_locked(
    landing: Path,
    warehouse: Path,
    reports: Path,
    max_quarantine_pct: float,
    console: Console,
    min_quarantine_rows: int,
    retire: tuple[str, ...],
    published: VerifyResult,
) -> BuildResult:
    """`build`, holding the warehouse's lock. `published`: the published file against its checksum; unless
    `published.ok`, it was changed or damaged since it was published and must never be used as a base."""
    started = time.perf_counter()
    building = building_file(warehouse)
    remove_building_files(warehouse)  # of a dead build whose pid this process reuses
    try:
        gate = run_gate(landing, building, reports, max_quarantine_pct, console, min_quarantine_rows)
        _check_no_council_lost(warehouse, gate, landing, retire)
        t0 = time.perf_counter()
        results = run_dbt(["build"], building, console)
        dbt_seconds = time.perf_counter() - t0
        counts: dict[str, int] = {}
        for r in results.get("results", []):
            counts[r["status"]] = counts.get(r["status"], 0) + 1
        _write_build_info(building, landing, gate, results, dbt_seconds)
        _test_audit_tables(building, console)
        pause_point("before_publish")
        publish(building, warehouse)  # atomic rename, checksum recorded
    except BaseException as exc:
        remove_building_files(warehouse)
        cause = disk_full_cause(exc)
        if cause is not None:
            raise DiskFull(disk_full_message(warehouse, cause)) from exc
        raise
    return BuildResult(warehouse, gate, dbt_seconds, time.perf_counter() - started, counts)


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
    if not warehouse.exists():
        return {}
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return dict(con.execute("select la_code, la_name from raw.manifests").fetchall())
    except duckdb.Error:
        return {}
    finally:
        con.close()


def _check_no_council_lost(warehouse: Path, gate: GateResult, landing: Path, retire: tuple[str, ...]) -> None:
    """A council in the published warehouse must be in the new build, unless deliberately retired."""
    built = {c["la_code"] for c in gate.councils}
    lost = {code: name for code, name in published_councils(warehouse).items() if code not in built}
    lost = {code: name for code, name in lost.items() if code not in retire}
    if lost:
        names = ", ".join(f"{code} ({name})" for code, name in sorted(lost.items()))
        raise BuildFailure(
            f"council(s) {names} are in the published warehouse {warehouse} but have no readable extract under "
            f"{landing}: land their extract, or leave them out on purpose with --retire CODE. "
            "The published warehouse was not changed."
        )


def _write_build_info(db: Path, landing: Path, gate: GateResult, results: dict, dbt_seconds: float) -> None:
    """Record what was built, from what, and how the tests went (schema audit)."""
    con = duckdb.connect(str(db))
    try:
        con.execute("create schema if not exists audit")
        con.execute(
            """create or replace table audit.build_info as select
            cast(? as timestamp) as built_at, ? as landing_root, ? as councils, ? as gate_seconds,
            ? as dbt_seconds, ? as dbt_version, ? as marts_hash""",
            [
                datetime.now(),
                str(landing),
                ",".join(c["la_code"] for c in gate.councils),
                round(gate.seconds, 2),
                round(dbt_seconds, 2),
                results.get("metadata", {}).get("dbt_version"),
                content_hash(con, "marts"),  # the same landing builds the same marts (determinism)
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
        _write_gate_findings(con, gate)
        con.execute(
            "create or replace table audit.dbt_results (unique_id varchar, status varchar, "
            "execution_seconds double, message varchar, failures bigint)"
        )
        if rows:
            con.executemany("insert into audit.dbt_results values (?, ?, ?, ?, ?)", rows)
        con.execute("checkpoint")
    finally:
        con.close()


def _write_gate_findings(con: duckdb.DuckDBPyConnection, gate: GateResult) -> None:
    """The landing gate's verdict and findings per council (the report's data-quality page reads them).
    Examples (row keys) are left out: the warehouse's audit tables hold no child-level values."""
    con.execute(
        "create or replace table audit.landing_gate (la_code varchar, extract_date date, status varchar, "
        "checked_at timestamp, gate_seconds double)"
    )
    blocked = bool(gate.blocking)
    con.executemany(
        "insert into audit.landing_gate values (?, ?, ?, ?, ?)",
        [
            [c["la_code"], c.get("extract_date"), "blocked" if blocked else "passed", datetime.now(), gate.seconds]
            for c in gate.councils
        ],
    )
    con.execute(
        "create or replace table audit.landing_gate_issues (la_code varchar, severity varchar, table_name varchar, "
        "location varchar, column_name varchar, rule varchar, n_rows bigint, message varchar)"
    )
    rows = [
        [i.location.split("/", 1)[0], i.severity, i.table, i.location, i.column, i.rule, i.rows, i.message]
        for i in gate.issues
    ]
    if rows:
        con.executemany("insert into audit.landing_gate_issues values (?, ?, ?, ?, ?, ?, ?, ?)", rows)
