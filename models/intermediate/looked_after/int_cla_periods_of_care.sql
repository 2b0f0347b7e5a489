{#- Periods of care (docs/indicators.md section 3.8): a run of a child's ssd_cla_episodes
    where each episode that ends with reason X1 continues into the next one starting the same day. A period
    starts on its first episode's start date and ends on its last episode's end date with that episode's
    reason (open while the last episode is open). A period whose legal status in force at its start date is
    V3/V4 is a short-break period and is left out of start, end and outcome indicators. -#}
with

episodes as (

    select * from {{ ref('int_cla_episodes_in_periods') }}

),

code_lists as (

    select * from {{ ref('code_lists') }}
    where code_list = '903_rec'

),

periods as (

    select
        la_code,
        person_id,
        period_number,
        any_value(cla_period_id) as cla_period_id,
        min(episode_start_date) as period_start_date,
        arg_max_null(episode_ceased_date, (episode_start_date, cla_episode_id)) as period_end_date,
        arg_max_null(ceased_reason_code, (episode_start_date, cla_episode_id)) as end_reason_code,
        arg_min(start_reason_code, (episode_start_date, cla_episode_id)) as start_reason_code,
        count(*) as episode_count
    from episodes
    group by la_code, person_id, period_number

),

legal_status_at_start as (

    {{ legal_status_in_force('periods', ['la_code', 'cla_period_id'], 'period_start_date') }}

),

final as (

    select
        periods.la_code,
        periods.cla_period_id,
        periods.person_id,
        periods.period_number,
        periods.period_start_date,
        periods.period_end_date,
        periods.start_reason_code,
        periods.end_reason_code,
        code_lists.category as end_reason_category,
        periods.episode_count,
        legal_status_at_start.legal_status_code as legal_status_code_at_start,
        coalesce(legal_status_at_start.is_short_break, false) as is_short_break,
        periods.period_end_date - periods.period_start_date as period_days,
        coalesce(code_lists.category = 'adopted', false) as is_ended_by_adoption,
        coalesce(code_lists.category = 'sgo', false) as is_ended_by_sgo,
        coalesce(code_lists.category in ('adopted', 'sgo', 'cao'), false) as is_ended_by_permanence_order
    from periods
    left join legal_status_at_start
        on
            periods.la_code = legal_status_at_start.la_code
            and periods.cla_period_id = legal_status_at_start.cla_period_id
    left join code_lists on periods.end_reason_code = code_lists.code

)

select * from final
