"""Every landed extract kept as history: schema `history` of the warehouse file, stored as changes.

For every SSD table, `history.<table>` holds one row per version of a record: the gated values (as in `raw`,
text), `record_key` (the contract's key columns, or the row's hash for a row without a key, e.g. Mosaic's NULL
ids), `row_hash` (md5 of every contract column), `valid_from` (the extract date of the first extract that held
this version) and `valid_to` (the extract date of the first later extract in which the record changed or was
gone; NULL while current). A record unchanged across twelve monthly extracts is one row. Rows the landing gate
rejected never enter the history; values it blanked are NULL. `history.extracts` lists every extract merged.

The history is data, not code: each build copies the rows of the councils it rebuilds from the previous
warehouse (`carry_history`) and merges their newly gated extracts into it (`merge_extracts`), in extract-date
order. The rule is in docs/architecture.md section 5.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from csc.contract import Table, load_tables
from csc.gate.sqlexpr import quote

SCHEMA = "history"
VERSION_COLUMNS = ("record_key", "row_hash", "valid_from", "valid_to")


@dataclass(frozen=True)
class MergeCounts:
    """What one extract changed in one council's history of one table."""

    la_code: str
    table: str
    extract_date: date
    new_versions: int  # records new or changed in this extract
    closed_versions: int  # versions changed or gone in this extract


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """history.<table> for every SSD table and history.extracts (kept when they exist)."""
    con.execute(f"create schema if not exists {SCHEMA}")
    for t in load_tables().values():
        cols = ", ".join(
            ["la_code varchar"]
            + [f"{quote(c)} varchar" for c in t.column_names]
            + ["record_key varchar", "row_hash varchar", "valid_from date", "valid_to date"]
        )
        con.execute(f"create table if not exists {SCHEMA}.{t.name} ({cols})")
    con.execute(
        f"""create table if not exists {SCHEMA}.extracts (la_code varchar, extract_date date, ssd_version varchar,
        landed_path varchar, loaded_at timestamp, folder_signature varchar)"""
    )


def carry_history(con: duckdb.DuckDBPyConnection, catalog: str, councils: Iterable[str]) -> None:
    """Copy the history of `councils` from the attached warehouse `catalog` (a file without a history schema, or
    without one of the tables, contributes nothing)."""
    codes = sorted(set(councils))
    if not codes:
        return
    present = {
        name
        for (name,) in con.execute(
            "select table_name from duckdb_tables() where database_name = ? and schema_name = ?", [catalog, SCHEMA]
        ).fetchall()
    }
    for name in [*load_tables(), "extracts"]:
        if name in present:
            con.execute(
                f"insert into {SCHEMA}.{name} by name select * from {quote(catalog)}.{SCHEMA}.{name} "
                "where la_code in (select unnest(?))",
                [codes],
            )


def _snapshot_sql(t: Table) -> str:
    """The accepted rows of one table in raw, with their record key and row hash: rows the gate rejected are
    left out; a key repeated within one extract (which the gate reports) gets ':2', ':3' in landing order."""
    values = ", ".join(f"r.{quote(c)}" for c in t.column_names)
    key_cols = [c for c in t.key_columns if c in t.column_names]
    key = " || '|' || ".join(f"coalesce(r.{quote(c)}, '')" for c in key_cols)
    return f"""
        with accepted as (
            select r.*, md5(cast(to_json(list_value({values})) as varchar)) as row_hash
            from raw.{t.name} as r
            where r.la_code in (select unnest($councils))
              and not exists (
                  select 1 from raw.quarantine as q
                  where q.table_name = '{t.name}' and q.action = 'rejected'
                    and q.la_code = r.la_code and q._row_id = r._row_id)
        ),
        keyed as (
            select *,
                case when {" and ".join(f"r.{quote(c)} is not null" for c in key_cols)}
                     then {key} else 'row:' || r.row_hash end as base_key
            from accepted as r
        )
        select *,
            base_key || case when row_number() over (partition by la_code, base_key order by _row_id) > 1
                then ':' || row_number() over (partition by la_code, base_key order by _row_id) else '' end
                as record_key
        from keyed"""


def merge_extracts(
    con: duckdb.DuckDBPyConnection, extracts: Sequence[tuple[str, date]], signatures: dict[str, str] | None = None
) -> list[MergeCounts]:
    """Merge the extract of each (council, extract date) now in `raw` into the history, as changes: the open
    version of a record that is gone or different is closed at this extract date; a new or changed record opens
    a version from it. The council's newest merged extract merged again (landed again under the same date)
    replaces its earlier merge; an older one changes nothing: the history only moves forward. `signatures`: the
    landed folder's signature per council (history.extracts.folder_signature)."""
    newest = dict(con.execute(f"select la_code, max(extract_date) from {SCHEMA}.extracts group by la_code").fetchall())
    todo = [(la, d) for la, d in extracts if newest.get(la) is None or d >= newest[la]]
    if not todo:
        return []
    for la, d in todo:
        if newest.get(la) == d:
            _undo_merge(con, la, d)
    con.execute("create or replace temp table merging (la_code varchar, extract_date date)")
    con.executemany("insert into merging values (?, ?)", todo)
    councils = [la for la, _ in todo]
    counts: list[MergeCounts] = []
    for t in load_tables().values():
        cols = ", ".join(quote(c) for c in t.column_names)
        snapshot = f"select la_code, {cols}, record_key, row_hash from ({_snapshot_sql(t)})"
        if not _has_history(con, t.name, councils):
            # these councils' first extract: every accepted row opens a version, nothing to compare or close
            con.execute(
                f"""insert into {SCHEMA}.{t.name}
                select s.*, m.extract_date as valid_from, null as valid_to
                from ({snapshot}) as s join merging as m on m.la_code = s.la_code""",
                {"councils": councils},
            )
            counts.extend(_merge_counts(con, t.name))
            continue
        con.execute(f"create or replace temp table snapshot as {snapshot}", {"councils": councils})
        con.execute(
            f"""update {SCHEMA}.{t.name} as h set valid_to = m.extract_date
            from merging as m
            where h.la_code = m.la_code and h.valid_to is null
              and not exists (select 1 from snapshot as s
                              where s.la_code = h.la_code and s.record_key = h.record_key
                                and s.row_hash = h.row_hash)"""
        )
        con.execute(
            f"""insert into {SCHEMA}.{t.name}
            select s.*, m.extract_date as valid_from, null as valid_to
            from snapshot as s
            join merging as m on m.la_code = s.la_code
            where not exists (select 1 from {SCHEMA}.{t.name} as h
                              where h.la_code = s.la_code and h.valid_to is null
                                and h.record_key = s.record_key and h.row_hash = s.row_hash)"""
        )
        counts.extend(_merge_counts(con, t.name))
        con.execute("drop table snapshot")
    con.execute(
        f"""insert into {SCHEMA}.extracts by name
        select m.la_code, m.extract_date, r.ssd_version, r.landing_path as landed_path, ? as loaded_at
        from merging as m join raw.manifests as r on r.la_code = m.la_code""",
        [datetime.now()],
    )
    con.executemany(
        f"update {SCHEMA}.extracts set folder_signature = ? where la_code = ? and extract_date = ?",
        [[(signatures or {}).get(la), la, d] for la, d in todo],
    )
    con.execute("drop table merging")
    return counts


def _has_history(con: duckdb.DuckDBPyConnection, table: str, councils: list[str]) -> bool:
    """Whether any of `councils` already has a version in history.<table>."""
    row = con.execute(
        f"select exists (select 1 from {SCHEMA}.{table} where la_code in (select unnest(?)))", [councils]
    ).fetchone()
    return bool(row and row[0])


def _merge_counts(con: duckdb.DuckDBPyConnection, table: str) -> list[MergeCounts]:
    """The versions each merging extract opened and closed in history.<table>."""
    return [
        MergeCounts(la, table, d, opened, closed)
        for la, d, opened, closed in con.execute(
            f"""select m.la_code, m.extract_date,
                count(*) filter (where h.valid_from = m.extract_date),
                count(*) filter (where h.valid_to = m.extract_date)
            from merging as m join {SCHEMA}.{table} as h on h.la_code = m.la_code
            where h.valid_from = m.extract_date or h.valid_to = m.extract_date
            group by all"""
        ).fetchall()
    ]


def _undo_merge(con: duckdb.DuckDBPyConnection, la_code: str, extract_date: date) -> None:
    """Take back the merge of one council's extract: its new versions go, the versions it closed reopen."""
    for t in load_tables().values():
        con.execute(f"delete from {SCHEMA}.{t.name} where la_code = ? and valid_from = ?", [la_code, extract_date])
        con.execute(
            f"update {SCHEMA}.{t.name} set valid_to = null where la_code = ? and valid_to = ?", [la_code, extract_date]
        )
    con.execute(f"delete from {SCHEMA}.extracts where la_code = ? and extract_date = ?", [la_code, extract_date])


def as_at(con: duckdb.DuckDBPyConnection, table: str, la_code: str, extract_date: date) -> list[tuple]:
    """The rows of one council's table as its extract of `extract_date` held them (for tests and audits):
    the versions valid at that extract, ordered by record key."""
    cols = ", ".join(quote(c) for c in load_tables()[table].column_names)
    return con.execute(
        f"""select {cols} from {SCHEMA}.{table}
        where la_code = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
        order by record_key""",
        [la_code, extract_date, extract_date],
    ).fetchall()
