"""Every extract kept (history and vintages), councils independent, and the incremental refresh equal to a full
rebuild (docs/architecture.md section 5). One sequence of builds on the small landing, in the order an operator
meets them: March published, Norfolk lands April (incremental), Rotherham lands a bad April (held back)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest
from helpers import EXTRACT_DATE, QUIET

from csc.build import EXIT_HELD_BACK, BuildFailure, build
from csc.generate.defects import apply_defects
from csc.generate.vintage import land_next_extract

NORFOLK, ROTHERHAM = "E10000020", "E08000018"
APRIL = date(2021, 4, 30)
# tables whose rows record when or how they were built, not what
BUILD_RECORDS = {"history.extracts": "loaded_at"}


def land_next_month(landing: Path, la_code: str) -> Path:
    """The council's March extract landed again as April's, with the 15 most recent contacts gone: March's
    contact figures are revised."""
    return land_next_extract(landing, la_code, APRIL)


def table_rows(db: Path, schemas: tuple[str, ...]) -> dict[str, list[tuple]]:
    """Every row of every base table in the schemas, sorted (build-time columns left out)."""
    out: dict[str, list[tuple]] = {}
    with duckdb.connect(str(db), read_only=True) as con:
        tables = con.execute(
            "select schema_name || '.' || table_name from duckdb_tables() where schema_name in (select unnest(?))",
            [list(schemas)],
        ).fetchall()
        for (name,) in tables:
            exclude = f" exclude ({BUILD_RECORDS[name]})" if name in BUILD_RECORDS else ""
            out[name] = sorted(con.execute(f"select *{exclude} from {name}").fetchall(), key=repr)
    return out


@pytest.fixture(scope="module")
def sequence(small_landing, tmp_path_factory):
    root = tmp_path_factory.mktemp("refresh")
    landing = root / "landing"
    shutil.copytree(small_landing, landing)
    warehouse = root / "warehouse" / "csc.duckdb"
    reports = root / "reports"
    march = build(landing, warehouse, reports, console=QUIET)
    march_copy = root / "march" / "csc.duckdb"  # the file name is the catalog dbt's views name
    march_copy.parent.mkdir()
    shutil.copy(warehouse, march_copy)
    land_next_month(landing, NORFOLK)
    april = build(landing, warehouse, reports, console=QUIET)
    april_copy = root / "april" / "csc.duckdb"
    april_copy.parent.mkdir()
    shutil.copy(warehouse, april_copy)
    fresh = root / "fresh" / "csc.duckdb"
    rebuilt = build(landing, fresh, reports, console=QUIET)
    return {
        "root": root,
        "landing": landing,
        "warehouse": warehouse,
        "reports": reports,
        "march": (march, march_copy),
        "april": (april, april_copy),
        "fresh": (rebuilt, fresh),
    }


def test_a_new_extract_of_one_council_rebuilds_only_that_council(sequence):
    march, _ = sequence["march"]
    april, april_db = sequence["april"]
    assert (march.mode, march.refreshed) == ("full", sorted([NORFOLK, ROTHERHAM]))
    assert (april.mode, april.refreshed, april.steps, april.held_back) == ("incremental", [NORFOLK], 1, {})
    with duckdb.connect(str(april_db), read_only=True) as con:
        assert dict(con.execute("select la_code, extract_date from raw.manifests").fetchall()) == {
            NORFOLK: APRIL,
            ROTHERHAM: EXTRACT_DATE,
        }
        assert con.execute("select build_mode, refreshed_councils from audit.build_info").fetchone() == (
            "incremental",
            NORFOLK,
        )


def test_the_incremental_refresh_equals_a_full_rebuild_of_the_same_landing(sequence):
    rebuilt, fresh = sequence["fresh"]
    _, april_db = sequence["april"]
    assert (rebuilt.mode, rebuilt.steps) == ("full", 2)  # Norfolk's March replayed first, then everything
    schemas = ("raw", "history", "staging", "intermediate", "marts")
    incremental, full = table_rows(april_db, schemas), table_rows(fresh, schemas)
    assert sorted(incremental) == sorted(full)
    differing = [name for name in full if incremental[name] != full[name]]
    assert differing == []


def test_history_stores_changes_and_vintages_keep_each_extract(sequence):
    _, april_db = sequence["april"]
    with duckdb.connect(str(april_db), read_only=True) as con:
        closed = con.execute(
            "select count(*) from history.ssd_contacts where la_code = ? and valid_to = ?", [NORFOLK, APRIL]
        ).fetchone()[0]
        opened = con.execute(
            "select count(*) from history.ssd_contacts where la_code = ? and valid_from = ?", [NORFOLK, APRIL]
        ).fetchone()[0]
        landed = con.execute("select count(*) from raw.ssd_contacts where la_code = ?", [NORFOLK]).fetchone()[0]
        stored = con.execute("select count(*) from history.ssd_contacts where la_code = ?", [NORFOLK]).fetchone()[0]
        assert (closed, opened) == (15, 0)
        assert stored == landed + 15  # two extracts, stored once plus the 15 that went
        vintages = con.execute(
            "select la_code, extract_date from marts.indicator_value_vintages group by all order by all"
        ).fetchall()
        assert vintages == [(ROTHERHAM, EXTRACT_DATE), (NORFOLK, EXTRACT_DATE), (NORFOLK, APRIL)]


def test_a_revised_figure_keeps_its_first_published_value(sequence):
    _, march_db = sequence["march"]
    _, april_db = sequence["april"]
    key = "la_code = ? and indicator_id = 'CON_N_IM' and period_end = ? and breakdown = 'all'"
    with duckdb.connect(str(march_db), read_only=True) as con:
        published = con.execute(f"select value from marts.indicator_values where {key}", [NORFOLK, EXTRACT_DATE])
        first = published.fetchone()[0]
    with duckdb.connect(str(april_db), read_only=True) as con:
        now = con.execute(
            f"select value, first_value, first_extract_date, extract_date from marts.indicator_values where {key}",
            [NORFOLK, EXTRACT_DATE],
        ).fetchone()
        assert now[1:] == (first, EXTRACT_DATE, APRIL) and now[0] < first
        revised = con.execute(
            f"select first_value, value, value_change from marts.indicator_restatements where {key}",
            [NORFOLK, EXTRACT_DATE],
        ).fetchone()
        assert revised == (first, now[0], now[0] - first)
        # Rotherham landed nothing new: nothing of it is revised
        assert (
            con.execute("select count(*) from marts.indicator_restatements where la_code = ?", [ROTHERHAM]).fetchone()[
                0
            ]
            == 0
        )


def test_a_council_whose_new_extract_blocks_keeps_its_last_good_extract(sequence, tmp_path, monkeypatch):
    from csc.cli import main

    landing, warehouse = sequence["landing"], sequence["warehouse"]
    monkeypatch.setenv("CSC_WAREHOUSE", str(warehouse))
    apply_defects(land_next_month(landing, ROTHERHAM), ["duplicate_pk"])
    before = table_rows(warehouse, ("marts",))
    code = main(["build", "--landing", str(landing), "--reports", str(tmp_path / "reports")])
    assert code == EXIT_HELD_BACK
    with duckdb.connect(str(warehouse), read_only=True) as con:
        status = con.execute(
            "select extract_date, newest_extract_date, status, reason from audit.council_extracts where la_code = ?",
            [ROTHERHAM],
        ).fetchone()
        assert status[:3] == (EXTRACT_DATE, APRIL, "held_back") and "primary_key" in status[3]
        assert con.execute("select status from audit.council_extracts where la_code = ?", [NORFOLK]).fetchone() == (
            "current",
        )
    after = table_rows(warehouse, ("marts",))
    assert after == before  # both councils' figures exactly as published


def test_nothing_is_published_when_no_council_has_a_good_extract(sequence, tmp_path):
    landing = tmp_path / "landing"
    shutil.copytree(sequence["landing"] / ROTHERHAM, landing / ROTHERHAM)
    shutil.rmtree(landing / ROTHERHAM / EXTRACT_DATE.isoformat())  # only the bad April
    with pytest.raises(BuildFailure, match="nothing to publish"):
        build(landing, tmp_path / "csc.duckdb", tmp_path / "reports", console=QUIET)
    assert not (tmp_path / "csc.duckdb").exists()
