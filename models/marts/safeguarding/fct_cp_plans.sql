with

plans as (

    select * from {{ ref('int_cp_plans_with_history') }}

),

final as (

    select
        la_code,
        cp_plan_id,
        person_id,
        icpc_id,
        cp_plan_start_date,
        cp_plan_end_date,
        initial_category_code,
        latest_category_code,
        plan_duration_days,
        earlier_plan_count,
        is_second_or_subsequent_ever,
        days_since_earlier_plan_ended,
        is_second_within_730_days,
        is_ended_after_730_days
    from plans

)

select * from final
