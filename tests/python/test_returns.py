"""Statutory returns (docs/returns.md): the SSDA903 models of one built warehouse from the small demo extract,
the DfE rules as dbt tests, and `csc returns 903` writing the CSV set."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import duckdb
import pytest
import yaml

from csc.cli import main
from csc.config import PROJECT_DIR
from csc.returns.ssda903 import format_value
from csc.returns.tables import SSDA903_TABLES

RULES_SEED = PROJECT_DIR / "seeds" / "ssda903_rules.csv"
RETURNS = PROJECT_DIR / "models" / "returns"
DDMMYYYY = re.compile(r"^\d{2}/\d{2}/\d{4}$")


@pytest.fixture(scope="module")
def warehouse(returns_warehouse) -> Path:
    """The small extract's warehouse (conftest), shared read-only with test_returns_cin.py."""
    return returns_warehouse


@pytest.fixture
def env(warehouse, small_landing, tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("CSC_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("CSC_LANDING", str(small_landing))
    monkeypatch.setenv("CSC_REPORTS", str(tmp_path / "reports"))
    return tmp_path / "returns"


def query(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_the_demo_breaks_no_dfe_error_rule(warehouse):
    failures = query(
        warehouse, "select rule_number, table_name, count(*) from returns.ssda903_rule_failures group by all order by 1"
    )
    assert failures == []
    tests = query(warehouse, "select status from audit.dbt_results where unique_id like 'test.%.ssda903_rule_%'")
    assert len(tests) == len(list(csv.DictReader(RULES_SEED.open()))) and {s for (s,) in tests} == {"pass"}


def test_episodes_reproduce_the_extract_episodes(warehouse):
    """The demo extract writes a 903 episode at each change of placement or legal status: the episodes derived
    from periods, legal statuses and placements start on exactly the same dates."""
    derived = query(warehouse, "select la_code, person_id, decom from returns.int_ssda903__episodes order by all")
    landed = query(
        warehouse,
        "select la_code, person_id, episode_start_date from marts.fct_cla_episodes order by all",
    )
    assert derived and derived == landed


def test_every_year_covered_has_a_return(warehouse):
    years = query(warehouse, "select la_code, collection_year from returns.int_ssda903__collection_years order by all")
    assert years == [("E08000018", 2020), ("E08000018", 2021), ("E10000020", 2020), ("E10000020", 2021)]
    counts = query(
        warehouse, "select la_code, collection_year, count(*) from returns.ssda903_header group by all order by all"
    )
    assert [(la, y) for la, y, _ in counts] == years


def test_returns_903_writes_the_dfe_files(env, capsys):
    assert main(["returns", "903", "--la", "926", "--year", "2021", "--out", str(env)]) == 0
    folder = env / "E10000020" / "ssda903_2021"
    written = {t.file_name: t for t in SSDA903_TABLES if t.model is not None}
    assert sorted(p.name for p in folder.iterdir()) == sorted(written)
    for name, table in written.items():
        with (folder / name).open(newline="") as f:
            rows = list(csv.reader(f))
        assert tuple(rows[0]) == table.columns
        for row in rows[1:]:
            for column in table.date_columns:
                value = row[table.columns.index(column)]
                assert value == "" or DDMMYYYY.match(value), (name, column, value)
    header = list(csv.DictReader((folder / "header.csv").open()))
    assert header and all(row["UPN"] == "" for row in header)
    out = capsys.readouterr().out
    for table in SSDA903_TABLES:
        if table.model is None:
            assert f"not filled {table.name}" in out


def test_with_identifiers_fills_upn_from_the_landed_extract(env):
    assert main(["returns", "903", "--la", "E08000018", "--year", "2020", "--out", str(env), "--with-identifiers"]) == 0
    header = list(csv.DictReader((env / "E08000018" / "ssda903_2020" / "header.csv").open()))
    assert header and all(re.match(r"^A\d{12}$", row["UPN"]) for row in header)


def test_a_year_the_extract_does_not_cover_is_refused(env, capsys):
    assert main(["returns", "903", "--la", "E10000020", "--year", "2022", "--out", str(env)]) == 1
    assert "years covered: 2020, 2021" in capsys.readouterr().out.replace("\n", " ")
    assert not env.exists()


def test_returns_are_never_written_into_the_reports_folder(env, tmp_path):
    with pytest.raises(SystemExit):
        main(["returns", "903", "--la", "E10000020", "--year", "2021", "--out", str(tmp_path / "reports" / "x")])


def test_dates_are_written_day_first():
    assert format_value(date(2021, 3, 1)) == "01/03/2021"
    assert format_value(None) == ""
    assert format_value("PN1") == "PN1"


def test_every_rule_is_in_the_seed_the_sql_and_the_tests_with_its_severity():
    seed = {r["rule_number"]: r["severity"] for r in csv.DictReader(RULES_SEED.open())}
    sql = "".join(p.read_text() for p in sorted(RETURNS.glob("int_ssda903__rule_failures_*.sql")))
    in_sql = re.findall(r"'(\w+)' as rule_code", sql)
    assert len(in_sql) == len(set(in_sql))  # each rule is one select
    in_sql = set(in_sql)
    models = yaml.safe_load((RETURNS / "_returns__models.yml").read_text())["models"]
    (failures,) = [m for m in models if m["name"] == "ssda903_rule_failures"]
    tests = {
        t["dfe_rule_passes"]["arguments"]["rule"]: t["dfe_rule_passes"]["config"]
        for t in failures["data_tests"]
        if "dfe_rule_passes" in t
    }
    assert set(seed) == in_sql == set(tests)
    for rule, config in tests.items():
        assert config["meta"]["dfe_severity"] == seed[rule]
        if seed[rule] == "query":
            assert config["severity"] == "warn"
        else:
            assert "var('ssda903_errors_fail_build')" in config["severity"]


def test_the_data_quality_page_lists_the_rules_broken(warehouse, tmp_path):
    """The report's data-quality page counts each DfE rule the council's returns break (rows stay in the warehouse);
    with none broken it says so. Published: a count of 1 to 5 is suppressed like any other."""
    import shutil

    from csc.report.run import make_report

    clean = make_report(warehouse, "E10000020", None, tmp_path / "clean").html.read_text()
    assert 'id="return-rules-none"' in clean and 'id="return-rules-table"' not in clean
    broken = tmp_path / "broken" / warehouse.name  # views name the catalog after the file: keep its name
    broken.parent.mkdir()
    shutil.copyfile(warehouse, broken)
    with duckdb.connect(str(broken)) as con:
        con.execute(
            """insert into returns.ssda903_rule_failures
               select la_code, 2021, '101', 'error', 'Header', n, 'child-' || n, 'SEX', 'Gender invalid'
               from (values ('E10000020')) as c(la_code), range(1, 8) as r(n)"""
        )
    html = make_report(broken, "E10000020", None, tmp_path / "broken").html.read_text()
    row = re.search(r'<table id="return-rules-table">.*?</table>', html, re.S)
    assert row and "<td>101</td><td>error</td><td>Header</td><td>SEX</td>" in row.group(0)
    assert '<td class="n" data-kind="count">7</td>' in row.group(0) and "child-" not in html
