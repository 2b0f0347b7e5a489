"""Reading a CSV export as all-text, and saying exactly how to re-export one that lost its shape.

A CSV export of an SSD table is read with DuckDB, every value as text exactly as written (an empty field
is null; `NULL`, `0012` or ` x ` stay as they are), UTF-8 with or without a byte-order mark (or UTF-16
with one), column names trimmed, lower-cased and stripped of the byte-order mark. The delimiter is the
one of `,` tab `;` `|` the header line uses most. The line of dashes `sqlcmd` writes under the header is
skipped.

Two export defaults break a file, and raise `ExportShapeError` naming the file and the fix:

- no header row (bcp's default; SSMS without "Include column headers"): the first line holds values;
- strings holding the separator written without quotes (SSMS "Quote strings containing list
  separators" off; typically JSON): rows with more fields than the header.

`read_csv_relation(con, path, table)` is what the landing gate and `csc land` call.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from csc.contract import SYSTEM_COLUMNS, Table
from csc.intake.columns import normalise
from csc.intake.errors import IntakeError, first_line

DELIMITERS = (",", "\t", ";", "|")
IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")
LOOKS_LIKE_VALUE = re.compile(r"[-+]?\d[\d\s.,:/+-]*|\d{1,2}/\d{1,2}/\d{2,4}.*|\d{4}-\d{2}-\d{2}.*")
ROWS_AFFECTED = re.compile(r"\(\d+ rows? affected\)", re.IGNORECASE)

HEADER_FIX = (
    "Re-export it with a header row: in SSMS, Query > Query Options > Results > Grid/Text: "
    '"Include column headers when copying or saving the results"; or with sqlcmd -s"," -W '
    "(which writes the header; add SET NOCOUNT ON) or bcp plus a header line; or run `csc extract` "
    "straight from the database."
)
QUOTE_FIX = (
    "Re-export it with quoting: in SSMS, Tools > Options > Query Results > SQL Server > Results to Grid: "
    '"Quote strings containing list separators when saving .csv results"; or run `csc extract` '
    "straight from the database."
)


class ExportShapeError(IntakeError):
    """A CSV export whose shape loses data (no header row, unquoted separators, not UTF-8, ...)."""


@dataclass(frozen=True)
class CsvLayout:
    """How to read one CSV file: its normalised column names and the reader options."""

    path: Path
    columns: tuple[str, ...]
    delimiter: str = ","
    encoding: str = "utf-8"
    skip: int = 1  # lines before the first row: the header (and sqlcmd's line of dashes)

    def reader_sql(self) -> str:
        """`read_csv(...)` over the file with positional column names column1..columnN, all text."""
        path = str(self.path).replace("'", "''")
        delim = self.delimiter.replace("'", "''")
        columns = ", ".join(f"'column{i}': 'VARCHAR'" for i in range(1, len(self.columns) + 1))
        return (
            f"read_csv('{path}', header = false, skip = {self.skip}, auto_detect = false, delim = '{delim}', "
            f"quote = '\"', escape = '\"', strict_mode = true, null_padding = false, "
            f"encoding = '{self.encoding}', columns = {{{columns}}})"
        )

    def select_sql(self, columns: list[tuple[str, str]] | None = None) -> str:
        """SQL selecting (normalised name, output name) pairs (default: every column under its name)."""
        position = {name: i for i, name in enumerate(self.columns, start=1)}
        pairs = columns if columns is not None else [(c, c) for c in self.columns]
        select = ", ".join(f'"column{position[name]}" as {_quote(out)}' for name, out in pairs)
        return f"select {select or 'null as no_columns'} from {self.reader_sql()}"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def inspect_csv(path: Path, table: Table | None = None) -> CsvLayout:
    """The layout of a CSV export, read from its first two lines; ExportShapeError when it has no
    usable header row (empty file, not UTF-8, no header, a column named twice)."""
    path = Path(path)
    if path.stat().st_size == 0:
        raise ExportShapeError(f"{path}: the file is empty (0 bytes). {HEADER_FIX}")
    encoding = _encoding(path)
    header_line, second_line = _first_lines(path, encoding)
    delimiter = _delimiter(header_line)
    header = next(csv.reader([header_line], delimiter=delimiter, quotechar='"'), [])
    if _is_values(header, table):
        what = f"columns of {table.name}" if table else "column names"
        raise ExportShapeError(f"{path}: the first line holds values, not {what}: there is no header row. {HEADER_FIX}")
    columns = []
    for i, raw in enumerate(header, start=1):
        name = normalise(raw) or f"column{i}"
        if name in columns:
            raise ExportShapeError(f"{path}: the header names column {name!r} twice; re-export the table")
        columns.append(name)
    dashes = re.fullmatch(rf"[\s{re.escape(delimiter)}]*-[-\s{re.escape(delimiter)}]*", second_line)
    return CsvLayout(path, tuple(columns), delimiter, encoding, skip=2 if dashes else 1)


def read_csv_relation(
    con: duckdb.DuckDBPyConnection, path: Path, table: Table | None = None, check: bool = True
) -> duckdb.DuckDBPyRelation:
    """The CSV file as a relation of text columns under normalised names. With `check`, the whole file is
    read once first so that a broken row raises ExportShapeError here rather than in the caller's query."""
    layout = inspect_csv(path, table)
    if check:
        try:
            # count(columns(*)) parses every value (count(*) alone would skip them)
            con.sql(f"select count(*), count(columns(*)) from ({layout.select_sql()})").fetchone()
        except duckdb.Error as exc:
            raise shape_error(layout, exc) from None
    return con.sql(layout.select_sql())


def shape_error(layout: CsvLayout, exc: Exception) -> ExportShapeError:
    """Why DuckDB could not read the file, in words a council's analyst can act on (never a value)."""
    message = str(exc)
    line = re.search(r"CSV Error on Line: (\d+)", message)
    line_no = int(line.group(1)) if line else None
    if "unicode" in message.lower() or "utf-8" in message.lower():
        return ExportShapeError(_not_utf8(layout.path, line_no))
    row = _first_bad_row(layout)
    if row is not None:
        line_no, fields, is_row_count = row
        expected = len(layout.columns)
        if is_row_count:
            return ExportShapeError(
                f"{layout.path}: line {line_no} is sqlcmd's row count, not a row: add SET NOCOUNT ON to the "
                "query and re-export, or run `csc extract` straight from the database."
            )
        if fields > expected:
            return ExportShapeError(
                f"{layout.path}: line {line_no} has {fields} fields but the header has {expected}: a value "
                f"holding the separator (typically JSON) was written without quotes. {QUOTE_FIX}"
            )
        return ExportShapeError(
            f"{layout.path}: line {line_no} has {fields} fields but the header has {expected}: the row is cut "
            f"short (an unquoted line break, or a truncated export). {QUOTE_FIX}"
        )
    if "quote" in message.lower():
        where = f"line {line_no}" if line_no else "a line"
        return ExportShapeError(f"{layout.path}: {where} has a quote that does not close. {QUOTE_FIX}")
    return ExportShapeError(f"{layout.path}: cannot be read as CSV: {first_line(exc)}")


def _encoding(path: Path) -> str:
    with path.open("rb") as f:
        start = f.read(4)
    return "utf-16" if start[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8"


def _first_lines(path: Path, encoding: str) -> tuple[str, str]:
    """The first two lines of the file as text ('' when absent); ExportShapeError when not UTF-8."""
    if encoding == "utf-16":
        with path.open(encoding="utf-16", newline="") as f:
            return f.readline(), f.readline()
    lines = []
    with path.open("rb") as f:
        for line_no in (1, 2):
            raw = f.readline()
            try:
                lines.append(raw.decode("utf-8-sig" if line_no == 1 else "utf-8"))
            except UnicodeDecodeError:
                if line_no == 1:
                    raise ExportShapeError(_not_utf8(path, line_no)) from None
                lines.append("")  # DuckDB reports the line when it reads it
    return lines[0], lines[1]


def _not_utf8(path: Path, line_no: int | None) -> str:
    where = f"line {line_no} is" if line_no else "the file is"
    return (
        f"{path}: {where} not UTF-8 text: save the export as UTF-8 (SSMS: Save Results As > Save with "
        "Encoding > UTF-8; Excel: CSV UTF-8), or run `csc extract` straight from the database."
    )


def _delimiter(line: str) -> str:
    """The candidate delimiter the (header) line uses most outside quotes; ',' when none."""
    outside = re.sub(r'"[^"]*"', "", line)
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _is_values(header: list[str], table: Table | None) -> bool:
    """Whether the first line holds values rather than column names: none of its names is a known column
    of the table (without a table: none is a plain identifier) and some look like values (numbers, dates,
    JSON, empty fields; an SSD row starts with its id)."""
    names = [normalise(h) for h in header]
    if not names:
        return False
    value_like = [n == "" or n.startswith(("{", "[")) or bool(LOOKS_LIKE_VALUE.fullmatch(n)) for n in names]
    if table is not None:
        known = set(table.landed_names()) | {normalise(c) for c in table.dropped_columns} | set(SYSTEM_COLUMNS)
        return not any(n in known for n in names) and any(value_like)
    return not any(IDENTIFIER.fullmatch(n) for n in names) or value_like[0]


def _first_bad_row(layout: CsvLayout) -> tuple[int, int, bool] | None:
    """(line number, fields, is sqlcmd's row count) of the first row whose field count differs from
    the header, scanning the file with Python's csv module; None when every row has the header's."""
    expected = len(layout.columns)
    encoding = "utf-16" if layout.encoding == "utf-16" else "utf-8-sig"
    with layout.path.open(encoding=encoding, errors="replace", newline="") as f:
        reader = csv.reader(f, delimiter=layout.delimiter, quotechar='"')
        for i, row in enumerate(reader):
            if i < layout.skip or not row:
                continue
            if len(row) != expected:
                is_count = len(row) == 1 and bool(ROWS_AFFECTED.fullmatch(row[0].strip()))
                return reader.line_num, len(row), is_count
    return None
