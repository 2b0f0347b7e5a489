with

episodes as (

    select * from {{ ref('int_referrals_linked') }}

),

final as (

    select
        la_code,
        referral_id,
        person_id,
        referral_date as episode_start_date,
        close_date as episode_end_date,
        close_reason,
        primary_need_code,
        referral_team_id,
        locality_name,
        is_referral_nfa,
        not is_referral_nfa as is_counted_as_in_need,
        close_date - referral_date as episode_days
    from episodes

)

select * from final
