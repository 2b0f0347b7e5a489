with

episodes as (

    select * from {{ ref('int_cla_episodes_in_periods') }}

),

final as (

    select
        la_code,
        cla_episode_id,
        cla_period_id,
        person_id,
        episode_start_date,
        episode_ceased_date,
        start_reason_code,
        ceased_reason_code,
        primary_need_code,
        placement_id,
        is_continuation,
        period_number
    from episodes

)

select * from final
