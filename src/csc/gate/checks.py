"""Row-level checks: one Great Expectations suite per SSD table, run on pandas batches streamed
from DuckDB (never a whole large table at once); parsing is pushed down to DuckDB so that GX sees
typed helper columns. Set-based checks (primary keys, foreign keys) run in DuckDB."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import date

import duckdb

from csc.contract import Table, load_code_lists, load_tables
from csc.gate.issues import Issue, blocking
from csc.gate.sqlexpr import parse_date, parse_flag, quote

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
logging.getLogger("great_expectations").setLevel(logging.ERROR)

import great_expectations as gx  # noqa: E402
import great_expectations.expectations as gxe  # noqa: E402
from great_expectations.data_context.types.base import ProgressBarsConfig  # noqa: E402

BATCH_ROWS = 250_000
EARLIEST = date(1900, 1, 1)


@dataclass(frozen=True)
class Rule:
    """One expectation, the column it reports on, and what happens to failing rows."""

    rule: str
    column: str
    action: str  # rejected | blanked
    reason: str


def _helper_columns(table: Table) -> list[str]:
    """SQL select list: row identity, key, and the typed helper columns the suite checks.
    Parsing is pushed down to DuckDB (the same expressions as staging)."""
    pk = quote(table.primary_key)
    out = ["la_code", "extract_date", "_source_file", "_row_id", f"{pk} as __key"]
    for c in table.columns:
        q = quote(c.name)
        if c.kind in ("date", "flag", "code", "number", "json") or c.not_null:
            out.append(q)
        if c.kind == "date":
            out.append(f"{q} is null or {parse_date(q)} is not null as {quote(c.name + '__parses')}")
            out.append(f"{parse_date(q)} as {quote(c.name + '__date')}")
            if not c.future_ok:
                out.append(f"coalesce({parse_date(q)} <= extract_date, true) as {quote(c.name + '__not_future')}")
        elif c.kind == "flag":
            out.append(f"{q} is null or {parse_flag(q)} is not null as {quote(c.name + '__parses')}")
        elif c.kind == "code":
            out.append(f"upper({q}) as {quote(c.name + '__code')}")
        elif c.kind == "number":
            out.append(f"{q} is null or try_cast({q} as double) is not null as {quote(c.name + '__parses')}")
    return out


def build_suite(table: Table) -> tuple[gx.ExpectationSuite, list[Rule]]:
    """The expectation suite of one SSD table, with the rule each expectation reports as."""
    suite = gx.ExpectationSuite(name=table.name)
    rules: list[Rule] = []
    code_lists = load_code_lists()

    def add(expectation, rule: Rule) -> None:
        suite.add_expectation(expectation)
        rules.append(rule)

    for c in table.columns:
        if c.not_null:
            add(
                gxe.ExpectColumnValuesToNotBeNull(column=c.name),
                Rule("not_null", c.name, "rejected", "value is missing but required"),
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
            allowed = sorted({code.upper() for code in code_lists[c.codes]})
            add(
                gxe.ExpectColumnValuesToBeInSet(column=f"{c.name}__code", value_set=allowed),
                Rule(
                    "code_list",
                    c.name,
                    "blanked" if c.blank else "rejected",
                    f"code not in the {c.codes} code list",
                ),
            )
    for start, end in table.date_order:
        add(
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A=f"{end}__date",
                column_B=f"{start}__date",
                or_equal=True,
                ignore_row_if="either_value_is_missing",
            ),
            Rule("end_not_before_start", end, "rejected", f"{end} is before {start}"),
        )
    return suite, rules


class GxRunner:
    """Holds one ephemeral GX context and a pandas data source for streamed batches."""

    def __init__(self) -> None:
        self.context = gx.get_context(mode="ephemeral")
        # rich shows progress; GX's own metric progress bars would interleave with it
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        source = self.context.data_sources.add_pandas(name="landed")
        asset = source.add_dataframe_asset(name="batch")
        self.batch_definition = asset.add_batch_definition_whole_dataframe("whole")

    def validate_table(self, con: duckdb.DuckDBPyConnection, table: Table) -> list[dict]:
        """Run the table's suite over every batch of the table (all councils). Returns the
        failing rows: council, row id, key, column, rule, value, action and reason."""
        suite, rules = build_suite(table)
        failures: list[dict] = []
        sql = f"select {', '.join(_helper_columns(table))} from raw.{table.name} order by la_code, _row_id"
        reader = con.execute(sql).to_arrow_reader(BATCH_ROWS)
        for record_batch in reader:
            df = record_batch.to_pandas()
            if df.empty:
                continue
            df.index = range(len(df))
            batch = self.batch_definition.get_batch(batch_parameters={"dataframe": df})
            result = batch.validate(suite, result_format={"result_format": "COMPLETE"})
            for rule, res in zip(rules, result.results, strict=True):
                if res.success:
                    continue
                idx = res.result.get("unexpected_index_list") or []
                sub = df.loc[[int(i) for i in idx]]
                for la, ed, src, rid, key, val in zip(
                    sub["la_code"],
                    sub["extract_date"],
                    sub["_source_file"],
                    sub["_row_id"],
                    sub["__key"],
                    sub[rule.column],
                    strict=True,
                ):
                    failures.append(
                        {
                            "la_code": la,
                            "extract_date": ed,
                            "table_name": table.name,
                            "source_file": src,
                            "_row_id": int(rid),
                            "record_key": None if key is None else str(key),
                            "column_name": rule.column,
                            "rule": rule.rule,
                            "bad_value": None if val is None else str(val),
                            "action": rule.action,
                            "reason": rule.reason,
                        }
                    )
        return failures


def primary_key_issues(con: duckdb.DuckDBPyConnection, table: Table, la_code: str, rel: str) -> list[Issue]:
    """Null or duplicate primary keys: blocking, with example keys."""
    pk = quote(table.primary_key)
    issues = []
    n_null = con.execute(
        f"select count(*) from raw.{table.name} where la_code = ? and {pk} is null", [la_code]
    ).fetchone()[0]
    if n_null:
        rows = con.execute(
            f"select _row_id from raw.{table.name} where la_code = ? and {pk} is null order by _row_id limit 5",
            [la_code],
        ).fetchall()
        issues.append(
            blocking(
                table.name,
                rel,
                "primary_key_not_null",
                "primary key is missing",
                column=table.primary_key,
                rows=n_null,
                examples=[f"row {r[0]}" for r in rows],
            )
        )
    dups = con.execute(
        f"""
        select {pk}, count(*) from raw.{table.name} where la_code = ? and {pk} is not null
        group by {pk} having count(*) > 1 order by 2 desc, 1 limit 5""",
        [la_code],
    ).fetchall()
    if dups:
        n_dup = con.execute(
            f"""
            select coalesce(sum(n), 0) from (select count(*) as n from raw.{table.name}
            where la_code = ? and {pk} is not null group by {pk} having count(*) > 1)""",
            [la_code],
        ).fetchone()[0]
        issues.append(
            blocking(
                table.name,
                rel,
                "primary_key_unique",
                "primary key is not unique",
                column=table.primary_key,
                rows=int(n_dup),
                examples=[f"{k} (x{n})" for k, n in dups],
            )
        )
    return issues


def foreign_key_failures(con: duckdb.DuckDBPyConnection, la_code: str, present: set[str]) -> int:
    """Rows whose foreign keys do not resolve to a loaded, non-rejected parent: a required link
    (not_null, e.g. the child's person id) rejects the row; an optional link (a team, a worker, the
    referral of an assessment) is blanked and the row kept. Repeats until nothing changes, so a
    rejected parent takes the rows that need it with it."""
    tables = load_tables()
    total = 0
    while True:
        added = 0
        for t in tables.values():
            if t.name not in present:
                continue
            for c in t.columns:
                if not c.fk or c.fk_table not in present:
                    continue
                action = "rejected" if c.not_null else "blanked"
                child, parent = quote(c.name), quote(c.fk_column)
                n = con.execute(
                    f"""
                    insert into raw.quarantine
                    select r.la_code, r.extract_date, '{t.name}', r._source_file, r._row_id,
                           cast(r.{quote(t.primary_key)} as varchar), '{c.name}', 'foreign_key',
                           r.{child}, '{action}', 'no {c.fk} {c.fk_column} = this value in the extract'
                    from raw.{t.name} r
                    where r.la_code = $1 and r.{child} is not null
                      and not exists (
                        select 1 from raw.{c.fk_table} p
                        where p.la_code = r.la_code and p.{parent} = r.{child}
                          and not exists (select 1 from raw.quarantine q
                                          where q.la_code = p.la_code and q.table_name = '{c.fk_table}'
                                            and q._row_id = p._row_id and q.action = 'rejected'))
                      and not exists (select 1 from raw.quarantine q
                                      where q.la_code = r.la_code and q.table_name = '{t.name}'
                                        and q._row_id = r._row_id
                                        and (q.action = 'rejected' or q.column_name = '{c.name}'))
                """,
                    [la_code],
                ).fetchone()
                n = n[0] if n else 0
                added += n
        total += added
        if not added:
            return total
