"""DuckDB helpers shared by the packages."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import duckdb

from csc.config import DuckDBResources


def connect(database: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to `database` with the memory limit, threads and spill folder of `DuckDBResources` (a build
    step's connection: large joins spill to disk instead of failing)."""
    con = duckdb.connect(str(database), read_only=read_only)
    for name, value in DuckDBResources.resolve(Path(database)).settings().items():
        con.execute(f"set {name} = '{value}'")
    return con


def scalar(result: duckdb.DuckDBPyConnection | duckdb.DuckDBPyRelation) -> Any:
    """The first value of the first row of a query that always returns a row (an aggregate such as count(*))."""
    row = result.fetchone()
    if row is None:
        raise LookupError("the query returned no row")
    return row[0]


def content_hash(con: duckdb.DuckDBPyConnection, schema: str) -> str:
    """A hash of the content of every table of `schema` (views are left out): equal for equal tables whatever
    the order of their rows, and changed by any changed, added or removed row (duplicates count). Per table, its
    rows and the sum of the hash of each row as a hugeint; over the tables sorted by name, the SHA-256 of those."""
    tables = con.execute(
        "select table_name from duckdb_tables() where database_name = current_database() and schema_name = ? "
        "order by table_name",
        [schema],
    ).fetchall()
    parts = []
    for (table,) in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        qschema = '"' + schema.replace('"', '""') + '"'
        rows, total = con.execute(
            f"select count(*), coalesce(sum(hash(t)::hugeint), 0) from {qschema}.{quoted} as t"
        ).fetchone() or (0, 0)
        parts.append(f"{table}\t{rows}\t{total}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
