"""Foreign keys of the landing gate: links that do not resolve within a council, set-based over every council.

A required link (not_null, e.g. the child's person id) rejects the row; an optional link (a team, a worker, the
referral of an assessment) is blanked and the row kept. A rejected parent takes the rows that need it with it, so
the checks repeat until nothing changes. Each repetition re-checks only the links whose parent table gained
rejected rows since the link was last checked (any other link would find nothing new: its child rows are fixed and
what it already recorded is not recorded twice), and the valid keys of a parent (its loaded keys less its rejected
rows) are computed once per parent column and state of the parent's rejections, not once per link.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from csc.contract import load_tables
from csc.db import scalar
from csc.gate.sqlexpr import quote


def kept_id_value(col: str) -> str:
    """An id that did not resolve, as recorded in raw.quarantine: kept when it looks like an id (a digit,
    no white space), else not recorded, since some scripts write a person's name in an id column
    (SystemC's referral worker is DIM_WORKER_ID_DESC) and staff names must not reach the warehouse."""
    return f"case when regexp_full_match({col}, '\\S*\\d\\S*') then {col} end"


@dataclass(frozen=True)
class Link:
    """One foreign key column of a child table, the councils where both tables were loaded, and its action."""

    table: str
    column: str
    label: str  # the contract's name of the link (e.g. `ssd_person.pers_person_id`)
    parent: str
    parent_column: str
    primary_key: str
    action: str  # rejected | blanked
    councils: tuple[str, ...]


def _links(present: dict[str, set[str]]) -> list[Link]:
    links = []
    for t in load_tables().values():
        for c in t.columns:
            fk = c.foreign_key
            if fk is None:
                continue
            councils = tuple(la for la, names in present.items() if {t.name, fk.table} <= names)
            if councils:
                action = "rejected" if c.not_null and not c.not_null_query else "blanked"
                links.append(
                    Link(
                        t.name,
                        c.name,
                        c.fk or f"{fk.table}.{fk.column}",
                        fk.table,
                        fk.column,
                        t.primary_key,
                        action,
                        councils,
                    )
                )
    return links


def _valid_parents(con: duckdb.DuckDBPyConnection, link: Link, name: str) -> None:
    """Temp table `name`: the parent keys of every council, less the parent's rejected rows."""
    con.execute(f"""
        create or replace temp table {name} as
        select distinct p.la_code, p.{quote(link.parent_column)} as key from raw.{link.parent} p
        anti join (select la_code, _row_id from raw.quarantine
                   where table_name = '{link.parent}' and action = 'rejected') x
            on x.la_code = p.la_code and x._row_id = p._row_id""")


def _check(con: duckdb.DuckDBPyConnection, link: Link, valid: str) -> int:
    """Record the rows of one link that do not resolve (not yet rejected, nor recorded for this column)."""
    child = quote(link.column)
    return scalar(
        con.execute(
            f"""
        insert into raw.quarantine
        with already as (
            select la_code, _row_id from raw.quarantine
            where table_name = '{link.table}' and (action = 'rejected' or column_name = '{link.column}'))
        select r.la_code, r.extract_date, '{link.table}', r._source_file, r._row_id,
               cast(r.{quote(link.primary_key)} as varchar), '{link.column}', 'foreign_key',
               {kept_id_value(f"r.{child}")}, '{link.action}',
               'no {link.label} {link.parent_column} = this value in the extract'
        from raw.{link.table} r
        anti join {valid} v on v.la_code = r.la_code and v.key = r.{child}
        anti join already a on a.la_code = r.la_code and a._row_id = r._row_id
        where r.la_code in (select unnest($1)) and r.{child} is not null""",
            [list(link.councils)],
        )
    )


def foreign_key_failures(con: duckdb.DuckDBPyConnection, present: dict[str, set[str]]) -> int:
    """Rows whose foreign keys do not resolve to a loaded, non-rejected parent (see the module docstring).
    `present`: la_code -> tables loaded with valid keys; a link is checked only in councils that landed both
    tables. Returns the number of quarantine rows written."""
    links = _links(present)
    # rejections[table]: how many times rows of the table were rejected here (the state of its rejections)
    rejections: dict[str, int] = {}
    seen: dict[Link, int] = {}  # the state of its parent's rejections when a link was last checked
    valid: dict[tuple[str, str], tuple[str, int]] = {}  # parent column -> (temp table, state it was built at)
    total = 0
    while True:
        added = 0
        for link in links:
            state = rejections.get(link.parent, 0)
            if seen.get(link) == state:
                continue
            key = (link.parent, link.parent_column)
            if key not in valid or valid[key][1] != state:
                name = f"__fk_valid_{len(valid)}" if key not in valid else valid[key][0]
                _valid_parents(con, link, name)
                valid[key] = (name, state)
            seen[link] = state
            n = _check(con, link, valid[key][0])
            if n and link.action == "rejected":
                rejections[link.table] = rejections.get(link.table, 0) + 1
            added += n
        total += added
        if not added:
            for name, _ in valid.values():
                con.execute(f"drop table if exists {name}")
            return total
