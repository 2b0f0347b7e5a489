{#- Public Law Outline pre-proceedings and care proceedings of a child. Dates, counts and Yes/No answers are
    typed; the answers "Unknown" and "Not in care proceedings" are not flags (the gate blanks them, so they
    are NULL here). Counts are whole numbers of 0 or more, any other number is NULL. Outcomes and care plans
    are kept as written (the SSD gives lettered options, e.g. "A - Continue with current plan", that systems
    do not yet write consistently). The court reference and the short-notice reason are never landed. -#}
with

source as (

    select * from {{ source('ssd', 'ssd_pre_proceedings') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_pre_proceedings') }}

),

renamed as (

    select
        landed.la_code,
        landed.extract_date,
        landed.prep_table_id as pre_proceedings_id,
        landed.prep_person_id as person_id,
        landed.prep_plo_family_id as plo_family_id,
        {{ parse_date('landed.prep_pre_pro_decision_date') }} as pre_proceedings_decision_date,
        {{ parse_date('landed.prep_initial_pre_pro_meeting_date') }} as initial_meeting_date,
        landed.prep_pre_pro_outcome as pre_proceedings_outcome,
        {{ parse_date('landed.prep_agree_stepdown_issue_date') }} as stepdown_or_issue_date,
        {{ parse_number('landed.prep_cp_plans_referral_period') }} as cp_plans_in_referral_period,
        landed.prep_legal_gateway_outcome as legal_gateway_outcome,
        {{ parse_number('landed.prep_prev_pre_proc_child') }} as previous_pre_proceedings,
        {{ parse_number('landed.prep_prev_care_proc_child') }} as previous_care_proceedings,
        {{ parse_date('landed.prep_pre_pro_letter_date') }} as pre_proceedings_letter_date,
        {{ parse_date('landed.prep_care_pro_letter_date') }} as care_proceedings_letter_date,
        {{ parse_number('landed.prep_pre_pro_meetings_num') }} as review_meetings,
        {{ parse_flag('landed.prep_pre_pro_parents_legal_rep') }} as has_parents_legal_rep_in_pre_proceedings,
        {{ parse_flag('landed.prep_parents_legal_rep_point_of_issue') }} as has_parents_legal_rep_at_issue,
        {{ parse_number('landed.prep_care_proc_court_hearings') }} as court_hearings,
        {{ parse_flag('landed.prep_care_proc_short_notice') }} as is_short_notice_application,
        {{ parse_flag('landed.prep_la_inital_plan_approved') }} as is_initial_plan_approved,
        landed.prep_la_initial_care_plan as initial_care_plan,
        {{ parse_flag('landed.prep_la_final_plan_approved') }} as is_final_plan_approved,
        landed.prep_la_final_care_plan as final_care_plan
    from landed

),

final as (

    select
        renamed.la_code,
        renamed.extract_date,
        renamed.pre_proceedings_id,
        renamed.person_id,
        renamed.plo_family_id,
        renamed.pre_proceedings_decision_date,
        renamed.initial_meeting_date,
        renamed.pre_proceedings_outcome,
        renamed.stepdown_or_issue_date,
        case
            when
                renamed.cp_plans_in_referral_period >= 0
                and renamed.cp_plans_in_referral_period = floor(renamed.cp_plans_in_referral_period)
                then cast(renamed.cp_plans_in_referral_period as integer)
        end as cp_plans_in_referral_period,
        renamed.legal_gateway_outcome,
        case
            when
                renamed.previous_pre_proceedings >= 0
                and renamed.previous_pre_proceedings = floor(renamed.previous_pre_proceedings)
                then cast(renamed.previous_pre_proceedings as integer)
        end as previous_pre_proceedings,
        case
            when
                renamed.previous_care_proceedings >= 0
                and renamed.previous_care_proceedings = floor(renamed.previous_care_proceedings)
                then cast(renamed.previous_care_proceedings as integer)
        end as previous_care_proceedings,
        renamed.pre_proceedings_letter_date,
        renamed.care_proceedings_letter_date,
        case
            when
                renamed.review_meetings >= 0
                and renamed.review_meetings = floor(renamed.review_meetings)
                then cast(renamed.review_meetings as integer)
        end as review_meetings,
        renamed.has_parents_legal_rep_in_pre_proceedings,
        renamed.has_parents_legal_rep_at_issue,
        case
            when
                renamed.court_hearings >= 0
                and renamed.court_hearings = floor(renamed.court_hearings)
                then cast(renamed.court_hearings as integer)
        end as court_hearings,
        renamed.is_short_notice_application,
        renamed.is_initial_plan_approved,
        renamed.initial_care_plan,
        renamed.is_final_plan_approved,
        renamed.final_care_plan
    from renamed

)

select * from final
