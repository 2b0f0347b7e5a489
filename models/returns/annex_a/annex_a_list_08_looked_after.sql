{#- Annex A List 8: every period of care, with the category of need of its first episode, whether it began
    within 12 months of the end of the child's previous period, its end and reason, and its latest placement
    (start, type, provider, URN); csc returns annex-a keeps the periods open at any time in the 12 months up to
    the as-at date. -#}
with

periods as (

    select * from {{ ref('fct_cla_periods') }}

),

episodes as (

    select * from {{ ref('fct_cla_episodes') }}

),

placements as (

    select * from {{ ref('fct_placements') }}

),

cla_placements as (

    select * from {{ ref('stg_ssd__cla_placement') }}

),

children as (

    select * from {{ ref('int_annex_a__children') }}

),

first_episodes as (

    select
        la_code,
        cla_period_id,
        arg_min(primary_need_code, episode_start_date) as primary_need_code
    from episodes
    group by la_code, cla_period_id

),

latest_placements as (

    select
        episodes.la_code,
        episodes.cla_period_id,
        arg_max(placements.placement_id, placements.placement_start_date) as placement_id
    from episodes
    inner join placements
        on
            episodes.la_code = placements.la_code
            and episodes.placement_id = placements.placement_id
    group by episodes.la_code, episodes.cla_period_id

),

final as (

    select
        periods.la_code,
        periods.cla_period_id,
        periods.person_id as child,
        children.gender,
        children.ethnicity,
        children.date_of_birth,
        periods.period_start_date,
        first_episodes.primary_need_code,
        coalesce(
            lag(periods.period_end_date) over (
                partition by periods.la_code, periods.person_id order by periods.period_start_date
            ) > periods.period_start_date - interval 12 month,
            false
        ) as is_second_period_within_12_months,
        periods.period_end_date,
        periods.end_reason_code,
        placements.placement_start_date,
        placements.placement_type_code,
        placements.placement_provider_code,
        cla_placements.placement_urn
    from periods
    left join children
        on
            periods.la_code = children.la_code
            and periods.person_id = children.child
    left join first_episodes
        on
            periods.la_code = first_episodes.la_code
            and periods.cla_period_id = first_episodes.cla_period_id
    left join latest_placements
        on
            periods.la_code = latest_placements.la_code
            and periods.cla_period_id = latest_placements.cla_period_id
    left join placements
        on
            latest_placements.la_code = placements.la_code
            and latest_placements.placement_id = placements.placement_id
    left join cla_placements
        on
            placements.la_code = cla_placements.la_code
            and placements.placement_id = cla_placements.placement_id

)

select * from final
