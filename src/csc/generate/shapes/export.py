"""How an export tool writes an SSD table out of the council's database.

- parquet: typed Parquet, as a database export gives it (DATETIME as timestamps, ids as the CMS's type).
- clean: CSV, UTF-8, header row, empty field for NULL, a field quoted when it holds a comma, quote or line break
  (a quote doubled).
- ssms: SQL Server Management Studio "Save results as": header row, the literal NULL for every null, UTF-8 with
  a byte-order mark, datetimes as the database renders them, quoting as `clean` (D2I's own sample CSV,
  admin/tools-ssd_jupyter_add_ons/involvements_history_example_data.csv, has the BOM, NULL and doubled quotes).
- bcp and unquoted: deliberately broken writers for error tests: bcp writes no header row; "unquoted" is SSMS with
  "quote strings containing list separators" off, so a JSON value with commas spills into the next columns.

Datetimes render as the engine does: SQL Server DATETIME `2024-12-10 00:00:00.000` (the SystemC script header
says so), PostgreSQL TIMESTAMP `2024-12-10 00:00:00`.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

BOM = "\ufeff".encode()
DATETIME_FORMAT = {"sqlserver": "%Y-%m-%d %H:%M:%S.000", "postgres": "%Y-%m-%d %H:%M:%S"}


@dataclass(frozen=True)
class CsvStyle:
    header: bool = True
    null: str = ""  # text written for a NULL
    bom: bool = False
    quote: bool = True


CSV_STYLES = {
    "clean": CsvStyle(),
    "ssms": CsvStyle(null="NULL", bom=True),
    "bcp": CsvStyle(header=False),
    "unquoted": CsvStyle(null="NULL", quote=False),
}


def _path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _text_select(con: duckdb.DuckDBPyConnection, source: str, engine: str) -> str:
    """SELECT of `source` with every datetime as the engine renders it (other types as DuckDB writes them)."""
    fmt = DATETIME_FORMAT[engine]
    items = []
    for name, kind, *_ in con.execute(f"DESCRIBE {source}").fetchall():
        q = f'"{name}"'
        items.append(f"strftime({q}, '{fmt}') AS {q}" if kind.startswith("TIMESTAMP") else q)
    return f"SELECT {', '.join(items)} FROM {source}"


def write_csv(con: duckdb.DuckDBPyConnection, source: str, path: Path, engine: str, style: CsvStyle) -> None:
    """COPY a table or view of `con` to a CSV file in `style`."""
    options = [f"HEADER {str(style.header).upper()}", "DELIMITER ','", f"NULLSTR '{style.null}'"]
    options += ["QUOTE '\"'", "ESCAPE '\"'"] if style.quote else ["QUOTE ''", "ESCAPE ''"]
    target = path.with_suffix(".tmp") if style.bom else path
    con.execute(f"COPY ({_text_select(con, source, engine)}) TO {_path(target)} ({', '.join(options)})")
    if style.bom:
        with path.open("wb") as out, target.open("rb") as src:
            out.write(BOM)
            shutil.copyfileobj(src, out, 1 << 20)
        target.unlink()


def write_parquet(con: duckdb.DuckDBPyConnection, source: str, path: Path) -> None:
    con.execute(f"COPY (SELECT * FROM {source}) TO {_path(path)} (FORMAT parquet, COMPRESSION zstd)")


def write_table(con: duckdb.DuckDBPyConnection, source: str, folder: Path, name: str, engine: str, export: str) -> Path:
    """Write one table of `con` as `folder/<name>.parquet` or `.csv` in an export style."""
    if export == "parquet":
        path = folder / f"{name}.parquet"
        write_parquet(con, source, path)
        return path
    if export not in CSV_STYLES:
        raise ValueError(f"unknown export {export!r}; choose from parquet, {', '.join(CSV_STYLES)}")
    path = folder / f"{name}.csv"
    write_csv(con, source, path, engine, CSV_STYLES[export])
    return path


def _write_arrow(table: pa.Table, path: Path, engine: str, style: CsvStyle) -> Path:
    con = duckdb.connect()
    con.register("source_table", table)
    write_csv(con, "source_table", path, engine, style)
    return path


def write_headerless_csv(table: pa.Table, path: Path, engine: str = "sqlserver") -> Path:
    """Broken on purpose: bcp's output, no header row (every required column is then 'missing')."""
    return _write_arrow(table, path, engine, CSV_STYLES["bcp"])


def write_unquoted_csv(table: pa.Table, path: Path, engine: str = "sqlserver") -> Path:
    """Broken on purpose: nothing quoted, so a field holding commas (an outcome JSON) breaks the columns."""
    return _write_arrow(table, path, engine, CSV_STYLES["unquoted"])
