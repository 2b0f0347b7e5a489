"""Mosaic: the canonical extract as its SQL Server script writes it.

Release 1.4.5: data-to-insight/ssd-data-model `deployment_extracts/mosaic/live/ssd_deployment_individual_files/
populate_ssd_data_warehouse.sql` (HEAD; quoted as `populate`, procedure names given). Release 1.2.4: the same
file at 0855a2b (2024-11-08); see releases.py for the column differences.
"""

from __future__ import annotations

from datetime import date

from csc.contract import load_tables
from csc.generate.contract_keys import person_column
from csc.generate.shapes import descriptions as desc
from csc.generate.shapes import sql
from csc.generate.shapes.model import Shape, shape_tables
from csc.generate.shapes.releases import layout

SCRIPT = "deployment_extracts/mosaic/live/ssd_deployment_individual_files/populate_ssd_data_warehouse.sql"
# Share of contacts, initial CP conferences and CP reviews whose id another child's record of the same day
# also carries: Mosaic ids are WORKFLOW_STEP_IDs and one step can have several child subjects (B18).
SHARED_ID_SHARE = 0.04
SHARED = ("ssd_contacts", "ssd_initial_cp_conference", "ssd_cp_reviews")


def shared_columns(table: str) -> tuple[str, str, str]:
    """(id, person, date) of a table whose ids are shared: its primary key, the column the contract makes its
    foreign key to ssd_person, and its event date."""
    t = load_tables()[table]
    if t.event_date is None:
        raise ValueError(f"{table} has no event date")
    return t.primary_key, person_column(t), t.event_date


NEXT = desc.MOSAIC_NEXT_ACTION


def shared_ids_sql(table: str) -> str:
    """A temp table shared_<table>(old_id, new_id): for a few % of records, the id of another child's record of
    the same date (pairs of consecutive records of one date, different children; chosen by a hash of the id)."""
    id_, person, day = shared_columns(table)
    return f"""
        CREATE OR REPLACE TEMP TABLE shared_{table} AS
        WITH r AS (
            SELECT {id_} AS id, {person} AS person,
                lag({id_}) OVER w AS prev_id, lag({person}) OVER w AS prev_person, row_number() OVER w AS rn
            FROM c_{table} WHERE {day} IS NOT NULL
            WINDOW w AS (PARTITION BY {day} ORDER BY {id_})
        ), candidates AS (
            SELECT id, prev_id, row_number() OVER (ORDER BY (CAST(prev_id AS BIGINT) * 2654435761) % 1000003, id) AS k
            FROM r WHERE rn % 2 = 0 AND prev_person <> person
        )
        SELECT id AS old_id, prev_id AS new_id FROM candidates
        WHERE k <= (SELECT ceil(count(*) * {SHARED_ID_SHARE}) FROM c_{table})
    """


def _shared(table: str, column: str) -> str:
    return f"coalesce((SELECT s.new_id FROM shared_{table} s WHERE s.old_id = t.{column}), t.{column})"


def _exprs() -> dict[str, dict[str, str]]:
    c, y = sql.col, sql.flag_is_y
    return {
        "ssd_person": {  # ##populate_ssd_person
            "pers_legacy_id": "NULL",
            "pers_forename": "NULL",  # placeholders awaiting a source (commit 9fdae5a)
            "pers_surname": "NULL",
            "pers_sex": sql.case_map(c("pers_sex"), desc.SEX_MOSAIC),  # reference_data GENDER ref_description
            "pers_single_unique_id": sql.ten_digits(c("pers_person_id")),
            "pers_common_child_id": sql.ten_digits(c("pers_person_id")),
            "pers_upn_unknown": "NULL",
            "pers_send_flag": "NULL",
            "pers_is_mother": f"CASE WHEN {c('pers_sex')} = 'F' AND {c('pers_is_mother')} = 'Y' THEN 'Y' END",
        },
        "ssd_contacts": {  # ##populate_ssd_contacts: WORKFLOW_STEP_ID, source code null, next actions as text
            "cont_contact_id": _shared("ssd_contacts", "cont_contact_id"),
            "cont_contact_source_code": "NULL",
            "cont_contact_outcome_json": sql.listed(
                {
                    y("cont_contact_outcome_json", "NEW_REFERRAL_FLAG"): NEXT["assessment"],
                    y("cont_contact_outcome_json", "NFA_FLAG"): NEXT["closure"],
                    y("cont_contact_outcome_json", "ADVICE_FLAG"): NEXT["closure"],
                    y("cont_contact_outcome_json", "OTHER_OUTCOMES_EXIST_FLAG"): NEXT["early_help"],
                }
            ),
        },
        "ssd_cin_episodes": {  # ##populate_ssd_cin_episodes: next step types as text
            "cine_referral_outcome_json": sql.listed(
                {
                    y("cine_referral_outcome_json", "SINGLE_ASSESSMENT_FLAG"): NEXT["assessment"],
                    y("cine_referral_outcome_json", "STRATEGY_DISCUSSION_FLAG"): NEXT["strategy"],
                    y("cine_referral_outcome_json", "NFA_FLAG"): NEXT["closure"],
                    y("cine_referral_outcome_json", "CP_TRANSFER_IN_FLAG"): NEXT["icpc"],
                }
            ),
        },
        "ssd_cin_assessments": {  # cina_assessment_outcome_further_intervention lands in the _json column
            "cina_assessment_outcome_json": (
                f"CASE WHEN {y('cina_assessment_outcome_json', 'PROV_OF_SERVICES_FLAG')} THEN 'Y' ELSE 'N' END"
            ),
        },
        "ssd_s47_enquiry": {
            "s47e_s47_outcome_json": sql.listed(
                {
                    y("s47e_s47_outcome_json", "CP_CONFERENCE_FLAG"): NEXT["icpc"],
                    y("s47e_s47_outcome_json", "NFA_FLAG"): NEXT["closure"],
                    y("s47e_s47_outcome_json", "PROV_OF_SERVICES_FLAG"): NEXT["cin_plan"],
                }
            ),
        },
        "ssd_initial_cp_conference": {  # ##populate_ssd_initial_cp_conference: null meeting id, next actions
            "icpc_icpc_id": _shared("ssd_initial_cp_conference", "icpc_icpc_id"),
            "icpc_icpc_meeting_id": "NULL",
            "icpc_icpc_outcome_json": sql.listed(
                {
                    y("icpc_icpc_outcome_json", "CP_FLAG"): NEXT["cp_plan"],
                    y("icpc_icpc_outcome_json", "NFA_FLAG"): NEXT["closure"],
                }
            ),
        },
        "ssd_cp_plans": {  # CIN_ABUSE_CATEGORY_CODE, 'MUL' for several; ola null (issues/276)
            "cppl_icpc_id": _shared("ssd_initial_cp_conference", "cppl_icpc_id"),
            "cppl_cp_plan_ola": "NULL",
            "cppl_cp_plan_initial_category": sql.case_map(c("cppl_cp_plan_initial_category"), desc.CP_CATEGORY_CIN),
            "cppl_cp_plan_latest_category": sql.case_map(c("cppl_cp_plan_latest_category"), desc.CP_CATEGORY_CIN),
        },
        "ssd_care_leavers": {  # ##populate_ssd_care_leavers (#ssd_care_leavers)
            "clea_table_id": "NULL",
            "clea_care_leaver_eligibility": sql.case_map(c("clea_care_leaver_eligibility"), desc.ELIGIBILITY_MOSAIC),
            # the SSDA903 Accommodation Type mapping keeps the letter only
            "clea_care_leaver_accommodation": f"substr({c('clea_care_leaver_accommodation')}, 1, 1)",
        },
        "ssd_cin_plans": {"cin_plan_id": c("cinp_cin_plan_id")},
        "ssd_cin_visits": {  # ##ssd_cin_visits has the plan, not the child: the plan open on the visit's day
            "cinv_cin_plan_id": (
                "(SELECT max(p.cinp_cin_plan_id) FROM c_ssd_cin_plans p WHERE p.cinp_person_id = t.cinv_person_id "
                "AND t.cinv_cin_visit_date >= p.cinp_cin_plan_start_date "
                "AND (p.cinp_cin_plan_end_date IS NULL OR t.cinv_cin_visit_date <= p.cinp_cin_plan_end_date))"
            ),
        },
        "ssd_cp_reviews": {"cppr_cp_review_id": _shared("ssd_cp_reviews", "cppr_cp_review_id")},
        "ssd_cla_reviews": {
            "clar_cla_person_id": (
                "(SELECT any_value(e.clae_person_id) FROM c_ssd_cla_episodes e WHERE e.clae_cla_id = t.clar_cla_id)"
            ),
        },
        "ssd_cla_health": {  # ##populate_ssd_cla_health: 'HA'/'DT' + person + check id, literal types, null status
            "clah_health_check_id": (
                f"{sql.case_map(c('clah_health_check_type'), desc.HEALTH_CHECK_ID_PREFIX_MOSAIC)} || "
                f"{sql.text(c('clah_person_id'))} || {sql.text(c('clah_health_check_id'))}"
            ),
            "clah_health_check_type": sql.case_map(c("clah_health_check_type"), desc.HEALTH_CHECK_MOSAIC),
            "clah_health_check_status": "NULL",
        },
        "ssd_professionals": {  # ##populate_ssd_professionals: nulls
            "prof_social_worker_registration_no": "NULL",
            "prof_agency_worker_flag": "NULL",
            "prof_professional_job_title": "NULL",
            "prof_full_time_equivalency": "NULL",
        },
    }


def shape(release: str, extract: date) -> Shape:
    columns = layout("mosaic", release)
    exprs = _exprs()
    if release == "1.2.4":
        exprs.pop("ssd_cin_plans")
        exprs["ssd_cla_episodes"] = {"clae_cla_episode_ceased": sql.col("clae_cla_episode_ceased_date")}
    exprs = {t: e for t, e in exprs.items() if t in columns}
    prepare = tuple(shared_ids_sql(t) for t in SHARED)
    script = SCRIPT if release == "1.4.5" else f"{SCRIPT.replace('ssd_deployment_individual_files/', '')} @0855a2b"
    return Shape("mosaic", release, "sqlserver", script, shape_tables(columns, exprs), prepare=prepare)
