"""The row-level checks compiled to DuckDB (csc.gate.compile, csc.gate.rowchecks) give what Great Expectations
itself gives on pandas: on the same edge-case rows, the same failing (row, expectation) pairs and the same counts."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from datetime import date

import duckdb
import great_expectations.expectations as gxe
import pandas as pd
import pytest

from csc.contract import Table, load_code_lists, load_tables
from csc.gate.checks import _helper_columns, build_suite, gx_context
from csc.gate.compile import UnsupportedExpectation, compile_expectation, sql_literal
from csc.gate.landing import create_raw_schema
from csc.gate.rowchecks import run_suite
from csc.gate.sqlexpr import register_code_tables

EXTRACT = date(2021, 3, 31)
DATES = [None, "2020-01-01", "31/12/2019", "2020-13-45", "not a date", "1899-12-31", "0001-01-01", "2099-01-01",
         "2021-03-31", "2021-04-01", "2019-06-30 10:00:00", "1/2/2020", "1900-01-02"]  # fmt: skip
FLAGS = [None, "Y", "N", "maybe", "1", "0", "TRUE", "x"]
NUMBERS = [None, "1", "1.5", "-2", "abc", "1e3", "1,5"]
JSONS = [None, '{"A_FLAG": "Y"}', "{bad", "not json", "[]", '["1A", "2B"]', "{}", '{"a": [1, {"b": null}]}', "1"]


def _values(table: Table, column) -> list:
    if column.kind == "date":
        return DATES
    if column.kind == "flag":
        return FLAGS
    if column.kind == "number":
        return NUMBERS
    if column.kind == "json":
        return JSONS
    if column.kind == "code" and column.codes:
        codes = sorted(load_code_lists()[column.codes])
        return [None, codes[0], codes[-1].lower(), "ZZZZ", " " + codes[0] + " ", "unknown value"]
    return [None, "1", "2", "abc"]


def edge_rows(table: Table, n: int = 160) -> pd.DataFrame:
    """Rows that cycle every column through its edge cases at different strides (so that pairs of columns meet in
    many combinations), plus rows where each date-order pair is equal, reversed, or half missing."""
    cols = table.columns
    data: dict[str, list] = {c.name: [] for c in cols}
    for i in range(n):
        for k, c in enumerate(cols):
            values = _values(table, c)
            data[c.name].append(values[(i * (k + 1) + k) % len(values)])
    pairs = itertools.product(
        table.date_order, [("2020-01-01", "2020-01-01"), ("2019-01-01", "2020-01-01"), (None, "2020-01-01")]
    )
    for extra, (order, (end, start)) in enumerate(pairs):
        for c in cols:
            data[c.name].append({order.end: end, order.start: start}.get(c.name, data[c.name][extra]))
    df = pd.DataFrame(data)
    df.insert(0, "la_code", ["E10000020" if i % 3 else "E06000055" for i in range(len(df))])
    df.insert(1, "extract_date", EXTRACT)
    df.insert(2, "_row_id", range(1, len(df) + 1))
    df.insert(3, "_source_file", "x/ssd.parquet")
    return df


@pytest.fixture
def con():
    con = duckdb.connect()
    create_raw_schema(con)
    register_code_tables(con)
    yield con
    con.close()


def gx_failures(con, table: Table) -> tuple[Counter, list[int], list]:
    """GX's own pandas validation of the suite over the helper columns, as the old gate ran it."""
    suite, rules = build_suite(table)
    sql = f"select {', '.join(_helper_columns(table))} from raw.{table.name} order by la_code, _row_id"
    df = con.execute(sql).to_arrow_table().to_pandas()
    df.index = range(len(df))
    source = gx_context().data_sources.add_or_update_pandas(name="equivalence")
    asset = source.add_dataframe_asset(name=f"rows_{table.name}")
    batch = asset.add_batch_definition_whole_dataframe("whole").get_batch(batch_parameters={"dataframe": df})
    result = batch.validate(suite, result_format={"result_format": "COMPLETE"})
    failing: Counter = Counter()
    for rule, res in zip(rules, result.results, strict=True):
        for idx in res.result.get("unexpected_index_list") or []:
            failing[(df.loc[idx, "la_code"], int(df.loc[idx, "_row_id"]), rule.rule, rule.column)] += 1
    return failing, [r.result["unexpected_count"] for r in result.results], result.results


@pytest.mark.parametrize("name", ["ssd_cp_plans", "ssd_contacts", "ssd_person", "ssd_cla_episodes"])
def test_compiled_pass_equals_gx_on_pandas(con, name):
    table = load_tables()[name]
    con.register("rows", edge_rows(table))
    con.execute(f"insert into raw.{name} by name select * from rows")
    expected, expected_counts, gx_results = gx_failures(con, table)
    assert len({(rule, col) for _, _, rule, col in expected}) >= 5, "the edge cases must fail many expectations"

    validation = run_suite(con, table)
    found = Counter(
        con.execute(
            "select la_code, _row_id, rule, column_name from raw.quarantine where table_name = ?", [name]
        ).fetchall()
    )
    assert found == expected
    ours = validation.results
    assert [r.result["unexpected_count"] for r in ours] == expected_counts
    for mine, theirs in zip(ours, gx_results, strict=True):
        assert mine.success == theirs.success
        assert mine.expectation_config.type == theirs.expectation_config.type
        for key in ("element_count", "unexpected_percent", "missing_count"):
            assert mine.result.get(key) == pytest.approx(theirs.result.get(key)), key
        gx_partial = json.loads(json.dumps(theirs.result["partial_unexpected_list"], default=str))
        assert json.loads(json.dumps(mine.result["partial_unexpected_list"], default=str)) == gx_partial
    # the quarantine rows carry the raw value of the rule's column and the row's key
    q = con.execute(
        f"select _row_id, column_name, bad_value, record_key from raw.quarantine where table_name = '{name}'"
    )
    raw = con.execute(f"select * from raw.{name}").fetchdf().set_index("_row_id")
    for row_id, column, bad, key in q.fetchall():
        cell = raw.loc[row_id, column]
        assert bad == (None if pd.isna(cell) else str(cell))
        pk = raw.loc[row_id, table.primary_key]
        assert key == (None if pd.isna(pk) else str(pk))


def test_validation_result_statistics(con):
    table = load_tables()["ssd_cp_plans"]
    con.register("rows", edge_rows(table))
    con.execute("insert into raw.ssd_cp_plans by name select * from rows")
    v = run_suite(con, table)
    assert v.statistics["evaluated_expectations"] == len(build_suite(table)[0].expectations)
    assert v.statistics["unsuccessful_expectations"] == sum(not r.success for r in v.results) > 0
    assert not v.success
    json.dumps(v.to_json_dict())  # serialisable as written beside the report


def test_a_clean_table_passes_with_nothing_quarantined(con):
    table = load_tables()["ssd_cp_plans"]
    con.execute("""insert into raw.ssd_cp_plans (la_code, extract_date, _row_id, cppl_cp_plan_id, cppl_person_id,
                   cppl_cp_plan_start_date, cppl_cp_plan_end_date)
                   values ('E10000020', date '2021-03-31', 1, '1', '2', '2020-01-01', '2020-01-01')""")
    v = run_suite(con, table)
    assert v.success and all(r.result["unexpected_count"] == 0 for r in v.results)
    assert con.execute("select count(*) from raw.quarantine").fetchone()[0] == 0


def test_compiler_refuses_what_it_does_not_know():
    gx_context()
    with pytest.raises(UnsupportedExpectation, match="does not know the expectation type"):
        compile_expectation(gxe.ExpectColumnValuesToBeUnique(column="x"))
    with pytest.raises(UnsupportedExpectation, match="ignore_row_if"):
        compile_expectation(gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="a", column_B="b"))
    with pytest.raises(UnsupportedExpectation, match="row_condition"):
        compile_expectation(
            gxe.ExpectColumnValuesToBeInSet(
                column="x", value_set=[1], row_condition='col("y") > 1', condition_parser="great_expectations"
            )
        )


def test_compiler_follows_gx_null_semantics():
    gx_context()
    not_null = compile_expectation(gxe.ExpectColumnValuesToNotBeNull(column="x"))
    in_set = compile_expectation(gxe.ExpectColumnValuesToBeInSet(column="x", value_set=[True]))
    con = duckdb.connect()
    rows = con.execute(
        f"select x, {not_null.unexpected}, {in_set.unexpected}, {in_set.missing} "
        "from (values (true), (false), (null)) t(x) order by x nulls last"
    ).fetchall()
    assert rows == [(False, False, True, False), (True, False, False, False), (None, True, False, True)]
    assert not_null.missing is None
    between = compile_expectation(gxe.ExpectColumnValuesToBeBetween(column="d", min_value=date(1900, 1, 1), mostly=0.5))
    assert between.success(element_count=4, missing_count=0, unexpected_count=2)
    assert not between.success(element_count=4, missing_count=0, unexpected_count=3)
    assert sql_literal(date(1900, 1, 1)) == "date '1900-01-01'" and sql_literal("it's") == "'it''s'"
