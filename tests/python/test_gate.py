"""Bad input the landing gate must survive: each gives a clear blocking error or a quarantine entry."""

from __future__ import annotations

import json

import duckdb
import pytest
from helpers import QUIET, extract_folder

from csc.gate.issues import GateFailure
from csc.gate.run import run_gate
from csc.generate.defects import apply_defects


def gate(landing, tmp_path, **kwargs):
    return run_gate(landing, tmp_path / "gate.duckdb", tmp_path / "reports", console=QUIET, **kwargs)


def blocked(landing, tmp_path, **kwargs) -> list:
    with pytest.raises(GateFailure) as info:
        gate(landing, tmp_path, **kwargs)
    return info.value.issues


def quarantine(tmp_path) -> list[tuple]:
    con = duckdb.connect(str(tmp_path / "gate.duckdb"), read_only=True)
    try:
        return con.execute("""select table_name, column_name, rule, action, count(*)
                              from raw.quarantine group by all order by all""").fetchall()
    finally:
        con.close()


def test_clean_extract_passes_with_no_quarantine(landing, tmp_path):
    result = gate(landing, tmp_path)
    assert not result.blocking
    assert quarantine(tmp_path) == []
    report = json.loads((tmp_path / "reports" / "landing_gate.json").read_text())
    assert report["status"] == "passed" and len(report["councils"]) == 2
    assert (tmp_path / "reports" / "landing_gate.html").read_text().count("PASSED") == 1


@pytest.mark.parametrize(
    ("defect", "rule", "table", "column"),
    [
        ("missing_table", "required_table", "ssd_cin_assessments", None),
        ("missing_column", "required_columns", "ssd_cin_episodes", "cine_referral_date"),
        ("duplicate_pk", "primary_key_unique", "ssd_cp_plans", "cppl_cp_plan_id"),
        ("empty_file", "file_not_empty", "ssd_cp_visits", None),
        ("no_manifest", "manifest_present", "manifest", None),
    ],
)
def test_blocking_defects_name_file_column_and_rule(landing, tmp_path, defect, rule, table, column):
    apply_defects(extract_folder(landing), [defect])
    issues = blocked(landing, tmp_path)
    match = [i for i in issues if i.rule == rule]
    assert match, [i.line() for i in issues]
    issue = match[0]
    assert issue.table == table
    assert issue.location.startswith("E10000020/2021-03-31")
    assert issue.column == column
    if defect == "duplicate_pk":
        assert issue.rows == 4 and len(issue.examples) == 2  # two keys, each twice


def test_blocked_report_is_written(landing, tmp_path):
    apply_defects(extract_folder(landing), ["duplicate_pk"])
    blocked(landing, tmp_path)
    report = json.loads((tmp_path / "reports" / "landing_gate.json").read_text())
    assert report["status"] == "blocked"
    assert any(i["rule"] == "primary_key_unique" for i in report["issues"])


@pytest.mark.parametrize(
    ("defect", "expected"),
    [
        ("bad_date", [("ssd_contacts", "cont_contact_date", "date_parses", "rejected", 3)]),
        ("null_person_id", [("ssd_contacts", "cont_person_id", "not_null", "rejected", 3)]),
        (
            "end_before_start",
            [("ssd_cp_plans", "cppl_cp_plan_end_date", "end_not_before_start", "rejected", 2)],
        ),
    ],
)
def test_row_level_defects_are_quarantined(landing, tmp_path, defect, expected):
    apply_defects(extract_folder(landing), [defect])
    result = gate(landing, tmp_path, max_quarantine_pct=100)  # small extract: cascades are a big share
    found = quarantine(tmp_path)
    for row in expected:
        assert row in found, found
    assert any(i.rule == expected[0][2] and i.severity == "warning" for i in result.issues)


def test_unknown_codes_reject_measure_rows_and_blank_descriptive_values(landing, tmp_path):
    apply_defects(extract_folder(landing), ["unknown_code"])
    gate(landing, tmp_path, max_quarantine_pct=100)
    found = quarantine(tmp_path)
    assert ("ssd_cla_placement", "clap_cla_placement_type", "code_list", "rejected", 2) in found
    assert ("ssd_person", "pers_ethnicity", "code_list", "blanked", 1) in found
    con = duckdb.connect(str(tmp_path / "gate.duckdb"), read_only=True)
    # the blanked value is gone from raw, the row is kept
    assert con.execute("select count(*) from raw.ssd_person where pers_ethnicity = 'ZZZZ'").fetchone()[0] == 0
    # episodes that pointed at a rejected placement lose the link but stay
    n = con.execute("""select count(*) from raw.quarantine where table_name = 'ssd_cla_episodes'
                       and column_name = 'clae_cla_placement_id' and action = 'blanked'""").fetchone()[0]
    assert n >= 1


def test_orphan_foreign_keys(landing, tmp_path):
    apply_defects(extract_folder(landing), ["orphan_fk"])
    gate(landing, tmp_path, max_quarantine_pct=100)
    found = quarantine(tmp_path)
    assert ("ssd_cin_assessments", "cina_referral_id", "foreign_key", "blanked", 2) in found
    assert ("ssd_cp_plans", "cppl_person_id", "foreign_key", "rejected", 1) in found
    # the rejected plan takes its reviews with it (a review needs its plan)
    con = duckdb.connect(str(tmp_path / "gate.duckdb"), read_only=True)
    la_code, plan = con.execute(
        """select la_code, record_key from raw.quarantine where table_name = 'ssd_cp_plans'"""
    ).fetchone()
    # ids are a council's own: the other council may have a plan with the same id
    reviews = con.execute(
        "select count(*) from raw.ssd_cp_reviews where la_code = ? and cppr_cp_plan_id = ?", [la_code, plan]
    ).fetchone()[0]
    cascaded = con.execute("""select count(*) from raw.quarantine where table_name = 'ssd_cp_reviews'
                              and column_name = 'cppr_cp_plan_id' and action = 'rejected'""").fetchone()[0]
    assert cascaded == reviews


@pytest.mark.parametrize("defect", ["extra_column", "mixed_date_formats", "csv_semicolon_bom"])
def test_accepted_variations_pass_without_quarantine(landing, tmp_path, defect):
    before = _rows(landing)
    apply_defects(extract_folder(landing), [defect])
    result = gate(landing, tmp_path)
    assert not result.blocking
    assert quarantine(tmp_path) == []
    con = duckdb.connect(str(tmp_path / "gate.duckdb"), read_only=True)
    loaded = dict(con.execute("select table_name, sum(rows_loaded) from raw.landed_files group by 1").fetchall())
    assert loaded == before
    if defect == "extra_column":
        assert any(i.rule == "unknown_columns" and "local_notes" in i.message for i in result.issues)
        cols = [r[0] for r in con.execute("describe raw.ssd_contacts").fetchall()]
        assert "local_notes" not in cols


def test_quarantine_over_the_threshold_blocks(landing, tmp_path):
    apply_defects(extract_folder(landing), ["bad_date"])
    issues = blocked(landing, tmp_path, max_quarantine_pct=0.0001, min_quarantine_rows=1)
    assert any(i.rule == "quarantine_threshold" and i.table == "ssd_contacts" for i in issues)


def test_a_few_bad_rows_over_the_share_do_not_block_below_the_minimum(landing, tmp_path):
    """The threshold blocks on a share AND a number of rows: the same bad rows that block above
    (min 1 row) pass with the default minimum of 10 rows, and are still quarantined."""
    apply_defects(extract_folder(landing), ["bad_date"])
    result = gate(landing, tmp_path, max_quarantine_pct=0.0001)
    assert not result.blocking
    rejected = [q for q in quarantine(tmp_path) if q[0] == "ssd_contacts" and q[3] == "rejected"]
    assert rejected and sum(q[4] for q in rejected) < 10


def test_personal_identifiers_are_never_loaded(landing, tmp_path):
    gate(landing, tmp_path)
    con = duckdb.connect(str(tmp_path / "gate.duckdb"), read_only=True)
    cols = {r[0] for r in con.execute("select column_name from duckdb_columns()").fetchall()}
    for pii in (
        "pers_forename",
        "pers_surname",
        "pers_upn",
        "pers_common_child_id",
        "prof_professional_name",
        "clea_care_leaver_personal_advisor",
        "clap_cla_placement_postcode",
    ):
        assert pii not in cols


def _rows(landing) -> dict[str, int]:
    import pyarrow.parquet as pq

    out: dict[str, int] = {}
    for f in landing.glob("*/*/ssd_*.parquet"):
        out[f.stem] = out.get(f.stem, 0) + pq.read_metadata(f).num_rows
    return out


def test_unreadable_file_blocks_with_duckdbs_reason(landing, tmp_path):
    (extract_folder(landing) / "ssd_cp_visits.parquet").write_bytes(b"not a parquet file")
    issues = blocked(landing, tmp_path)
    match = [i for i in issues if i.rule == "file_readable"]
    assert match and match[0].location.endswith("ssd_cp_visits.parquet")
    assert "cannot be read" in match[0].message


def test_a_table_can_set_its_own_threshold(landing, tmp_path, monkeypatch):
    """`quarantine_threshold: {pct, min_rows}` in a table's contract overrides the command-line limits for
    that table only: the 3 bad contacts that pass under the defaults block under the table's own limits."""
    from dataclasses import replace

    import csc.gate.run
    from csc.contract import Threshold, load_tables

    tables = dict(load_tables())
    tables["ssd_contacts"] = replace(tables["ssd_contacts"], threshold=Threshold(pct=0.0001, min_rows=1))
    monkeypatch.setattr(csc.gate.run, "load_tables", lambda: tables)
    apply_defects(extract_folder(landing), ["bad_date"])
    issues = blocked(landing, tmp_path)
    assert [i.table for i in issues if i.rule == "quarantine_threshold"] == ["ssd_contacts"]
    assert "limit 0.0001% and at least 1 rows" in next(i.message for i in issues if i.rule == "quarantine_threshold")


def test_contract_reads_thresholds_aliases_and_query_rules():
    from csc.contract import load_tables

    tables = load_tables()
    order = next(o for o in tables["ssd_permanence"].date_order if o.end == "perm_placed_for_adoption_date")
    assert order.severity == "query"
    assert tables["ssd_cla_episodes"].landed_names("1.2.4")["clae_cla_episode_ceased"] == "clae_cla_episode_ceased_date"
    assert tables["ssd_cin_plans"].landed_names()["cin_plan_id"] == "cinp_cin_plan_id"
    assert tables["ssd_contacts"].key_columns == ("cont_contact_id", "cont_person_id")
    assert tables["ssd_person"].join_only == ("pers_legacy_id",)
    assert tables["ssd_involvements"].column("invo_professional_id").not_null_query
    assert tables["ssd_contacts"].threshold.pct is None  # the command line's limits unless a table sets its own
