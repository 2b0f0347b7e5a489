"""`csc returns annex-a`: Ofsted's Annex A workbook of one council for an as-at date, one sheet per list, from the
annex_a_list_* return models (every item with its dates) and the inspection windows of annex_a_lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from csc.returns.annex_a_lists import (
    AGE,
    ANNEX_A_LISTS,
    NOT_WRITTEN,
    AnnexAList,
    Latest,
    age_on,
    in_window,
    latest_value,
    window_start,
)
from csc.returns.identifiers import upns
from csc.returns.ssda903 import ReturnError, extract_date

DATE_FORMAT = "dd/mm/yyyy"
UPN_HEADER = "UPN"  # appended after Ofsted's columns, only with --with-identifiers
LONGEST_WINDOW = max(annex_list.window.months for annex_list in ANNEX_A_LISTS)

Row = dict[str, object]


@dataclass(frozen=True)
class WrittenList:
    annex_list: AnnexAList
    rows: int


@dataclass(frozen=True)
class AnnexAResult:
    la_code: str
    as_at: date
    path: Path
    written: tuple[WrittenList, ...]
    not_written: tuple[tuple[str, str], ...]
    with_identifiers: bool


def headers(annex_list: AnnexAList, with_identifiers: bool) -> list[str]:
    names = [header for header, _ in annex_list.columns]
    return [*names, UPN_HEADER] if with_identifiers else names


def model_rows(con: duckdb.DuckDBPyConnection, annex_list: AnnexAList, la_code: str) -> list[Row]:
    """Every row of the list's model for the council, keyed by model column."""
    result = con.execute(f"select * from returns.{annex_list.model} where la_code = ?", [la_code])
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def rows_in_window(annex_list: AnnexAList, rows: list[Row], as_at: date) -> list[Row]:
    """The rows in the list's window of `as_at`, in the list's order."""
    selected = [row for row in rows if in_window(annex_list.window, row, as_at)]
    return sorted(selected, key=lambda row: tuple(str(row[c]) for c in annex_list.order_by))


def cell_value(value: object) -> object:
    """A model value as the sheet holds it: yes/no as Yes / No, blanks empty, dates and numbers as they are."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return value


def sheet_row(annex_list: AnnexAList, row: Row, as_at: date, identifiers: dict[str, str] | None) -> list[object]:
    values: list[object] = []
    for _, column in annex_list.columns:
        if column is None:
            values.append(None)
        elif column == AGE:
            values.append(age_on(row["date_of_birth"], as_at))
        elif isinstance(column, Latest):
            values.append(cell_value(latest_value(column, row, as_at)))
        else:
            values.append(cell_value(row[column]))
    if identifiers is not None:
        values.append(identifiers.get(str(row["child"])))
    return values


def write_sheet(sheet: Worksheet, annex_list: AnnexAList, rows: list[list[object]], with_identifiers: bool) -> None:
    sheet.append(headers(annex_list, with_identifiers))
    for values in rows:
        sheet.append(values)
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT


def check_covered(con: duckdb.DuckDBPyConnection, la_code: str, as_at: date) -> None:
    """Refuse an as-at date after the extract date, or whose longest window starts before the extract's history."""
    row = con.execute(
        "select period_start, extract_date from marts.dim_council where la_code = ?", [la_code]
    ).fetchone()
    if row is None:
        raise ReturnError(f"council {la_code} is not in the warehouse")
    period_start, extracted = row
    first = window_start(as_at, LONGEST_WINDOW)
    if as_at > extracted or first < period_start:
        raise ReturnError(
            f"the extract of {la_code} covers {period_start:%d/%m/%Y} to {extracted:%d/%m/%Y}: the as-at date must be "
            f"on or before the extract date and its {LONGEST_WINDOW}-month window (from {first:%d/%m/%Y}) inside it"
        )


def write_annex_a(warehouse: Path, la_code: str, as_at: date, out: Path, landing: Path | None = None) -> AnnexAResult:
    """Write Ofsted's Annex A workbook of `la_code` at `as_at` to out/<la_code>/annex_a_<as_at>.xlsx. With
    `landing`, a UPN column read from the council's landed extract follows Ofsted's columns on every sheet."""
    if not warehouse.is_file():
        raise ReturnError(f"no warehouse at {warehouse}: run `csc build` first")
    workbook = Workbook()
    workbook.remove(workbook.active)
    written = []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        check_covered(con, la_code, as_at)
        identifiers = upns(landing, la_code, extract_date(con, la_code)) if landing is not None else None
        for annex_list in ANNEX_A_LISTS:
            rows = rows_in_window(annex_list, model_rows(con, annex_list, la_code), as_at)
            values = [sheet_row(annex_list, row, as_at, identifiers) for row in rows]
            write_sheet(workbook.create_sheet(annex_list.sheet), annex_list, values, identifiers is not None)
            written.append(WrittenList(annex_list, len(rows)))
    folder = out / la_code
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"annex_a_{as_at.isoformat()}.xlsx"
    workbook.save(path)
    return AnnexAResult(la_code, as_at, path, tuple(written), NOT_WRITTEN, landing is not None)
