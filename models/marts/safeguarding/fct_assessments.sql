with

assessments as (

    select * from {{ ref('int_assessments_linked_to_referrals') }}

),

final as (

    select
        la_code,
        assessment_id,
        person_id,
        referral_id,
        referral_date,
        assessment_start_date,
        assessment_auth_date,
        assessment_team_id,
        locality_name,
        is_outcome_nfa,
        is_linked_to_referral,
        working_days_start_to_authorised,
        working_days_referral_to_authorised,
        is_authorised_within_45_working_days,
        is_authorised_within_45_working_days_of_referral
    from assessments

)

select * from final
