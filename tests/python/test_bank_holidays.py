import csv
from datetime import date

from csc.config import PROJECT_DIR

import_script = PROJECT_DIR / "scripts" / "generate_bank_holidays.py"


def _library_list():
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_bh", import_script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return [(d.isoformat(), name) for d, name in mod.england_and_wales_bank_holidays()]


def test_seed_equals_the_holidays_library():
    with (PROJECT_DIR / "seeds" / "bank_holidays.csv").open(newline="") as f:
        seeded = [(r["holiday_date"], r["holiday_name"]) for r in csv.DictReader(f)]
    assert seeded == _library_list(), "re-run scripts/generate_bank_holidays.py"


def test_seed_covers_the_calendar_range_and_known_one_off_holidays():
    dates = {d for d, _ in _library_list()}
    assert min(dates) < "2000-01-04" and max(dates) > "2035-12-24"
    assert date(2022, 9, 19).isoformat() in dates  # State funeral of Queen Elizabeth II
    assert date(2020, 5, 8).isoformat() in dates  # VE day bank holiday moved from 4 May
    assert date(2020, 5, 4).isoformat() not in dates
