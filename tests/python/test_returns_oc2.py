"""The SSDA903 OC2 and PrevPerm tables (docs/returns.md section 9) of the small demo extract's warehouse (the
`returns_warehouse` fixture shared with test_returns.py), checked against the marts and the landed optional
tables, and written by `csc returns 903`."""

from __future__ import annotations

import csv
import re
from datetime import date
from itertools import count
from pathlib import Path

import duckdb
import pytest
from helpers import extract_folder

from csc.cli import main
from csc.generate.outcome_tables import CarePeriod, OutcomeTables
from csc.generate.workcal import age_at
from csc.returns.tables import SSDA903_TABLES

DATE_PERM = re.compile(r"^(\d{2}|zz)/(\d{2}|zz)/(\d{4}|zzzz)$")
TABLES = {t.name: t for t in SSDA903_TABLES}


def query(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_oc2_holds_the_children_looked_after_for_12_months_at_31_march(returns_warehouse):
    """The cohort, recomputed from the periods of care: started on or before 1 April, not ended by 31 March."""
    oc2 = query(returns_warehouse, "select la_code, collection_year, child from returns.ssda903_oc2 order by all")
    expected = query(
        returns_warehouse,
        """
        select distinct p.la_code, y.collection_year, p.person_id
        from marts.fct_cla_periods as p
        inner join returns.int_ssda903__collection_years as y on p.la_code = y.la_code
        where p.period_start_date <= y.year_start and (p.period_end_date is null or p.period_end_date > y.year_end)
        order by all
        """,
    )
    assert oc2 == expected and len(oc2) > 20


def test_oc2_items_follow_the_ages_and_the_landed_tables(returns_warehouse):
    rows = query(
        returns_warehouse,
        """
        select
            date_diff('year', o.dob, y.year_end) - (strftime(y.year_end, '%m%d') < strftime(o.dob, '%m%d'))::int,
            o.convicted, o.health_check, o.teeth_check, o.health_assessment, o.substance_misuse,
            o.intervention_received, o.immunisations, o.sdq_score, o.sdq_reason
        from returns.ssda903_oc2 as o
        inner join returns.int_ssda903__collection_years as y
            on o.la_code = y.la_code and o.collection_year = y.collection_year
        """,
    )
    for age, convicted, health, teeth, assessment, misuse, received, immunised, score, reason in rows:
        assert (convicted is None) == (age < 10)
        assert (health is None) == (age >= 5)  # health surveillance checks: under 5 only (DfE rule 546)
        assert assessment in ("1", "0") and teeth in ("1", "0") and misuse in ("1", "0")
        assert received is None or misuse == "1"
        assert immunised in ("1", "0", None)
        assert score is None or reason is None
    assert {r[1] for r in rows} >= {"0"} and {r[4] for r in rows} == {"0", "1"}
    assert any(r[7] is not None for r in rows) and any(r[8] is not None for r in rows)


def test_prev_perm_holds_each_child_starting_care_once_with_the_landed_option(returns_warehouse):
    rows = query(
        returns_warehouse,
        "select la_code, collection_year, child, prev_perm, la_perm, date_perm from returns.ssda903_prev_perm",
    )
    starters = query(
        returns_warehouse,
        """
        select distinct p.la_code, y.collection_year, p.person_id
        from marts.fct_cla_periods as p
        inner join returns.int_ssda903__collection_years as y
            on p.la_code = y.la_code and p.period_start_date between y.year_start and y.year_end
        """,
    )
    assert sorted(r[:3] for r in rows) == sorted(starters) and len(rows) > 5
    landed = dict(
        ((la, person), code)
        for la, person, code in query(
            returns_warehouse,
            "select la_code, person_id, previous_permanence_code from staging.stg_ssd__cla_previous_permanence",
        )
    )
    for la, _, child, prev_perm, la_perm, date_perm in rows:
        assert prev_perm == landed.get((la, child), "Z1")
        if prev_perm in ("P1", "P2", "P3"):
            assert DATE_PERM.match(date_perm) and (la_perm is None or re.fullmatch(r"\d{3}", la_perm))
        else:
            assert la_perm is None and date_perm is None


@pytest.fixture
def env(returns_warehouse, small_landing, tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("CSC_WAREHOUSE", str(returns_warehouse))
    monkeypatch.setenv("CSC_LANDING", str(small_landing))
    monkeypatch.setenv("CSC_REPORTS", str(tmp_path / "reports"))
    return tmp_path / "returns"


def test_returns_903_writes_oc2_and_prev_perm(env, capsys):
    assert main(["returns", "903", "--la", "926", "--year", "2021", "--out", str(env)]) == 0
    out = capsys.readouterr().out
    for name in ("OC2", "PrevPerm"):
        table = TABLES[name]
        assert f"not filled {name}" not in out
        with (env / "E10000020" / "ssda903_2021" / table.file_name).open(newline="") as f:
            rows = list(csv.reader(f))
        assert tuple(rows[0]) == table.columns and len(rows) > 1
        dob = table.columns.index("DOB")
        assert all(re.fullmatch(r"\d{2}/\d{2}/\d{4}", r[dob]) for r in rows[1:])


def test_convictions_from_10_and_substance_misuse_from_12():
    """The generator's outcome tables for 300 children in care for three years from ages 6 to 15 (enough rows
    whatever the draws: both tables are rare in a small extract): no conviction before 10, no substance misuse
    before 12, and both happen."""
    start, extract = date(2018, 4, 1), date(2021, 3, 31)
    people = {pid: {"pers_dob": date(2003 + pid % 10, 1 + pid % 12, 1 + pid % 28)} for pid in range(300)}
    periods = [CarePeriod(pid, start, extract) for pid in people]
    ids = count(1)
    tables = OutcomeTables(1, "E10000020", extract, people, periods, lambda _table: next(ids))
    rows = list(tables.rows(start))
    for table, person, day, min_age in (
        ("ssd_cla_convictions", "clac_person_id", "clac_cla_conviction_date", 10),
        ("ssd_cla_substance_misuse", "clas_person_id", "clas_substance_misuse_date", 12),
    ):
        ages = [age_at(people[r[person]]["pers_dob"], r[day]) for t, r in rows if t == table]
        assert ages and min(ages) >= min_age, table


def test_the_generator_writes_plausible_outcome_tables(small_landing):
    """One immunisation status per looked-after child, previous permanence codes of the 903 with a council and a
    903 date for an order only."""
    folder = extract_folder(small_landing)
    con = duckdb.connect()

    def rows(sql: str) -> list[tuple]:
        return con.execute(sql.replace("{f}", str(folder))).fetchall()

    immunised = rows("select clai_person_id, clai_immunisations_status from '{f}/ssd_cla_immunisations.parquet'")
    looked_after = {p for (p,) in rows("select distinct clae_person_id from '{f}/ssd_cla_episodes.parquet'")}
    assert len({p for p, _ in immunised}) == len(immunised) and {p for p, _ in immunised} <= looked_after
    assert {s for _, s in immunised} == {"Y", "N"}
    for option, council, ordered in rows(
        "select lapp_previous_permanence_option, lapp_previous_permanence_la, lapp_previous_permanence_order_date "
        "from '{f}/ssd_cla_previous_permanence.parquet'"
    ):
        assert option in ("P1", "P2", "P3", "P4", "Z1")
        assert (council is not None) == (ordered is not None) == (option in ("P1", "P2", "P3"))
        assert ordered is None or DATE_PERM.match(ordered)
