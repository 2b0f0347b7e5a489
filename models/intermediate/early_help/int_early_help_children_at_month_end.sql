{#- Children with an early help episode open at each council month end D (start <= D and (end null or
    end > D)). -#}
with

episodes as (

    select * from {{ ref('stg_ssd__early_help_episodes') }}

),

months as (

    select * from {{ ref('int_council_months') }}

),

final as (

    select
        months.la_code,
        months.period_end,
        episodes.person_id,
        count(*) as open_episode_count,
        min(episodes.episode_start_date) as earliest_open_episode_start_date
    from months
    inner join episodes
        on
            months.la_code = episodes.la_code
            and {{ is_open_at('episodes.episode_start_date', 'episodes.episode_end_date', 'months.period_end') }}
    group by months.la_code, months.period_end, episodes.person_id

)

select * from final
