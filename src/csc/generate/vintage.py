"""A council's next monthly extract, derived from its newest landed one (for the history tests and the
incremental-refresh benchmark): the same tables landed again under a later extract date, with the most recent
contacts gone (recorded, then deleted in the case-management system), so that figures already published are
revised by the next extract."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import duckdb


def land_next_extract(landing: Path, la_code: str, extract_date: date, drop_recent_contacts: int = 15) -> Path:
    """Copy the council's newest extract folder to `<landing>/<la_code>/<extract_date>/` (manifest updated) and
    remove its `drop_recent_contacts` latest contacts. Returns the new folder."""
    council = landing / la_code
    newest = max(p for p in council.iterdir() if p.is_dir())
    target = council / extract_date.isoformat()
    if extract_date <= date.fromisoformat(newest.name):
        raise ValueError(f"{extract_date} is not after the newest extract {newest.name} of {la_code}")
    shutil.copytree(newest, target)
    manifest = json.loads((target / "manifest.json").read_text())
    manifest["extract_date"] = extract_date.isoformat()
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2))
    contacts = next(target.glob("ssd_contacts.*"))
    kept = target / "kept.parquet"
    reader = (
        f"read_parquet('{contacts}')" if contacts.suffix == ".parquet" else f"read_csv('{contacts}', all_varchar=true)"
    )
    with duckdb.connect() as con:
        con.execute(
            f"copy (select * from {reader} order by cont_contact_date desc offset {int(drop_recent_contacts)}) "
            f"to '{kept}'"
        )
    contacts.unlink()
    kept.replace(target / "ssd_contacts.parquet")
    return target
