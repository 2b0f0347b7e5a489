"""Helpers shared by the tests (importable because pytest puts tests/python on sys.path)."""

from __future__ import annotations

import subprocess
import sys
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


# Another process: takes the warehouse's lock (waiting up to argv[2] seconds, saying so), prints "locked",
# and holds it until a line is written to its stdin.
HOLD_LOCK = """
import sys
from pathlib import Path
from rich.console import Console
from csc.publish import warehouse_lock
with warehouse_lock(Path(sys.argv[1]), float(sys.argv[2]), Console(width=500), command="test holder"):
    print("locked", flush=True)
    sys.stdin.readline()
"""


def hold_lock(warehouse: Path, wait: float = 0) -> subprocess.Popen:
    """Start a process that takes `warehouse`'s lock (see HOLD_LOCK)."""
    return subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(warehouse), str(wait)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def read_until(proc: subprocess.Popen, start: str) -> str:
    """The first line of `proc`'s output that starts with `start` (the lines before are skipped)."""
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(start):
            return line
    raise AssertionError(f"the process ended (exit {proc.wait()}) without printing {start!r}")
