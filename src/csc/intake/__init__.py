"""Intakes: from what a council's SSD script leaves behind to the landing layout the gate reads.

- `csc land SOURCE --la CODE` (files.py): a folder of exported `ssd_*.csv` / `.parquet` tables;
- `csc extract --url URL --la CODE` (database.py): the `ssd_*` tables straight from the council's database.

Both write `<landing>/<ONS code>/<extract date>/ssd_<table>.parquet` plus `manifest.json` (layout.py), keep
every value verbatim as text (values.py), read only the columns the contract knows (columns.py) and take the
SSD version and run date from `ssd_version_log` when the options do not give them (versionlog.py).
csvfile.py reads a CSV export as all-text and explains, file by file, an export that lost its header or its
quoting; the landing gate uses it too.
"""

from csc.intake.errors import IntakeError

__all__ = ["IntakeError"]
