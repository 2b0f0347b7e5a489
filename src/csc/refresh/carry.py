"""What a step's file takes from earlier warehouses before dbt runs: the history of its councils, the vintages
of their figures, and the raw rows of a council held back (its last good extract, rebuilt in a full build)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

import duckdb

from csc import history
from csc.db import connect, scalar
from csc.gate.landing import folder_signature
from csc.gate.sqlexpr import quote

VINTAGES = "history.indicator_value_vintages"
VINTAGE_COLUMNS = (
    "la_code varchar, indicator_id varchar, period_end date, breakdown varchar, breakdown_value varchar, "
    "extract_date date, numerator double, denominator double, value double"
)


def _tables(con: duckdb.DuckDBPyConnection, catalog: str, schema: str) -> set[str]:
    return {
        t
        for (t,) in con.execute(
            "select table_name from duckdb_tables() where database_name = ? and schema_name = ?", [catalog, schema]
        ).fetchall()
    }


def carry_into(db: Path, carry_of: Mapping[str, Path], councils: list[str], raw_for: list[str]) -> None:
    """In the step's file `db`: create the history schema and the vintages table, copy the history and the
    published vintages of `councils` from the file that holds each (`carry_of`), and the raw rows (the gated
    last good extract, with its manifest, files, columns and quarantine) of the councils in `raw_for`."""
    con = duckdb.connect(str(db))
    try:
        history.create_schema(con)
        con.execute(f"create table if not exists {VINTAGES} ({VINTAGE_COLUMNS})")
        by_file: dict[Path, list[str]] = {}
        for la in councils:
            if la in carry_of:
                by_file.setdefault(carry_of[la], []).append(la)
        for n, (path, codes) in enumerate(sorted(by_file.items())):
            alias = f"carry{n}"
            con.execute(f"attach '{path}' as {alias} (read_only)")
            history.carry_history(con, alias, codes)
            if "indicator_value_vintages" in _tables(con, alias, "marts"):
                con.execute(
                    f"insert into {VINTAGES} select la_code, indicator_id, period_end, breakdown, breakdown_value, "
                    f"extract_date, numerator, denominator, value from {alias}.marts.indicator_value_vintages "
                    "where la_code in (select unnest(?))",
                    [codes],
                )
            held = [la for la in codes if la in raw_for]
            if held:
                for table in sorted(_tables(con, alias, "raw") & _tables(con, _current(con), "raw")):
                    con.execute(
                        f"insert into raw.{quote(table)} by name select * from {alias}.raw.{quote(table)} "
                        "where la_code in (select unnest(?))",
                        [held],
                    )
            con.execute(f"detach {alias}")
        con.execute("checkpoint")
    finally:
        con.close()


def prepare_step(
    db: Path,
    landing: Path,
    extracts: Mapping[str, date],
    passed: list[str],
    carry_of: Mapping[str, Path],
    kept: list[str],
) -> None:
    """What a step's gated file needs before `dbt build`: the carried history, vintages and held-back raw rows
    (`carry_into`), then the extracts of the councils that passed the gate merged into the history."""
    carry_into(db, carry_of, passed + kept, kept)
    con = connect(db)
    try:
        history.merge_extracts(
            con,
            [(la, extracts[la]) for la in passed],
            {la: folder_signature(landing / la / extracts[la].isoformat()) for la in passed},
        )
        con.execute("checkpoint")
    finally:
        con.close()


def _current(con: duckdb.DuckDBPyConnection) -> str:
    return str(scalar(con.execute("select current_database()")))
