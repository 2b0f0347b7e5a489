{#- Early help episodes (cases) open at each council month end D (start <= D and (end null or end > D)) and how
    long they have been open: more than 6 months when the episode started before D minus 6 months, more than 12
    months when it started before D minus 12 months (the month-offset rule of docs/indicators.md section 1.3;
    an episode that started exactly 6 months before D has been open 6 months, not more). -#}
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
        episodes.early_help_episode_id,
        episodes.person_id,
        episodes.episode_start_date,
        episodes.episode_start_date < cast(months.period_end - interval 6 month as date) as is_open_over_6_months,
        episodes.episode_start_date < cast(months.period_end - interval 12 month as date) as is_open_over_12_months
    from months
    inner join episodes
        on
            months.la_code = episodes.la_code
            and {{ is_open_at('episodes.episode_start_date', 'episodes.episode_end_date', 'months.period_end') }}

)

select * from final
