"""Benchmark: generate an extract of a given size, then time
  (a) one full read of every landed file by DuckDB (the floor),
  (b) the landing gate (load into raw, GX suites, key checks),
  (c) dbt build on the gated database,
  (d) the monthly report (HTML + Excel) of each council for its latest month, internal and published,
and print rows, seconds, peak memory, the build/floor ratio and the seconds per council-month report.
With --incremental, instead of (b)-(d):
  (e) `csc build` of every council into a new warehouse (full: gate, dbt build, audit tests, publish),
  (f) the first council's next monthly extract landed, then `csc build` again (incremental: that council is
      gated, built and merged into a copy of the published file), and the ratio (f)/(e).

    python scripts/benchmark.py                       # the default demo (2 councils, 6 years)
    python scripts/benchmark.py --councils 20         # 20 councils
    python scripts/benchmark.py --landing data/landing --no-generate   # an existing landing root
    python scripts/benchmark.py --councils 20 --incremental           # one council's monthly refresh

Each phase runs in its own process, so its peak memory (max resident set) is its own.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from csc.config import dbt_env

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
import sys
from pathlib import Path
from rich.console import Console
from csc.gate.run import run_gate
r = run_gate(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), console=Console(quiet=True))
print("; ".join(f"{k} {v:.1f} s" for k, v in r.phase_seconds.items()))
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--councils", type=int, default=2)
    ap.add_argument("--years", type=int, default=6)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--landing", help="landing root to use (default: a temporary folder)")
    ap.add_argument("--no-generate", action="store_true", help="benchmark an existing landing root")
    ap.add_argument("--incremental", action="store_true", help="time a full build and one council's refresh")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="csc-bench-") as tmp:
        tmp_path = Path(tmp)
        landing = Path(args.landing).resolve() if args.landing else tmp_path / "landing"
        db = tmp_path / "bench.duckdb"
        rows_out = []
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
                ]
            )
            rows_out.append(("generate extracts", None, s, mb))
        size_mb = sum(f.stat().st_size for f in landing.rglob("ssd_*.*")) / 2**20
        s_floor, mb, out = timed([sys.executable, "-c", FLOOR, str(landing)])
        n_rows = int(out.strip().splitlines()[-1])
        rows_out.append(("(a) DuckDB full read of every file (floor)", n_rows, s_floor, mb))
        if args.incremental:
            return _incremental(args, landing, tmp_path, rows_out, n_rows, size_mb)
        s_gate, mb, out = timed([sys.executable, "-c", GATE, str(landing), str(db), str(tmp_path / "reports")])
        gate_lines = out.strip().splitlines()
        rows_out.append(("(b) landing gate", int(gate_lines[-1]), s_gate, mb))
        env = dbt_env(db)
        s_dbt, mb, _ = timed([str(BIN / "dbt"), "build", "--project-dir", str(ROOT)], env=env)
        rows_out.append(("(c) dbt build", None, s_dbt, mb))
        s_rep, mb, out = timed([sys.executable, "-c", REPORT, str(db), str(tmp_path / "reports")])
        report_lines = out.strip().splitlines()
        rows_out.append((f"(d) {len(report_lines)} reports (process, with imports)", None, s_rep, mb))

    print(
        f"\nBenchmark: {args.councils} council(s), {args.years} years, scale {args.scale}; "
        f"{n_rows:,} landed rows, {size_mb:,.1f} MB of Parquet; {os.cpu_count()} cores\n"
    )
    print(f"{'phase':46s} {'rows':>12s} {'seconds':>9s} {'peak MB':>9s}")
    for name, n, s, mb in rows_out:
        print(f"{name:46s} {'' if n is None else f'{n:,}':>12s} {s:9.1f} {mb:9.0f}")
    print(f"\ngate phases: {gate_lines[-2]}")
    print(f"build/floor ratio (c)/(a): {s_dbt / s_floor:.1f}")
    print(f"gate/floor ratio (b)/(a): {s_gate / s_floor:.1f}")
    print(f"gate share of check + build: {100 * s_gate / (s_gate + s_dbt):.0f}%")
    print("report seconds per council-month (load, HTML, Excel):")
    for line in report_lines:
        print(f"  {line}")
    return 0


def _incremental(args, landing: Path, tmp_path: Path, rows_out: list, n_rows: int, size_mb: float) -> int:
    """(e) a full `csc build`, (f) one council's next monthly extract refreshed incrementally."""
    from datetime import date, timedelta

    from csc.generate.vintage import land_next_extract

    warehouse = tmp_path / "warehouse" / "csc.duckdb"
    env = {**os.environ, "CSC_WAREHOUSE": str(warehouse)}
    csc_build = [str(BIN / "csc"), "build", "--landing", str(landing), "--reports", str(tmp_path / "reports")]
    s_full, mb, _ = timed(csc_build, env=env)
    rows_out.append(("(e) csc build, every council (full)", n_rows, s_full, mb))
    council = sorted(p for p in landing.iterdir() if p.is_dir())[0]
    newest = date.fromisoformat(max(p.name for p in council.iterdir() if p.is_dir()))
    next_month_end = (newest.replace(day=1) + timedelta(days=62)).replace(day=1) - timedelta(days=1)
    land_next_extract(landing, council.name, next_month_end)
    s_inc, mb, out = timed(csc_build, env=env)
    rows_out.append((f"(f) csc build, {council.name} next month (incremental)", None, s_inc, mb))
    print(
        f"\nBenchmark: {args.councils} council(s), {args.years} years, scale {args.scale}; "
        f"{n_rows:,} landed rows, {size_mb:,.1f} MB of Parquet; {os.cpu_count()} cores\n"
    )
    print(f"{'phase':52s} {'rows':>12s} {'seconds':>9s} {'peak MB':>9s}")
    for name, n, s, mb in rows_out:
        print(f"{name:52s} {'' if n is None else f'{n:,}':>12s} {s:9.1f} {mb:9.0f}")
    print(f"\nincremental / full (f)/(e): {100 * s_inc / s_full:.1f}%")
    print(next((line for line in out.splitlines() if "Published" in line), ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
