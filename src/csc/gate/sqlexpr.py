"""SQL expressions the gate uses to clean landed text and to decide whether a value parses or maps.

They must accept exactly what staging accepts: the dbt macros `parse_date`, `parse_flag`
(macros/parsing.sql) and `map_code` (macros/mapping.sql) are the same expressions, and
tests/python/test_parsing_parity.py checks that both give the same answer on the same strings.
"""

from __future__ import annotations

import duckdb

from csc.contract import FLAG_FALSE, FLAG_TRUE, load_code_lists, load_value_mappings

ISO_DATE = r"\d{4}-\d{2}-\d{2}([ T].*)?"
UK_DATE = r"\d{1,2}/\d{1,2}/\d{4}( .*)?"
# Text export tools write these for a database NULL (SSMS: NULL; MySQL/PostgreSQL COPY: \N).
NULL_LITERALS = ("null", "\\n")
PLACEHOLDER_DATE = "1900-01-01"
# JSON keys kept at load by default: flags and the count of outcomes (SystemC: NUMBER_OF_OUTCOMES).
# Everything else (free-text COMMENTS and the like) is removed before the value reaches `raw`.
DEFAULT_JSON_KEYS = r"_FLAG$|^TOTAL_NO_OF_OUTCOMES$|^NUMBER_OF_OUTCOMES$"
JSON_MAX_VALUE_CHARS = 12
INVALID_JSON = "\u0001invalid-json"  # marker written at load, turned into a blanked value at once


def parse_date(col: str) -> str:
    return (
        f"(case when regexp_full_match({col}, '{ISO_DATE}') "
        f"then cast(try_strptime(left({col}, 10), '%Y-%m-%d') as date) "
        f"when regexp_full_match({col}, '{UK_DATE}') "
        f"then cast(try_strptime(split_part({col}, ' ', 1), '%d/%m/%Y') as date) end)"
    )


def parse_flag(col: str) -> str:
    true = ", ".join(f"'{v}'" for v in FLAG_TRUE)
    false = ", ".join(f"'{v}'" for v in FLAG_FALSE)
    return f"(case when lower(trim({col})) in ({true}) then true when lower(trim({col})) in ({false}) then false end)"


def clean_text(expr: str) -> str:
    """A landed value as text: NUL bytes removed, trimmed; blank and NULL literals become NULL."""
    v = f"trim(replace(cast({expr} as varchar), chr(0), ''))"
    literals = ", ".join(f"'{x}'" for x in NULL_LITERALS)
    return f"(case when {v} = '' or lower({v}) in ({literals}) then null else {v} end)"


def json_kept(col: str, keys: str = DEFAULT_JSON_KEYS) -> str:
    """A JSON value with only its flag keys (short scalar values) kept; arrays keep their short
    strings; text that is not JSON becomes the INVALID_JSON marker (blanked and reported at once).

    An object is parsed once into a MAP of its members (in document order), filtered, and written back as
    compact JSON (`{"KEY":value,...}`, as `to_json` writes it); a JSON null member is kept as null."""
    keys_sql = keys.replace("'", "''")
    entries = (
        f"list_filter(map_entries(from_json({col}, '\"MAP(VARCHAR, JSON)\"')), "
        f"e -> regexp_matches(e.key, '{keys_sql}') and (e.value is null or "
        f"(json_type(e.value) not in ('OBJECT', 'ARRAY') "
        f"and length(cast(e.value as varchar)) <= {JSON_MAX_VALUE_CHARS})))"
    )
    members = (
        f"list_transform({entries}, e -> cast(to_json(e.key) as varchar) || ':' || "
        "coalesce(cast(e.value as varchar), 'null'))"
    )
    return (
        f"(case when {col} is null then null "
        f"when not json_valid({col}) then '{INVALID_JSON}' "
        f"when json_type({col}) = 'OBJECT' then '{{' || array_to_string({members}, ',') || '}}' "
        f"when json_type({col}) = 'ARRAY' then cast(to_json(list_filter(from_json({col}, '[\"VARCHAR\"]'), "
        f"e -> length(e) <= {JSON_MAX_VALUE_CHARS})) as varchar) "
        f"else '{INVALID_JSON}' end)"
    )


def normalise(col: str) -> str:
    """How a landed value is compared with seeds/value_mappings.csv: trimmed, lower case, runs of
    white space as one space."""
    return f"lower(regexp_replace(trim({col}), '\\s+', ' ', 'g'))"


def register_code_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Temporary tables __code_lists and __value_mappings for map_code (from the seeds)."""
    con.execute("create or replace temp table __code_lists (code_list varchar, code varchar)")
    rows = [[name, code] for name, codes in load_code_lists().items() for code in codes]
    if rows:
        con.executemany("insert into __code_lists values (?, ?)", rows)
    con.execute(
        "create or replace temp table __value_mappings (code_list varchar, value varchar, code varchar, match varchar)"
    )
    maps = [list(m) for m in load_value_mappings()]
    if maps:
        con.executemany("insert into __value_mappings values (?, ?, ?, ?)", maps)


def map_code(code_list: str, col: str) -> str:
    """The code a landed value stands for: the code itself (case-insensitive), else an exact
    mapping of the normalised value, else the longest prefix mapping; NULL when nothing maps."""
    n = normalise(col)
    cl = code_list.replace("'", "''")
    return (
        f"coalesce("
        f"(select min(c.code) from __code_lists c where c.code_list = '{cl}' and upper(c.code) = upper(trim({col}))), "
        f"(select min(m.code) from __value_mappings m where m.code_list = '{cl}' and m.match = 'exact' "
        f"and {normalise('m.value')} = {n}), "
        f"(select arg_max(m.code, length({normalise('m.value')})) from __value_mappings m where m.code_list = '{cl}' "
        f"and m.match = 'prefix' and starts_with({n}, {normalise('m.value')})))"
    )


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
