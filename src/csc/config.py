"""Configuration, resolved in one place: where things are, the landing gate's thresholds, and the
environment of the processes `csc` starts (dbt, Great Expectations).

`Settings.resolve()` reads the command-line options, else the environment, else the defaults below,
once per command:

    setting              option                  environment     default
    landing root         --landing               CSC_LANDING     <project>/data/landing
    published warehouse  -                       CSC_WAREHOUSE   <project>/warehouse/csc.duckdb
    reports folder       --reports               CSC_REPORTS     <project>/reports
    quarantine limit     --max-quarantine-pct    -               5 (% of a file's rows) ...
                         --min-quarantine-rows   -               ... and 10 rows
    wait for the lock    --wait SECONDS          -               0 (another build of the warehouse: refuse at once)
    DuckDB memory limit  -                       CSC_DUCKDB_MEMORY_LIMIT  6GB (per process: the gate, dbt)
    DuckDB threads       -                       CSC_DUCKDB_THREADS       the machine's cores
    DuckDB spill folder  -                       CSC_DUCKDB_TEMP_DIR      <database file>.tmp (beside it)

A path given in an option or the environment is relative to the current directory; the defaults are
under the project directory: the checkout this package runs from, or CSC_PROJECT_DIR (read once, at
import: the dbt project, its profile and the seeds are read from there).

dbt always runs with the project's own profile (<project>/profiles, which reads CSC_WAREHOUSE), whatever
DBT_PROFILES_DIR says, and neither dbt nor Great Expectations sends usage statistics (`TELEMETRY_OFF`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(os.environ.get("CSC_PROJECT_DIR") or Path(__file__).resolve().parents[2])

LANDING_ENV = "CSC_LANDING"
WAREHOUSE_ENV = "CSC_WAREHOUSE"
REPORTS_ENV = "CSC_REPORTS"

DEFAULT_LANDING = Path("data") / "landing"  # under the project directory
DEFAULT_WAREHOUSE = Path("warehouse") / "csc.duckdb"  # the same default as profiles/profiles.yml
DEFAULT_REPORTS = Path("reports")
DEFAULT_EXPORTS = Path("data") / "exports"  # `csc generate --cms` without --out
DEFAULT_MAX_QUARANTINE_PCT = 5.0
DEFAULT_MIN_QUARANTINE_ROWS = 10
DEFAULT_WAIT_SECONDS = 0.0  # `csc build` / `csc refresh` while another build holds the warehouse's lock
# DuckDB's resources in every process that builds (the gate, dbt): a join larger than the limit spills to the
# temp directory instead of failing, and the whole machine is never claimed (England: 24 GB, 2 cores, a phase
# must stay under 8 GB with room for Python and the operating system).
MEMORY_LIMIT_ENV = "CSC_DUCKDB_MEMORY_LIMIT"
THREADS_ENV = "CSC_DUCKDB_THREADS"
TEMP_DIR_ENV = "CSC_DUCKDB_TEMP_DIR"
DEFAULT_MEMORY_LIMIT = "6GB"

# Set in every process csc starts, and in its own before Great Expectations is imported.
TELEMETRY_OFF: Mapping[str, str] = {
    "DO_NOT_TRACK": "1",
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    "GX_ANALYTICS_ENABLED": "false",
}


def _path(value: str | Path | None, env: Mapping[str, str], name: str, default: Path, project_dir: Path) -> Path:
    chosen = value or env.get(name)
    return Path(chosen).resolve() if chosen else project_dir / default


@dataclass(frozen=True)
class Settings:
    """What a command runs on. Build it with `Settings.resolve`."""

    landing: Path
    warehouse: Path
    reports: Path
    max_quarantine_pct: float = DEFAULT_MAX_QUARANTINE_PCT
    min_quarantine_rows: int = DEFAULT_MIN_QUARANTINE_ROWS
    wait_seconds: float = DEFAULT_WAIT_SECONDS

    @classmethod
    def resolve(
        cls,
        *,
        landing: str | Path | None = None,
        reports: str | Path | None = None,
        max_quarantine_pct: float | None = None,
        min_quarantine_rows: int | None = None,
        wait_seconds: float | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Settings:
        """The options given (None: not given), else the environment (default os.environ), else the defaults."""
        env = os.environ if environ is None else environ
        return cls(
            landing=_path(landing, env, LANDING_ENV, DEFAULT_LANDING, PROJECT_DIR),
            warehouse=_path(None, env, WAREHOUSE_ENV, DEFAULT_WAREHOUSE, PROJECT_DIR),
            reports=_path(reports, env, REPORTS_ENV, DEFAULT_REPORTS, PROJECT_DIR),
            max_quarantine_pct=DEFAULT_MAX_QUARANTINE_PCT if max_quarantine_pct is None else max_quarantine_pct,
            min_quarantine_rows=DEFAULT_MIN_QUARANTINE_ROWS if min_quarantine_rows is None else min_quarantine_rows,
            wait_seconds=DEFAULT_WAIT_SECONDS if wait_seconds is None else wait_seconds,
        )

    @property
    def performance_reports(self) -> Path:
        """Where `csc report` and `csc refresh` write without --out."""
        return self.reports / "performance"

    @property
    def exports(self) -> Path:
        """Where `csc generate --cms` writes without --out."""
        return PROJECT_DIR / DEFAULT_EXPORTS


@dataclass(frozen=True)
class DuckDBResources:
    """Memory limit, threads and spill folder of a DuckDB connection (the gate's, dbt's through the profile)."""

    memory_limit: str
    threads: int
    temp_directory: Path

    @classmethod
    def resolve(cls, database: Path, environ: Mapping[str, str] | None = None) -> DuckDBResources:
        """The environment (default os.environ), else the defaults; the spill folder is beside `database`."""
        env = os.environ if environ is None else environ
        temp = env.get(TEMP_DIR_ENV)
        return cls(
            memory_limit=env.get(MEMORY_LIMIT_ENV) or DEFAULT_MEMORY_LIMIT,
            threads=int(env.get(THREADS_ENV) or os.cpu_count() or 1),
            temp_directory=Path(temp).resolve() if temp else database.with_name(database.name + ".tmp"),
        )

    def settings(self) -> dict[str, str]:
        """DuckDB `set` statements' values, by setting name."""
        return {
            "memory_limit": self.memory_limit,
            "threads": str(self.threads),
            "temp_directory": str(self.temp_directory),
        }

    def environ(self) -> dict[str, str]:
        """The same settings as environment variables (read by profiles/profiles.yml)."""
        return {
            MEMORY_LIMIT_ENV: self.memory_limit,
            THREADS_ENV: str(self.threads),
            TEMP_DIR_ENV: str(self.temp_directory),
        }


def profiles_dir() -> Path:
    """The dbt profile every dbt run of csc uses."""
    return PROJECT_DIR / "profiles"


def dbt_env(warehouse: Path, environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a dbt process that builds (or reads) `warehouse`: the given environment (default
    os.environ) with CSC_WAREHOUSE, the project's profile and telemetry off."""
    env = dict(os.environ if environ is None else environ)
    env.update(TELEMETRY_OFF)
    env[WAREHOUSE_ENV] = str(warehouse)
    env["DBT_PROFILES_DIR"] = str(profiles_dir())
    env.update(DuckDBResources.resolve(Path(warehouse), env).environ())
    return env


def telemetry_off() -> None:
    """Switch usage statistics off in this process (before Great Expectations or dbt is imported)."""
    os.environ.update(TELEMETRY_OFF)
