"""audit.council_extracts: which extract each council's figures come from, and why a newer one was held back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from csc.gate.issues import Issue


@dataclass(frozen=True)
class HeldBack:
    """A council's newer extract that blocked at the landing gate: the council keeps its last good extract."""

    la_code: str
    extract_date: date
    reason: str


def summarise(issues: list[Issue], limit: int = 4) -> str:
    """The blocking findings of one extract in one line (table, rule and message of the first few)."""
    parts = [f"{i.table} {i.rule}: {i.message}" for i in issues[:limit]]
    if len(issues) > limit:
        parts.append(f"and {len(issues) - limit} more blocking finding(s)")
    return "; ".join(parts)


def write_council_extracts(db: Path, landed: dict[str, list[date]], held: dict[str, HeldBack]) -> None:
    """One row per council of the warehouse (status current or held_back), plus a council held back with no
    earlier good extract (new_council_blocked: it has no figures)."""
    con = duckdb.connect(str(db))
    try:
        con.execute("create schema if not exists audit")
        con.execute(
            """create or replace table audit.council_extracts (la_code varchar, la_name varchar, extract_date date,
            newest_extract_date date, status varchar, reason varchar)"""
        )
        rows = []
        in_warehouse = con.execute("select la_code, la_name, extract_date from raw.manifests order by 1").fetchall()
        for la, name, used in in_warehouse:
            newest = max(landed.get(la, [used]))
            hold = held.get(la)
            rows.append([la, name, used, max(newest, used), "held_back" if hold else "current", hold and hold.reason])
        from csc.councils import by_la_code

        for la, hold in sorted(held.items()):
            if la not in {r[0] for r in in_warehouse}:
                ref = by_la_code(la)
                rows.append(
                    [la, ref.la_name if ref else la, None, hold.extract_date, "new_council_blocked", hold.reason]
                )
        if rows:
            con.executemany("insert into audit.council_extracts values (?, ?, ?, ?, ?, ?)", rows)
        con.execute("checkpoint")
    finally:
        con.close()
