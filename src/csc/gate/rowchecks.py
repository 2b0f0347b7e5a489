"""The row-level landing checks of one table, run in DuckDB from its compiled GX suite.

`build_suite` (checks.py) stays the vocabulary of the checks; `compile.py` turns each expectation into SQL over the
helper columns (`_helper_columns`: the staging parse expressions). A table then costs one aggregate pass over
every council's rows (element, missing and unexpected counts of every expectation) and, only when something
failed, one filtered pass over the failing councils that writes the failing rows to raw.quarantine (one row per
row and failing expectation, set-based) and keeps the first unexpected values for GX's partial_unexpected_list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import duckdb

from csc.contract import Table
from csc.gate.checks import Rule, _helper_columns, build_suite, parse_expression
from csc.gate.compile import CompiledExpectation, compile_expectation, sql_literal
from csc.gate.sqlexpr import quote
from csc.gate.validations import PARTIAL_UNEXPECTED, ExpectationCounts, suite_result


@dataclass(frozen=True)
class CompiledSuite:
    """A table's GX suite, the rule each expectation reports as, and each expectation as SQL."""

    table: Table
    suite: Any  # gx.ExpectationSuite
    rules: list[Rule]
    checks: list[CompiledExpectation]

    @property
    def source(self) -> str:
        """The table's rows with their helper columns, as a FROM item. Each parsed column is parsed once per
        distinct value (a lookup joined back by value: dates, flags and codes repeat), not once per row."""
        t = self.table
        joins, parsed = [], {}
        for i, c in enumerate(t.columns):
            p = parse_expression(c, "__v")
            if p is None:
                continue
            alias, q = f"__lookup{i}", quote(c.name)
            joins.append(
                f"left join (select __v, {p} as __p from (select distinct {q} as __v from raw.{t.name})) as {alias} "
                f"on {alias}.__v = r.{q}"
            )
            parsed[c.name] = f"{alias}.__p"
        return f"(select {', '.join(_helper_columns(t, parsed))} from raw.{t.name} as r {' '.join(joins)}) as h"


def compile_suite(table: Table) -> CompiledSuite:
    suite, rules = build_suite(table)
    return CompiledSuite(table, suite, rules, [compile_expectation(e) for e in suite.expectations])


def _count(con: duckdb.DuckDBPyConnection, cs: CompiledSuite) -> tuple[int, list[int], list[int], list[str]]:
    """One aggregate pass: rows, missing and unexpected counts per expectation, and the councils with failures."""
    aggs = ["count(*)"]
    for c in cs.checks:
        aggs.append(f"count(*) filter (where {c.missing})" if c.missing else "0")
        aggs.append(f"count(*) filter (where {c.unexpected})")
    rows = con.execute(f"select la_code, {', '.join(aggs)} from {cs.source} group by la_code").fetchall()
    n = len(cs.checks)
    total = sum(r[1] for r in rows)
    missing = [sum(r[2 + 2 * i] for r in rows) for i in range(n)]
    unexpected = [sum(r[3 + 2 * i] for r in rows) for i in range(n)]
    failing = sorted(r[0] for r in rows if any(r[3 + 2 * i] for i in range(n)))
    return total, missing, unexpected, failing


def _quarantine(con: duckdb.DuckDBPyConnection, cs: CompiledSuite, failed: list[int], councils: list[str]) -> None:
    """The failing rows of the failed expectations into raw.quarantine (one filtered pass over `councils`);
    their values as GX lists them stay in the temp table __unexpected for the partial lists."""
    structs = ", ".join(
        f"case when {cs.checks[i].unexpected} then {{'i': {i}, 'bad': cast({quote(cs.rules[i].column)} as varchar), "
        f"'v': cast({cs.checks[i].value} as varchar)}} end"
        for i in failed
    )
    any_failed = " or ".join(cs.checks[i].unexpected for i in failed)
    con.execute(
        f"""create or replace temp table __unexpected as
        select la_code, extract_date, _source_file, _row_id, __key,
               unnest(list_filter([{structs}], x -> x is not null)) as f
        from {cs.source}
        where la_code in (select unnest($1)) and ({any_failed})""",
        [councils],
    )
    constants = ", ".join(
        f"({i}, {sql_literal(cs.rules[i].column)}, {sql_literal(cs.rules[i].rule)}, "
        f"{sql_literal(cs.rules[i].action)}, {sql_literal(cs.rules[i].reason)})"
        for i in failed
    )
    con.execute(f"""
        insert into raw.quarantine
        select u.la_code, u.extract_date, '{cs.table.name}', u._source_file, u._row_id, cast(u.__key as varchar),
               c.column_name, c.rule, u.f.bad, c.action, c.reason
        from __unexpected u join (values {constants}) as c(i, column_name, rule, action, reason) on c.i = u.f.i""")


def _partial_lists(con: duckdb.DuckDBPyConnection, cs: CompiledSuite) -> dict[int, list[Any]]:
    """The first unexpected values of each failed expectation, in council and row order (GX's partial list);
    a pair's values as a tuple, as GX gives them."""
    out: dict[int, list[Any]] = {}
    for i, values in con.execute(
        f"select f.i, list(f.v order by la_code, _row_id)[1:{PARTIAL_UNEXPECTED}] from __unexpected group by 1"
    ).fetchall():
        decoded = [json.loads(v) for v in values]
        pair = cs.checks[i].expectation_type == "expect_column_pair_values_a_to_be_greater_than_b"
        out[i] = [tuple(v) for v in decoded] if pair else decoded
    con.execute("drop table if exists __unexpected")
    return out


def run_suite(con: duckdb.DuckDBPyConnection, table: Table, cs: CompiledSuite | None = None):
    """Run a table's suite over every council's rows of raw.<table>: failing rows go to raw.quarantine; returns
    the GX ExpectationSuiteValidationResult (see validations.py)."""
    cs = cs or compile_suite(table)
    if not cs.checks:
        return suite_result(cs.suite, [])
    total, missing, unexpected, councils = _count(con, cs)
    failed = [i for i, n in enumerate(unexpected) if n]
    partial: dict[int, list[Any]] = {}
    if failed:
        _quarantine(con, cs, failed, councils)
        partial = _partial_lists(con, cs)
    counts = [
        ExpectationCounts(
            element_count=total,
            missing_count=missing[i] if c.missing else None,
            unexpected_count=unexpected[i],
            success=c.success(total, missing[i], unexpected[i]),
            partial_unexpected_list=partial.get(i, []),
        )
        for i, c in enumerate(cs.checks)
    ]
    return suite_result(cs.suite, counts)
