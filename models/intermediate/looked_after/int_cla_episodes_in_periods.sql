{#- Each ssd_cla_episodes episode with the period of care it belongs to: a new period starts unless the
    child's previous episode ended with reason X1 on this episode's start date. cla_period_id is the id of the
    period's first episode. -#}
with

episodes as (

    select * from {{ ref('stg_ssd__cla_episodes') }}

),

ordered as (

    select
        *,
        lag(ceased_reason_code) over child_episodes as previous_ceased_reason_code,
        lag(episode_ceased_date) over child_episodes as previous_ceased_date
    from episodes
    window child_episodes as (partition by la_code, person_id order by episode_start_date, cla_episode_id)

),

numbered as (

    select
        *,
        coalesce(previous_ceased_reason_code = 'X1' and previous_ceased_date = episode_start_date, false)
            as is_continuation,
        sum(
            case
                when previous_ceased_reason_code = 'X1' and previous_ceased_date = episode_start_date then 0
                else 1
            end
        ) over (
            partition by la_code, person_id
            order by episode_start_date, cla_episode_id
            rows between unbounded preceding and current row
        ) as period_number
    from ordered

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
