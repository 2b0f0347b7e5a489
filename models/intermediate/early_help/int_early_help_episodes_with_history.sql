{#- Early help episodes with the same child's previous episode start (the latest one that started strictly
    earlier): a repeat episode is one whose child had another episode that started 1 to 365 days earlier. -#}
with

episodes as (

    select * from {{ ref('stg_ssd__early_help_episodes') }}

),

previous_episodes as (

    select
        la_code,
        early_help_episode_id,
        {{ over_earlier_records('max(episode_start_date)', 'episode_start_date') }} as previous_episode_start_date
    from episodes

),

final as (

    select
        episodes.la_code,
        episodes.early_help_episode_id,
        episodes.person_id,
        episodes.episode_start_date,
        episodes.episode_end_date,
        episodes.episode_reason,
        episodes.episode_end_reason,
        episodes.episode_organisation,
        previous_episodes.previous_episode_start_date,
        episodes.episode_start_date - previous_episodes.previous_episode_start_date as days_since_previous_episode,
        coalesce(episodes.episode_start_date - previous_episodes.previous_episode_start_date <= 365, false)
            as is_repeat_within_365_days
    from episodes
    left join previous_episodes
        on
            episodes.la_code = previous_episodes.la_code
            and episodes.early_help_episode_id = previous_episodes.early_help_episode_id

)

select * from final
