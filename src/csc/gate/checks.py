"""The landing checks: one Great Expectations suite per SSD table (`build_suite`, the vocabulary of the row-level
checks and of their results) over typed helper columns that DuckDB parses with the staging expressions
(`_helper_columns`); the suite runs compiled to SQL (compile.py, rowchecks.py). Set-based checks (primary keys,
foreign keys) run in DuckDB."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache

import duckdb

from csc.config import telemetry_off
from csc.contract import Column, Table
from csc.gate.issues import Issue, blocking
from csc.gate.sqlexpr import map_code, parse_date, parse_flag, quote

telemetry_off()
logging.getLogger("great_expectations").setLevel(logging.ERROR)

import great_expectations as gx  # noqa: E402
import great_expectations.expectations as gxe  # noqa: E402

EARLIEST = date(1900, 1, 1)


@dataclass(frozen=True)
class Rule:
    """One expectation, the column it reports on, and what happens to failing rows."""

    rule: str
    column: str
    action: str  # rejected | blanked | kept (a query: reported with the row, row kept)
    reason: str


def parse_expression(column: Column, value: str) -> str | None:
    """What a column's text parses or maps to, as staging reads it (None for a column that is not parsed):
    a date, a flag, the code of its code list, a number. A null value parses to null."""
    if column.kind == "date":
        return parse_date(value)
    if column.kind == "flag":
        return parse_flag(value)
    if column.kind == "code" and column.codes:
        return map_code(column.codes, value)
    if column.kind == "number":
        return f"try_cast({value} as double)"
    return None


def _helper_columns(table: Table, parsed: Mapping[str, str] | None = None) -> list[str]:
    """SQL select list over raw.<table>: row identity, key, and the typed helper columns the suite checks.
    Parsing is pushed down to DuckDB (the same expressions as staging). `parsed`: column -> an expression
    already holding its parse_expression (a lookup of the column's distinct values, see rowchecks.py);
    by default the parse is written inline."""
    pk = quote(table.primary_key)
    out = ["la_code", "extract_date", "_source_file", "_row_id", f"{pk} as __key"]
    for c in table.columns:
        q = quote(c.name)
        if c.kind in ("date", "flag", "code", "number", "json") or c.not_null:
            out.append(q)
        p = (parsed or {}).get(c.name) or parse_expression(c, q)
        if p is None:
            continue
        suffix = "__maps" if c.kind == "code" else "__parses"
        out.append(f"{q} is null or {p} is not null as {quote(c.name + suffix)}")
        if c.kind == "date":
            out.append(f"{p} as {quote(c.name + '__date')}")
            if not c.future_ok:
                out.append(f"coalesce({p} <= extract_date, true) as {quote(c.name + '__not_future')}")
    return out


@cache
def gx_context():
    """One ephemeral GX context per process: GX needs an active context to build a suite. Nothing is stored."""
    return gx.get_context(mode="ephemeral")


def build_suite(table: Table) -> tuple[gx.ExpectationSuite, list[Rule]]:
    """The expectation suite of one SSD table, with the rule each expectation reports as."""
    gx_context()
    suite = gx.ExpectationSuite(name=table.name)
    rules: list[Rule] = []

    def add(expectation, rule: Rule) -> None:
        suite.add_expectation(expectation)
        rules.append(rule)

    for c in table.columns:
        if c.not_null and not c.derived_from:
            add(
                gxe.ExpectColumnValuesToNotBeNull(column=c.name),
                Rule("not_null", c.name, "kept", "value is missing (a query: the row is kept)")
                if c.not_null_query
                else Rule("not_null", c.name, "rejected", "value is missing but required"),
            )
        if c.kind == "json":
            add(
                gxe.ExpectColumnValuesToBeJsonParseable(column=c.name),
                Rule("json_parses", c.name, "blanked", "not valid JSON"),
            )
        if c.kind in ("date", "flag", "number"):
            what = {
                "date": "not a valid date (YYYY-MM-DD or DD/MM/YYYY)",
                "flag": "not a recognised flag (Y/N, 1/0, true/false)",
                "number": "not a number",
            }[c.kind]
            add(
                gxe.ExpectColumnValuesToBeInSet(column=f"{c.name}__parses", value_set=[True]),
                Rule(f"{c.kind}_parses", c.name, "blanked" if c.blank else "rejected", what),
            )
        if c.kind == "date":
            add(
                gxe.ExpectColumnValuesToBeBetween(column=f"{c.name}__date", min_value=EARLIEST),
                Rule("date_not_before_1900", c.name, "rejected", "date before 1900"),
            )
            if not c.future_ok:
                add(
                    gxe.ExpectColumnValuesToBeInSet(column=f"{c.name}__not_future", value_set=[True]),
                    Rule("date_not_after_extract", c.name, "rejected", "date after the extract date"),
                )
        if c.kind == "code" and c.codes:
            add(
                gxe.ExpectColumnValuesToBeInSet(column=f"{c.name}__maps", value_set=[True]),
                Rule(
                    "code_list",
                    c.name,
                    "blanked" if c.blank else "rejected",
                    f"value is not a code of the {c.codes} code list and seeds/value_mappings.csv does not map it",
                ),
            )
    for order in table.date_order:
        query = order.severity == "query"
        add(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A=f"{order.end}__date",
                column_B=f"{order.start}__date",
                or_equal=True,
                ignore_row_if="either_value_is_missing",
            ),
            Rule(
                "end_not_before_start",
                order.end,
                "kept" if query else "rejected",
                f"{order.end} is before {order.start}"
                + (" (a query: plausible, e.g. placed with consent)" if query else ""),
            ),
        )
    return suite, rules


def primary_key_issues(con: duckdb.DuckDBPyConnection, table: Table, files: dict[str, str]) -> list[Issue]:
    """Null or duplicate primary keys, per council (files: la_code -> landed file): blocking, with
    example keys. One grouped query over all councils. The key is the id, plus the person where a
    system shares ids between siblings (`unique_with`); a key staging derives may be null."""
    pk = quote(table.primary_key)
    key_cols = [quote(c) for c in table.key_columns]
    key_text = " || '/' || ".join(f"coalesce(cast({c} as varchar), '')" for c in key_cols)
    issues = []
    derived = bool(table.column(table.primary_key).derived_from)
    for la_code, n_null, examples in con.execute(
        f"""select la_code, count(*), list(_row_id order by _row_id)[1:5]
            from raw.{table.name} where {pk} is null and not {derived} group by la_code order by la_code"""
    ).fetchall():
        issues.append(
            blocking(
                table.name,
                files[la_code],
                "primary_key_not_null",
                "primary key is missing",
                column=table.primary_key,
                rows=n_null,
                examples=[f"row {r}" for r in examples],
            )
        )
    for la_code, n_dup, examples in con.execute(
        f"""with dups as (
                select la_code, {key_text} as key, count(*) as n from raw.{table.name}
                where {pk} is not null group by all having count(*) > 1)
            select la_code, sum(n), list(key || ' (x' || n || ')' order by n desc, key)[1:5]
            from dups group by la_code order by la_code"""
    ).fetchall():
        issues.append(
            blocking(
                table.name,
                files[la_code],
                "primary_key_unique",
                "primary key is not unique"
                + (f" (with {', '.join(table.key_columns[1:])})" if table.unique_with else ""),
                column=table.primary_key,
                rows=int(n_dup),
                examples=list(examples),
            )
        )
    return issues
