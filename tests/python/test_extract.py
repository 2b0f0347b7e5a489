"""`csc extract` against a real PostgreSQL server holding the SSD tables as Eclipse's SSD script creates them.

The schema `ssd_development` gets every table of the small canonical extract with the column names and
PostgreSQL types of `deployment_extracts/eclipse/live/ssd_deployment_individual_files/*.sql`
(data-to-insight/ssd-data-model 4987c73), personal identifiers included and filled, plus `ssd_address`
and `ssd_version_log`. The extract runs as a role whose column privileges exclude every personal
identifier, so reading one would fail; the server log shows what it SELECTed. The warehouse built from the
extracted landing must give the same indicator values as the one built from the same council's files
landed with `csc land`.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import date

import duckdb
import pyarrow.parquet as pq
import pytest
from helpers import EXTRACT_DATE, QUIET, extract_folder
from pg_server import PgServer, free_port, pg_server  # noqa: F401 - the session fixture

from csc.build import build
from csc.cli import main
from csc.contract import Table, load_tables

LA = "E10000020"
SCHEMA = "ssd_development"
READER, READER_PASSWORD = "ssd_reader", "reader-pw"
VERSION = "1.4.5"

# Eclipse's CREATE TABLE columns (name and PostgreSQL type) of the tables the warehouse reads, and ssd_address.
ECLIPSE_DDL = """
ssd_person:
    pers_legacy_id VARCHAR(48), pers_person_id VARCHAR(48), pers_upn VARCHAR(13), pers_forename VARCHAR(100),
    pers_surname VARCHAR(255), pers_sex VARCHAR(20), pers_gender VARCHAR(10), pers_ethnicity VARCHAR(48),
    pers_dob TIMESTAMP, pers_single_unique_id VARCHAR(48), pers_upn_unknown VARCHAR(6), pers_send_flag CHAR(5),
    pers_expected_dob TIMESTAMP, pers_death_date TIMESTAMP, pers_is_mother CHAR(1), pers_nationality VARCHAR(48)
ssd_department:
    dept_team_id VARCHAR(48), dept_team_name VARCHAR(255), dept_team_parent_id VARCHAR(48),
    dept_team_parent_name VARCHAR(255)
ssd_contacts:
    cont_contact_id VARCHAR(48), cont_person_id VARCHAR(48), cont_contact_date TIMESTAMP,
    cont_contact_source_code VARCHAR(48), cont_contact_source_desc VARCHAR(255), cont_contact_outcome_json
    VARCHAR(4000)
ssd_cin_episodes:
    cine_referral_id VARCHAR(48), cine_person_id VARCHAR(48), cine_referral_date TIMESTAMP,
    cine_cin_primary_need_code VARCHAR(3), cine_referral_source_code VARCHAR(48), cine_referral_source_desc
    VARCHAR(255), cine_referral_outcome_json VARCHAR(4000), cine_referral_nfa CHAR(1), cine_close_reason
    VARCHAR(100), cine_close_date TIMESTAMP, cine_referral_team VARCHAR(48), cine_referral_worker_id
    VARCHAR(100)
ssd_cin_assessments:
    cina_assessment_id VARCHAR(48), cina_person_id VARCHAR(48), cina_referral_id VARCHAR(48),
    cina_assessment_start_date TIMESTAMP, cina_assessment_child_seen CHAR(1), cina_assessment_auth_date
    TIMESTAMP, cina_assessment_outcome_json VARCHAR(1000), cina_assessment_outcome_nfa CHAR(1),
    cina_assessment_team VARCHAR(48), cina_assessment_worker_id VARCHAR(100)
ssd_s47_enquiry:
    s47e_s47_enquiry_id VARCHAR(48), s47e_referral_id VARCHAR(48), s47e_person_id VARCHAR(48),
    s47e_s47_start_date TIMESTAMP, s47e_s47_end_date TIMESTAMP, s47e_s47_nfa CHAR(1), s47e_s47_outcome_json
    VARCHAR(1000), s47e_s47_completed_by_team VARCHAR(48), s47e_s47_completed_by_worker_id VARCHAR(100)
ssd_initial_cp_conference:
    icpc_icpc_id VARCHAR(48), icpc_icpc_meeting_id VARCHAR(48), icpc_s47_enquiry_id VARCHAR(48), icpc_person_id
    VARCHAR(48), icpc_cp_plan_id VARCHAR(48), icpc_referral_id VARCHAR(48), icpc_icpc_transfer_in CHAR(1),
    icpc_icpc_target_date TIMESTAMP, icpc_icpc_date TIMESTAMP, icpc_icpc_outcome_cp_flag CHAR(1),
    icpc_icpc_outcome_json VARCHAR(1000), icpc_icpc_team VARCHAR(48), icpc_icpc_worker_id VARCHAR(100)
ssd_cp_plans:
    cppl_cp_plan_id VARCHAR(48), cppl_referral_id VARCHAR(48), cppl_icpc_id VARCHAR(48), cppl_person_id
    VARCHAR(48), cppl_cp_plan_start_date TIMESTAMP, cppl_cp_plan_end_date TIMESTAMP, cppl_cp_plan_ola CHAR(1),
    cppl_cp_plan_initial_category VARCHAR(100), cppl_cp_plan_latest_category VARCHAR(100)
ssd_cla_episodes:
    clae_cla_episode_id VARCHAR(48), clae_person_id VARCHAR(48), clae_cla_placement_id VARCHAR(48),
    clae_cla_episode_start_date TIMESTAMP, clae_cla_episode_start_reason VARCHAR(100),
    clae_cla_primary_need_code VARCHAR(3), clae_cla_episode_ceased_date TIMESTAMP,
    clae_cla_episode_ceased_reason VARCHAR(255), clae_cla_id VARCHAR(48), clae_referral_id VARCHAR(48),
    clae_cla_last_iro_contact_date TIMESTAMP, clae_entered_care_date TIMESTAMP
ssd_legal_status:
    lega_legal_status_id VARCHAR(48), lega_person_id VARCHAR(48), lega_legal_status VARCHAR(100),
    lega_legal_status_start_date TIMESTAMP, lega_legal_status_end_date TIMESTAMP
ssd_cla_placement:
    clap_cla_placement_id VARCHAR(48), clap_cla_id VARCHAR(48), clap_person_id VARCHAR(48),
    clap_cla_placement_start_date TIMESTAMP, clap_cla_placement_type VARCHAR(100), clap_cla_placement_urn
    VARCHAR(48), clap_cla_placement_distance DOUBLE PRECISION, clap_cla_placement_provider VARCHAR(48),
    clap_cla_placement_postcode VARCHAR(8), clap_cla_placement_end_date TIMESTAMP,
    clap_cla_placement_change_reason VARCHAR(100)
ssd_care_leavers:
    clea_table_id VARCHAR(48), clea_person_id VARCHAR(48), clea_care_leaver_eligibility VARCHAR(100),
    clea_care_leaver_in_touch VARCHAR(100), clea_care_leaver_latest_contact TIMESTAMP,
    clea_care_leaver_accommodation VARCHAR(100), clea_care_leaver_accom_suitable VARCHAR(100),
    clea_care_leaver_activity VARCHAR(100), clea_pathway_plan_review_date TIMESTAMP,
    clea_care_leaver_personal_advisor VARCHAR(100), clea_care_leaver_allocated_team VARCHAR(48),
    clea_care_leaver_worker_id VARCHAR(100)
ssd_cin_plans:
    cinp_cin_plan_id VARCHAR(48), cinp_referral_id VARCHAR(48), cinp_person_id VARCHAR(48),
    cinp_cin_plan_start_date TIMESTAMP, cinp_cin_plan_end_date TIMESTAMP, cinp_cin_plan_team VARCHAR(48),
    cinp_cin_plan_worker_id VARCHAR(100)
ssd_cp_reviews:
    cppr_cp_review_id VARCHAR(48), cppr_person_id VARCHAR(48), cppr_cp_plan_id VARCHAR(48), cppr_cp_review_due
    TIMESTAMP, cppr_cp_review_date TIMESTAMP, cppr_cp_review_meeting_id VARCHAR(48),
    cppr_cp_review_outcome_continue_cp CHAR(1), cppr_cp_review_quorate VARCHAR(100),
    cppr_cp_review_participation VARCHAR(100)
ssd_cp_visits:
    cppv_cp_visit_id VARCHAR(48), cppv_person_id VARCHAR(48), cppv_cp_plan_id VARCHAR(48), cppv_cp_visit_date
    TIMESTAMP, cppv_cp_visit_seen CHAR(1), cppv_cp_visit_seen_alone CHAR(1), cppv_cp_visit_bedroom CHAR(1)
ssd_cla_reviews:
    clar_cla_review_id VARCHAR(48), clar_cla_id VARCHAR(48), clar_cla_review_due_date TIMESTAMP,
    clar_cla_review_date TIMESTAMP, clar_cla_review_cancelled CHAR(1), clar_cla_review_participation
    VARCHAR(100)
ssd_cla_visits:
    clav_cla_visit_id VARCHAR(48), clav_cla_id VARCHAR(48), clav_person_id VARCHAR(48), clav_cla_visit_date
    TIMESTAMP, clav_cla_visit_seen CHAR(1), clav_cla_visit_seen_alone CHAR(1)
ssd_cla_health:
    clah_health_check_id VARCHAR(48), clah_person_id VARCHAR(48), clah_health_check_type VARCHAR(500),
    clah_health_check_date TIMESTAMP, clah_health_check_status VARCHAR(48)
ssd_permanence:
    perm_table_id VARCHAR(48), perm_person_id VARCHAR(48), perm_cla_id VARCHAR(48), perm_adm_decision_date
    TIMESTAMP, perm_part_of_sibling_group CHAR(1), perm_siblings_placed_together INTEGER,
    perm_siblings_placed_apart INTEGER, perm_ffa_cp_decision_date TIMESTAMP, perm_placement_order_date
    TIMESTAMP, perm_matched_date TIMESTAMP, perm_adopter_sex VARCHAR(48), perm_adopter_legal_status
    VARCHAR(100), perm_number_of_adopters INTEGER, perm_placed_for_adoption_date TIMESTAMP,
    perm_adopted_by_carer_flag CHAR(1), perm_placed_foster_carer_date TIMESTAMP, perm_placed_ffa_cp_date
    TIMESTAMP, perm_placement_provider_urn VARCHAR(48), perm_decision_reversed_date TIMESTAMP,
    perm_decision_reversed_reason VARCHAR(100), perm_permanence_order_date TIMESTAMP, perm_permanence_order_type
    VARCHAR(100), perm_adoption_worker_id VARCHAR(100)
ssd_early_help_episodes:
    earl_episode_id VARCHAR(48), earl_person_id VARCHAR(48), earl_episode_start_date TIMESTAMP,
    earl_episode_end_date TIMESTAMP, earl_episode_reason TEXT, earl_episode_end_reason TEXT,
    earl_episode_organisation TEXT, earl_episode_worker_id VARCHAR(100)
ssd_professionals:
    prof_professional_id VARCHAR(48), prof_staff_id VARCHAR(48), prof_professional_name VARCHAR(300),
    prof_social_worker_registration_no VARCHAR(48), prof_agency_worker_flag CHAR(1), prof_professional_job_title
    VARCHAR(500), prof_professional_caseload INTEGER, prof_professional_department VARCHAR(100),
    prof_full_time_equivalency DOUBLE PRECISION
ssd_involvements:
    invo_involvements_id VARCHAR(48), invo_professional_id VARCHAR(48), invo_professional_role_id VARCHAR(200),
    invo_professional_team VARCHAR(48), invo_person_id VARCHAR(48), invo_involvement_start_date TIMESTAMP,
    invo_involvement_end_date TIMESTAMP, invo_worker_change_reason VARCHAR(200), invo_referral_id VARCHAR(48)
ssd_missing:
    miss_table_id VARCHAR(48), miss_person_id VARCHAR(48), miss_missing_episode_start_date TIMESTAMP,
    miss_missing_episode_type VARCHAR(100), miss_missing_episode_end_date TIMESTAMP, miss_missing_rhi_offered
    VARCHAR(2), miss_missing_rhi_accepted VARCHAR(2)
ssd_immigration_status:
    immi_immigration_status_id VARCHAR(48), immi_person_id VARCHAR(48), immi_immigration_status_start_date
    TIMESTAMP, immi_immigration_status_end_date TIMESTAMP, immi_immigration_status VARCHAR(100)
ssd_cin_visits:
    cinv_cin_visit_id VARCHAR(48), cinv_person_id VARCHAR(48), cinv_cin_visit_date TIMESTAMP,
    cinv_cin_visit_seen CHAR(1), cinv_cin_visit_seen_alone CHAR(1), cinv_cin_visit_bedroom CHAR(1)
ssd_sdq_scores:
    csdq_table_id VARCHAR(48), csdq_person_id VARCHAR(48), csdq_sdq_completed_date TIMESTAMP, csdq_sdq_score
    INTEGER, csdq_sdq_reason VARCHAR(100)
ssd_assessment_factors:
    cinf_table_id VARCHAR(48), cinf_assessment_id VARCHAR(48), cinf_assessment_factors_json TEXT
ssd_disability:
    disa_table_id VARCHAR(48), disa_person_id VARCHAR(48), disa_disability_code VARCHAR(48)
ssd_pre_proceedings:
    prep_table_id VARCHAR(48), prep_person_id VARCHAR(48), prep_plo_family_id VARCHAR(48),
    prep_pre_pro_decision_date TIMESTAMP, prep_initial_pre_pro_meeting_date TIMESTAMP, prep_pre_pro_outcome
    VARCHAR(100), prep_agree_stepdown_issue_date TIMESTAMP, prep_cp_plans_referral_period INTEGER,
    prep_legal_gateway_outcome VARCHAR(100), prep_prev_pre_proc_child INTEGER, prep_prev_care_proc_child
    INTEGER, prep_pre_pro_letter_date TIMESTAMP, prep_care_pro_letter_date TIMESTAMP, prep_pre_pro_meetings_num
    INTEGER, prep_pre_pro_parents_legal_rep CHAR(1), prep_parents_legal_rep_point_of_issue CHAR(2),
    prep_court_reference VARCHAR(48), prep_care_proc_court_hearings INTEGER, prep_care_proc_short_notice
    CHAR(1), prep_proc_short_notice_reason VARCHAR(100), prep_la_inital_plan_approved CHAR(1),
    prep_la_initial_care_plan VARCHAR(100), prep_la_final_plan_approved CHAR(1), prep_la_final_care_plan
    VARCHAR(100)
ssd_cla_convictions:
    clac_cla_conviction_id VARCHAR(48), clac_person_id VARCHAR(48), clac_cla_conviction_date TIMESTAMP,
    clac_cla_conviction_offence VARCHAR(1000)
ssd_cla_immunisations:
    clai_person_id VARCHAR(48), clai_immunisations_status CHAR(1), clai_immunisations_status_date TIMESTAMP
ssd_cla_substance_misuse:
    clas_substance_misuse_id VARCHAR(48), clas_person_id VARCHAR(48), clas_substance_misuse_date TIMESTAMP,
    clas_substance_misused VARCHAR(100), clas_intervention_received CHAR(1)
ssd_cla_previous_permanence:
    lapp_table_id VARCHAR(48), lapp_person_id VARCHAR(48), lapp_previous_permanence_option VARCHAR(200),
    lapp_previous_permanence_la VARCHAR(100), lapp_previous_permanence_order_date VARCHAR(100)
ssd_address:
    addr_table_id VARCHAR(48), addr_person_id VARCHAR(48), addr_address_type VARCHAR(48),
    addr_address_start_date TIMESTAMP, addr_address_end_date TIMESTAMP, addr_address_postcode VARCHAR(15),
    addr_address_json VARCHAR(1000)
"""


def never_read(table: Table) -> set[str]:
    """Personal identifiers no intake may read: all of them but a legacy id landed for the gate's join."""
    return set(table.dropped_columns) - set(table.join_only)


def eclipse_columns() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    table = None
    for line in ECLIPSE_DDL.strip().splitlines():
        if line.endswith(":"):
            table = line[:-1]
            out[table] = []
        else:
            out[table].append(line.strip())
    return {t: [tuple(c.strip().split(" ", 1)) for c in " ".join(parts).split(",")] for t, parts in out.items()}


def pg_value(value, pg_type: str):
    """A value of the canonical extract as the Eclipse column holds it."""
    if value is None:
        return None
    kind = pg_type.split("(")[0].upper()
    if kind in ("VARCHAR", "CHAR", "TEXT"):
        if isinstance(value, float) and value == int(value):
            return str(int(value))
        return value.isoformat() if isinstance(value, date) else str(value)
    if kind == "INTEGER":
        return int(value)
    return value


@pytest.fixture(scope="module")
def source(small_landing):
    """The canonical extract of one council: table -> pyarrow table (identifiers included)."""
    folder = extract_folder(small_landing, LA)
    manifest = json.loads((folder / "manifest.json").read_text())
    return manifest, {p.stem: pq.read_table(p) for p in sorted(folder.glob("ssd_*.parquet"))}


@pytest.fixture(scope="module")
def eclipse(pg_server: PgServer, source):  # noqa: F811
    """Database `eclipse`: schema ssd_development with the SSD tables filled, and the reader role."""
    _, tables = source
    ddl = eclipse_columns()
    contract = load_tables()
    with pg_server.connect() as admin:
        admin.execute("drop database if exists eclipse")
        admin.execute("create database eclipse")
        admin.execute(f"drop role if exists {READER}")
        admin.execute(f"create role {READER} login password '{READER_PASSWORD}'")
    with pg_server.connect("eclipse") as con:
        con.execute(f"create schema {SCHEMA}")
        con.execute(f"grant usage on schema {SCHEMA} to {READER}")
        for name, data in tables.items():
            columns = list(ddl[name])
            # the contract's local extensions, which a council adds to its own SSD tables
            known = {c for c, _ in columns}
            for c in contract[name].columns:
                if c.name not in known:
                    columns.append((c.name, "TIMESTAMP" if c.kind == "date" else "VARCHAR(4000)"))
            con.execute(f"create table {SCHEMA}.{name} ({', '.join(f'{c} {t}' for c, t in columns)})")
            rows = data.to_pylist()
            with con.cursor().copy(f"copy {SCHEMA}.{name} ({', '.join(c for c, _ in columns)}) from stdin") as copy:
                for i, row in enumerate(rows):
                    values = []
                    for c, t in columns:
                        value = row.get(c)
                        if value is None and c in contract[name].dropped_columns:
                            value = f"fake {c} {i}"  # every identifier filled
                        values.append(pg_value(value, t))
                    copy.write_row(values)
            readable = [c for c, _ in columns if c not in never_read(contract[name])]
            con.execute(f"grant select ({', '.join(readable)}) on {SCHEMA}.{name} to {READER}")
        address = ", ".join(f"{c} {t}" for c, t in ddl["ssd_address"])
        con.execute(f"create table {SCHEMA}.ssd_address ({address})")  # no grant: reading it fails
        con.execute(
            f"insert into {SCHEMA}.ssd_address (addr_table_id, addr_person_id, addr_address_postcode) "
            "values ('1', '1000009', 'NR1 1AA')"
        )
        # as the SystemC 1.2.4 script creates it (PostgreSQL types); the current row says which release ran, when
        con.execute(f"""
            create table {SCHEMA}.ssd_version_log (version_number varchar(10) primary key, release_date date not null,
                description varchar(100), is_current boolean not null default false,
                created_at timestamp default now(), created_by varchar(10), impact_description varchar(255))""")
        con.execute(
            f"insert into {SCHEMA}.ssd_version_log values "
            "('1.4.4', '2025-07-08', 'cla_reviews fix', false, '2021-03-31 06:02:11', 'admin', ''), "
            "('1.4.5', '2025-07-14', 'involvements role code', true, '2021-03-31 06:02:11', 'admin', '')"
        )
        con.execute(f"grant select on {SCHEMA}.ssd_version_log to {READER}")
    return pg_server


def reader_url(server: PgServer) -> str:
    return server.url(READER, READER_PASSWORD, "eclipse")


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def extract_args(server: PgServer, landing, la: str = LA, *options: str) -> list[str]:
    """`csc extract` of the test schema as the reader role, with more options."""
    return ["extract", "--url", reader_url(server), "--schema", SCHEMA, "--la", la, "--landing", str(landing), *options]


def one_line_error(code: int, output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert code == 1, output
    assert "Traceback" not in output
    assert len(lines) == 1, output
    return lines[0]


@pytest.fixture(scope="module")
def extracted(eclipse, tmp_path_factory, source):
    """`csc extract` of the whole schema, dates and version from ssd_version_log."""
    manifest, _ = source
    landing = tmp_path_factory.mktemp("extracted")
    log_start = len(eclipse.log())
    code = main(extract_args(eclipse, landing, "926", "--period-start", manifest["period_start"]))
    assert code == 0
    return landing, eclipse.log()[log_start:]


def test_every_table_arrives_with_its_rows(extracted, source):
    landing, _ = extracted
    src_manifest, tables = source
    folder = landing / LA / EXTRACT_DATE.isoformat()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["la_code"] == LA and manifest["la_name"] == "Norfolk" and manifest["dfe_code"] == "926"
    assert manifest["extract_date"] == "2021-03-31" and manifest["ssd_version"] == VERSION
    assert manifest["period_start"] == src_manifest["period_start"]
    assert READER_PASSWORD not in manifest["source"] and f"{READER}@" in manifest["source"]
    assert manifest["tables"] == {name: t.num_rows for name, t in tables.items()}
    assert sorted(p.name for p in folder.iterdir()) == sorted(["manifest.json", *(f"{n}.parquet" for n in tables)])
    for name, data in tables.items():
        landed = pq.read_table(folder / f"{name}.parquet")
        assert landed.num_rows == data.num_rows, name
        assert not set(landed.column_names) & never_read(load_tables()[name]), name
        assert all(str(f.type) == "string" for f in landed.schema), name
    assert [p.name for p in landing.iterdir()] == [LA]  # no temporary folder left


def test_values_arrive_as_text(extracted, source):
    landing, _ = extracted
    _, tables = source
    folder = landing / LA / EXTRACT_DATE.isoformat()
    person = pq.read_table(folder / "ssd_person.parquet").to_pylist()
    canonical = {r["pers_person_id"]: r for r in tables["ssd_person"].to_pylist()}
    for row in person:
        original = canonical[int(row["pers_person_id"])]
        dob = original["pers_dob"]
        assert row["pers_dob"] == (f"{dob.isoformat()} 00:00:00" if dob else None)  # TIMESTAMP as ISO text
        if original["pers_send_flag"] is not None:  # CHAR(5) comes back blank-padded, as the server holds it
            assert row["pers_send_flag"] == original["pers_send_flag"].ljust(5)
    professionals = pq.read_table(folder / "ssd_professionals.parquet").to_pylist()
    ftes = {r["prof_full_time_equivalency"] for r in professionals} - {None}
    assert "1" in ftes and not any(f.endswith(".0") for f in ftes)  # DOUBLE 1.0 -> "1"
    assert any("." in f for f in ftes)


def test_no_personal_identifier_is_selected(extracted, source):
    """The role cannot read an identifier (the extract succeeded), and the server log shows no SELECT naming
    one; every table is read through a server-side cursor (streamed in batches)."""
    _, log = extracted
    _, tables = source
    entries = re.split(r"\n(?=\d{4}-\d{2}-\d{2} )", log)  # a statement's lines up to the next log line
    by_reader = [e for e in entries if f" {READER}@eclipse " in e]
    statements = [" ".join(e.split()) for e in by_reader if re.search(r"LOG:\s+(statement|execute)", e)]
    reads = {}
    for statement in statements:
        m = re.search(rf"FROM {SCHEMA}\.(ssd_\w+)", statement, re.IGNORECASE)
        if m:
            reads[m.group(1)] = statement
    assert set(reads) == {*tables, "ssd_version_log"}  # ssd_address is not read
    identifiers = {c for t in load_tables().values() for c in never_read(t)}
    assert "pers_forename" in identifiers and "clap_cla_placement_postcode" in identifiers
    for table, statement in reads.items():
        assert "*" not in statement.split("FROM")[0], statement
        assert not [c for c in identifiers if re.search(rf"\b{c}\b", statement)], statement
        if table != "ssd_version_log":
            assert "CURSOR FOR SELECT" in statement, statement


def test_output_reports_columns_and_tables_not_read(eclipse, tmp_path, capsys, source):
    manifest, _ = source
    options = ("--extract-date", "2021-03-31", "--ssd-version", "1.4.4", "--period-start", manifest["period_start"])
    code, out = run(capsys, *extract_args(eclipse, tmp_path, LA, *options))
    assert code == 0, out
    flat = " ".join(out.split())
    assert "pers_forename" in flat and "personal identifier, never read" in flat
    assert "not landed ssd_address: personal data" in flat
    assert json.loads((tmp_path / LA / "2021-03-31" / "manifest.json").read_text())["ssd_version"] == "1.4.4"


def test_same_indicators_as_the_same_council_landed_from_files(extracted, source, small_landing, tmp_path):
    manifest, _ = source
    exported = tmp_path / "exported"
    exported.mkdir()
    for p in extract_folder(small_landing, LA).glob("ssd_*.parquet"):
        shutil.copy(p, exported / p.name)
    from_files = tmp_path / "from_files"
    code = main(
        [
            "land",
            str(exported),
            "--la",
            LA,
            "--landing",
            str(from_files),
            "--extract-date",
            "2021-03-31",
            "--ssd-version",
            VERSION,
            "--period-start",
            manifest["period_start"],
        ]
    )
    assert code == 0
    warehouses = {}
    for label, landing in (("files", from_files), ("database", extracted[0])):
        warehouses[label] = tmp_path / f"{label}.duckdb"
        build(landing, warehouses[label], tmp_path / f"reports_{label}", console=QUIET)
    con = duckdb.connect()
    con.execute(f"attach '{warehouses['files']}' as a (read_only)")
    con.execute(f"attach '{warehouses['database']}' as b (read_only)")
    total = con.execute("select count(*) from a.marts.indicator_values").fetchone()[0]
    assert total > 1000 and total == con.execute("select count(*) from b.marts.indicator_values").fetchone()[0]
    # Every column compared; doubles to 9 decimals: a sum of FTEs (WF_AVG_CASELOAD_SNAP) depends on the order
    # rows arrive in, and a database returns rows in no set order (25.9 vs 25.900000000000002).
    described = con.execute("describe a.marts.indicator_values").fetchall()
    columns = ", ".join(f"round({r[0]}, 9)" if r[1] == "DOUBLE" else r[0] for r in described)
    assert "round(denominator, 9)" in columns and "indicator_id" in columns
    for left, right in (("a", "b"), ("b", "a")):
        diff = con.execute(
            f"select count(*) from (select {columns} from {left}.marts.indicator_values "
            f"except all select {columns} from {right}.marts.indicator_values)"
        ).fetchone()[0]
        assert diff == 0, (left, right)
    assert con.execute("select count(distinct la_code) from b.marts.indicator_values").fetchone()[0] == 1
    # and not equal by being empty: the extracted children are all staged, the figures are not all zero
    _, tables = source
    assert con.execute("select count(*) from b.staging.stg_ssd__person").fetchone()[0] == tables["ssd_person"].num_rows
    assert con.execute("select sum(numerator) from b.marts.indicator_values").fetchone()[0] > 1000


def test_wrong_url_is_one_line(eclipse, tmp_path, capsys):
    wrong_password = eclipse.url(READER, "not-the-password", "eclipse")
    line = one_line_error(*run(capsys, "extract", "--url", wrong_password, "--la", LA, "--landing", str(tmp_path)))
    assert line.startswith("csc extract: cannot connect to postgresql+psycopg://ssd_reader@127.0.0.1")
    assert "password authentication failed" in line and "not-the-password" not in line
    closed = f"postgresql://u:p@127.0.0.1:{free_port()}/x"  # nothing listens there
    line = one_line_error(*run(capsys, "extract", "--url", closed, "--la", LA, "--landing", str(tmp_path)))
    assert "cannot connect to postgresql+psycopg://u@127.0.0.1" in line
    line = one_line_error(*run(capsys, "extract", "--url", "not a url", "--la", LA, "--landing", str(tmp_path)))
    assert "--url is not a database URL" in line
    assert not any(tmp_path.iterdir())


def test_missing_schema_is_one_line(eclipse, tmp_path, capsys):
    code, out = run(
        capsys, "extract", "--url", reader_url(eclipse), "--schema", "dbo", "--la", LA, "--landing", str(tmp_path)
    )
    line = one_line_error(code, out)
    assert "there is no schema 'dbo'" in line and SCHEMA in line


def test_missing_required_table_is_one_line(eclipse, tmp_path, capsys):
    with eclipse.connect("eclipse") as con:
        con.execute("drop schema if exists partial cascade")
        con.execute("create schema partial")
        con.execute("create table partial.ssd_person (pers_person_id varchar(48) primary key)")
        con.execute(f"grant usage on schema partial to {READER}")
    code, out = run(
        capsys, "extract", "--url", reader_url(eclipse), "--schema", "partial", "--la", LA, "--landing", str(tmp_path)
    )
    line = one_line_error(code, out)
    assert "has no ssd_department, ssd_contacts" in line and "(required)" in line
    assert not any(tmp_path.iterdir())


def test_unknown_council_is_one_line(eclipse, tmp_path, capsys):
    code, out = run(capsys, "extract", "--url", reader_url(eclipse), "--la", "999", "--landing", str(tmp_path))
    assert "unknown council '999'" in one_line_error(code, out)


def test_a_failed_extract_leaves_no_folder(eclipse, tmp_path, capsys):
    """The reader may not read ssd_address; a table it cannot read mid-way aborts without a half extract."""
    with eclipse.connect("eclipse") as con:
        con.execute(f"revoke select on {SCHEMA}.ssd_version_log from {READER}")
        con.execute(f"revoke all on {SCHEMA}.ssd_cla_placement from {READER}")
    try:
        code, out = run(
            capsys, *extract_args(eclipse, tmp_path, LA, "--extract-date", "2021-03-31", "--ssd-version", VERSION)
        )
        line = one_line_error(code, out)
        assert "permission denied for table ssd_cla_placement" in line
        assert [p.name for p in tmp_path.iterdir()] == []
    finally:
        with eclipse.connect("eclipse") as con:
            con.execute(f"grant select on {SCHEMA}.ssd_version_log to {READER}")
            columns = [c for c, _ in eclipse_columns()["ssd_cla_placement"] if c != "clap_cla_placement_postcode"]
            con.execute(f"grant select ({', '.join(columns)}) on {SCHEMA}.ssd_cla_placement to {READER}")


def test_streams_in_batches(eclipse, tmp_path, source):
    """Batches smaller than a table: one Parquet row group per fetched batch, every row landed."""
    from csc.intake.database import extract_database
    from csc.intake.layout import IntakeOptions

    _, tables = source
    options = IntakeOptions(LA, tmp_path, period_start=date(2019, 4, 1), batch_rows=100)
    result = extract_database(reader_url(eclipse), options, schema=SCHEMA)
    contacts = next(t for t in result.landed if t.name == "ssd_contacts")
    assert contacts.rows == tables["ssd_contacts"].num_rows > 300
    parquet = pq.ParquetFile(result.folder / "ssd_contacts.parquet")
    assert parquet.metadata.num_row_groups == -(-contacts.rows // 100)
    assert max(parquet.metadata.row_group(i).num_rows for i in range(parquet.metadata.num_row_groups)) == 100


def test_sql_server_urls_get_pymssql_and_never_show_the_password():
    """SQL Server cannot run here: the URL handling of the SystemC/Mosaic path, without connecting."""
    from csc.intake.database import open_engine, safe_url

    engine = open_engine("mssql://la_reader:s3cret%40x@sqlhost:1433/HDM_Local")
    assert engine.dialect.name == "mssql" and engine.dialect.driver == "pymssql"
    assert safe_url(engine.url) == "mssql+pymssql://la_reader@sqlhost:1433/HDM_Local"
    assert open_engine("postgresql://u:p@h/db").dialect.driver == "psycopg"
