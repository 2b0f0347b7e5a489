"""What `csc returns` prints: the files written with their rows, the tables not filled and why, and the DfE
rules the return breaks."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from csc.returns.annex_a import AnnexAResult
from csc.returns.annex_a_lists import BLANK, latest_month_end, window_start
from csc.returns.cin_census import CinCensusResult
from csc.returns.ssda903 import ReturnResult


def return_written(console: Console, result: ReturnResult) -> None:
    files = Table(title=f"SSDA903 {result.collection_year - 1}/{result.collection_year % 100:02d} for {result.la_code}")
    files.add_column("table")
    files.add_column("file")
    files.add_column("rows", justify="right")
    for written in result.written:
        files.add_row(written.table.name, str(written.path), f"{written.rows:,}")
    for table in result.not_filled:
        files.add_row(table.name, "[yellow]not written[/]", "", end_section=False)
    console.print(files)
    for table in result.not_filled:
        console.print(f"[yellow]not filled[/] {table.name}: {table.not_filled}")
    if not result.with_identifiers:
        console.print("UPN is blank: add --with-identifiers to read it from the landed extract")
    if not result.failures:
        console.print("[green]No DfE validation rule the warehouse checks is broken.[/]")
        return
    rules = Table(title="DfE validation rules broken (returns.ssda903_rule_failures)")
    for name in ("rule", "severity", "table", "field", "rows", "message"):
        rules.add_column(name)
    for f in result.failures:
        rules.add_row(f.rule, f.severity, f.table_name, f.field, f"{f.rows:,}", f.message)
    console.print(rules)


def exit_code(result: ReturnResult) -> int:
    """1 when an error rule is broken (the DfE would reject the return), else 0."""
    return 1 if any(f.severity == "error" for f in result.failures) else 0


def cin_census_written(console: Console, result: CinCensusResult) -> None:
    year = f"{result.collection_year - 1}/{result.collection_year % 100:02d}"
    console.print(
        f"CIN census {year} for {result.la_code}: {result.path} "
        f"({result.children:,} children, {result.cin_details:,} CIN episodes)"
    )
    if not result.with_identifiers:
        console.print("UPN is left out: add --with-identifiers to read it from the landed extract")


def annex_a_written(console: Console, result: AnnexAResult) -> None:
    lists = Table(title=f"Ofsted Annex A for {result.la_code} at {result.as_at:%d/%m/%Y}: {result.path}")
    for name in ("list", "window", "rows", "blank columns"):
        lists.add_column(name, justify="right" if name == "rows" else "left")
    for written in result.written:
        window = written.annex_list.window
        span = (
            f"month end {latest_month_end(result.as_at):%d/%m/%Y}"
            if window.kind == "month_end"
            else f"{window_start(result.as_at, window.months):%d/%m/%Y} to {result.as_at:%d/%m/%Y}"
        )
        blanks = sum(1 for _, column in written.annex_list.columns if column is BLANK)
        lists.add_row(written.annex_list.sheet, span, f"{written.rows:,}", str(blanks))
    console.print(lists)
    for sheet, why in result.not_written:
        console.print(f"[yellow]not written[/] {sheet}: {why}")
    console.print("Blank columns are not held by the SSD or not built yet (docs/annex_a.md)")
    if not result.with_identifiers:
        console.print("No UPN column: add --with-identifiers to read UPNs from the landed extract")
