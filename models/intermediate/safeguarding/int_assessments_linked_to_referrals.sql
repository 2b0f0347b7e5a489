{#- Each assessment with its referral (cina_referral_id) and the working days from its start, and from
    the referral date, to its authorisation: the DfE (start) and Working Together (referral) readings of
    the 45 working-day timescale. assessment_outcome puts every assessment in exactly one of four outcomes
    (docs/indicators.md reading 4.39), from the flags of cina_assessment_outcome_json, the first that applies:
    ongoing_involvement (services, short-break care, a CLA request, a strategy discussion, legal action, private
    fostering or a specialist assessment), step_down (REFERRAL_TO_OTHER_AGENCY_FLAG: to early help or another
    agency), no_further_action (cina_assessment_outcome_nfa, NFA_FLAG or NFA_S47_END_FLAG), other (anything else,
    including no outcome recorded). -#}
with

assessments as (

    select * from {{ ref('stg_ssd__cin_assessments') }}

),

referrals as (

    select * from {{ ref('stg_ssd__cin_episodes') }}

),

teams as (

    select * from {{ ref('int_teams_with_locality') }}

),

linked as (

    select
        assessments.la_code,
        assessments.assessment_id,
        assessments.person_id,
        assessments.referral_id,
        assessments.assessment_start_date,
        assessments.assessment_auth_date,
        assessments.assessment_team_id,
        teams.locality_name,
        coalesce(assessments.is_outcome_nfa, false) as is_outcome_nfa,
        case
            when
                assessments.outcome_prov_of_services_flag
                or assessments.outcome_prov_of_sb_care_flag
                or assessments.outcome_cla_request_flag
                or assessments.outcome_strategy_discussion_flag
                or assessments.outcome_legal_action_flag
                or assessments.outcome_private_fostering_flag
                or assessments.outcome_specialist_assessment_flag
                then 'ongoing_involvement'
            when assessments.outcome_referral_to_other_agency_flag then 'step_down'
            when
                assessments.is_outcome_nfa
                or assessments.outcome_nfa_flag
                or assessments.outcome_nfa_s47_end_flag
                then 'no_further_action'
            else 'other'
        end as assessment_outcome,
        referrals.referral_date,
        referrals.referral_id is not null as is_linked_to_referral,
        {{ working_days('assessments.assessment_start_date', 'assessments.assessment_auth_date') }}
            as working_days_start_to_authorised,
        {{ working_days('referrals.referral_date', 'assessments.assessment_auth_date') }}
            as working_days_referral_to_authorised
    from assessments
    left join referrals
        on
            assessments.la_code = referrals.la_code
            and assessments.referral_id = referrals.referral_id
    left join teams
        on
            assessments.la_code = teams.la_code
            and assessments.assessment_team_id = teams.team_id

),

final as (

    select
        *,
        coalesce(working_days_start_to_authorised <= 45, false) as is_authorised_within_45_working_days,
        coalesce(working_days_referral_to_authorised <= 45, false)
            as is_authorised_within_45_working_days_of_referral
    from linked

)

select * from final
