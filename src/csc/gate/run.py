"""`csc check`: run the landing gate over every council's newest extract.

Loads each landed file into `raw.*` of the given DuckDB file, runs the GX suite of each table compiled to one
DuckDB pass over every council's rows (rowchecks.py) and the set-based key checks, writes quarantine, the GX
validation results and a report under reports/, and raises GateFailure when anything blocks (the caller then
publishes nothing).
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table as RichTable

from csc.config import DEFAULT_MAX_QUARANTINE_PCT, DEFAULT_MIN_QUARANTINE_ROWS
from csc.contract import Table, load_tables
from csc.db import connect
from csc.gate.issues import GateFailure, Issue, blocking, info
from csc.gate.landing import LA_CODE, Extract, create_raw_schema, discover
from csc.gate.load import FilePlan, load_files, plan_file
from csc.gate.normalise import blank_placeholders, resolve_legacy_keys
from csc.gate.report import write_reports
from csc.gate.sqlexpr import register_code_tables
from csc.gate.summary import apply_blanking, count_values, record_files, summarise_extract
from csc.ui import progress as progress_bar

if TYPE_CHECKING:
    from great_expectations.core.expectation_validation_result import ExpectationSuiteValidationResult

QUARANTINE_COLUMNS = [
    "la_code",
    "extract_date",
    "table_name",
    "source_file",
    "_row_id",
    "record_key",
    "column_name",
    "rule",
    "bad_value",
    "action",
    "reason",
]


@dataclass
class GateResult:
    issues: list[Issue] = field(default_factory=list)
    files: list[dict] = field(default_factory=list)
    councils: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    phase_seconds: dict[str, float] = field(default_factory=dict)
    report_json: Path | None = None
    report_html: Path | None = None
    # GX's result of each table's suite, by table (written as validations/<table>.json beside the report)
    validations: dict[str, ExpectationSuiteValidationResult] = field(default_factory=dict)

    def phases_text(self, separator: str = "; ", digits: int = 1) -> str:
        """The seconds of each phase, e.g. "load files 51.9 s; primary keys 6.0 s" (audit.build_info, summaries)."""
        return separator.join(f"{k} {v:.{digits}f} s" for k, v in self.phase_seconds.items())

    @property
    def blocking(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "blocking"]

    @property
    def blocked_councils(self) -> dict[str, list[Issue]]:
        """The blocking issues of each council whose extract blocks (the issue's location is in its folder)."""
        by_council: dict[str, list[Issue]] = {}
        for i in self.blocking:
            council = council_of(i)
            if council:
                by_council.setdefault(council, []).append(i)
        return by_council

    @property
    def landing_blocking(self) -> list[Issue]:
        """Blocking issues of the landing as a whole (no council, a folder that names no council): they stop
        every council."""
        return [i for i in self.blocking if not council_of(i)]

    @property
    def passed_councils(self) -> list[dict]:
        blocked = self.blocked_councils
        return [c for c in self.councils if c["la_code"] not in blocked]


def no_council(landing: Path) -> Issue:
    """The blocking finding of a landing without a readable council extract."""
    return blocking(
        "landing",
        str(landing),
        "no_council",
        "no council extract could be read, so nothing would be built: land each council with "
        "`csc land SOURCE --la CODE`",
    )


def council_of(issue: Issue) -> str | None:
    """The council (ONS code) whose folder an issue is about, or None for the landing as a whole (a folder that
    names no known council is a problem of the landing)."""
    from csc.councils import by_la_code

    head = issue.location.split("/", 1)[0]
    return head if LA_CODE.match(head) and by_la_code(head) is not None else None


def run_gate(
    landing: Path,
    db_path: Path,
    reports: Path,
    max_quarantine_pct: float = DEFAULT_MAX_QUARANTINE_PCT,
    console: Console | None = None,
    min_quarantine_rows: int = DEFAULT_MIN_QUARANTINE_ROWS,
    select: Mapping[str, date] | None = None,
    per_council: bool = False,
) -> GateResult:
    """`max_quarantine_pct` and `min_quarantine_rows`: a file blocks when more than that share of its
    rows AND at least that many rows would be rejected (a table's contract may set its own).
    `select`: gate exactly these extracts (council -> extract date) instead of every council's newest.
    `per_council`: raise GateFailure only for what blocks the landing as a whole; a council whose extract
    blocks is left to the caller (GateResult.blocked_councils), and its rows are removed from `raw`."""
    console = console or Console()
    started = time.perf_counter()
    result = GateResult()
    issues = result.issues
    tables = load_tables()
    extracts = discover(landing, issues, select)
    if not extracts:
        issues.append(no_council(landing))
    con = connect(db_path)
    con.execute("set enable_progress_bar = false")  # rich shows progress
    try:
        create_raw_schema(con)
        register_code_tables(con)
        from csc.gate.checks import primary_key_issues
        from csc.gate.foreignkeys import foreign_key_failures
        from csc.gate.rowchecks import run_suite

        present: dict[str, set[str]] = {e.la_code: set() for e in extracts}
        landed_rows: dict[str, dict[str, int]] = {e.la_code: {} for e in extracts}
        clock = time.perf_counter()

        def lap(phase: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            result.phase_seconds[phase] = round(now - clock, 2)
            clock = now

        with progress_bar(console) as progress:
            # 1. load every landed file (one read each; Parquet files of a table in batches), structural checks
            task = progress.add_task("Loading landed files", total=len(extracts) * len(tables) + 1)
            slots: list[tuple[Extract, Table, FilePlan | None, list[Issue]]] = []
            for ext in extracts:
                con.execute(
                    "insert into raw.manifests values (?, ?, ?, ?, ?, ?)",
                    [
                        ext.la_code,
                        ext.manifest["la_name"],
                        ext.extract_date,
                        ext.period_start,
                        str(ext.manifest["ssd_version"]),
                        ext.rel,
                    ],
                )
                for t in tables.values():
                    progress.update(task, description=f"Reading {ext.la_code} {t.name}")
                    found: list[Issue] = []
                    slots.append((ext, t, _plan_one(con, ext, t, landing, found), found))
                    progress.advance(task)
            progress.update(task, description="Loading landed files")
            load_files(con, [plan for _, _, plan, _ in slots if plan is not None])
            progress.advance(task)
            _record_loaded(con, slots, issues, present, landed_rows)
            lap("load files")
            blank_placeholders(con)
            resolve_legacy_keys(con, extracts, landing, issues)
            lap("placeholders and legacy keys")
            # primary keys: one grouped query per table over every council
            for t in tables.values():
                files = {e.la_code: str(e.files[t.name].relative_to(landing)) for e in extracts if t.name in e.files}
                pk_issues = primary_key_issues(con, t, files)
                issues.extend(pk_issues)
                for bad in {i.location.split("/")[0] for i in pk_issues}:
                    present[bad].discard(t.name)
            lap("primary keys")
            # 2. one GX suite per table, compiled to one DuckDB pass over every council's rows
            if extracts:
                task2 = progress.add_task("Expectation suites", total=len(tables))
                for t in tables.values():
                    progress.update(task2, description=f"Expectations {t.name}")
                    result.validations[t.name] = run_suite(con, t)
                    progress.advance(task2)
            lap("expectation suites (GX)")
            # 3. foreign keys (set-based over all councils, cascading), then per-council summaries
            foreign_key_failures(con, present)
            lap("foreign keys")
            for ext in extracts:
                summarise_extract(
                    con,
                    ext,
                    landed_rows[ext.la_code],
                    landing,
                    (max_quarantine_pct, min_quarantine_rows),
                    result,
                    tables,
                )
        apply_blanking(con)
        count_values(con)
        record_files(con, result)
        if per_council:
            _remove_councils(con, set(result.blocked_councils))
        lap("summaries and blanking")
        result.seconds = time.perf_counter() - started
        result.report_json, result.report_html = write_reports(result, reports, landing, datetime.now())
    finally:
        con.close()
    _print_summary(console, result)
    if result.landing_blocking if per_council else result.blocking:
        raise GateFailure(result.issues)
    return result


def _remove_councils(con, councils: set[str]) -> None:
    """Take the rows of blocked councils out of every raw table (their findings stay in the result)."""
    if not councils:
        return
    for (table,) in con.execute(
        "select table_name from duckdb_tables() where schema_name = 'raw' and database_name = current_database()"
    ).fetchall():
        con.execute(f"delete from raw.{table} where la_code in (select unnest(?))", [sorted(councils)])


def check_landing(
    landing: Path,
    reports: Path,
    max_quarantine_pct: float = DEFAULT_MAX_QUARANTINE_PCT,
    console: Console | None = None,
    min_quarantine_rows: int = DEFAULT_MIN_QUARANTINE_ROWS,
) -> GateResult:
    """`csc check`: the gate alone, into a throwaway database (nothing is built or published); writes the
    report under `reports` and raises GateFailure when anything blocks."""
    with tempfile.TemporaryDirectory(prefix="csc-gate-") as tmp:
        return run_gate(landing, Path(tmp) / "gate.duckdb", reports, max_quarantine_pct, console, min_quarantine_rows)


def _plan_one(con, ext: Extract, t: Table, landing: Path, found: list[Issue]) -> FilePlan | None:
    """The load plan of a council's file of a table, or None (a missing table or an unreadable file: `found`
    says why)."""
    path = ext.files.get(t.name)
    if path is None:
        if t.required:
            found.append(
                blocking(
                    t.name,
                    ext.rel,
                    "required_table",
                    f"required table {t.name} is missing: land {t.name}.parquet or {t.name}.csv",
                )
            )
        else:
            found.append(
                info(
                    t.name,
                    ext.rel,
                    "optional_table",
                    f"optional table {t.name} not landed: indicators that need it are reported as not available",
                )
            )
        return None
    return plan_file(con, ext, t, path, landing, found)


def _record_loaded(con, slots, issues: list[Issue], present, landed_rows) -> None:
    """After loading: each file's findings in council and table order, rows landed, columns landed (one insert)."""
    columns: list[list] = []
    for ext, t, plan, found in slots:
        issues.extend(found)
        if plan is None or plan.rows is None:
            continue
        landed_rows[ext.la_code][t.name] = plan.rows
        columns.extend([ext.la_code, t.name, c, c in plan.landed] for c in t.column_names)
        if plan.rows == 0:
            issues.append(
                Issue(
                    "blocking" if t.required else "warning",
                    t.name,
                    plan.rel,
                    None,
                    "has_rows",
                    0,
                    "the file has a header but no data rows",
                )
            )
        present[ext.la_code].add(t.name)
    if columns:
        con.execute(
            "insert into raw.landed_columns select * from (select unnest($1), unnest($2), unnest($3), unnest($4), "
            "cast(null as bigint))",
            [list(col) for col in zip(*columns, strict=True)],
        )


def _print_summary(console: Console, result: GateResult) -> None:
    by_council: dict[str, list[int]] = {}
    for f in result.files:
        acc = by_council.setdefault(f["la_code"], [0, 0, 0])
        acc[0] += 1 if f["file"] else 0
        acc[1] += f["rows_landed"]
        acc[2] += f["rows_quarantined"]
    phases = result.phases_text(", ", 0)
    table = RichTable(title=f"Landing gate ({result.seconds:.1f} s: {phases})")
    for col in ("council", "files", "rows landed", "rows quarantined"):
        table.add_column(col, justify="right" if col != "council" else "left")
    for la, (files, rows, bad) in by_council.items():
        table.add_row(la, str(files), f"{rows:,}", f"{bad:,}")
    console.print(table)
    for i in result.issues:
        if i.severity == "blocking":
            console.print(f"[bold red]BLOCKING[/] {i.line()}")
    warnings = [i for i in result.issues if i.severity == "warning"]
    for i in warnings[:20]:
        console.print(f"[yellow]warning[/] {i.line()}")
    if len(warnings) > 20:
        console.print(f"[yellow]... and {len(warnings) - 20} more warnings (see the report)[/]")
    if result.report_html:
        console.print(f"Report: {result.report_html}")


def load_json_report(path: Path) -> dict:
    return json.loads(path.read_text())
