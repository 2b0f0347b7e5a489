"""The gate's faster load keeps `raw` as it was: typed Parquet columns cast without cleaning give the text the
cleaning gave, JSON reduced once per distinct value gives what the former per-row expression gave, and _row_id
is the row's number in the file."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from csc.gate.load import _text
from csc.gate.sqlexpr import DEFAULT_JSON_KEYS, INVALID_JSON, JSON_MAX_VALUE_CHARS, clean_text, json_kept


def former_json_kept(col: str, keys: str = DEFAULT_JSON_KEYS) -> str:
    """The per-row expression the gate used before (json_extract per key), as the reference."""
    j = f"cast({col} as json)"
    keys_sql = keys.replace("'", "''")
    return (
        f"(case when {col} is null then null "
        f"when not json_valid({col}) then '{INVALID_JSON}' "
        f"when json_type({j}) = 'OBJECT' then cast(to_json(map_from_entries(list_filter("
        f"list_transform(json_keys({j}), k -> struct_pack(k := k, v := json_extract({j}, '$.\"' || k || '\"'))), "
        f"e -> regexp_matches(e.k, '{keys_sql}') and json_type(e.v) not in ('OBJECT', 'ARRAY') "
        f"and length(cast(e.v as varchar)) <= {JSON_MAX_VALUE_CHARS}))) as varchar) "
        f"when json_type({j}) = 'ARRAY' then cast(to_json(list_filter(from_json({j}, '[\"VARCHAR\"]'), "
        f"e -> length(e) <= {JSON_MAX_VALUE_CHARS})) as varchar) "
        f"else '{INVALID_JSON}' end)"
    )


JSON_CASES = [
    '{"A_FLAG":"Y","B_FLAG":"N","COMMENTS":"free text, with, commas"}',
    '{"b_FLAG": 1, "A_FLAG": null, "X_FLAG": {"y":1}, "L_FLAG": [1]}',
    '["a","bbbbbbbbbbbbbbbbbbbbb", "c"]',
    '"str"',
    "12",
    "not json",
    "{}",
    "[]",
    '{"Z_FLAG":"ééé","NUMBER_OF_OUTCOMES":3, "TOTAL_NO_OF_OUTCOMES": 1.50}',
    '{"A_FLAG": true, "B_FLAG": false}',
    "[1, 2, null]",
    '[{"a":1}]',
    "null",
    '{"A_FLAG":"a\\"b\\\\c\\u00e9\\n"}',
    '{"A_FLAG": 1e5, "B_FLAG": -0.0, "C_FLAG": 12345678901234567890}',
    '  {"A_FLAG" :  "Y"  }',
    '{"A_FLAG":""}',
    '{"A_FLAG":"0123456789012"}',
]


@pytest.mark.parametrize("keys", [DEFAULT_JSON_KEYS, r"^[0-9]{1,2}[A-Z]?$|_FLAG$"])
def test_json_kept_gives_what_the_former_expression_gave(keys):
    con = duckdb.connect()
    con.execute("create table j as select unnest($1) as v", [[*JSON_CASES, None]])
    rows = con.execute(f"select v, {json_kept('v', keys)}, {former_json_kept('v', keys)} from j").fetchall()
    for value, new, old in rows:
        assert new == old, value


def test_typed_parquet_columns_give_the_text_cleaning_gave(tmp_path):
    table = pa.table(
        {
            "i": pa.array([1, -20, None], pa.int64()),
            "s": pa.array([3, 0, None], pa.int16()),
            "f": pa.array([1.5, 1e20, None], pa.float64()),
            "d": pa.array([date(2020, 1, 2), date(1899, 12, 31), None], pa.date32()),
            "ts": pa.array([datetime(2020, 1, 2, 3, 4, 5), datetime(2020, 1, 2), None], pa.timestamp("us")),
            "b": pa.array([True, False, None], pa.bool_()),
            "dec": pa.array([Decimal("1.50"), Decimal("-2.00"), None], pa.decimal128(10, 2)),
            "t": pa.array(["  padded ", "NULL", "a\x00b"], pa.string()),
        }
    )
    path = tmp_path / "typed.parquet"
    pq.write_table(table, path)
    con = duckdb.connect()
    types = dict(con.execute(f"select column_name, column_type from (describe select * from '{path}')").fetchall())
    for column, kind in types.items():
        rows = con.execute(
            f"select {_text(column, kind)}, {clean_text(column)}, file_row_number + 1 "
            f"from read_parquet('{path}', file_row_number = true)"
        ).fetchall()
        assert [r[0] for r in rows] == [r[1] for r in rows], (column, kind)
        assert [r[2] for r in rows] == [1, 2, 3]
    assert types["t"] == "VARCHAR" and _text("t", "VARCHAR") == clean_text('"t"')
