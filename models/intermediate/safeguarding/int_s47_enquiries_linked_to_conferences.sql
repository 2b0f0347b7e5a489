{#- Each section 47 enquiry with the number of initial conferences whose icpc_s47_enquiry_id names it,
    and the locality of the team that completed it. A conference counts for an enquiry of the same child only:
    ids a system shares between siblings (Mosaic's workflow steps) never link one child's conference to
    another child's enquiry. s47_outcome puts every enquiry in exactly one of four outcomes (docs/indicators.md
    reading 4.40), from the flags of s47e_s47_outcome_json, the first that applies: continuing_risk (concerns
    substantiated, child judged at continuing risk of significant harm: CP_CONFERENCE_FLAG or LEGAL_ACTION_FLAG),
    substantiated_not_continuing_risk (PROV_OF_SERVICES_FLAG, PROV_OF_SB_CARE_FLAG or MONITOR_FLAG),
    not_substantiated (NFA_FLAG, NFA_CONTINUE_SINGLE_FLAG or s47e_s47_nfa), not_recorded (anything else). -#}
with

enquiries as (

    select * from {{ ref('stg_ssd__s47_enquiry') }}

),

conferences as (

    select * from {{ ref('stg_ssd__initial_cp_conference') }}

),

teams as (

    select * from {{ ref('int_teams_with_locality') }}

),

conference_counts as (

    select
        la_code,
        s47_enquiry_id,
        person_id,
        count(*) as conference_count,
        min(icpc_date) as first_conference_date
    from conferences
    where s47_enquiry_id is not null
    group by la_code, s47_enquiry_id, person_id

),

final as (

    select
        enquiries.la_code,
        enquiries.s47_enquiry_id,
        enquiries.person_id,
        enquiries.referral_id,
        enquiries.s47_start_date,
        enquiries.s47_end_date,
        enquiries.completed_by_team_id,
        teams.locality_name,
        coalesce(enquiries.is_s47_nfa, false) as is_s47_nfa,
        case
            when enquiries.outcome_cp_conference_flag or enquiries.outcome_legal_action_flag then 'continuing_risk'
            when
                enquiries.outcome_prov_of_services_flag
                or enquiries.outcome_prov_of_sb_care_flag
                or enquiries.outcome_monitor_flag
                then 'substantiated_not_continuing_risk'
            when
                enquiries.outcome_nfa_flag
                or enquiries.outcome_nfa_continue_single_flag
                or enquiries.is_s47_nfa
                then 'not_substantiated'
            else 'not_recorded'
        end as s47_outcome,
        coalesce(conference_counts.conference_count, 0) as conference_count,
        conference_counts.first_conference_date,
        conference_counts.conference_count is not null as has_conference
    from enquiries
    left join conference_counts
        on
            enquiries.la_code = conference_counts.la_code
            and enquiries.s47_enquiry_id = conference_counts.s47_enquiry_id
            and enquiries.person_id = conference_counts.person_id
    left join teams
        on
            enquiries.la_code = teams.la_code
            and enquiries.completed_by_team_id = teams.team_id

)

select * from final
