"""Identifiers the warehouse never keeps (UPN), read from a council's landed extract at the moment a return is
written, only into the return files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb


class NoLandedExtract(ValueError):
    """The landed extract the warehouse was built from is not in the landing folder."""


def person_file(landing: Path, la_code: str, extract_date: date) -> Path:
    """The landed ssd_person file of the council's extract (parquet, else csv)."""
    folder = landing / la_code / extract_date.isoformat()
    for name in ("ssd_person.parquet", "ssd_person.csv"):
        if (folder / name).is_file():
            return folder / name
    raise NoLandedExtract(
        f"--with-identifiers reads UPNs from the landed extract the warehouse was built from, "
        f"but {folder} holds no ssd_person file (set CSC_LANDING or --landing)"
    )


def upns(landing: Path, la_code: str, extract_date: date) -> dict[str, str]:
    """person id -> UPN of every child of the landed extract with one (blank UPNs are left out)."""
    path = person_file(landing, la_code, extract_date)
    reader = "read_parquet(?)" if path.suffix == ".parquet" else "read_csv(?, all_varchar = true)"
    with duckdb.connect() as con:
        rows = con.execute(
            f"select cast(pers_person_id as varchar), trim(cast(pers_upn as varchar)) from {reader} "
            "where nullif(trim(cast(pers_upn as varchar)), '') is not null",
            [str(path)],
        ).fetchall()
    return {person_id: upn for person_id, upn in rows}
