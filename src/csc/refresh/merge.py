"""Merge newly built councils into a copy of the previous warehouse (an incremental build).

Every table of the warehouse that has a `la_code` column is partitioned by council, except the seeds (schema
main, reference data) and the models tagged `cross_council` (e.g. the regional comparison), which dbt rebuilds
over the merged file afterwards. A table without `la_code` (the calendar, reference models) depends only on the
project, which an incremental build shares with the base (csc.fingerprint). So the merge is: for every
partitioned table, delete the rows of the rebuilt (and retired) councils and insert the rebuilt councils' rows.
The test that an incremental build equals a full rebuild checks this partitioning (tests/python/test_refresh.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb

from csc.db import scalar
from csc.gate.sqlexpr import quote

# Written once per build, not per council: replaced by the build after the merge.
WHOLE_BUILD_TABLES = {("audit", "build_info"), ("audit", "dbt_results"), ("audit", "council_extracts")}
SKIPPED_SCHEMAS = ("main", "information_schema", "pg_catalog")


def partitioned_tables(con: duckdb.DuckDBPyConnection, catalog: str, cross_council: set[str]) -> list[tuple[str, str]]:
    """(schema, table) of every base table of `catalog` with a la_code column, minus seeds, whole-build audit
    tables and the cross-council models."""
    rows = con.execute(
        """select distinct t.schema_name, t.table_name
        from duckdb_tables() as t
        join duckdb_columns() as c
          on c.database_name = t.database_name and c.schema_name = t.schema_name and c.table_name = t.table_name
        where t.database_name = ? and c.column_name = 'la_code'
        order by 1, 2""",
        [catalog],
    ).fetchall()
    return [
        (schema, table)
        for schema, table in rows
        if schema not in SKIPPED_SCHEMAS and (schema, table) not in WHOLE_BUILD_TABLES and table not in cross_council
    ]


def merge_councils(
    result: Path,
    scratch: Path,
    rebuilt: Iterable[str],
    audited: Iterable[str],
    dropped: Iterable[str],
    cross_council: set[str],
) -> None:
    """In `result` (a copy of the previous warehouse): replace the rows of the `rebuilt` councils with the
    scratch file's, the gate findings (schema audit) of every `audited` council, and delete `dropped` councils.
    A table new in the scratch file is created."""
    rebuilt, audited, dropped = sorted(set(rebuilt)), sorted(set(audited)), sorted(set(dropped))
    con = duckdb.connect(str(result))
    try:
        main = scalar(con.execute("select current_database()"))
        have = set(partitioned_tables(con, main, cross_council))
        new: set[tuple[str, str]] = set()
        if scratch.exists():
            con.execute(f"attach '{scratch}' as scratch (read_only)")
            new = set(partitioned_tables(con, "scratch", cross_council))
        for schema, table in sorted(have | new):
            councils = audited if schema == "audit" else rebuilt
            name = f"{quote(schema)}.{quote(table)}"
            if (schema, table) not in have:
                con.execute(f"create schema if not exists {quote(schema)}")
                con.execute(f"create table {name} as select * from scratch.{name} limit 0")
            con.execute(f"delete from {name} where la_code in (select unnest(?))", [[*councils, *dropped]])
            if (schema, table) in new:
                con.execute(
                    f"insert into {name} by name select * from scratch.{name} where la_code in (select unnest(?))",
                    [councils],
                )
        if scratch.exists():
            con.execute("detach scratch")
        con.execute("checkpoint")
    finally:
        con.close()
