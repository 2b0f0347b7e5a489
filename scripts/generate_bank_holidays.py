"""Write seeds/bank_holidays.csv: England and Wales bank holidays from the `holidays` library.

Run from the project root:  python scripts/generate_bank_holidays.py
The range matches the dbt vars calendar_start / calendar_end. A pytest checks the seed still
equals the library's list, so re-run this after upgrading `holidays`.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import holidays

FIRST_YEAR = 2000
LAST_YEAR = 2035
SEED = Path(__file__).resolve().parents[1] / "seeds" / "bank_holidays.csv"


def england_and_wales_bank_holidays(first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR):
    """(date, name) pairs, sorted. England and Wales share one list (subdivision ENG)."""
    cal = holidays.country_holidays("GB", subdiv="ENG", years=range(first_year, last_year + 1))
    return sorted((d, name) for d, name in cal.items())


def main() -> int:
    rows = england_and_wales_bank_holidays()
    with SEED.open("w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["holiday_date", "holiday_name"])
        for d, name in rows:
            w.writerow([d.isoformat(), name])
    print(f"wrote {len(rows)} bank holidays {FIRST_YEAR}-{LAST_YEAR} to {SEED}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
