"""Terminal output shared by the commands: the progress bar, and how each command's result is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

if TYPE_CHECKING:
    from datetime import date

    from csc.build import BuildResult
    from csc.generate.exports import ShapedExport
    from csc.intake.result import IntakeResult
    from csc.report.run import ReportFiles
    from csc.summary import WarehouseSummary


def progress(console: Console, unit: str = "") -> Progress:
    """A progress bar with a description, completed/total and elapsed time."""
    counter = "{task.completed}/{task.total}" + (f" {unit}" if unit else "")
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), TextColumn(counter), TimeElapsedColumn(), console=console
    )


def error(console: Console, message: object, prefix: str = "") -> None:
    """A failure, in red (the command then exits 1)."""
    if prefix:
        console.print(f"[bold red]{prefix}[/] {escape(str(message))}", soft_wrap=True)
    else:
        console.print(f"[bold red]{escape(str(message))}[/]")


def intake(console: Console, result: IntakeResult) -> None:
    """`csc land` / `csc extract`: the tables landed, what was not landed or read, and the totals."""
    m = result.manifest
    table = Table(title=f"Landed {m['la_name']} ({m['la_code']}, DfE {m['dfe_code']}) extract of {m['extract_date']}")
    for col in ("table", "from", "rows"):
        table.add_column(col, justify="right" if col == "rows" else "left")
    for t in result.landed:
        table.add_row(t.name, escape(t.source), f"{t.rows:,}")
    console.print(table)
    for t in result.landed:
        for reason, names in t.not_read_by_reason().items():
            console.print(
                f"[dim]columns not read[/] {t.name}: {escape(', '.join(names))} ({escape(reason)})", soft_wrap=True
            )
    for n in result.not_landed:
        rows = "" if n.rows is None else f" ({n.rows:,} row" + ("" if n.rows == 1 else "s") + ")"
        console.print(f"[yellow]not landed[/] {escape(n.source)}{rows}: {escape(n.reason)}", soft_wrap=True)
    for name, why in result.ignored:
        console.print(f"[dim]ignored[/] {escape(name)}: {escape(why)}", soft_wrap=True)
    if result.missing_required:
        console.print(
            f"[bold yellow]missing required table(s)[/] {', '.join(result.missing_required)}: the landing gate will "
            "block this extract"
        )
    if result.missing_optional:
        console.print(f"[dim]optional tables not in the extract:[/] {', '.join(result.missing_optional)}")
    console.print(
        f"[bold green]Landed[/] {result.rows:,} rows in {len(result.landed)} tables "
        f"(SSD {escape(str(m['ssd_version']))}, history from {m['period_start']}) into {result.folder}",
        soft_wrap=True,
    )


def shaped_export(
    console: Console, export: ShapedExport, cms: str, ssd_version: str, tool: str, extract_date: date
) -> None:
    """`csc generate --cms`: one council's export and the command that lands it."""
    console.print(
        f"[bold green]{cms} {ssd_version} ({tool})[/] {export.la_code}: {len(export.counts)} tables, "
        f"{sum(export.counts.values()):,} rows in {export.folder}\n  land it with: csc land {export.folder} "
        f"--la {export.code} --extract-date {extract_date} --ssd-version {ssd_version} "
        f"--period-start {export.period_start}",
        soft_wrap=True,
    )


def gate_passed(console: Console) -> None:
    console.print("[bold green]Landing gate passed.[/]")


def published(console: Console, result: BuildResult) -> None:
    """`csc build`: where the warehouse was published, the time each step took, and the gate's report."""
    if result.mode == "up_to_date":
        console.print(f"[bold green]Up to date[/]: {result.warehouse} already holds every landed extract.")
        return
    counts = ", ".join(f"{v} {k}" for k, v in sorted(result.dbt_counts.items()))
    rebuilt = ", ".join(result.refreshed) or "none"
    console.print(
        f"[bold green]Published[/] {result.warehouse} in {result.total_seconds:.0f} s, {result.mode} build in "
        f"{result.steps} step(s), councils rebuilt: {rebuilt} (gate {result.gate.seconds:.0f} s, "
        f"dbt {result.dbt_seconds:.0f} s; dbt: {counts})."
    )
    for held in result.held_back.values():
        console.print(
            f"[bold yellow]Held back[/] {held.la_code}: its extract of {held.extract_date} blocked, so its figures "
            f"stay on its last good extract (if any): {held.reason}"
        )
    console.print(f"Landing gate report: {result.gate.report_html}")


def summary(console: Console, s: WarehouseSummary) -> None:
    """`csc summary`: the tables and their rows, the councils and their extracts, and how to open the file."""
    table = Table(title=f"Warehouse {s.warehouse}")
    table.add_column("schema")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for t in s.tables:
        table.add_row(t.schema, t.table, f"{t.rows:,}")
    console.print(table)
    councils = Table(title="Councils")
    for col in ("la_code", "council", "extract date", "history from", "rows landed", "quarantined"):
        councils.add_column(col)
    for c in s.councils:
        councils.add_row(
            c.la_code,
            c.la_name,
            str(c.extract_date),
            str(c.period_start),
            f"{c.rows_landed:,}",
            f"{c.rows_quarantined:,}",
        )
    console.print(councils)
    console.print(
        f"Open it with: duckdb {s.warehouse}   or   "
        f"python -c \"import duckdb; duckdb.connect('{s.warehouse}', read_only=True)\""
    )


def report_written(console: Console, files: ReportFiles) -> None:
    """`csc report`: one council-month report written."""
    kind = "published" if files.publish else "internal"
    console.print(
        f"[bold green]Report[/] {files.la_code} {files.period_end:%b %Y} ({kind}) in {files.seconds:.1f} s: "
        f"{files.html}  {files.xlsx.name}"
    )
