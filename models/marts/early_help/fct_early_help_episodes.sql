with

episodes as (

    select * from {{ ref('int_early_help_episodes_with_history') }}

),

final as (

    select
        la_code,
        early_help_episode_id,
        person_id,
        episode_start_date,
        episode_end_date,
        episode_reason,
        episode_end_reason,
        episode_organisation,
        previous_episode_start_date,
        days_since_previous_episode,
        is_repeat_within_365_days
    from episodes

)

select * from final
