"""Where things are: project root, landing root, warehouse file, reports folder."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(os.environ.get("CSC_PROJECT_DIR", Path(__file__).resolve().parents[2]))


def landing_root(cli_value: str | None = None) -> Path:
    """--landing, else CSC_LANDING, else data/landing (relative to the current directory)."""
    value = cli_value or os.environ.get("CSC_LANDING") or "data/landing"
    return Path(value).resolve()


def warehouse_path() -> Path:
    """CSC_WAREHOUSE, else warehouse/csc.duckdb under the project root."""
    value = os.environ.get("CSC_WAREHOUSE")
    return Path(value).resolve() if value else PROJECT_DIR / "warehouse" / "csc.duckdb"


def reports_dir(cli_value: str | None = None) -> Path:
    value = cli_value or os.environ.get("CSC_REPORTS") or str(PROJECT_DIR / "reports")
    return Path(value).resolve()
