"""Compare the figures of two warehouses (and, optionally, two report folders).

A change that must not move a figure (a refactor, a new materialisation, a renamed model) is checked by
building the same landing before and after it and running

    python scripts/compare_warehouses.py BEFORE.duckdb AFTER.duckdb [--reports BEFORE_DIR AFTER_DIR]

Every table of the `marts` schema present in both files is compared row for row with EXCEPT ALL in both
directions (on the columns they share; a column or table present in only one file is listed). The published
figures (`indicator_values` and the `performance_*` tables) must match exactly: any difference there, or one
of them missing, exits 1. Report folders are compared file by file: HTML text with the build time and durations masked,
Excel workbooks cell by cell.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

FIGURE_TABLES = re.compile(r"^(indicator_values|performance_.*)$")
VOLATILE = re.compile(
    r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?(\.\d+)?|\d{2} [A-Z][a-z]+ \d{4} \d{2}:\d{2}|in \d+\.\d+ s\b"
)


@dataclass(frozen=True)
class TableDiff:
    table: str
    only_before: int
    only_after: int
    columns_only_before: tuple[str, ...]
    columns_only_after: tuple[str, ...]

    @property
    def same(self) -> bool:
        return self.only_before == 0 and self.only_after == 0


def _export_marts(db: Path, folder: Path) -> dict[str, list[str]]:
    """Every table and view of the `marts` schema as a Parquet file (views name their own catalog, so two
    warehouses both called csc.duckdb cannot be attached side by side)."""
    folder.mkdir(parents=True)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select table_name, column_name from information_schema.columns "
            "where table_schema = 'marts' order by table_name, ordinal_position"
        ).fetchall()
        columns: dict[str, list[str]] = {}
        for table, column in rows:
            columns.setdefault(table, []).append(column)
        for table in columns:
            con.execute(f"copy (select * from marts.{table}) to '{folder / table}.parquet' (format parquet)")
    return columns


def compare_marts(before: Path, after: Path) -> tuple[list[TableDiff], list[str], list[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        tb = _export_marts(before, Path(tmp) / "b")
        ta = _export_marts(after, Path(tmp) / "a")
        con = duckdb.connect()
        diffs = []
        for table in sorted(set(tb) & set(ta)):
            shared = ", ".join(f'"{c}"' for c in tb[table] if c in ta[table])
            b = f"read_parquet('{tmp}/b/{table}.parquet')"
            a = f"read_parquet('{tmp}/a/{table}.parquet')"
            only_b = con.execute(
                f"select count(*) from (select {shared} from {b} except all select {shared} from {a})"
            ).fetchone()[0]
            only_a = con.execute(
                f"select count(*) from (select {shared} from {a} except all select {shared} from {b})"
            ).fetchone()[0]
            diffs.append(
                TableDiff(
                    table,
                    only_b,
                    only_a,
                    tuple(c for c in tb[table] if c not in ta[table]),
                    tuple(c for c in ta[table] if c not in tb[table]),
                )
            )
    return diffs, sorted(set(tb) - set(ta)), sorted(set(ta) - set(tb))


def _excel_cells(path: Path) -> list[tuple[str, str, object]]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    cells = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str):
                    value = VOLATILE.sub("<time>", value)
                if value is not None:
                    cells.append((ws.title, getattr(cell, "coordinate", "?"), value))
    return cells


def compare_reports(before: Path, after: Path) -> list[str]:
    problems = []
    files_b = {p.relative_to(before) for p in before.rglob("*") if p.suffix in {".html", ".xlsx"}}
    files_a = {p.relative_to(after) for p in after.rglob("*") if p.suffix in {".html", ".xlsx"}}
    for missing in sorted(files_b ^ files_a):
        problems.append(f"{missing}: only in {'before' if missing in files_b else 'after'}")
    for rel in sorted(files_b & files_a):
        if rel.suffix == ".html":
            same = VOLATILE.sub("<time>", (before / rel).read_text()) == VOLATILE.sub(
                "<time>", (after / rel).read_text()
            )
        else:
            same = _excel_cells(before / rel) == _excel_cells(after / rel)
        if not same:
            problems.append(f"{rel}: differs")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--reports", nargs=2, type=Path, metavar=("BEFORE_DIR", "AFTER_DIR"))
    args = parser.parse_args(argv)

    diffs, only_before, only_after = compare_marts(args.before, args.after)
    failed = False
    for d in diffs:
        figure = bool(FIGURE_TABLES.match(d.table))
        status = "same" if d.same else f"DIFFERS ({d.only_before} rows only before, {d.only_after} only after)"
        extra = ""
        if d.columns_only_before or d.columns_only_after:
            extra = f"; columns only before {list(d.columns_only_before)}, only after {list(d.columns_only_after)}"
        print(f"{'*' if figure else ' '} marts.{d.table}: {status}{extra}")
        failed |= figure and (not d.same or bool(d.columns_only_before))
    for table in only_before:
        print(f"{'*' if FIGURE_TABLES.match(table) else ' '} marts.{table}: only before")
        failed |= bool(FIGURE_TABLES.match(table))
    for table in only_after:
        print(f"  marts.{table}: only after")
    if args.reports:
        problems = compare_reports(*args.reports)
        for p in problems:
            print(f"  report {p}")
        print(f"reports: {'same' if not problems else f'{len(problems)} differ'}")
        failed |= bool(problems)
    print("figures: " + ("DIFFER" if failed else "identical (* = published figures)"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
