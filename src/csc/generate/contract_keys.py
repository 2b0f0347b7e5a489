"""Keys of the landing contract (`csc.contract`, models/staging/ssd/_ssd__sources.yml) the generator needs: the
columns that hold a person id are those the contract makes foreign keys to ssd_person, never a list kept here."""

from __future__ import annotations

from collections.abc import Mapping

from csc.contract import Table

PERSON = "ssd_person"


def person_id_columns(tables: Mapping[str, Table]) -> dict[str, tuple[str, ...]]:
    """Per table that has one, the columns that hold a person id."""
    out = {
        name: tuple(c.name for c in t.columns if c.foreign_key and c.foreign_key.table == PERSON)
        for name, t in tables.items()
    }
    return {name: cols for name, cols in out.items() if cols}


def person_column(table: Table) -> str:
    """The one column of `table` that holds its person's id."""
    columns = person_id_columns({table.name: table}).get(table.name, ())
    if len(columns) != 1:
        raise ValueError(f"{table.name} has {len(columns)} foreign keys to {PERSON}, not one")
    return columns[0]
