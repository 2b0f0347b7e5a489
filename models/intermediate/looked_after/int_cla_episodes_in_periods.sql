{#- Each ssd_cla_episodes episode with the period of care it belongs to: a new period starts unless the
    child's previous episode ended on this episode's start date with a reason of category continuation in
    seeds/code_lists.csv (903_rec X1). cla_period_id is the id of the period's first episode. -#}
with

episodes as (

    select
        *,
        {{ in_category('903_rec', 'ceased_reason_code', 'continuation') }} as is_ceased_to_continue
    from {{ ref('stg_ssd__cla_episodes') }}

),

ordered as (

    select
        *,
        lag(is_ceased_to_continue) over child_episodes as is_previous_ceased_to_continue,
        lag(episode_ceased_date) over child_episodes as previous_ceased_date
    from episodes
    window child_episodes as (partition by la_code, person_id order by episode_start_date, cla_episode_id)

),

flagged as (

    select
        *,
        coalesce(is_previous_ceased_to_continue and previous_ceased_date = episode_start_date, false)
            as is_continuation
    from ordered

),

numbered as (

    select
        *,
        sum(case when is_continuation then 0 else 1 end) over (
            partition by la_code, person_id
            order by episode_start_date, cla_episode_id
            rows between unbounded preceding and current row
        ) as period_number
    from flagged

),

final as (

    select
        la_code,
        cla_episode_id,
        person_id,
        episode_start_date,
        episode_ceased_date,
        start_reason_code,
        ceased_reason_code,
        primary_need_code,
        placement_id,
        is_continuation,
        period_number,
        first_value(cla_episode_id) over (
            partition by la_code, person_id, period_number
            order by episode_start_date, cla_episode_id
        ) as cla_period_id
    from numbered

)

select * from final
