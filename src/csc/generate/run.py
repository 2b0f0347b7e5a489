"""`csc generate`: write synthetic SSD extracts for N councils in the landing layout."""

from __future__ import annotations

import multiprocessing
import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from rich.console import Console
from rich.table import Table as RichTable

from csc.generate.optional_tables import OptionalTables
from csc.generate.profiles import Council, load_councils
from csc.generate.simulate import Simulation
from csc.generate.workcal import add_months
from csc.generate.writer import ExtractWriter
from csc.ui import progress as progress_bar

DEFAULT_EXTRACT_DATE = date(2021, 3, 31)
SSD_VERSION = "1.3"


@dataclass(frozen=True)
class CouncilJob:
    """What one worker process generates: one council's extract, written to its own folder."""

    council: Council
    landing: Path
    seed: int
    extract_date: date
    years: int
    fmt: str
    date_style: str
    clean: bool


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
    workers: int = 1,
) -> dict[str, dict[str, int]]:
    """Generate extracts; returns {la_code: {table: rows}} in council order. `scale` multiplies every volume
    (population-based), for small test extracts. Councils are independent (each draws from its own seeded random
    streams and writes its own folder), so they can run in `workers` processes (`csc generate` uses one per core);
    the extracts are the same whatever the number of workers."""
    console = console or Console()
    jobs = [
        CouncilJob(_scaled(council, scale), landing, seed, extract_date, years, fmt, date_style, clean)
        for council in load_councils(councils, seed)
    ]
    workers = max(1, min(workers, len(jobs)))
    results: dict[str, dict[str, int]] = {}
    with progress_bar(console) as progress:
        task = progress.add_task("Generating councils", total=len(jobs))
        if workers == 1:
            for job in jobs:
                progress.update(task, description=f"Generating {job.council.la_name}")
                months = progress.add_task(f"  {job.council.la_code} months simulated", total=None)
                results[job.council.la_code] = generate_council(job, partial(progress.advance, months))
                progress.remove_task(months)
                progress.advance(task)
        else:
            progress.update(task, description=f"Generating councils in {workers} processes")
            # spawn, not fork: the parent runs rich's refresh thread, which a forked child would inherit mid-write
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                futures = {pool.submit(generate_council, job): job.council.la_code for job in jobs}
                done: dict[str, dict[str, int]] = {}
                for future in as_completed(futures):
                    done[futures[future]] = future.result()
                    progress.advance(task)
            results = {job.council.la_code: done[job.council.la_code] for job in jobs}
    _print_counts(console, results, landing)
    return results


def _scaled(council: Council, scale: float) -> Council:
    if scale == 1.0:
        return council
    return type(council)(
        council.la_code,
        council.la_name,
        [(e, max(100, int(p * scale))) for e, p in council.population],
        council.profile,
    )


def generate_council(job: CouncilJob, on_month: Callable[[], object] | None = None) -> dict[str, int]:
    """Simulate one council and write its extract folder with its manifest; returns rows written per table."""
    council = job.council
    folder = job.landing / council.la_code / job.extract_date.isoformat()
    if job.clean and folder.exists():
        shutil.rmtree(folder)
    writer = ExtractWriter(folder, fmt=job.fmt, date_style=job.date_style)
    optional = OptionalTables(job.seed, council.la_code, job.extract_date)
    sim = Simulation(council, job.seed, job.extract_date, job.years, optional.tee(writer.add))
    sim.run(on_month=on_month)
    optional.write(writer.add, sim.period_start)  # the optional SSD tables, from their own random stream
    manifest = {
        "la_code": council.la_code,
        "la_name": council.la_name,
        "extract_date": job.extract_date.isoformat(),
        "period_start": sim.period_start.isoformat(),
        "ssd_version": SSD_VERSION,
    }
    return writer.close(manifest)


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
