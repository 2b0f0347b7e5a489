"""`csc returns 903`: the SSDA903 CSV set of one council and collection year, from the return models."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from csc.returns.identifiers import upns
from csc.returns.tables import SSDA903_TABLES, ReturnTable

# DfE columns whose name is an SQL keyword: the return models name them otherwise
MODEL_COLUMNS = {"DEC": "ceased_date"}
# Identifiers the warehouse never holds (no model has them): blank here, filled by --with-identifiers at writing
IDENTIFIER_COLUMNS = ("UPN",)


class ReturnError(ValueError):
    """The return cannot be written (no warehouse, a year the extract does not cover, ...)."""


@dataclass(frozen=True)
class WrittenTable:
    table: ReturnTable
    path: Path
    rows: int


@dataclass(frozen=True)
class RuleFailures:
    """How many rows break one DfE rule in the written return."""

    rule: str
    severity: str
    table_name: str
    field: str
    message: str
    rows: int


@dataclass(frozen=True)
class ReturnResult:
    la_code: str
    collection_year: int
    folder: Path
    written: tuple[WrittenTable, ...]
    not_filled: tuple[ReturnTable, ...]
    failures: tuple[RuleFailures, ...]
    with_identifiers: bool


def format_value(value: object) -> str:
    """A value as the DfE's CSV holds it: dates dd/mm/yyyy, blanks empty."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def covered_years(con: duckdb.DuckDBPyConnection, la_code: str) -> list[int]:
    rows = con.execute(
        "select collection_year from returns.int_ssda903__collection_years where la_code = ? order by 1", [la_code]
    ).fetchall()
    return [year for (year,) in rows]


def extract_date(con: duckdb.DuckDBPyConnection, la_code: str) -> date:
    row = con.execute("select extract_date from marts.dim_council where la_code = ?", [la_code]).fetchone()
    if row is None:
        raise ReturnError(f"council {la_code} is not in the warehouse")
    value: date = row[0]
    return value


def table_rows(con: duckdb.DuckDBPyConnection, table: ReturnTable, la_code: str, year: int) -> list[dict[str, object]]:
    """The rows of one return table, in row_number order, keyed by DfE column."""
    assert table.model is not None
    cols = ", ".join(
        "cast(null as varchar)" if c in IDENTIFIER_COLUMNS else MODEL_COLUMNS.get(c, c.lower()) for c in table.columns
    )
    rows = con.execute(
        f"select {cols} from returns.{table.model} where la_code = ? and collection_year = ? order by row_number",
        [la_code, year],
    ).fetchall()
    return [dict(zip(table.columns, row, strict=True)) for row in rows]


def write_table(path: Path, table: ReturnTable, rows: Sequence[Mapping[str, object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(table.columns)
        for row in rows:
            writer.writerow([format_value(row[c]) for c in table.columns])


def rule_failures(con: duckdb.DuckDBPyConnection, la_code: str, year: int) -> tuple[RuleFailures, ...]:
    rows = con.execute(
        "select rule_number, severity, table_name, field, message, count(*) from returns.ssda903_rule_failures "
        "where la_code = ? and collection_year = ? group by all order by severity, table_name, rule_number",
        [la_code, year],
    ).fetchall()
    return tuple(RuleFailures(*row) for row in rows)


def write_ssda903(warehouse: Path, la_code: str, year: int, out: Path, landing: Path | None = None) -> ReturnResult:
    """Write the SSDA903 files of `la_code` for the year ending 31 March `year` into out/<la_code>/ssda903_<year>/.
    With `landing`, UPNs are read from the council's landed extract into the Header (else UPN is blank)."""
    if not warehouse.is_file():
        raise ReturnError(f"no warehouse at {warehouse}: run `csc build` first")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        years = covered_years(con, la_code)
        if year not in years:
            covered = ", ".join(str(y) for y in years) or "none"
            raise ReturnError(
                f"the extract of {la_code} does not cover the collection year ending 31 March {year} in full "
                f"(years covered: {covered})"
            )
        identifiers = upns(landing, la_code, extract_date(con, la_code)) if landing is not None else {}
        folder = out / la_code / f"ssda903_{year}"
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for table in SSDA903_TABLES:
            if table.model is None:
                continue
            rows = table_rows(con, table, la_code, year)
            if "UPN" in table.columns:
                for row in rows:
                    row["UPN"] = identifiers.get(str(row["CHILD"]))
            path = folder / table.file_name
            write_table(path, table, rows)
            written.append(WrittenTable(table, path, len(rows)))
        failures = rule_failures(con, la_code, year)
    not_filled = tuple(t for t in SSDA903_TABLES if t.model is None)
    return ReturnResult(la_code, year, folder, tuple(written), not_filled, failures, landing is not None)
