"""The landing contract, read from the dbt sources file so that dbt docs, the gate and the
generator share one definition of every SSD table and column.

Each table's `config.meta` holds: required, primary_key, event_date, date_order, dropped_columns.
Each column's `config.meta` holds: kind (id, date, flag, code, text, json, number), required
(the column must be in the file), not_null, blank (an invalid value is blanked rather than the
row rejected), future_ok (a date may be after the extract date), codes (a code list in
seeds/code_lists.csv) and fk (table.column it must resolve to).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache

import yaml

from csc.config import PROJECT_DIR

SOURCES_FILE = PROJECT_DIR / "models" / "staging" / "ssd" / "_ssd__sources.yml"
CODE_LISTS_FILE = PROJECT_DIR / "seeds" / "code_lists.csv"
SYSTEM_COLUMNS = ("la_code", "extract_date", "_row_id", "_source_file")

# Flag spellings accepted on landing (compared case-insensitively after trimming).
FLAG_TRUE = ("y", "yes", "1", "true", "t")
FLAG_FALSE = ("n", "no", "0", "false", "f")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    description: str = ""
    required: bool = False
    not_null: bool = False
    blank: bool = False
    future_ok: bool = False
    codes: str | None = None
    fk: str | None = None

    @property
    def fk_table(self) -> str | None:
        return self.fk.split(".")[0] if self.fk else None

    @property
    def fk_column(self) -> str | None:
        return self.fk.split(".")[1] if self.fk else None


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    required: bool
    primary_key: str
    columns: tuple[Column, ...]
    event_date: str | None = None
    date_order: tuple[tuple[str, str], ...] = ()
    dropped_columns: tuple[str, ...] = field(default_factory=tuple)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name}.{name}")

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required_columns(self) -> list[str]:
        return [c.name for c in self.columns if c.required]


@cache
def load_tables() -> dict[str, Table]:
    """Every SSD table of the contract, in dependency-friendly file order."""
    doc = yaml.safe_load(SOURCES_FILE.read_text())
    source = next(s for s in doc["sources"] if s["name"] == "ssd")
    tables: dict[str, Table] = {}
    for t in source["tables"]:
        meta = (t.get("config") or {}).get("meta") or {}
        cols = []
        for c in t["columns"]:
            cmeta = (c.get("config") or {}).get("meta") or {}
            if cmeta.get("kind") == "system":
                continue
            cols.append(
                Column(
                    name=c["name"],
                    kind=cmeta["kind"],
                    description=c.get("description", ""),
                    required=bool(cmeta.get("required")),
                    not_null=bool(cmeta.get("not_null")),
                    blank=bool(cmeta.get("blank")),
                    future_ok=bool(cmeta.get("future_ok")),
                    codes=cmeta.get("codes"),
                    fk=cmeta.get("fk"),
                )
            )
        tables[t["name"]] = Table(
            name=t["name"],
            description=t.get("description", ""),
            required=bool(meta.get("required")),
            primary_key=meta["primary_key"],
            columns=tuple(cols),
            event_date=meta.get("event_date"),
            date_order=tuple(tuple(p) for p in meta.get("date_order", [])),
            dropped_columns=tuple(meta.get("dropped_columns", [])),
        )
    return tables


@cache
def load_code_lists() -> dict[str, dict[str, dict[str, str]]]:
    """code_list -> code -> {description, category}."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    with CODE_LISTS_FILE.open(newline="") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["code_list"], {})[row["code"]] = {
                "description": row["description"],
                "category": row["category"],
            }
    return out


def codes(code_list: str, category: str | None = None) -> list[str]:
    items = load_code_lists()[code_list]
    return [c for c, v in items.items() if category is None or v["category"] == category]
