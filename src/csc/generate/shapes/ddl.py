"""Column layouts (names, order, DDL types) of the SSD tables as the v1.4.5-era scripts create them, read from
their CREATE TABLE statements in data-to-insight/ssd-data-model:

- SSD_145: SystemC/Liquidlogic `deployment_extracts/systemc/live/ssd_deployment_individual_files/
  systemc_sqlserver_v1.4.5_1_20260708.sql`. Eclipse (`deployment_extracts/eclipse/live/
  ssd_deployment_individual_files/ssd_*.sql`, PostgreSQL) creates the same columns in the same order,
  except ssd_cla_reviews without clar_cla_person_id (see eclipse.py).

Type letters: s text (NVARCHAR / VARCHAR: every id is text), t DATETIME / TIMESTAMP, i integer, f float.
"""

from __future__ import annotations

SSD_145: dict[str, str] = {
    "ssd_person": (
        "pers_legacy_id:s pers_person_id:s pers_upn:s pers_forename:s pers_surname:s pers_sex:s pers_gender:s "
        "pers_ethnicity:s pers_dob:t pers_single_unique_id:s pers_upn_unknown:s pers_send_flag:s "
        "pers_expected_dob:t pers_death_date:t pers_is_mother:s pers_nationality:s"
    ),
    "ssd_department": "dept_team_id:s dept_team_name:s dept_team_parent_id:s dept_team_parent_name:s",
    "ssd_contacts": (
        "cont_contact_id:s cont_person_id:s cont_contact_date:t cont_contact_source_code:s "
        "cont_contact_source_desc:s cont_contact_outcome_json:s"
    ),
    "ssd_cin_episodes": (
        "cine_referral_id:s cine_person_id:s cine_referral_date:t cine_cin_primary_need_code:s "
        "cine_referral_source_code:s cine_referral_source_desc:s cine_referral_outcome_json:s "
        "cine_referral_nfa:s cine_close_reason:s cine_close_date:t cine_referral_team:s "
        "cine_referral_worker_id:s"
    ),
    "ssd_cin_assessments": (
        "cina_assessment_id:s cina_person_id:s cina_referral_id:s cina_assessment_start_date:t "
        "cina_assessment_child_seen:s cina_assessment_auth_date:t cina_assessment_outcome_json:s "
        "cina_assessment_outcome_nfa:s cina_assessment_team:s cina_assessment_worker_id:s"
    ),
    "ssd_s47_enquiry": (
        "s47e_s47_enquiry_id:s s47e_referral_id:s s47e_person_id:s s47e_s47_start_date:t s47e_s47_end_date:t "
        "s47e_s47_nfa:s s47e_s47_outcome_json:s s47e_s47_completed_by_team:s "
        "s47e_s47_completed_by_worker_id:s"
    ),
    "ssd_initial_cp_conference": (
        "icpc_icpc_id:s icpc_icpc_meeting_id:s icpc_s47_enquiry_id:s icpc_person_id:s icpc_cp_plan_id:s "
        "icpc_referral_id:s icpc_icpc_transfer_in:s icpc_icpc_target_date:t icpc_icpc_date:t "
        "icpc_icpc_outcome_cp_flag:s icpc_icpc_outcome_json:s icpc_icpc_team:s icpc_icpc_worker_id:s"
    ),
    "ssd_cp_plans": (
        "cppl_cp_plan_id:s cppl_referral_id:s cppl_icpc_id:s cppl_person_id:s cppl_cp_plan_start_date:t "
        "cppl_cp_plan_end_date:t cppl_cp_plan_ola:s cppl_cp_plan_initial_category:s "
        "cppl_cp_plan_latest_category:s"
    ),
    "ssd_cla_episodes": (
        "clae_cla_episode_id:s clae_person_id:s clae_cla_placement_id:s clae_cla_episode_start_date:t "
        "clae_cla_episode_start_reason:s clae_cla_primary_need_code:s clae_cla_episode_ceased_date:t "
        "clae_cla_episode_ceased_reason:s clae_cla_id:s clae_referral_id:s clae_cla_last_iro_contact_date:t "
        "clae_entered_care_date:t"
    ),
    "ssd_legal_status": (
        "lega_legal_status_id:s lega_person_id:s lega_legal_status:s lega_legal_status_start_date:t "
        "lega_legal_status_end_date:t"
    ),
    "ssd_cla_placement": (
        "clap_cla_placement_id:s clap_cla_id:s clap_person_id:s clap_cla_placement_start_date:t "
        "clap_cla_placement_type:s clap_cla_placement_urn:s clap_cla_placement_distance:f "
        "clap_cla_placement_provider:s clap_cla_placement_postcode:s clap_cla_placement_end_date:t "
        "clap_cla_placement_change_reason:s"
    ),
    "ssd_care_leavers": (
        "clea_table_id:s clea_person_id:s clea_care_leaver_eligibility:s clea_care_leaver_in_touch:s "
        "clea_care_leaver_latest_contact:t clea_care_leaver_accommodation:s clea_care_leaver_accom_suitable:s "
        "clea_care_leaver_activity:s clea_pathway_plan_review_date:t clea_care_leaver_personal_advisor:s "
        "clea_care_leaver_allocated_team:s clea_care_leaver_worker_id:s"
    ),
    "ssd_cin_plans": (
        "cinp_cin_plan_id:s cinp_referral_id:s cinp_person_id:s cinp_cin_plan_start_date:t "
        "cinp_cin_plan_end_date:t cinp_cin_plan_team:s cinp_cin_plan_worker_id:s"
    ),
    "ssd_cp_reviews": (
        "cppr_cp_review_id:s cppr_person_id:s cppr_cp_plan_id:s cppr_cp_review_due:t cppr_cp_review_date:t "
        "cppr_cp_review_meeting_id:s cppr_cp_review_outcome_continue_cp:s cppr_cp_review_quorate:s "
        "cppr_cp_review_participation:s"
    ),
    "ssd_cp_visits": (
        "cppv_cp_visit_id:s cppv_person_id:s cppv_cp_plan_id:s cppv_cp_visit_date:t cppv_cp_visit_seen:s "
        "cppv_cp_visit_seen_alone:s cppv_cp_visit_bedroom:s"
    ),
    "ssd_cla_reviews": (
        "clar_cla_review_id:s clar_cla_id:s clar_cla_person_id:s clar_cla_review_due_date:t "
        "clar_cla_review_date:t clar_cla_review_cancelled:s clar_cla_review_participation:s"
    ),
    "ssd_cla_visits": (
        "clav_cla_visit_id:s clav_cla_id:s clav_person_id:s clav_cla_visit_date:t clav_cla_visit_seen:s "
        "clav_cla_visit_seen_alone:s"
    ),
    "ssd_cla_health": (
        "clah_health_check_id:s clah_person_id:s clah_health_check_type:s clah_health_check_date:t "
        "clah_health_check_status:s"
    ),
    "ssd_permanence": (
        "perm_table_id:s perm_person_id:s perm_cla_id:s perm_adm_decision_date:t perm_part_of_sibling_group:s "
        "perm_siblings_placed_together:i perm_siblings_placed_apart:i perm_ffa_cp_decision_date:t "
        "perm_placement_order_date:t perm_matched_date:t perm_adopter_sex:s perm_adopter_legal_status:s "
        "perm_number_of_adopters:i perm_placed_for_adoption_date:t perm_adopted_by_carer_flag:s "
        "perm_placed_foster_carer_date:t perm_placed_ffa_cp_date:t perm_placement_provider_urn:s "
        "perm_decision_reversed_date:t perm_decision_reversed_reason:s perm_permanence_order_date:t "
        "perm_permanence_order_type:s perm_adoption_worker_id:s"
    ),
    "ssd_early_help_episodes": (
        "earl_episode_id:s earl_person_id:s earl_episode_start_date:t earl_episode_end_date:t "
        "earl_episode_reason:s earl_episode_end_reason:s earl_episode_organisation:s earl_episode_worker_id:s"
    ),
    "ssd_professionals": (
        "prof_professional_id:s prof_staff_id:s prof_professional_name:s prof_social_worker_registration_no:s "
        "prof_agency_worker_flag:s prof_professional_job_title:s prof_professional_caseload:i "
        "prof_professional_department:s prof_full_time_equivalency:f"
    ),
    "ssd_involvements": (
        "invo_involvements_id:s invo_professional_id:s invo_professional_role_id:s invo_professional_team:s "
        "invo_person_id:s invo_involvement_start_date:t invo_involvement_end_date:t "
        "invo_worker_change_reason:s invo_referral_id:s"
    ),
    "ssd_missing": (
        "miss_table_id:s miss_person_id:s miss_missing_episode_start_date:t miss_missing_episode_type:s "
        "miss_missing_episode_end_date:t miss_missing_rhi_offered:s miss_missing_rhi_accepted:s"
    ),
    "ssd_immigration_status": (
        "immi_immigration_status_id:s immi_person_id:s immi_immigration_status_start_date:t "
        "immi_immigration_status_end_date:t immi_immigration_status:s"
    ),
    "ssd_cin_visits": (
        "cinv_cin_visit_id:s cinv_person_id:s cinv_cin_visit_date:t cinv_cin_visit_seen:s "
        "cinv_cin_visit_seen_alone:s cinv_cin_visit_bedroom:s"
    ),
    "ssd_sdq_scores": "csdq_table_id:s csdq_person_id:s csdq_sdq_completed_date:t csdq_sdq_score:i csdq_sdq_reason:s",
    "ssd_assessment_factors": "cinf_table_id:s cinf_assessment_id:s cinf_assessment_factors_json:s",
    "ssd_disability": "disa_table_id:s disa_person_id:s disa_disability_code:s",
    "ssd_pre_proceedings": (
        "prep_table_id:s prep_person_id:s prep_plo_family_id:s prep_pre_pro_decision_date:t "
        "prep_initial_pre_pro_meeting_date:t prep_pre_pro_outcome:s prep_agree_stepdown_issue_date:t "
        "prep_cp_plans_referral_period:i prep_legal_gateway_outcome:s prep_prev_pre_proc_child:i "
        "prep_prev_care_proc_child:i prep_pre_pro_letter_date:t prep_care_pro_letter_date:t "
        "prep_pre_pro_meetings_num:i prep_pre_pro_parents_legal_rep:s prep_parents_legal_rep_point_of_issue:s "
        "prep_court_reference:s prep_care_proc_court_hearings:i prep_care_proc_short_notice:s "
        "prep_proc_short_notice_reason:s prep_la_inital_plan_approved:s prep_la_initial_care_plan:s "
        "prep_la_final_plan_approved:s prep_la_final_care_plan:s"
    ),
    "ssd_cla_convictions": (
        "clac_cla_conviction_id:s clac_person_id:s clac_cla_conviction_date:t clac_cla_conviction_offence:s"
    ),
    "ssd_cla_immunisations": "clai_person_id:s clai_immunisations_status:s clai_immunisations_status_date:t",
    "ssd_cla_substance_misuse": (
        "clas_substance_misuse_id:s clas_person_id:s clas_substance_misuse_date:t clas_substance_misused:s "
        "clas_intervention_received:s"
    ),
    "ssd_cla_previous_permanence": (
        "lapp_table_id:s lapp_person_id:s lapp_previous_permanence_option:s lapp_previous_permanence_la:s "
        "lapp_previous_permanence_order_date:s"
    ),
}
