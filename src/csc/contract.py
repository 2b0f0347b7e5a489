"""The landing contract, read from the dbt sources file so that dbt docs, the gate and the
generator share one definition of every SSD table and column.

Each table's `config.meta` holds: required, primary_key, unique_with (further key columns when a
system shares ids between children, e.g. Mosaic's workflow-step ids: the key is then id + person),
event_date, date_order (pairs [start, end], or {start, end, severity: query} when plausible records
break the order), dropped_columns (personal identifiers never loaded) and quarantine_threshold
({pct, min_rows}: the file blocks when more than pct % of its rows AND at least min_rows rows
would be rejected).
Each column's `config.meta` holds: kind (id, date, flag, code, text, json, number), required
(the column must be in the file), not_null (true: a missing value rejects the row; query: it is
reported and the row kept, e.g. an unallocated involvement, a CP visit not yet held), blank (an
invalid value is blanked rather than the row rejected), future_ok (a date may be after the extract
date), codes (a code list in seeds/code_lists.csv; values are also accepted when seeds/value_mappings.csv maps them), fk
(table.column it must resolve to), aliases ({ssd_version: [names]}: the column's name in other SSD
releases), derived_from (how staging derives the value when a system leaves it out: the column may
be absent or null), legacy_key (the column may hold the person's legacy id, resolved at load through
this column of the landed ssd_person, which is read for that join only) and json_keys (for json
columns, a regular expression of the keys kept at load, default *_FLAG and TOTAL_NO_OF_OUTCOMES:
free-text keys such as comments never reach `raw`).

The official SSD tables the warehouse does not read are listed in OTHER_SSD_TABLES with the reason.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from functools import cache
from typing import NamedTuple

import yaml

from csc.config import PROJECT_DIR

SOURCES_FILE = PROJECT_DIR / "models" / "staging" / "ssd" / "_ssd__sources.yml"
CODE_LISTS_FILE = PROJECT_DIR / "seeds" / "code_lists.csv"
VALUE_MAPPINGS_FILE = PROJECT_DIR / "seeds" / "value_mappings.csv"
SYSTEM_COLUMNS = ("la_code", "extract_date", "_row_id", "_source_file")

# Flag spellings accepted on landing (compared case-insensitively after trimming).
FLAG_TRUE = ("y", "yes", "1", "true", "t")
FLAG_FALSE = ("n", "no", "0", "false", "f")


class ForeignKey(NamedTuple):
    table: str
    column: str


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    description: str = ""
    required: bool = False
    not_null: bool = False
    not_null_query: bool = False
    blank: bool = False
    future_ok: bool = False
    codes: str | None = None
    fk: str | None = None
    aliases: tuple[tuple[str, str], ...] = ()  # (ssd_version, landed name)
    derived_from: str | None = None
    legacy_key: str | None = None
    json_keys: str | None = None

    @property
    def foreign_key(self) -> ForeignKey | None:
        """The parent `fk` ('table.column') names, if the column is a foreign key."""
        if not self.fk:
            return None
        table, column = self.fk.split(".")
        return ForeignKey(table, column)


@dataclass(frozen=True)
class DateOrder:
    start: str
    end: str
    severity: str = "error"  # error: the row is rejected | query: reported, row kept


@dataclass(frozen=True)
class Threshold:
    pct: float | None = None  # None: the command-line default
    min_rows: int | None = None


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    required: bool
    primary_key: str
    columns: tuple[Column, ...]
    event_date: str | None = None
    date_order: tuple[DateOrder, ...] = ()
    dropped_columns: tuple[str, ...] = field(default_factory=tuple)
    unique_with: tuple[str, ...] = ()
    threshold: Threshold = Threshold()
    join_only: tuple[str, ...] = ()  # identifiers landed for a join at the gate (a legacy id), never loaded

    @property
    def key_columns(self) -> tuple[str, ...]:
        """The columns that identify a row: the primary key, plus the person where ids are shared."""
        return (self.primary_key, *self.unique_with)

    def landed_names(self, ssd_version: str | None = None) -> dict[str, str]:
        """Landed column name (lower case) -> contract column: every contract name and every alias
        of every release, the aliases of `ssd_version` first (a name is never both)."""
        out = {c.name: c.name for c in self.columns}
        aliases = [(v, a, c.name) for c in self.columns for v, a in c.aliases]
        aliases.sort(key=lambda x: x[0] != ssd_version)
        for _, alias, name in aliases:
            out.setdefault(alias.lower(), name)
        return out

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
                    not_null_query=cmeta.get("not_null") == "query",
                    blank=bool(cmeta.get("blank")),
                    future_ok=bool(cmeta.get("future_ok")),
                    codes=cmeta.get("codes"),
                    fk=cmeta.get("fk"),
                    aliases=tuple(
                        (str(version), name)
                        for version, names in (cmeta.get("aliases") or {}).items()
                        for name in names
                    ),
                    derived_from=cmeta.get("derived_from"),
                    legacy_key=cmeta.get("legacy_key"),
                    json_keys=cmeta.get("json_keys"),
                )
            )
        tables[t["name"]] = Table(
            name=t["name"],
            description=t.get("description", ""),
            required=bool(meta.get("required")),
            primary_key=meta["primary_key"],
            columns=tuple(cols),
            event_date=meta.get("event_date"),
            date_order=tuple(_date_order(p) for p in meta.get("date_order", [])),
            dropped_columns=tuple(meta.get("dropped_columns", [])),
            unique_with=_as_tuple(meta.get("unique_with")),
            threshold=Threshold(**(meta.get("quarantine_threshold") or {})),
        )
    for t in list(tables.values()):
        for c in t.columns:
            fk = c.foreign_key
            if c.legacy_key and fk and fk.table in tables:
                parent = tables[fk.table]
                tables[parent.name] = replace(parent, join_only=(*parent.join_only, c.legacy_key))
    return tables


def _as_tuple(value) -> tuple[str, ...]:
    if not value:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _date_order(item) -> DateOrder:
    if isinstance(item, dict):
        return DateOrder(item["start"], item["end"], item.get("severity", "error"))
    start, end = item
    return DateOrder(start, end)


def find_table(name: str) -> Table | None:
    """The contract table of a landed name (case-insensitive, without extension)."""
    return load_tables().get(name.strip().lower())


# Official SSD tables (data-to-insight/ssd-data-model, releases 1.2.x-1.4.x) the warehouse does not
# read, with the reason; a landed file of one of them is reported, never silently ignored.
OTHER_SSD_TABLES: dict[str, str] = {
    "ssd_address": "personal data (addresses), kept out by design",
    "ssd_linked_identifiers": "personal identifiers (UPN and others), kept out by design",
    "ssd_mother": "not read by the warehouse yet",
    "ssd_family": "not read by the warehouse yet",
    "ssd_cla_care_plan": "not read by the warehouse yet",
    "ssd_pre_cla_care_plan": "not read by the warehouse yet",
    "ssd_send": "not read by the warehouse yet",
    "ssd_sen_need": "not read by the warehouse yet",
    "ssd_ehcp_requests": "not read by the warehouse yet",
    "ssd_ehcp_assessment": "not read by the warehouse yet",
    "ssd_ehcp_named_plan": "not read by the warehouse yet",
    "ssd_ehcp_active_plans": "not read by the warehouse yet",
    "ssd_voice_of_child": "a placeholder table in the SSD",
    "ssd_s251_finance": "a placeholder table in the SSD",
    "ssd_cohort": "SSD administration table",
    "ssd_dim_date": "SSD administration table",
    "ssd_version_log": "SSD administration table (read by csc land / csc extract for the SSD version)",
    "ssd_api_data_staging": "SSD API staging table (child-level JSON), kept out by design",
    "ssd_api_data_staging_anon": "SSD API staging table, kept out by design",
}


def other_ssd_tables() -> dict[str, str]:
    return dict(OTHER_SSD_TABLES)


@cache
def load_value_mappings() -> list[tuple[str, str, str, str]]:
    """(code_list, value as written, code, match) from seeds/value_mappings.csv (empty if absent)."""
    if not VALUE_MAPPINGS_FILE.exists():
        return []
    with VALUE_MAPPINGS_FILE.open(newline="", encoding="utf-8") as f:
        return [(r["code_list"], r["value"], r["code"], r.get("match") or "exact") for r in csv.DictReader(f)]


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
