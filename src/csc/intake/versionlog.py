"""The SSD version and run date from `ssd_version_log`, the SSD script's own admin table.

The SSD script (releases 1.1.2 onwards) recreates `ssd_version_log` on every run: one row per release,
`is_current = 1` on the release that ran, `created_at` the moment the script ran (SQL Server
`DEFAULT GETDATE()`). The current row gives the SSD version and the date the `ssd_*` tables were filled,
which is the extract date. Columns (data/objects/ssd_version_log.yml): version_number, release_date,
description, is_current, created_at, created_by, impact_description.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from csc.intake.columns import normalise
from csc.intake.values import to_text

TABLE = "ssd_version_log"
COLUMNS = ("version_number", "is_current", "created_at", "release_date")
TRUE = {"1", "true", "t", "y", "yes"}


@dataclass(frozen=True)
class VersionInfo:
    ssd_version: str | None
    run_date: date | None  # created_at of the current row


def current_version(rows: Iterable[Mapping[str, object]]) -> VersionInfo | None:
    """The row flagged is_current (the latest version number when none or several are), or None."""
    clean = []
    for row in rows:
        values = {normalise(k): to_text(v) for k, v in row.items()}
        version = (values.get("version_number") or "").strip()
        if version:
            current = (values.get("is_current") or "").strip().lower() in TRUE
            clean.append((current, _version_key(version), version, _date(values.get("created_at"))))
    if not clean:
        return None
    _, _, version, run_date = max(clean, key=lambda r: (r[0], r[1]))
    return VersionInfo(version, run_date)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", version))


def _date(text: str | None) -> date | None:
    """The date of an ISO (`2025-07-14 10:02:03.123`) or UK (`14/07/2025 10:02`) timestamp."""
    if not text:
        return None
    text = text.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
        return date(int(m[3]), int(m[2]), int(m[1])) if m else None
    except ValueError:
        return None
