"""Benchmark: generate an extract of a given size, then time
  (a) one full read of every landed file by DuckDB (the floor; the faster of two reads, so that files out of the
      page cache do not flatter the ratios),
  (b) the landing gate (load into raw, expectation suites, key checks) and the merge into the history,
  (c) dbt build on the gated database,
  (d) the monthly report (HTML + Excel) of each council for its latest month, internal and published,
and print, per phase, rows, seconds, seconds per million landed rows, the ratio to the floor and peak memory, the
gate's own phases, the slowest dbt nodes (dbt's run_results.json: the build's profile) and the seconds per
council-month report (--no-reports skips (d)).
With --incremental, instead of (b)-(d):
  (e) `csc build` of every council into a new warehouse (full: gate, dbt build, audit tests, publish), with the
      seconds and peak memory of its gate and of its dbt build (audit.build_info),
  (f) the first council's next monthly extract landed, then `csc build` again (incremental: that council is
      gated, built and merged into a copy of the published file), and the ratio (f)/(e); the landing benchmarked
      is left as it was (the new extract goes into a landing of links beside the benchmark's databases).

    python scripts/benchmark.py                       # the default demo (2 councils, 6 years)
    python scripts/benchmark.py --councils 20         # 20 councils
    python scripts/benchmark.py --landing data/landing --no-generate   # an existing landing root
    python scripts/benchmark.py --councils 20 --incremental           # one council's monthly refresh
    python scripts/benchmark.py --landing /big/l152 --no-generate --tmp-dir /big/tmp   # England, databases on /big

Each phase runs in its own process, so its peak memory (max resident set) is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from csc.config import DuckDBResources, dbt_env

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

FLOOR = """
import duckdb, sys, glob
con = duckdb.connect()
con.execute("set enable_progress_bar = false")
rows = 0
for f in sorted(glob.glob(sys.argv[1] + '/*/*/ssd_*.*')):
    reader = f"read_parquet('{f}')" if f.endswith('.parquet') else f"read_csv('{f}', all_varchar=true)"
    con.execute(f"create or replace temp table t as select * from {reader}")
    rows += con.execute("select count(*) from t").fetchone()[0]
print(rows)
"""

GATE = """
import sys, time
from datetime import date
from pathlib import Path
from rich.console import Console
from csc.gate.run import run_gate
from csc.refresh.carry import prepare_step
landing, db = Path(sys.argv[1]), Path(sys.argv[2])
r = run_gate(landing, db, Path(sys.argv[3]), console=Console(quiet=True))
t0 = time.perf_counter()
extracts = {c["la_code"]: date.fromisoformat(c["extract_date"]) for c in r.councils}
prepare_step(db, landing, extracts, list(extracts), {}, [])  # as csc build: the extracts merged into the history
r.phase_seconds["history merge"] = time.perf_counter() - t0
print(r.phases_text())
print(sum(f["rows_landed"] for f in r.files))
"""


REPORT = """
import sys, time
from pathlib import Path
from csc.report.data import councils_in
from csc.report.run import make_report
warehouse, out = Path(sys.argv[1]), Path(sys.argv[2])
for la_code, _ in councils_in(warehouse):
    for publish in (False, True):
        f = make_report(warehouse, la_code, None, out, publish)
        print(f"{la_code} {f.period_end:%Y-%m} {'published' if publish else 'internal'} {f.seconds:.2f}")
"""


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """(seconds, peak resident MB, stdout) of one child process."""
    # Output goes to temporary files, not pipes: a child that writes more than a pipe buffer (dbt build
    # does) would block on a full pipe while we wait for it to exit.
    with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as err_file:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out_file, stderr=err_file, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        out_file.seek(0)
        err_file.seek(0)
        out, err = out_file.read(), err_file.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd[:3])} failed:\n{out[-3000:]}\n{err[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, out


@dataclass
class Phase:
    """One measured phase: its name, rows it handled (if it reads the landing), seconds and peak resident MB."""

    name: str
    rows: int | None
    seconds: float
    peak_mb: float | None  # None: measured inside another phase's process


def print_phases(phases: list[Phase], floor: Phase) -> None:
    """The figures as the README reports them: rows, seconds, seconds per million landed rows, the ratio to the
    DuckDB read floor, and peak memory."""
    rows = floor.rows or 1
    print(f"{'phase':52s} {'rows':>12s} {'seconds':>9s} {'s/M rows':>9s} {'x floor':>8s} {'peak MB':>9s}")
    for ph in phases:
        ratio = "" if ph is floor or ph.name.startswith("generate") else f"{ph.seconds / floor.seconds:.1f}"
        print(
            f"{ph.name:52s} {'' if ph.rows is None else f'{ph.rows:,}':>12s} {ph.seconds:9.1f} "
            f"{ph.seconds / (rows / 1e6):9.2f} {ratio:>8s} {'' if ph.peak_mb is None else f'{ph.peak_mb:.0f}':>9s}"
        )


def slowest_nodes(run_results: Path, n: int = 12) -> list[str]:
    """The dbt nodes (models, tests) that took longest, from dbt's run_results.json: the build's profile."""
    results = json.loads(run_results.read_text())["results"]
    return node_profile([(r["unique_id"], r["execution_time"]) for r in results], n)


def node_profile(nodes: list[tuple[str, float]], n: int = 12) -> list[str]:
    """The profile of a dbt build from (unique id, seconds) per node: total, tests, the n slowest."""
    nodes = sorted(nodes, key=lambda node: -(node[1] or 0.0))
    total = sum(seconds or 0.0 for _, seconds in nodes)
    lines = [f"dbt node seconds (summed over {len(nodes)} nodes: {total:.0f} s; 2 at a time)"]
    tests = sum(seconds or 0.0 for uid, seconds in nodes if uid.startswith(("test.", "unit_test.")))
    lines.append(f"  data and unit tests together: {tests:.0f} s")
    lines += [f"  {seconds or 0.0:7.1f} s  {uid.split('.', 2)[-1]}" for uid, seconds in nodes[:n]]
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--councils", type=int, default=2)
    ap.add_argument("--years", type=int, default=6)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="generator processes (default: cores)")
    ap.add_argument("--landing", help="landing root to use (default: a temporary folder)")
    ap.add_argument("--no-generate", action="store_true", help="benchmark an existing landing root")
    ap.add_argument("--no-reports", action="store_true", help="skip (d), the council-month reports")
    ap.add_argument("--incremental", action="store_true", help="time a full build and one council's refresh")
    ap.add_argument("--tmp-dir", help="where the benchmark's databases go (default: the system's temp folder)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="csc-bench-", dir=args.tmp_dir) as tmp:
        tmp_path = Path(tmp)
        landing = Path(args.landing).resolve() if args.landing else tmp_path / "landing"
        db = tmp_path / "bench.duckdb"
        phases: list[Phase] = []
        if not args.no_generate:
            s, mb, _ = timed(
                [
                    str(BIN / "csc"),
                    "generate",
                    "--landing",
                    str(landing),
                    "--councils",
                    str(args.councils),
                    "--years",
                    str(args.years),
                    "--scale",
                    str(args.scale),
                    "--seed",
                    str(args.seed),
                    "--workers",
                    str(args.workers),
                ]
            )
            phases.append(Phase(f"generate extracts ({args.workers} processes)", None, s, mb))
        size_mb = sum(f.stat().st_size for f in landing.glob("*/*/ssd_*.*")) / 2**20  # follows linked folders
        councils = len([p for p in landing.iterdir() if p.is_dir()])
        # the faster of two reads: the first may find the files out of the page cache (after a large build), and
        # every later phase reads them from it
        s_floor, mb, out = min(timed([sys.executable, "-c", FLOOR, str(landing)]) for _ in range(2))
        floor = Phase("(a) DuckDB full read of every file (floor)", int(out.strip().splitlines()[-1]), s_floor, mb)
        phases.append(floor)
        header = (
            f"\nBenchmark: {councils} council(s), {args.years} years, scale {args.scale}; {floor.rows:,} landed rows, "
            f"{size_mb:,.1f} MB of Parquet; {os.cpu_count()} cores; DuckDB {DuckDBResources.resolve(db).memory_limit} "
            "memory limit per process\n"
        )
        if args.incremental:
            return _incremental(landing, tmp_path, phases, floor, header)
        s_gate, mb, out = timed([sys.executable, "-c", GATE, str(landing), str(db), str(tmp_path / "reports")])
        gate_lines = out.strip().splitlines()
        phases.append(Phase("(b) landing gate (and history merge)", int(gate_lines[-1]), s_gate, mb))
        env = dbt_env(db)
        target = tmp_path / "target"
        s_dbt, mb, _ = timed(
            [str(BIN / "dbt"), "build", "--project-dir", str(ROOT), "--target-path", str(target)], env=env
        )
        phases.append(Phase("(c) dbt build", None, s_dbt, mb))
        report_lines: list[str] = []
        if not args.no_reports:
            s_rep, mb, out = timed([sys.executable, "-c", REPORT, str(db), str(tmp_path / "reports")])
            report_lines = out.strip().splitlines()
            phases.append(Phase(f"(d) {len(report_lines)} reports (process, with imports)", None, s_rep, mb))
        profile = slowest_nodes(target / "run_results.json")

    print(header)
    print_phases(phases, floor)
    print(f"\ngate phases: {gate_lines[-2]}")
    print(f"gate share of check + build: {100 * s_gate / (s_gate + s_dbt):.0f}%")
    print("\n".join(profile))
    if report_lines:
        print("report seconds per council-month (load, HTML, Excel):")
        for line in report_lines:
            print(f"  {line}")
    return 0


def _incremental(landing: Path, tmp_path: Path, phases: list[Phase], floor: Phase, header: str) -> int:
    """(e) a full `csc build`, (f) one council's next monthly extract refreshed incrementally."""
    from datetime import date, timedelta

    from csc.generate.vintage import land_next_extract

    landing = _landing_to_refresh(landing, tmp_path / "landing-refresh")
    warehouse = tmp_path / "warehouse" / "csc.duckdb"
    env = {**os.environ, "CSC_WAREHOUSE": str(warehouse)}
    csc_build = [str(BIN / "csc"), "build", "--landing", str(landing), "--reports", str(tmp_path / "reports")]
    s_full, mb, _ = timed(csc_build, env=env)
    phases.append(Phase("(e) csc build, every council (full)", floor.rows, s_full, mb))
    info = _build_info(warehouse)
    phases.append(Phase("    of which the landing gate", floor.rows, info.gate_seconds, info.gate_peak_mb))
    phases.append(Phase("    of which the history merge", None, info.history_seconds, None))
    phases.append(Phase("    of which dbt build", None, info.dbt_seconds, info.dbt_peak_mb))
    council = sorted(p for p in landing.iterdir() if p.is_dir())[0]
    newest = date.fromisoformat(max(p.name for p in council.iterdir() if p.is_dir()))
    next_month_end = (newest.replace(day=1) + timedelta(days=62)).replace(day=1) - timedelta(days=1)
    land_next_extract(landing, council.name, next_month_end)
    s_inc, mb, out = timed(csc_build, env=env)
    phases.append(Phase(f"(f) csc build, {council.name} next month (incremental)", None, s_inc, mb))
    size_gb = warehouse.stat().st_size / 2**30
    print(header)
    print_phases(phases, floor)
    print(f"\ngate phases (full build): {info.gate_phases}")
    print("\n".join(info.slowest_nodes))
    print(f"\npublished warehouse: {size_gb:.1f} GB")
    print(f"incremental / full (f)/(e): {100 * s_inc / s_full:.1f}%")
    print(next((line for line in out.splitlines() if "Published" in line), ""))
    return 0


@dataclass
class BuildInfo:
    """What audit.build_info and audit.dbt_results say of the build that made a warehouse."""

    gate_seconds: float
    history_seconds: float
    dbt_seconds: float
    gate_peak_mb: float
    dbt_peak_mb: float
    gate_phases: str
    slowest_nodes: list[str]


def _build_info(warehouse: Path, n: int = 12) -> BuildInfo:
    """The seconds, peaks and gate phases of the build that made `warehouse`, and its slowest dbt nodes."""
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        row = con.execute(
            "select gate_seconds, history_seconds, dbt_seconds, gate_peak_mb, dbt_peak_mb, gate_phases "
            "from audit.build_info"
        ).fetchone()
        nodes = con.execute("select unique_id, execution_seconds from audit.dbt_results").fetchall()
    finally:
        con.close()
    assert row is not None
    return BuildInfo(*row, node_profile(nodes, n))


def _landing_to_refresh(landing: Path, into: Path) -> Path:
    """A landing root of links to `landing`'s extracts, where the first council's folder is real, so that its next
    extract is landed there and never in the landing benchmarked (which may be reused)."""
    councils = sorted(p for p in landing.iterdir() if p.is_dir())
    into.mkdir(parents=True)
    for council in councils[1:]:
        (into / council.name).symlink_to(council.resolve(), target_is_directory=True)
    first = into / councils[0].name
    first.mkdir()
    for extract in councils[0].iterdir():
        (first / extract.name).symlink_to(extract.resolve(), target_is_directory=True)
    return into


if __name__ == "__main__":
    sys.exit(main())
