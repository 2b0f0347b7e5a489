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


def test_value_mapping_matches_between_gate_and_staging():
    """Every code, every mapped spelling (as written, upper case, with extra spaces, with a suffix that only a
    prefix mapping accepts) and values that must not map give the same code through the gate's map_code and
    the staging macro; the seeds' own spellings map to the code the seed says."""
    import csv

    from csc.gate.sqlexpr import map_code, register_code_tables

    env = jinja2.Environment(extensions=["jinja2.ext.do"])
    env.globals["ref"] = lambda name: name  # the seeds as plain tables of the same name
    macros = env.from_string((PROJECT_DIR / "macros" / "mapping.sql").read_text()).module
    con = duckdb.connect()
    register_code_tables(con)
    con.execute(f"create table code_lists as select * from read_csv('{PROJECT_DIR / 'seeds' / 'code_lists.csv'}')")
    con.execute(
        f"create table value_mappings as select * from read_csv('{PROJECT_DIR / 'seeds' / 'value_mappings.csv'}', "
        "all_varchar = true)"
    )
    with (PROJECT_DIR / "seeds" / "value_mappings.csv").open(newline="") as f:
        mappings = list(csv.DictReader(f))
    with (PROJECT_DIR / "seeds" / "code_lists.csv").open(newline="") as f:
        codes = list(csv.DictReader(f))
    cases: list[tuple[str, str, str | None]] = []  # (code list, value, expected code or None = only parity)
    for m in mappings:
        cases += [
            (m["code_list"], m["value"], m["code"] if m["match"] == "exact" else None),
            (m["code_list"], "  " + m["value"].upper().replace(" ", "   ") + " ", None),
            (m["code_list"], m["value"] + ": and more", m["code"] if m["match"] == "prefix" else None),
        ]
    cases += [(c["code_list"], c["code"].lower(), None) for c in codes]
    cases += [(name, v, None) for name in {c["code_list"] for c in codes} for v in ("zz-unknown", "", "Multiple")]
    con.execute("create table cases (code_list varchar, v varchar, expected varchar)")
    con.executemany("insert into cases values (?, ?, ?)", cases)
    disagree, wrong = [], []
    for (name,) in con.execute("select distinct code_list from cases").fetchall():
        rows = con.execute(
            f"select v, expected, {map_code(name, 'v')}, {macros.map_code(name, 'cases.v')} "
            "from cases where code_list = ?",
            [name],
        ).fetchall()
        disagree += [(name, v, g, s) for v, _, g, s in rows if g != s]
        wrong += [(name, v, e, g) for v, e, g, _ in rows if e is not None and g != e]
    assert len(cases) > 1000
    assert disagree == []
    assert wrong == []
