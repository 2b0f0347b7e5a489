"""End to end: gate -> dbt build -> atomic publish, and what must not happen when a step fails."""

from __future__ import annotations

import hashlib
import shutil

import duckdb
import pyarrow.parquet as pq
import pytest
from helpers import QUIET, extract_folder

import csc.build
from csc.build import EXIT_HELD_BACK, BuildFailure, build
from csc.db import content_hash
from csc.gate.issues import GateFailure
from csc.generate.defects import apply_defects


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def built(small_landing, tmp_path_factory):
    warehouse = tmp_path_factory.mktemp("warehouse") / "csc.duckdb"
    result = build(small_landing, warehouse, warehouse.parent / "reports", console=QUIET)
    return warehouse, result


def test_build_publishes_a_tested_warehouse(built):
    warehouse, result = built
    assert warehouse.exists()
    # beside it only its lock (released: empty) and its checksum (docs/architecture.md section 5)
    assert sorted(p.name for p in warehouse.parent.iterdir() if p.name.startswith(".")) == [".csc.lock", ".csc.sha256"]
    assert (warehouse.parent / ".csc.lock").read_text() == ""
    assert result.dbt_counts.get("pass", 0) > 100 and "fail" not in result.dbt_counts
    con = duckdb.connect(str(warehouse), read_only=True)
    info, marts_hash = con.execute("select councils, marts_hash from audit.build_info").fetchone()
    assert info == "E08000018,E10000020"
    assert marts_hash == content_hash(con, "marts")
    assert con.execute("select count(*) from audit.dbt_results where status in ('fail', 'error')").fetchone()[0] == 0
    # the audit tables' own tests ran after they were written, before the publish (selectors.yml, build.py)
    audit_tests = "select count(*) from audit.dbt_results where unique_id like 'test.csc_warehouse.source_%_audit_%'"
    assert con.execute(audit_tests).fetchone()[0] > 10
    assert con.execute("select count(*) from marts.dim_date where date_day = date '2020-12-29'").fetchone()[0] == 1


def test_staging_rows_equal_landed_minus_quarantined(built):
    """A table staged from its history (a version per record and extract that changed it): its current versions."""
    warehouse, _ = built
    con = duckdb.connect(str(warehouse), read_only=True)
    versioned = {
        table
        for (table,) in con.execute(
            "select table_name from duckdb_columns() where schema_name = 'staging' and column_name = 'valid_to'"
        ).fetchall()
    }
    for table, la_code, expected in con.execute(
        "select table_name, la_code, rows_landed - rows_quarantined from raw.landed_files"
    ).fetchall():
        model = f"stg_{table.replace('ssd_', 'ssd__', 1)}"
        current = " and valid_to is null" if model in versioned else ""
        query = f"select count(*) from staging.{model} where la_code = ?{current}"
        staged = con.execute(query, [la_code]).fetchone()[0]
        assert staged == expected, (table, la_code)


def test_no_personal_identifiers_anywhere_in_the_warehouse(built, small_landing):
    warehouse, _ = built
    upns = pq.read_table(extract_folder(small_landing) / "ssd_person.parquet", columns=["pers_upn"])
    con = duckdb.connect(str(warehouse), read_only=True)
    con.register("upns", upns)
    for schema, table, column in con.execute("""
            select schema_name, table_name, column_name from duckdb_columns()
            where database_name = current_database() and data_type = 'VARCHAR'""").fetchall():
        assert (
            not any(p in column for p in ("forename", "surname", "upn", "postcode", "professional_name"))
            or column == "upn_unknown_reason"
            or column == "pers_upn_unknown"
        ), (schema, table, column)
        hits = con.execute(
            f'select count(*) from "{schema}"."{table}" where "{column}" in (select pers_upn from upns)'
        ).fetchone()[0]
        assert hits == 0, (schema, table, column)


def test_a_council_whose_extract_blocks_is_held_back_with_its_published_figures(built, landing, tmp_path):
    """Norfolk's extract landed again, now with a duplicated key: Norfolk is held back on the extract already
    published, the build publishes (exit 3) with the reason, and every figure stays as it was."""
    published = tmp_path / "csc.duckdb"
    shutil.copy(built[0], published)
    with duckdb.connect(str(published), read_only=True) as con:
        marts_before = content_hash(con, "marts")
    apply_defects(extract_folder(landing), ["duplicate_pk"])
    result = build(landing, published, tmp_path / "reports", console=QUIET)
    assert (sorted(result.held_back), result.exit_code, result.refreshed) == (["E10000020"], EXIT_HELD_BACK, [])
    with duckdb.connect(str(published), read_only=True) as con:
        assert content_hash(con, "marts") == marts_before
        assert con.execute("select status from audit.council_extracts where la_code = 'E10000020'").fetchone() == (
            "held_back",
        )
        blocking = con.execute(
            "select count(*) from audit.landing_gate_issues where la_code = 'E10000020' and severity = 'blocking'"
        ).fetchone()[0]
        assert blocking > 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".duckdb", ".wal")) == ["csc.duckdb"]


def test_failed_dbt_build_leaves_the_published_warehouse_unchanged(built, landing, tmp_path, monkeypatch):
    published = tmp_path / "csc.duckdb"
    shutil.copy(built[0], published)
    before = digest(published)

    def failing_dbt(*args, **kwargs):
        raise BuildFailure("a test failed")

    monkeypatch.setattr(csc.build, "run_dbt", failing_dbt)
    with pytest.raises(BuildFailure):  # a full refresh: the landing is the one published (up to date otherwise)
        build(landing, published, tmp_path / "reports", console=QUIET, full_refresh=True)
    assert digest(published) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".duckdb", ".wal")) == ["csc.duckdb"]


def test_a_failed_audit_table_test_leaves_the_published_warehouse_unchanged(built, landing, tmp_path, monkeypatch):
    published, before = _published_copy(built, tmp_path)
    write_build_info = csc.build._write_build_info

    def write_a_blocking_finding(db, *args):
        write_build_info(db, *args)
        with duckdb.connect(str(db)) as con:
            con.execute(
                "insert into audit.landing_gate_issues (la_code, severity, rule) values ('E10000020', 'blocking', 'x')"
            )

    monkeypatch.setattr(csc.build, "_write_build_info", write_a_blocking_finding)
    with pytest.raises(BuildFailure) as info:
        build(landing, published, tmp_path / "reports", console=QUIET, full_refresh=True)
    assert "assert_audit_blocking_only_for_held_back_councils" in str(info.value)
    assert digest(published) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".duckdb", ".wal")) == ["csc.duckdb"]


def test_publish_does_not_disturb_an_analyst_reading_the_old_file(built, landing, tmp_path):
    published = tmp_path / "csc.duckdb"
    shutil.copy(built[0], published)
    analyst = duckdb.connect(str(published), read_only=True)
    old = analyst.execute("select count(*) from staging.stg_ssd__contacts").fetchone()[0]
    apply_defects(extract_folder(landing), ["null_person_id"])  # 3 contacts quarantined next time
    build(landing, published, tmp_path / "reports", console=QUIET)
    assert analyst.execute("select count(*) from staging.stg_ssd__contacts").fetchone()[0] == old
    analyst.close()
    fresh = duckdb.connect(str(published), read_only=True)
    assert fresh.execute("select count(*) from staging.stg_ssd__contacts").fetchone()[0] == old - 3


def test_docs_describe_every_model_seed_and_column(built):
    import json

    from csc.build import dbt_target, run_dbt

    run_dbt(["docs", "generate"], built[0], QUIET, title="dbt docs generate")
    manifest = json.loads((dbt_target(built[0]) / "manifest.json").read_text())
    catalog = json.loads((dbt_target(built[0]) / "catalog.json").read_text())
    missing = []
    for uid, node in manifest["nodes"].items():
        if node["resource_type"] not in ("model", "seed"):
            continue
        if not node.get("description"):
            missing.append((uid, "(model)"))
        for column in catalog["nodes"][uid]["columns"]:
            if not node["columns"].get(column.lower(), {}).get("description"):
                missing.append((uid, column))
    assert missing == []


def _published_copy(built, tmp_path):
    published = tmp_path / "csc.duckdb"
    shutil.copy(built[0], published)
    return published, digest(published)


def test_a_dfe_coded_folder_blocks_with_the_command_that_lands_it(built, landing, tmp_path):
    published, before = _published_copy(built, tmp_path)
    (landing / "E10000020").rename(landing / "926")
    with pytest.raises(GateFailure) as info:
        build(landing, published, tmp_path / "reports", console=QUIET)
    folder = [i for i in info.value.issues if i.rule == "council_folder"]
    assert folder and "DfE code of Norfolk" in folder[0].message and "csc land SOURCE --la 926" in folder[0].message
    assert digest(published) == before


def test_a_folder_of_an_unknown_council_blocks(built, landing, tmp_path):
    published, before = _published_copy(built, tmp_path)
    shutil.copytree(landing / "E08000018", landing / "E10000099")
    with pytest.raises(GateFailure) as info:
        build(landing, published, tmp_path / "reports", console=QUIET)
    assert any(i.rule == "council_folder" and "E10000099" in i.message for i in info.value.issues)
    assert digest(published) == before


def test_a_landing_with_no_council_never_passes(built, tmp_path):
    published, before = _published_copy(built, tmp_path)
    empty = tmp_path / "landing"
    (empty / "not-a-council").mkdir(parents=True)
    with pytest.raises(GateFailure) as info:
        build(empty, published, tmp_path / "reports", console=QUIET)
    assert {"no_council", "council_folder"} <= {i.rule for i in info.value.issues}
    assert digest(published) == before


def test_a_published_council_missing_from_the_new_landing_blocks_the_publish(built, landing, tmp_path):
    published, before = _published_copy(built, tmp_path)
    shutil.rmtree(landing / "E08000018")
    with pytest.raises(BuildFailure) as info:
        build(landing, published, tmp_path / "reports", console=QUIET)
    assert "E08000018 (Rotherham)" in str(info.value) and "--retire" in str(info.value)
    assert digest(published) == before
    # retired on purpose, the build publishes without it
    build(landing, published, tmp_path / "reports", console=QUIET, retire=("E08000018",))
    con = duckdb.connect(str(published), read_only=True)
    assert con.execute("select list(la_code) from raw.manifests").fetchone()[0] == ["E10000020"]
