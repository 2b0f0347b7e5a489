with

periods as (

    select * from {{ ref('int_cla_periods_of_care') }}

),

final as (

    select
        la_code,
        cla_period_id,
        person_id,
        period_number,
        period_start_date,
        period_end_date,
        start_reason_code,
        end_reason_code,
        end_reason_category,
        episode_count,
        legal_status_code_at_start,
        is_short_break,
        period_days,
        is_ended_by_adoption,
        is_ended_by_sgo,
        is_ended_by_permanence_order
    from periods

)

select * from final
