"""The gate and staging must accept exactly the same date and flag spellings."""

from __future__ import annotations

import duckdb
import jinja2
import pytest

from csc.config import PROJECT_DIR
from csc.gate.sqlexpr import parse_date, parse_flag

DATES = [
    "2020-01-05",
    "2020-01-05 10:30:00",
    "2020-01-05T10:30",
    "05/01/2020",
    "5/1/2020",
    "05/01/2020 00:00",
    "31/02/2020",
    "2020-02-30",
    "2020-13-01",
    "not a date",
    "2020/01/05",
    "20200105",
    "1/13/2020",
    "29/02/2020",
    "29/02/2021",
    None,
]
FLAGS = [
    "Y",
    "N",
    "y",
    "n",
    "Yes",
    "NO",
    "1",
    "0",
    "true",
    "False",
    "T",
    "f",
    " y ",
    "maybe",
    "2",
    None,
]


def _macros():
    env = jinja2.Environment(extensions=["jinja2.ext.do"])
    source = (PROJECT_DIR / "macros" / "parsing.sql").read_text()
    return env.from_string(source).module


def gate_and_staging(kind: str, value):
    """The value parsed by the gate's expression and by the staging macro of the same kind."""
    gate_expr = {"date": parse_date, "flag": parse_flag}[kind]("v")
    staging_expr = getattr(_macros(), f"parse_{kind}")("v")
    return (
        duckdb.connect()
        .execute(f"select {gate_expr}, {staging_expr} from (select cast(? as varchar) as v)", [value])
        .fetchone()
    )


@pytest.mark.parametrize("value", DATES)
def test_date_parsing_matches(value):
    gate, stg = gate_and_staging("date", value)
    assert gate == stg


def test_date_parsing_reads_both_formats_the_same_way():
    con = duckdb.connect()
    iso, uk, bad = con.execute(
        f"select {parse_date(repr('2020-01-05'))}, {parse_date(repr('05/01/2020'))}, {parse_date(repr('31/02/2020'))}"
    ).fetchone()
    assert iso == uk and iso.isoformat() == "2020-01-05"
    assert bad is None


@pytest.mark.parametrize("value", FLAGS)
def test_flag_parsing_matches(value):
    gate, stg = gate_and_staging("flag", value)
    assert gate == stg
    if value is not None and value.strip().lower() in ("y", "yes", "1", "true", "t"):
        assert gate is True
