"""`csc generate`: write synthetic SSD extracts for N councils in the landing layout."""

from __future__ import annotations

import shutil
from datetime import date
from functools import partial
from pathlib import Path

from rich.console import Console
from rich.table import Table as RichTable

from csc.generate.optional_tables import OptionalTables
from csc.generate.profiles import load_councils
from csc.generate.simulate import Simulation
from csc.generate.workcal import add_months
from csc.generate.writer import ExtractWriter
from csc.ui import progress as progress_bar

DEFAULT_EXTRACT_DATE = date(2021, 3, 31)
SSD_VERSION = "1.3"


def generate(
    landing: Path,
    seed: int = 42,
    councils: int = 2,
    years: int = 6,
    extract_date: date = DEFAULT_EXTRACT_DATE,
    fmt: str = "parquet",
    date_style: str = "iso",
    scale: float = 1.0,
    clean: bool = True,
    console: Console | None = None,
) -> dict[str, dict[str, int]]:
    """Generate extracts; returns {la_code: {table: rows}}. `scale` multiplies every volume
    (population-based), for small test extracts."""
    console = console or Console()
    selected = load_councils(councils, seed)
    results: dict[str, dict[str, int]] = {}
    with progress_bar(console) as progress:
        task = progress.add_task("Generating councils", total=len(selected))
        for council in selected:
            if scale != 1.0:
                council = type(council)(
                    council.la_code,
                    council.la_name,
                    [(e, max(100, int(p * scale))) for e, p in council.population],
                    council.profile,
                )
            folder = landing / council.la_code / extract_date.isoformat()
            if clean and folder.exists():
                shutil.rmtree(folder)
            progress.update(task, description=f"Generating {council.la_name}")
            writer = ExtractWriter(folder, fmt=fmt, date_style=date_style)
            optional = OptionalTables(seed, council.la_code, extract_date)
            sim = Simulation(council, seed, extract_date, years, optional.tee(writer.add))
            months = progress.add_task(f"  {council.la_code} months simulated", total=sim.months)
            sim.run(on_month=partial(progress.advance, months))
            progress.remove_task(months)
            optional.write(writer.add, sim.period_start)  # the optional SSD tables, from their own random stream
            manifest = {
                "la_code": council.la_code,
                "la_name": council.la_name,
                "extract_date": extract_date.isoformat(),
                "period_start": sim.period_start.isoformat(),
                "ssd_version": SSD_VERSION,
            }
            results[council.la_code] = writer.close(manifest)
            progress.advance(task)
    _print_counts(console, results, landing)
    return results


def _print_counts(console: Console, results: dict[str, dict[str, int]], landing: Path) -> None:
    codes = list(results)
    shown = codes[:6]
    table = RichTable(title=f"Rows written per table ({len(codes)} councils) under {landing}")
    table.add_column("table")
    for c in shown:
        table.add_column(c, justify="right")
    table.add_column("all councils", justify="right")
    tables = list(next(iter(results.values()))) if results else []
    for t in tables:
        total = sum(r[t] for r in results.values())
        table.add_row(t, *[f"{results[c][t]:,}" for c in shown], f"{total:,}")
    grand = sum(sum(r.values()) for r in results.values())
    table.add_row("[bold]total", *[f"{sum(results[c].values()):,}" for c in shown], f"[bold]{grand:,}")
    console.print(table)


def period_start_for(extract_date: date, years: int) -> date:
    from datetime import timedelta

    return add_months(extract_date, -12 * years) + timedelta(days=1)
