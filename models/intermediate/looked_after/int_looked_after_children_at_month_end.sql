{#- Children looked after at each council month end D, as counted by CLA_N_SNAP: a child with a
    ssd_cla_episodes episode open at D, left out when the legal status in force at D (the record with
    start <= D and (end null or end > D); the latest-starting one when records overlap) is a short break
    (V3/V4). A child with no legal status in force at D is not on a short break. -#}
with

episodes as (

    select * from {{ ref('stg_ssd__cla_episodes') }}

),

months as (

    select * from {{ ref('int_council_months') }}

),

children_with_open_episode as (

    select
        months.la_code,
        months.period_end,
        episodes.person_id,
        min(episodes.episode_start_date) as earliest_open_episode_start_date
    from months
    inner join episodes
        on
            months.la_code = episodes.la_code
            and {{ is_open_at('episodes.episode_start_date', 'episodes.episode_ceased_date', 'months.period_end') }}
    group by months.la_code, months.period_end, episodes.person_id

),

legal_status_in_force as (

    {{ legal_status_in_force('children_with_open_episode', ['la_code', 'period_end', 'person_id'], 'period_end') }}

),

final as (

    select
        children.la_code,
        children.period_end,
        children.person_id,
        children.earliest_open_episode_start_date,
        legal_status_in_force.legal_status_code as legal_status_code_in_force
    from children_with_open_episode as children
    left join legal_status_in_force
        on
            children.la_code = legal_status_in_force.la_code
            and children.period_end = legal_status_in_force.period_end
            and children.person_id = legal_status_in_force.person_id
    where not coalesce(legal_status_in_force.is_short_break, false)

)

select * from final
