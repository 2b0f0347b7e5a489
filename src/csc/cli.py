"""The `csc` command: intakes, synthetic extracts, landing gate, build and publish, summary.

Every subcommand reads the landing root from --landing (env CSC_LANDING, default data/landing)
and the warehouse from CSC_WAREHOUSE (default warehouse/csc.duckdb), so the same commands run
on any council's extracts.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from csc import __version__
from csc.config import landing_root, reports_dir, warehouse_path

DESCRIPTION = """\
Children's social care warehouse: SSD extracts in, tested DuckDB warehouse out.

steps:
  land       land a council's exported SSD tables (a folder of ssd_*.csv / .parquet) under the landing root
  extract    land a council's SSD tables straight from its database (PostgreSQL for Eclipse, SQL Server
             for SystemC/Liquidlogic and Mosaic)
  generate   write synthetic SSD extracts (demo councils, or up to 152) under the landing root
  check      run the landing gate (Great Expectations + DuckDB checks) on every council's newest
             extract; writes reports/landing_gate.html and .json; exit 1 if anything blocks
  build      check, then dbt build into a new database file, then publish it over CSC_WAREHOUSE
             only if the gate, the build and every error-severity test passed
  summary    list what the published warehouse holds
  report     the monthly performance report of a council (HTML + Excel); --publish suppresses small numbers
  refresh    check, build and publish, then both reports (internal and published) for every council

environment:
  CSC_LANDING     landing root (default data/landing)
  CSC_WAREHOUSE   published warehouse file (default warehouse/csc.duckdb)
  CSC_REPORTS     reports folder (default reports/)
"""


def _landing_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--landing", help="landing root (default: $CSC_LANDING or data/landing)")


def _gate_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--reports", help="folder for the gate report (default: $CSC_REPORTS or reports/)")
    p.add_argument(
        "--max-quarantine-pct",
        type=float,
        default=5.0,
        help="block when more than this %% of a file's rows would be rejected (default 5) ...",
    )
    p.add_argument(
        "--min-quarantine-rows",
        type=int,
        default=10,
        help="... and at least this many rows (default 10): one bad row in a small table never blocks",
    )


def _publish_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--retire",
        action="append",
        default=[],
        metavar="CODE",
        help="a council (DfE or ONS code) in the published warehouse that is left out of this build on purpose; "
        "any other published council without a readable extract blocks the publish (repeatable)",
    )


def _intake_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--la", required=True, help="the council: DfE 3-digit code (e.g. 926) or ONS code (E10000020)")
    p.add_argument(
        "--extract-date",
        type=date.fromisoformat,
        help="date the SSD tables were filled, YYYY-MM-DD (default: the run date in ssd_version_log)",
    )
    p.add_argument("--ssd-version", help="SSD release the tables come from, e.g. 1.4.5 (default: ssd_version_log)")
    p.add_argument(
        "--period-start",
        type=date.fromisoformat,
        help="first day of the history the extract holds, YYYY-MM-DD (default: the SSD's 6 years, "
        "extract date minus 6 years plus one day)",
    )
    _landing_arg(p)
    p.add_argument("--replace", action="store_true", help="overwrite an extract already landed for that date")


EXTRACT_HELP = """\
Read every ssd_* table of the SSD schema through SQLAlchemy, streamed in batches, and write
<landing>/<ONS code>/<extract date>/ssd_<table>.parquet with manifest.json. Only the columns of the
contract are SELECTed: personal identifiers (pers_forename, pers_upn, ...) are never read.

URL forms:
  Eclipse (PostgreSQL):
    postgresql+psycopg://user:password@host:5432/database   --schema public
  SystemC/Liquidlogic and Mosaic (SQL Server, through pymssql: no ODBC driver to install):
    mssql+pymssql://user:password@host:1433/database   --schema ssd_development
    (the SSD script's schema; dbo when it ran without one; a Windows login as DOMAIN%5Cuser)
  Percent-encode special characters of the password (@ as %40).
  A bare postgresql:// or mssql:// URL gets the driver above. Prefer a read-only login.
"""


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="csc", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--version", action="version", version=f"csc {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    la = sub.add_parser(
        "land",
        help="land exported SSD tables (ssd_*.csv / .parquet) for a council",
        description="Convert a folder of exported SSD tables (ssd_*.csv or .parquet, names in any case) into "
        "<landing>/<ONS code>/<extract date>/ssd_<table>.parquet with manifest.json. Values are kept verbatim as "
        "text; only contract columns are landed; other ssd_* tables are reported, not landed.",
    )
    la.add_argument("source", type=Path, help="folder holding the exported ssd_*.csv / .parquet files")
    _intake_args(la)

    ex = sub.add_parser(
        "extract",
        help="land a council's SSD tables straight from its database",
        description=EXTRACT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("--url", required=True, help="SQLAlchemy database URL (see above); the password is never stored")
    ex.add_argument("--schema", help="schema holding the ssd_* tables (default: the login's default schema)")
    _intake_args(ex)

    g = sub.add_parser(
        "generate",
        help="write synthetic SSD extracts",
        description="Simulate child journeys month by month and write SSD extracts "
        "(<landing>/<la_code>/<extract_date>/) for N councils.",
    )
    _landing_arg(g)
    g.add_argument("--seed", type=int, default=42, help="random seed; same seed, same extracts (default 42)")
    g.add_argument(
        "--councils",
        type=int,
        default=2,
        help="number of councils: the two demo councils first, up to 152 (default 2)",
    )
    g.add_argument("--years", type=int, default=6, help="years of history in each extract (default 6)")
    g.add_argument(
        "--extract-date",
        type=date.fromisoformat,
        default=date(2021, 3, 31),
        help="extract date, YYYY-MM-DD (default 2021-03-31)",
    )
    g.add_argument("--format", choices=["parquet", "csv"], default="parquet", help="file format")
    g.add_argument(
        "--date-style",
        choices=["iso", "uk"],
        default="iso",
        help="CSV dates as YYYY-MM-DD (iso) or DD/MM/YYYY (uk)",
    )
    g.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="multiply every council's population and volumes (e.g. 0.05 for a quick test)",
    )
    g.add_argument(
        "--cms",
        choices=["systemc", "mosaic", "eclipse"],
        help="write each council's extract as this case-management system's SSD script would (no manifest: land "
        "it with `csc land`) into --out instead of the landing layout",
    )
    g.add_argument("--ssd-version", choices=["1.2.4", "1.4.5"], default="1.4.5", help="SSD release (with --cms)")
    g.add_argument(
        "--export",
        choices=["ssms", "clean", "parquet"],
        default="ssms",
        help="export tool (with --cms): ssms = SQL Server Management Studio CSV (literal NULL, .000 datetimes), "
        "clean = plain CSV, parquet",
    )
    g.add_argument("--out", type=Path, help="folder for --cms exports (default data/exports)")
    g.add_argument(
        "--defects",
        default="",
        help="comma-separated malformed-input cases to write into the first council's extract "
        "(e.g. duplicate_pk,orphan_fk; 'list' to show them)",
    )

    c = sub.add_parser(
        "check",
        help="run the landing gate only",
        description="Validate every council's newest extract; nothing is published.",
    )
    _landing_arg(c)
    _gate_args(c)

    b = sub.add_parser(
        "build",
        help="gate, dbt build and publish",
        description="Run the landing gate, build the warehouse with dbt into a new file, "
        "and replace CSC_WAREHOUSE atomically only if everything passed.",
    )
    _landing_arg(b)
    _gate_args(b)
    _publish_args(b)

    s = sub.add_parser("summary", help="show what the published warehouse holds")
    _landing_arg(s)

    r = sub.add_parser(
        "report",
        help="monthly performance report (HTML + Excel)",
        description="Write the monthly performance report of one council (or every council) from the "
        "published warehouse: one self-contained HTML file and an Excel workbook.",
    )
    r.add_argument(
        "--la",
        help="the council: DfE code (e.g. 372) or ONS code (E08000018) (default: every council in the warehouse)",
    )
    r.add_argument("--month", help="report month YYYY-MM (default: the latest month of the council's extract)")
    r.add_argument(
        "--publish",
        action="store_true",
        help="published version: counts from 1 to 5 and figures built on them shown as c (DfE convention)",
    )
    r.add_argument("--out", help="output folder (default: <reports>/performance)")

    f = sub.add_parser(
        "refresh",
        help="check, build, publish and report for every landed council",
        description="The monthly refresh: landing gate, dbt build, publish, then the internal and the "
        "published report of every council for its latest month.",
    )
    _landing_arg(f)
    _gate_args(f)
    _publish_args(f)
    f.add_argument("--out", help="report folder (default: <reports>/performance)")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    console = Console()
    landing = landing_root(getattr(args, "landing", None))
    if args.command in ("land", "extract"):
        return _intake(args, landing, console)
    if args.command == "generate":
        return _generate(args, landing, console)
    if args.command == "check":
        return _check(args, landing, console)
    if args.command == "build":
        return _build(args, landing, console)
    if args.command == "summary":
        return _summary(console)
    if args.command == "report":
        return _report(args, console)
    if args.command == "refresh":
        code = _build(args, landing, console)
        return code if code else _report(args, console, both_modes=True)
    return 2


def _intake(args, landing: Path, console: Console) -> int:
    from csc.intake import IntakeError
    from csc.intake.database import extract_database
    from csc.intake.files import land_folder
    from csc.intake.layout import IntakeOptions

    options = IntakeOptions(
        la=args.la,
        landing=landing,
        extract_date=args.extract_date,
        ssd_version=args.ssd_version,
        period_start=args.period_start,
        replace=args.replace,
    )
    try:
        if args.command == "land":
            result = land_folder(args.source, options)
        else:
            result = extract_database(args.url, options, schema=args.schema)
    except (IntakeError, OSError) as exc:
        console.print(f"[bold red]csc {args.command}:[/] {escape(str(exc))}", soft_wrap=True)
        return 1
    _print_intake(result, console)
    return 0


def _print_intake(result, console: Console) -> None:
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
    for t in result.not_landed:
        rows = "" if t.rows is None else f" ({t.rows:,} row" + ("" if t.rows == 1 else "s") + ")"
        console.print(f"[yellow]not landed[/] {escape(t.source)}{rows}: {escape(t.reason)}", soft_wrap=True)
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


def _generate(args, landing: Path, console: Console) -> int:
    from csc.generate.defects import DEFECTS, apply_defects
    from csc.generate.run import generate

    if args.defects == "list":
        for name in DEFECTS:
            console.print(name)
        return 0
    if args.cms:
        return _generate_shaped(args, console)
    results = generate(
        landing,
        seed=args.seed,
        councils=args.councils,
        years=args.years,
        extract_date=args.extract_date,
        fmt=args.format,
        date_style=args.date_style,
        scale=args.scale,
        console=console,
    )
    if args.defects:
        first = next(iter(results))
        folder = landing / first / args.extract_date.isoformat()
        for line in apply_defects(folder, [d.strip() for d in args.defects.split(",") if d.strip()]):
            console.print(f"[yellow]defect[/] {first}: {line}")
    return 0


def _ons_code(code: str) -> str:
    from csc.councils import resolve_council

    return resolve_council(code).la_code


def _generate_shaped(args, console: Console) -> int:
    from csc.generate.exports import generate_exports

    exports = generate_exports(
        (args.out or Path("data/exports")).resolve(),
        args.cms,
        args.ssd_version,
        args.export,
        seed=args.seed,
        councils=args.councils,
        years=args.years,
        extract_date=args.extract_date,
        scale=args.scale,
        console=console,
    )
    for e in exports:
        console.print(
            f"[bold green]{args.cms} {args.ssd_version} ({args.export})[/] {e.la_code}: {len(e.counts)} tables, "
            f"{sum(e.counts.values()):,} rows in {e.folder}\n  land it with: csc land {e.folder} --la {e.code} "
            f"--extract-date {args.extract_date} --ssd-version {args.ssd_version} --period-start {e.period_start}",
            soft_wrap=True,
        )
    return 0


def _check(args, landing: Path, console: Console) -> int:
    import tempfile

    from csc.gate.issues import GateFailure
    from csc.gate.run import run_gate

    with tempfile.TemporaryDirectory(prefix="csc-gate-") as tmp:
        try:
            run_gate(
                landing,
                Path(tmp) / "gate.duckdb",
                reports_dir(args.reports),
                args.max_quarantine_pct,
                console,
                args.min_quarantine_rows,
            )
        except GateFailure as exc:
            console.print(f"[bold red]{exc}[/]")
            return 1
    console.print("[bold green]Landing gate passed.[/]")
    return 0


def _build(args, landing: Path, console: Console) -> int:
    from csc.build import BuildFailure, build
    from csc.gate.issues import GateFailure

    target = warehouse_path()
    try:
        retire = tuple(_ons_code(code) for code in args.retire)
        result = build(
            landing,
            target,
            reports_dir(args.reports),
            args.max_quarantine_pct,
            console,
            args.min_quarantine_rows,
            retire,
        )
    except ValueError as exc:  # an unknown council in --retire
        console.print(f"[bold red]{exc}[/]")
        return 1
    except GateFailure as exc:
        console.print(f"[bold red]{exc}[/]\nThe published warehouse {target} was not changed.")
        return 1
    except BuildFailure as exc:
        console.print(f"[bold red]{exc}[/]")
        return 1
    counts = ", ".join(f"{v} {k}" for k, v in sorted(result.dbt_counts.items()))
    console.print(
        f"[bold green]Published[/] {target} in {result.total_seconds:.0f} s "
        f"(gate {result.gate.seconds:.0f} s, dbt {result.dbt_seconds:.0f} s; dbt: {counts})."
    )
    console.print(f"Landing gate report: {result.gate.report_html}")
    return _summary(console)


def _summary(console: Console) -> int:
    from csc.build import summary_rows

    target = warehouse_path()
    if not target.exists():
        console.print(f"[red]No warehouse at {target}: run `csc build` first.[/]")
        return 1
    import duckdb

    table = Table(title=f"Warehouse {target}")
    table.add_column("schema")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for schema, name, n in summary_rows(target):
        table.add_row(schema, name, f"{n:,}")
    console.print(table)
    con = duckdb.connect(str(target), read_only=True)
    try:
        councils = con.execute("""
            select m.la_code, m.la_name, m.extract_date, m.period_start,
                   sum(f.rows_landed), sum(f.rows_quarantined)
            from raw.manifests m join raw.landed_files f using (la_code)
            group by all order by 1""").fetchall()
    finally:
        con.close()
    ct = Table(title="Councils")
    for col in ("la_code", "council", "extract date", "history from", "rows landed", "quarantined"):
        ct.add_column(col)
    for la, name, ed, ps, rows, bad in councils:
        ct.add_row(la, name, str(ed), str(ps), f"{rows:,}", f"{bad:,}")
    console.print(ct)
    console.print(
        f"Open it with: duckdb {target}   or   python -c \"import duckdb; duckdb.connect('{target}', read_only=True)\""
    )
    return 0


def _report(args, console: Console, both_modes: bool = False) -> int:
    from csc.report.data import ReportError, councils_in, month_end
    from csc.report.run import make_report

    target = warehouse_path()
    out = Path(args.out).resolve() if args.out else reports_dir(getattr(args, "reports", None)) / "performance"
    try:
        la = _ons_code(args.la) if getattr(args, "la", None) else None
        month = month_end(args.month) if getattr(args, "month", None) else None
        councils = [la] if la else [code for code, _ in councils_in(target)]
        modes = [False, True] if both_modes else [bool(getattr(args, "publish", False))]
        for code in councils:
            for publish in modes:
                files = make_report(target, code, month, out, publish)
                kind = "published" if publish else "internal"
                console.print(
                    f"[bold green]Report[/] {code} {files.period_end:%b %Y} ({kind}) in {files.seconds:.1f} s: "
                    f"{files.html}  {files.xlsx.name}"
                )
    except (ReportError, ValueError) as exc:  # ValueError: an unknown council in --la
        console.print(f"[bold red]{exc}[/]")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
