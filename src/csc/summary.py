"""`csc summary`: what the published warehouse holds (tables and their rows, councils and their extracts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from csc.db import scalar
from csc.publish import VerifyResult, verify_published


class NoWarehouse(FileNotFoundError):
    """No warehouse file has been published at that path."""

    def __init__(self, warehouse: Path) -> None:
        self.warehouse = warehouse
        super().__init__(f"No warehouse at {warehouse}: run `csc build` first.")


@dataclass(frozen=True)
class TableRows:
    schema: str
    table: str
    rows: int


@dataclass(frozen=True)
class CouncilExtract:
    """One council's published extract, with the rows landed and rejected into quarantine by the gate."""

    la_code: str
    la_name: str
    extract_date: date
    period_start: date
    rows_landed: int
    rows_quarantined: int


@dataclass(frozen=True)
class WarehouseSummary:
    warehouse: Path
    tables: list[TableRows]
    councils: list[CouncilExtract]
    checksum: VerifyResult | None = None  # the file against the checksum recorded when it was published


def summarise(warehouse: Path) -> WarehouseSummary:
    """Every table of the warehouse with its row count, every council, and its checksum; NoWarehouse if there is
    none."""
    if not warehouse.exists():
        raise NoWarehouse(warehouse)
    checksum = verify_published(warehouse)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return WarehouseSummary(warehouse, table_rows(con), council_extracts(con), checksum)
    finally:
        con.close()


def table_rows(con: duckdb.DuckDBPyConnection) -> list[TableRows]:
    """(schema, table, rows) of every table of the connected database, by schema and name."""
    tables = con.execute("""
        select schema_name, table_name from duckdb_tables()
        where database_name = current_database() order by 1, 2""").fetchall()
    return [
        TableRows(schema, table, scalar(con.execute(f'select count(*) from "{schema}"."{table}"')))
        for schema, table in tables
    ]


def council_extracts(con: duckdb.DuckDBPyConnection) -> list[CouncilExtract]:
    """The councils of raw.manifests, with their landed and quarantined rows (raw.landed_files)."""
    rows = con.execute("""
        select m.la_code, m.la_name, m.extract_date, m.period_start,
               sum(f.rows_landed), sum(f.rows_quarantined)
        from raw.manifests m join raw.landed_files f using (la_code)
        group by all order by 1""").fetchall()
    return [CouncilExtract(*row) for row in rows]
