"""Helpers shared by the tests (importable because pytest puts tests/python on sys.path)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.console import Console

from csc.generate.run import generate

EXTRACT_DATE = date(2021, 3, 31)
QUIET = Console(quiet=True)


def small_extract(root: Path, **kwargs) -> Path:
    options = {"seed": 7, "councils": 2, "years": 2, "scale": 0.03, "extract_date": EXTRACT_DATE}
    options.update(kwargs)
    generate(root, console=QUIET, **options)
    return root


def extract_folder(landing: Path, la_code: str = "E10000020") -> Path:
    return landing / la_code / EXTRACT_DATE.isoformat()
