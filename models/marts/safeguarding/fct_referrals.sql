with

referrals as (

    select * from {{ ref('int_referrals_linked') }}

),

final as (

    select
        la_code,
        referral_id,
        person_id,
        referral_date,
        referral_source_code,
        primary_need_code,
        referral_team_id,
        locality_name,
        is_referral_nfa,
        previous_referral_date,
        days_since_previous_referral,
        is_rereferral_within_365_days,
        assessment_count,
        has_assessment,
        close_date as episode_end_date,
        close_reason,
        not is_referral_nfa as is_counted_as_in_need,
        close_date - referral_date as episode_days
    from referrals

)

select * from final
