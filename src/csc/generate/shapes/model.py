"""What a shape is: per table, the columns a CMS script creates (names, order and DDL types) and how each is
filled from the canonical row."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# DDL type letters used in the column lists: s text, t datetime/timestamp, d date, i integer, f float/decimal
SQL_TYPES = {"s": "VARCHAR", "t": "TIMESTAMP", "d": "DATE", "i": "BIGINT", "f": "DOUBLE"}


def columns(spec: str) -> tuple[tuple[str, str], ...]:
    """'name:s other:t' -> (('name', 's'), ('other', 't')), the order of the script's CREATE TABLE."""
    out = []
    for item in spec.split():
        name, _, kind = item.partition(":")
        if kind not in SQL_TYPES:
            raise ValueError(f"bad column type in {item!r}")
        out.append((name, kind))
    return tuple(out)


@dataclass(frozen=True)
class TableShape:
    """One table as a script writes it. `exprs` maps a landed column to a DuckDB expression over the canonical
    row `t`; a landed column without one takes the canonical column of the same name, or NULL."""

    name: str
    columns: tuple[tuple[str, str], ...]
    exprs: Mapping[str, str] = field(default_factory=dict)

    @property
    def column_names(self) -> list[str]:
        return [c for c, _ in self.columns]

    def select_sql(self, canonical_columns: list[str]) -> str:
        items = []
        for name, kind in self.columns:
            if name in self.exprs:
                expr = self.exprs[name]
            elif name in canonical_columns:
                expr = f't."{name}"'
            else:
                expr = "NULL"
            items.append(f'CAST({expr} AS {SQL_TYPES[kind]}) AS "{name}"')
        return f"SELECT {', '.join(items)} FROM c_{self.name} AS t"


@dataclass(frozen=True)
class Shape:
    """A CMS script x SSD release. `engine` decides how DATETIME renders as text (sqlserver: with .000,
    postgres: without); `prepare` is SQL run before the tables are selected (helper tables the
    expressions read); `version_log` says whether the script creates ssd_version_log."""

    cms: str
    release: str
    engine: str
    script: str
    tables: Mapping[str, TableShape]
    prepare: tuple[str, ...] = ()
    version_log: bool = False

    def table(self, name: str) -> TableShape | None:
        return self.tables.get(name)


def shape_tables(spec: Mapping[str, str], exprs: Mapping[str, Mapping[str, str]]) -> dict[str, TableShape]:
    """TableShapes from column-list strings and per-table expressions."""
    unknown = set(exprs) - set(spec)
    if unknown:
        raise ValueError(f"expressions for tables without columns: {sorted(unknown)}")
    return {name: TableShape(name, columns(cols), dict(exprs.get(name, {}))) for name, cols in spec.items()}
