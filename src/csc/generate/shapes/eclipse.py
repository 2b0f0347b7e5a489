"""Eclipse (PostgreSQL): the canonical extract as its scripts write it.

data-to-insight/ssd-data-model `deployment_extracts/eclipse/live/ssd_deployment_individual_files/ssd_<table>.sql`
(HEAD, the 1.4.x-era scripts; file names given below). Codes stay codes; the gaps are NULLs or constants.
"""

from __future__ import annotations

from datetime import date

from csc.generate.outcomes import ASSESSMENT_OUTCOME_KEYS, ICPC_OUTCOME_KEYS, REFERRAL_OUTCOME_KEYS
from csc.generate.shapes import descriptions as desc
from csc.generate.shapes import sql
from csc.generate.shapes.model import Shape, shape_tables
from csc.generate.shapes.releases import layout

SCRIPT = "deployment_extracts/eclipse/live/ssd_deployment_individual_files/"


def _key(k: str) -> str:
    """JSON_BUILD_OBJECT keys are the source's: OUTCOME_ + the SSD key, but for OTHER_OUTCOMES_EXIST_FLAG."""
    return k if k.startswith("OTHER_") else f"OUTCOME_{k}"


def pg_json(column: str, items: list[tuple[str, str]]) -> str:
    """JSON_BUILD_OBJECT(...)::TEXT as PostgreSQL renders it: {"key" : "value", ...}."""
    parts = [f"'\"{k}\" : ' || to_json({v})" for k, v in items]
    return "'{' || " + " || ', ' || ".join(parts) + " || '}'"


def _yn(column: str, key: str) -> str:
    """The script's CASE ... THEN 'Y' ELSE 'N' over the next step."""
    return f"CASE WHEN {sql.flag_is_y(column, key)} THEN 'Y' ELSE 'N' END"


def _outcomes() -> dict[str, dict[str, str]]:
    ref, asm, s47, icpc = (
        "cine_referral_outcome_json",
        "cina_assessment_outcome_json",
        "s47e_s47_outcome_json",
        "icpc_icpc_outcome_json",
    )
    s47_keys: tuple[str, ...] = ("NFA_FLAG", "LEGAL_ACTION_FLAG", "PROV_OF_SERVICES_FLAG", "CP_CONFERENCE_FLAG")
    s47_keys += ("NFA_CONTINUE_SINGLE_FLAG", "MONITOR_FLAG", "OTHER_OUTCOMES_EXIST_FLAG")
    blank_icpc = ("REFERRAL_TO_OTHER_AGENCY_FLAG", "SINGLE_ASSESSMENT_FLAG", "PROV_OF_SERVICES_FLAG")
    return {
        "ssd_cin_episodes": {ref: pg_json(ref, [(_key(k), _yn(ref, k)) for k in REFERRAL_OUTCOME_KEYS])},
        "ssd_cin_assessments": {
            asm: pg_json(
                asm, [(_key(k), _yn(asm, k)) for k in ASSESSMENT_OUTCOME_KEYS] + [("TOTAL_NO_OF_OUTCOMES", "''")]
            )
        },
        "ssd_s47_enquiry": {  # ssd_s47_enquiry.sql: OUTCOME_COMMENTS = the form's summary (free text)
            s47: pg_json(
                s47,
                [(_key(k), _yn(s47, k)) for k in s47_keys]
                + [("TOTAL_NO_OF_OUTCOMES", "' '"), ("OUTCOME_COMMENTS", sql.json_value(s47, "OUTCOME_COMMENTS"))],
            )
        },
        "ssd_initial_cp_conference": {
            icpc: pg_json(
                icpc,
                [(_key(k), "''" if k in blank_icpc else _yn(icpc, k)) for k in ICPC_OUTCOME_KEYS]
                + [("TOTAL_NO_OF_OUTCOMES", "''"), ("OUTCOME_COMMENTS", "''")],
            )
        },
    }


def _exprs() -> dict[str, dict[str, str]]:
    c = sql.col
    out = {
        "ssd_person": {  # ssd_person.sql
            "pers_legacy_id": sql.legacy_id(c("pers_person_id")),  # P.CAREFIRSTID
            "pers_gender": sql.case_map(c("pers_gender"), desc.GENDER_ECLIPSE, "'09'"),
            "pers_single_unique_id": sql.ten_digits(c("pers_person_id")),  # P.NHSNUMBER
            "pers_send_flag": "NULL",
        },
        "ssd_department": {"dept_team_parent_id": "NULL", "dept_team_parent_name": "NULL"},  # ssd_department.sql
        "ssd_contacts": {"cont_contact_outcome_json": "NULL"},  # ssd_contacts.sql
        "ssd_cin_episodes": {"cine_referral_team": "NULL"},  # ssd_cin_episodes.sql
        "ssd_cp_plans": {"cppl_cp_plan_ola": "NULL"},  # ssd_cp_plans.sql
        "ssd_cp_reviews": {"cppr_cp_review_quorate": "'Y'"},  # ssd_cp_reviews.sql: a constant
        "ssd_cp_visits": {"cppv_cp_visit_bedroom": "NULL"},  # ssd_cp_visits.sql
        "ssd_cla_reviews": {"clar_cla_review_cancelled": "'N'"},  # ssd_cla_reviews.sql: a constant
        "ssd_cla_health": {  # ssd_cla_health.sql
            "clah_health_check_type": sql.case_map(c("clah_health_check_type"), desc.HEALTH_CHECK_ECLIPSE),
            "clah_health_check_status": sql.lit(desc.HEALTH_CHECK_STATUS_ECLIPSE),
        },
        "ssd_permanence": {  # ssd_permanence.sql: only ids, adopter codes and reversal reason are sourced
            col: "NULL"
            for col in [
                "perm_adm_decision_date",
                "perm_part_of_sibling_group",
                "perm_siblings_placed_together",
                "perm_siblings_placed_apart",
                "perm_ffa_cp_decision_date",
                "perm_placement_order_date",
                "perm_matched_date",
                "perm_number_of_adopters",
                "perm_placed_for_adoption_date",
                "perm_adopted_by_carer_flag",
                "perm_placed_foster_carer_date",
                "perm_placed_ffa_cp_date",
                "perm_placement_provider_urn",
                "perm_decision_reversed_date",
                "perm_permanence_order_date",
                "perm_permanence_order_type",
                "perm_adoption_worker_id",
            ]
        },
        "ssd_professionals": {  # ssd_professionals.sql
            col: "NULL"
            for col in (
                "prof_agency_worker_flag",
                "prof_professional_job_title",
                "prof_professional_caseload",
                "prof_professional_department",
                "prof_full_time_equivalency",
            )
        },
    }
    for table, exprs in _outcomes().items():
        out.setdefault(table, {}).update(exprs)
    return out


def shape(release: str, extract: date) -> Shape:
    columns = layout("eclipse", release)  # raises for 1.2.4: there is no Eclipse script of that release
    return Shape("eclipse", release, "postgres", SCRIPT, shape_tables(columns, _exprs()))
