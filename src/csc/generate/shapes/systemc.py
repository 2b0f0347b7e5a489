"""SystemC / Liquidlogic: the canonical extract as the SQL Server script writes it.

Release 1.4.5: data-to-insight/ssd-data-model `deployment_extracts/systemc/live/ssd_deployment_individual_files/
systemc_sqlserver_v1.4.5_1_20260708.sql` (quoted below as v1.4.5). Release 1.2.4: the seven LA releases
`deployment_extracts_la_release/*_systemc_sqlserver*_v1.2.4_1.sql` (same DDL and SELECTs; quoted as v1.2.4,
e.g. 340_knowsley). Line numbers are those files'.
"""

from __future__ import annotations

from datetime import date

from csc.generate.outcomes import (
    ASSESSMENT_OUTCOME_KEYS,
    CONTACT_OUTCOME_KEYS,
    ICPC_OUTCOME_KEYS,
    REFERRAL_OUTCOME_KEYS,
    S47_OUTCOME_KEYS,
)
from csc.generate.shapes import descriptions as desc
from csc.generate.shapes import sql
from csc.generate.shapes.ddl import SSD_145
from csc.generate.shapes.model import Shape, shape_tables

SCRIPT_145 = "deployment_extracts/systemc/live/ssd_deployment_individual_files/systemc_sqlserver_v1.4.5_1_20260708.sql"
SCRIPT_124 = "deployment_extracts_la_release/340_knowsley_systemc_sqlserver_v1.2.4_1.sql"

# CIN ReferralSource codes (docs/data_standards.md 3.1) -> a DIM_LOOKUP_CONT_SORC_ID: SystemC writes the lookup's
# surrogate id into *_source_code (v1.4.5 lines 1691, 2088), not the code. The ids are invented.
REFERRAL_SOURCES = ("1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C",
                    "5D", "6", "7", "8", "9", "10")  # fmt: skip
SOURCE_LOOKUP_ID = {code: str(4100 + i) for i, code in enumerate(REFERRAL_SOURCES)}
# The v1.4.5 referral JSON leaves NFA_FLAG commented out (line 1698; v1.2.4 line 677 too)
REFERRAL_KEYS = tuple(k for k in REFERRAL_OUTCOME_KEYS if k != "NFA_FLAG")
PLACEHOLDER = "TIMESTAMP '1900-01-01'"


def _category(column: str) -> str:
    """INIT_CATEGORY_DESC / CP_CATEGORY_DESC (v1.4.5 lines 3465-3466): descriptions, the multiple category
    listing its categories ("Multiple: [List of relevant categories]", ssd_cp_plans.yml)."""
    multiple = f"{sql.lit(desc.CP_MULTIPLE_PREFIX)} || {sql.pick(sql.col('cppl_cp_plan_id'), desc.CP_MULTIPLE_LISTS)}"
    return f"CASE WHEN {sql.col(column)} = 'Multiple' THEN {multiple} ELSE {sql.col(column)} END"


def _last_sept_30(extract: date) -> date:
    sept = date(extract.year, 9, 30)
    return sept if extract >= sept else date(extract.year - 1, 9, 30)


def _caseload(extract: date) -> str:
    """ISNULL(OpenCases, 0): allocated involvements open on the last 30 September, started in the 6-year
    window (v1.4.5 lines 5966-5990)."""
    sept = _last_sept_30(extract)
    start = date(sept.year - 6, 9, 30)
    return (
        "(SELECT count(*) FROM c_ssd_involvements i WHERE i.invo_professional_id = t.prof_professional_id "
        "AND i.invo_professional_role_id = 'Allocated social worker' "
        f"AND i.invo_involvement_start_date <= DATE '{sept}' AND i.invo_involvement_start_date >= DATE '{start}' "
        f"AND (i.invo_involvement_end_date IS NULL OR i.invo_involvement_end_date >= DATE '{sept}'))"
    )


def _common(extract: date) -> dict[str, dict[str, str]]:
    """What both releases do alike."""
    c = sql.col
    return {
        "ssd_person": {
            "pers_legacy_id": sql.legacy_id(c("pers_person_id")),  # p.LEGACY_ID
            "pers_is_mother": f"CASE WHEN {c('pers_is_mother')} = 'Y' THEN 'Y' END",  # 'Y' or NULL
        },
        "ssd_department": {
            # DEPT_ID (the department's source key, not a dim id) and DEPT_TYPE_DESCRIPTION (v1.4.5 6066-6069)
            "dept_team_parent_id": f"CAST({c('dept_team_id')} AS BIGINT) + 90000",
            "dept_team_parent_name": (
                f"CASE WHEN {c('dept_team_parent_id')} IS NULL THEN {sql.lit(desc.DEPT_TYPE_SYSTEMC['locality'])} "
                f"ELSE {sql.lit(desc.DEPT_TYPE_SYSTEMC['team'])} END"
            ),
        },
        "ssd_contacts": {"cont_contact_source_code": sql.case_map(c("cont_contact_source_code"), SOURCE_LOOKUP_ID)},
        "ssd_cin_episodes": {
            "cine_referral_source_code": sql.case_map(c("cine_referral_source_code"), SOURCE_LOOKUP_ID),
            "cine_referral_worker_id": sql.worker_name(c("cine_referral_worker_id")),  # DIM_WORKER_ID_DESC
        },
        # AssessmentAuthorisedDate: MAX(ISNULL(FormEndDate, '1900-01-01')) (v1.4.5 line 2366)
        "ssd_cin_assessments": {
            "cina_assessment_auth_date": f"coalesce({c('cina_assessment_auth_date')}, {PLACEHOLDER})"
        },
        "ssd_cp_plans": {
            "cppl_cp_plan_initial_category": _category("cppl_cp_plan_initial_category"),
            "cppl_cp_plan_latest_category": _category("cppl_cp_plan_latest_category"),
        },
        "ssd_cla_episodes": {  # CARE_REASON_DESC / CARE_REASON_END_DESC (v1.4.5 lines 3841, 3844)
            "clae_cla_episode_start_reason": sql.case_map(
                c("clae_cla_episode_start_reason"), desc.EPISODE_START_REASON
            ),
            "clae_cla_episode_ceased_reason": sql.case_map(
                c("clae_cla_episode_ceased_reason"), desc.EPISODE_CEASED_REASON
            ),
        },
        # DIM_LOOKUP_LGL_STATUS_DESC (v1.4.5 line 1986)
        "ssd_legal_status": {"lega_legal_status": sql.case_map(c("lega_legal_status"), desc.LEGAL_STATUS)},
        "ssd_care_leavers": {  # v1.4.5 lines 5587-5609
            "clea_table_id": sql.guid(c("clea_table_id"), "clea"),  # NEWID()
            "clea_care_leaver_eligibility": sql.case_map(c("clea_care_leaver_eligibility"), desc.ELIGIBILITY_SPEC),
            "clea_care_leaver_accommodation": sql.case_map(
                f"substr({c('clea_care_leaver_accommodation')}, 1, 1)", desc.CARE_LEAVER_ACCOMMODATION
            ),
            "clea_care_leaver_accom_suitable": sql.case_map(c("clea_care_leaver_accom_suitable"), desc.ACCOM_SUITABLE),
            "clea_care_leaver_activity": sql.case_map(c("clea_care_leaver_activity"), desc.CARE_LEAVER_ACTIVITY),
            "clea_pathway_plan_review_date": f"coalesce({c('clea_pathway_plan_review_date')}, {PLACEHOLDER})",
            "clea_care_leaver_personal_advisor": sql.text(c("clea_care_leaver_worker_id")),  # a DIM_WORKER_ID
        },
        "ssd_cp_reviews": {  # quorate: the 'WasConf' form answer; participation: NULL placeholder (v1.4.5 3715)
            "cppr_cp_review_quorate": sql.case_map(c("cppr_cp_review_quorate"), desc.QUORATE_ANSWER_SYSTEMC),
            "cppr_cp_review_participation": "NULL",
        },
        "ssd_cla_reviews": {  # DIM_LOOKUP_PARTICIPATION_CODE_DESC
            "clar_cla_review_participation": sql.case_map(c("clar_cla_review_participation"), desc.PARTICIPATION),
        },
        # DIM_LOOKUP_EVENT_TYPE_DESC (v1.4.5 line 4056)
        "ssd_cla_health": {
            "clah_health_check_type": sql.case_map(c("clah_health_check_type"), desc.HEALTH_CHECK_SYSTEMC)
        },
        "ssd_permanence": {  # v1.4.5 lines 5751-5783
            "perm_person_id": sql.legacy_id(c("perm_person_id")),  # p.LEGACY_ID
            "perm_placed_foster_carer_date": PLACEHOLDER,  # CAST('1900/01/01' AS DATETIME) [PLACEHOLDER_DATA]
            "perm_permanence_order_type": sql.case_map(
                c("perm_permanence_order_type"), desc.PERMANENCE_ORDER_TYPE_SYSTEMC
            ),
        },
        "ssd_professionals": {"prof_professional_caseload": _caseload(extract)},
    }


def _release_145(extract: date) -> dict[str, dict[str, str]]:
    c = sql.col
    out = _common(extract)
    out["ssd_person"] |= {
        "pers_gender": c("pers_sex"),  # GENDER_MAIN_CODE twice (v1.4.5 lines 532-533)
        "pers_single_unique_id": sql.ten_digits(c("pers_person_id")),  # NULL by default; an LA sets the NHS no.
    }
    out["ssd_contacts"]["cont_contact_outcome_json"] = sql.legacy_json(
        "cont_contact_outcome_json", CONTACT_OUTCOME_KEYS, "NUMBER_OF_OUTCOMES", "COMMENTS"
    )
    out["ssd_cin_episodes"]["cine_referral_outcome_json"] = sql.legacy_json(
        "cine_referral_outcome_json", REFERRAL_KEYS, "NUMBER_OF_OUTCOMES", "COMMENTS"
    )
    out["ssd_cin_assessments"]["cina_assessment_outcome_json"] = sql.legacy_json(
        "cina_assessment_outcome_json", ASSESSMENT_OUTCOME_KEYS, "TOTAL_NO_OF_OUTCOMES", "COMMENTS"
    )
    out["ssd_s47_enquiry"] = {
        "s47e_s47_outcome_json": sql.legacy_json(
            "s47e_s47_outcome_json", S47_OUTCOME_KEYS, "TOTAL_NO_OF_OUTCOMES", "OUTCOME_COMMENTS", escape=True
        )
    }
    out["ssd_initial_cp_conference"] = {
        "icpc_icpc_outcome_json": sql.legacy_json(
            "icpc_icpc_outcome_json", ICPC_OUTCOME_KEYS, "TOTAL_NO_OF_OUTCOMES", "COMMENTS", escape=True, compact=True
        )
    }
    out["ssd_cla_reviews"]["clar_cla_person_id"] = (
        "(SELECT any_value(e.clae_person_id) FROM c_ssd_cla_episodes e WHERE e.clae_cla_id = t.clar_cla_id)"
    )
    out["ssd_professionals"]["prof_agency_worker_flag"] = "NULL"  # [PLACEHOLDER_DATA] (v1.4.5 line 5969)
    out["ssd_involvements"] = {  # DIM_LOOKUP_INVOLVEMENT_TYPE_CODE since v1.4.5
        "invo_professional_role_id": sql.case_map(c("invo_professional_role_id"), desc.INVOLVEMENT_TYPE_SYSTEMC)
    }
    return out


def _release_124(extract: date) -> dict[str, dict[str, str]]:
    c = sql.col
    out = _common(extract)
    out["ssd_person"] |= {  # 340_knowsley v1.2.4 lines 194-222
        "pers_sex": "'SSD_PH'",  # placeholder
        "pers_gender": c("pers_sex"),  # GENDER_MAIN_CODE
        "pers_common_child_id": sql.ten_digits(c("pers_person_id")),
        "pers_upn_unknown": f"coalesce({c('pers_upn_unknown')}, 'SSD_PH')",
    }
    fj = sql.for_json  # FOR JSON PATH, the v1.2.4 default; counts wrapped in ISNULL(x, '') become 0
    out["ssd_contacts"]["cont_contact_outcome_json"] = fj(
        "cont_contact_outcome_json", CONTACT_OUTCOME_KEYS, "NUMBER_OF_OUTCOMES", "COMMENTS", None
    )
    out["ssd_cin_episodes"]["cine_referral_outcome_json"] = fj(
        "cine_referral_outcome_json", REFERRAL_KEYS, "NUMBER_OF_OUTCOMES", "COMMENTS", None
    )
    asm_keys = tuple(k for k in ASSESSMENT_OUTCOME_KEYS if k != "NFA_S47_END_FLAG")  # commented out, line 1233
    out["ssd_cin_assessments"]["cina_assessment_outcome_json"] = fj(
        "cina_assessment_outcome_json", asm_keys, "TOTAL_NO_OF_OUTCOMES", "COMMENTS", "0"
    )
    out["ssd_s47_enquiry"] = {
        "s47e_s47_outcome_json": fj(
            "s47e_s47_outcome_json", S47_OUTCOME_KEYS, "TOTAL_NO_OF_OUTCOMES", "OUTCOME_COMMENTS", "0"
        )
    }
    out["ssd_initial_cp_conference"] = {
        "icpc_icpc_outcome_json": fj(
            "icpc_icpc_outcome_json", ICPC_OUTCOME_KEYS, "TOTAL_NO_OF_OUTCOMES", "COMMENTS", "0"
        )
    }
    # ISNULL(MAX(IRO casenote), '1900-01-01') (line 2385-2387)
    out["ssd_cla_episodes"]["clae_cla_episode_ceased"] = c("clae_cla_episode_ceased_date")
    out["ssd_cla_episodes"]["clae_cla_last_iro_contact_date"] = (
        f"coalesce({c('clae_cla_last_iro_contact_date')}, {PLACEHOLDER})"
    )
    out["ssd_professionals"]["prof_agency_worker_flag"] = "''"  # '' AS prof_agency_worker_flag (line 3994)
    out["ssd_sdq_scores"] = {"csdq_sdq_completed_date": PLACEHOLDER}  # CAST('1900-01-01' AS DATETIME) (line 3403)
    return out


def shape(release: str, extract: date) -> Shape:
    from csc.generate.shapes.releases import layout

    if release == "1.4.5":
        return Shape("systemc", release, "sqlserver", SCRIPT_145, shape_tables(SSD_145, _release_145(extract)))
    if release == "1.2.4":
        tables = shape_tables(layout("systemc", release), _release_124(extract))
        return Shape("systemc", release, "sqlserver", SCRIPT_124, tables, version_log=True)
    raise ValueError(f"no SystemC script for SSD release {release}")
