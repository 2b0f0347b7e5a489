"""The `csc` command line: argument parsing and output only.

Each subcommand is a handler `(args, settings, console) -> exit code`, registered with its subparser by
`_command` (as `args.run`); `main` resolves the configuration once (`csc.config.Settings`) and calls it. The
work is done by the library: csc.intake (land, extract), csc.generate, csc.gate.run (check), csc.build,
csc.summary, csc.report.run; what is printed is in csc.ui. Exit codes: 0 done (build and refresh: every
council published from its newest extract, or already up to date), 1 the command failed and nothing was
published (a blocking gate, a failed build, an unknown council, ...), 2 a usage error, 3 (build and refresh)
published, but some councils' newest extracts were held back and their figures stay on their last good extract.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from csc import __version__, ui
from csc.config import DEFAULT_MAX_QUARANTINE_PCT, DEFAULT_MIN_QUARANTINE_ROWS, DEFAULT_WAIT_SECONDS, Settings

if TYPE_CHECKING:
    from csc.intake.layout import IntakeOptions
    from csc.intake.result import IntakeResult

Handler = Callable[[argparse.Namespace, Settings, Console], int]


# `csc generate` options that apply to one of its two modes only (the landing layout, or --cms exports):
# their defaults are applied by the handler, so that an option given for the other mode is an error.
FORMAT, DATE_STYLE = "parquet", "iso"
CMS_SSD_VERSION, CMS_EXPORT = "1.4.5", "ssms"


class UsageError(Exception):
    """Options that cannot go together: reported like argparse's own errors (exit 2)."""


DESCRIPTION = """\
Children's social care warehouse: SSD extracts in, tested DuckDB warehouse out.

steps:
  land       land a council's exported SSD tables (a folder of ssd_*.csv / .parquet) under the landing root
  extract    land a council's SSD tables straight from its database (PostgreSQL for Eclipse, SQL Server
             for SystemC/Liquidlogic and Mosaic)
  generate   write synthetic SSD extracts (demo councils, or up to 152) under the landing root
  check      run the landing gate (Great Expectations + DuckDB checks) on every council's newest
             extract; writes reports/landing_gate.html and .json; exit 1 if anything blocks
  build      check every extract newer than the warehouse's history, dbt build the councils that changed (all
             of them when the project changed or --full-refresh) into a new file, publish it over
             CSC_WAREHOUSE if the build and every error-severity test passed; a council whose newest extract
             blocks keeps its last good extract (exit 3: published, some held back; 1: nothing published)
  summary    list what the published warehouse holds
  report     the monthly performance report of a council (HTML + Excel); --publish suppresses small numbers;
             --exceptions writes the committee version (only indicators red or worsening, with their cards)
  refresh    check, build and publish, then both reports (internal and published) for every council

environment (an option, where there is one, comes first; defaults are under the project directory):
  CSC_LANDING     landing root, or --landing (default data/landing)
  CSC_WAREHOUSE   published warehouse file (default warehouse/csc.duckdb)
  CSC_REPORTS     reports folder, or --reports (default reports/)
"""


def _landing_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--landing", help="landing root (default: $CSC_LANDING, else data/landing)")


def _gate_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--reports", help="folder for the gate report (default: $CSC_REPORTS, else reports/)")
    p.add_argument(
        "--max-quarantine-pct",
        type=float,
        help="block when more than this %% of a file's rows would be rejected "
        f"(default {DEFAULT_MAX_QUARANTINE_PCT:g}) ...",
    )
    p.add_argument(
        "--min-quarantine-rows",
        type=int,
        help=f"... and at least this many rows (default {DEFAULT_MIN_QUARANTINE_ROWS}): one bad row in a small "
        "table never blocks",
    )


def _publish_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--full-refresh",
        action="store_true",
        help="rebuild every council from its newest extract instead of only the councils with a new extract "
        "(the history and earlier figures are kept)",
    )
    p.add_argument(
        "--retire",
        action="append",
        default=[],
        metavar="CODE",
        help="a council (DfE or ONS code) in the published warehouse that is left out of this build on purpose; "
        "any other published council without a readable extract blocks the publish (repeatable)",
    )
    p.add_argument(
        "--wait",
        type=_seconds,
        metavar="SECONDS",
        help="if another build or refresh of the warehouse is running, wait up to this long for it to finish "
        f"(default {DEFAULT_WAIT_SECONDS:g}: refuse at once, naming it)",
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


def _command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, run: Handler, **kwargs: Any
) -> argparse.ArgumentParser:
    """The subparser of a command, with its handler (`args.run`) and itself (`args.command_parser`, whose usage
    a UsageError is reported with)."""
    p = sub.add_parser(name, **kwargs)
    p.set_defaults(run=run, command_parser=p)
    return p


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="csc", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--version", action="version", version=f"csc {__version__}")
    # the options Settings.resolve reads, for the commands that do not take them
    ap.set_defaults(landing=None, reports=None, max_quarantine_pct=None, min_quarantine_rows=None, wait=None)
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    la = _command(
        sub,
        "land",
        _land,
        help="land exported SSD tables (ssd_*.csv / .parquet) for a council",
        description="Convert a folder of exported SSD tables (ssd_*.csv or .parquet, names in any case) into "
        "<landing>/<ONS code>/<extract date>/ssd_<table>.parquet with manifest.json. Values are kept verbatim as "
        "text; only contract columns are landed; other ssd_* tables are reported, not landed.",
    )
    la.add_argument("source", type=Path, help="folder holding the exported ssd_*.csv / .parquet files")
    _intake_args(la)

    ex = _command(
        sub,
        "extract",
        _extract,
        help="land a council's SSD tables straight from its database",
        description=EXTRACT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("--url", required=True, help="SQLAlchemy database URL (see above); the password is never stored")
    ex.add_argument("--schema", help="schema holding the ssd_* tables (default: the login's default schema)")
    _intake_args(ex)

    g = _command(
        sub,
        "generate",
        _generate,
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
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="councils generated at once, one process each (default: the machine's cores); same extracts either way",
    )
    g.add_argument(
        "--extract-date",
        type=date.fromisoformat,
        default=date(2021, 3, 31),
        help="extract date, YYYY-MM-DD (default 2021-03-31)",
    )
    g.add_argument("--format", choices=["parquet", "csv"], help=f"file format (default {FORMAT})")
    g.add_argument(
        "--date-style",
        choices=["iso", "uk"],
        help=f"CSV dates as YYYY-MM-DD (iso) or DD/MM/YYYY (uk) (default {DATE_STYLE})",
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
    g.add_argument(
        "--ssd-version", choices=["1.2.4", "1.4.5"], help=f"SSD release (with --cms; default {CMS_SSD_VERSION})"
    )
    g.add_argument(
        "--export",
        choices=["ssms", "clean", "parquet"],
        help="export tool (with --cms): ssms = SQL Server Management Studio CSV (literal NULL, .000 datetimes), "
        f"clean = plain CSV, parquet (default {CMS_EXPORT})",
    )
    g.add_argument("--out", type=Path, help="folder for --cms exports (default data/exports)")
    g.add_argument(
        "--defects",
        type=_names,
        default=[],
        help="comma-separated malformed-input cases to write into the first council's extract "
        "(e.g. duplicate_pk,orphan_fk; 'list' to show them)",
    )

    c = _command(
        sub,
        "check",
        _check,
        help="run the landing gate only",
        description="Validate every council's newest extract; nothing is published.",
    )
    _landing_arg(c)
    _gate_args(c)

    b = _command(
        sub,
        "build",
        _build,
        help="gate, dbt build and publish",
        description="Run the landing gate, build the warehouse with dbt into a new file, "
        "and replace CSC_WAREHOUSE atomically only if everything passed.",
    )
    _landing_arg(b)
    _gate_args(b)
    _publish_args(b)

    _command(
        sub,
        "summary",
        _summary,
        help="show what the published warehouse holds",
        description="The tables of the published warehouse (CSC_WAREHOUSE) with their rows, and its councils.",
    )

    r = _command(
        sub,
        "report",
        _report,
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
    r.add_argument(
        "--exceptions",
        action="store_true",
        help="the committee version instead: only indicators red or worsening for the council's number of "
        "consecutive months (seed exception_settings), each with its report card",
    )
    r.add_argument("--out", type=Path, help="output folder (default: <reports>/performance)")

    rt = _command(
        sub,
        "returns",
        _returns,
        help="write a statutory return (SSDA903, CIN census, Ofsted's Annex A) from the published warehouse",
        description="Write a statutory return of one council for one collection year (903, cin) or as-at date "
        "(annex-a) into --out; the 903 is checked by the DfE validation rules the warehouse runs in every build "
        "(docs/returns.md, docs/annex_a.md). Exit 1 if an error rule fails.",
    )
    rt.add_argument(
        "return_name",
        choices=["903", "cin", "annex-a"],
        metavar="RETURN",
        help="903: the SSDA903 CSV set; cin: the CIN census XML; annex-a: Ofsted's Annex A workbook",
    )
    rt.add_argument("--la", required=True, help="the council: DfE code (e.g. 926) or ONS code (E10000020)")
    rt.add_argument("--year", type=int, help="collection year YYYY: the year ending 31 March YYYY (903, cin: required)")
    rt.add_argument(
        "--as-at",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="annex-a (required): the inspection's as-at date; the lists' windows end on it",
    )
    rt.add_argument(
        "--out", type=Path, required=True, help="folder to write into (child-level: never a published folder)"
    )
    rt.add_argument(
        "--with-identifiers",
        action="store_true",
        help="fill UPN from the council's landed extract (CSC_LANDING or --landing); else it is blank "
        "(annex-a: a UPN column after Ofsted's columns, else none)",
    )
    _landing_arg(rt)

    f = _command(
        sub,
        "refresh",
        _refresh,
        help="check, build, publish and report for every landed council",
        description="The monthly refresh: landing gate, dbt build, publish, then the internal and the "
        "published report of every council for its latest month.",
    )
    _landing_arg(f)
    _gate_args(f)
    _publish_args(f)
    f.add_argument("--out", type=Path, help="report folder (default: <reports>/performance)")
    return ap


def _seconds(value: str) -> float:
    """A number of seconds, 0 or more."""
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:  # also NaN
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds (0 or more)")
    return seconds


def _names(value: str) -> list[str]:
    """A comma-separated list of names."""
    return [name.strip() for name in value.split(",") if name.strip()]


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    settings = Settings.resolve(
        landing=args.landing,
        reports=args.reports,
        max_quarantine_pct=args.max_quarantine_pct,
        min_quarantine_rows=args.min_quarantine_rows,
        wait_seconds=args.wait,
    )
    run: Handler = args.run
    try:
        return run(args, settings, Console())
    except UsageError as exc:
        command_parser: argparse.ArgumentParser = args.command_parser
        command_parser.error(str(exc))  # exits 2


def _land(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from csc.intake.files import land_folder

    return _intake(args, settings, console, lambda options: land_folder(args.source, options))


def _extract(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from csc.intake.database import extract_database

    return _intake(args, settings, console, lambda options: extract_database(args.url, options, schema=args.schema))


def _intake(
    args: argparse.Namespace,
    settings: Settings,
    console: Console,
    intake: Callable[[IntakeOptions], IntakeResult],
) -> int:
    from csc.intake import IntakeError
    from csc.intake.layout import IntakeOptions

    options = IntakeOptions(
        la=args.la,
        landing=settings.landing,
        extract_date=args.extract_date,
        ssd_version=args.ssd_version,
        period_start=args.period_start,
        replace=args.replace,
    )
    try:
        result = intake(options)
    except (IntakeError, OSError) as exc:
        ui.error(console, exc, prefix=f"csc {args.command}:")
        return 1
    ui.intake(console, result)
    return 0


def _generate(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from csc.generate.defects import DEFECTS

    if args.defects == ["list"]:
        for name in DEFECTS:
            console.print(name)
        return 0
    unknown = [name for name in args.defects if name not in DEFECTS]
    if unknown:
        raise UsageError(f"unknown defect(s) {', '.join(unknown)}: `csc generate --defects list` shows them")
    if args.cms:
        _given_only_without_cms(args)
        return _generate_exports(args, settings, console)
    _given_only_with_cms(args)
    return _generate_landing(args, settings, console)


def _given_only_with_cms(args: argparse.Namespace) -> None:
    given = _given({"--ssd-version": args.ssd_version, "--export": args.export, "--out": args.out})
    if given:
        raise UsageError(f"{given} without --cms: these options are for --cms exports only")


def _given_only_without_cms(args: argparse.Namespace) -> None:
    given = _given(
        {"--landing": args.landing, "--format": args.format, "--date-style": args.date_style, "--defects": args.defects}
    )
    if given:
        raise UsageError(f"{given} with --cms: it writes exports into --out, not an extract into the landing root")


def _given(options: dict[str, object]) -> str:
    return ", ".join(option for option, value in options.items() if value)


def _generate_landing(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from csc.generate.defects import apply_defects
    from csc.generate.run import generate
    from csc.intake.layout import extract_folder

    results = generate(
        settings.landing,
        seed=args.seed,
        councils=args.councils,
        years=args.years,
        extract_date=args.extract_date,
        fmt=args.format or FORMAT,
        date_style=args.date_style or DATE_STYLE,
        scale=args.scale,
        console=console,
        workers=args.workers,
    )
    if args.defects:
        first = next(iter(results))
        for line in apply_defects(extract_folder(settings.landing, first, args.extract_date), args.defects):
            console.print(f"[yellow]defect[/] {first}: {line}")
    return 0


def _generate_exports(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from csc.generate.exports import generate_exports

    ssd_version, tool = args.ssd_version or CMS_SSD_VERSION, args.export or CMS_EXPORT
    exports = generate_exports(
        (args.out or settings.exports).resolve(),
        args.cms,
        ssd_version,
        tool,
        seed=args.seed,
        councils=args.councils,
        years=args.years,
        extract_date=args.extract_date,
        scale=args.scale,
        console=console,
        workers=args.workers,
    )
    for export in exports:
        ui.shaped_export(console, export, args.cms, ssd_version, tool, args.extract_date)
    return 0


def _check(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from csc.gate.issues import GateFailure
    from csc.gate.run import check_landing

    try:
        check_landing(
            settings.landing, settings.reports, settings.max_quarantine_pct, console, settings.min_quarantine_rows
        )
    except GateFailure as exc:
        ui.error(console, exc)
        return 1
    ui.gate_passed(console)
    return 0


def _build(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from csc.build import BuildFailure, build
    from csc.councils import UnknownCouncil, resolve_council
    from csc.gate.issues import GateFailure
    from csc.publish import WarehouseLocked

    try:
        retire = tuple(resolve_council(code).la_code for code in args.retire)
    except UnknownCouncil as exc:
        ui.error(console, exc)
        return 1
    try:
        result = build(
            settings.landing,
            settings.warehouse,
            settings.reports,
            settings.max_quarantine_pct,
            console,
            settings.min_quarantine_rows,
            retire,
            full_refresh=args.full_refresh,
            wait_seconds=settings.wait_seconds,
        )
    except WarehouseLocked as exc:
        ui.error(console, exc, prefix=f"csc {args.command}:")
        return 1
    except GateFailure as exc:
        ui.error(console, exc)
        console.print(f"The published warehouse {settings.warehouse} was not changed.")
        return 1
    except BuildFailure as exc:
        ui.error(console, exc)
        return 1
    ui.published(console, result)
    return _summary(args, settings, console) or result.exit_code


def _summary(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from csc.summary import NoWarehouse, summarise

    try:
        summary = summarise(settings.warehouse)
    except NoWarehouse as exc:
        ui.error(console, exc)
        return 1
    ui.summary(console, summary)
    return 1 if summary.checksum is not None and summary.checksum.damaged else 0


def _report(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    return _reports(args, settings, console, args.la, args.month, (args.publish,), args.exceptions)


def _refresh(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    """Build, then the reports of every council when something is published (exit 3 is still a publish)."""
    from csc.build import EXIT_FAILED

    code = _build(args, settings, console)
    if code == EXIT_FAILED:
        return code
    return _reports(args, settings, console, None, None, (False, True)) or code


def _returns(args: argparse.Namespace, settings: Settings, console: Console) -> int:
    from csc.councils import UnknownCouncil, resolve_council
    from csc.returns.annex_a import write_annex_a
    from csc.returns.cin_census import write_cin_census
    from csc.returns.identifiers import NoLandedExtract
    from csc.returns.show import annex_a_written, cin_census_written, exit_code, return_written
    from csc.returns.ssda903 import ReturnError, write_ssda903

    out = args.out.resolve()
    if out.is_relative_to(settings.reports):
        raise UsageError(f"--out {out} is inside the reports folder {settings.reports}: returns are child-level")
    if args.return_name == "annex-a" and args.as_at is None:
        raise UsageError("annex-a needs --as-at YYYY-MM-DD")
    if args.return_name != "annex-a" and args.year is None:
        raise UsageError(f"{args.return_name} needs --year YYYY")
    try:
        council = resolve_council(args.la)
        landing = settings.landing if args.with_identifiers else None
        if args.return_name == "annex-a":
            annex_a = write_annex_a(settings.warehouse, council.la_code, args.as_at, out, landing)
        elif args.return_name == "cin":
            cin = write_cin_census(settings.warehouse, council.la_code, args.year, out, landing)
        else:
            result = write_ssda903(settings.warehouse, council.la_code, args.year, out, landing)
    except (ReturnError, UnknownCouncil, NoLandedExtract) as exc:
        ui.error(console, exc)
        return 1
    if args.return_name == "annex-a":
        annex_a_written(console, annex_a)
        return 0
    if args.return_name == "cin":
        cin_census_written(console, cin)
        return 0
    return_written(console, result)
    return exit_code(result)


def _reports(
    args: argparse.Namespace,
    settings: Settings,
    console: Console,
    la: str | None,
    month: str | None,
    modes: Sequence[bool],
    exceptions: bool = False,
) -> int:
    from csc.councils import UnknownCouncil
    from csc.report.data import ReportError
    from csc.report.run import make_reports

    out = args.out.resolve() if args.out else settings.performance_reports
    try:
        for files in make_reports(settings.warehouse, out, la, month, modes, exceptions):
            ui.report_written(console, files)
    except (ReportError, UnknownCouncil) as exc:
        ui.error(console, exc)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
