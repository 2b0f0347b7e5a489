{#- Each child protection plan with the child's earlier plans: whether another plan started earlier
    (second or subsequent plan ever), and the shortest gap from an earlier plan's end to this plan's
    start (a gap of 0 to 730 days makes a second plan within two years, the council measure). -#}
with

plans as (

    select * from {{ ref('stg_ssd__cp_plans') }}

),

earlier_starts as (

    select
        la_code,
        cp_plan_id,
        {{ over_earlier_records('count(*)', 'cp_plan_start_date') }} as earlier_plan_count
    from plans

),

earlier_ends as (

    select
        plans.la_code,
        plans.cp_plan_id,
        min(plans.cp_plan_start_date - earlier.cp_plan_end_date) as days_since_earlier_plan_ended
    from plans
    inner join plans as earlier
        on
            plans.la_code = earlier.la_code
            and plans.person_id = earlier.person_id
            and plans.cp_plan_id != earlier.cp_plan_id
            and plans.cp_plan_start_date >= earlier.cp_plan_end_date
    group by plans.la_code, plans.cp_plan_id

),

final as (

    select
        plans.la_code,
        plans.cp_plan_id,
        plans.person_id,
        plans.icpc_id,
        plans.cp_plan_start_date,
        plans.cp_plan_end_date,
        plans.initial_category_code,
        plans.latest_category_code,
        plans.cp_plan_end_date - plans.cp_plan_start_date as plan_duration_days,
        coalesce(earlier_starts.earlier_plan_count, 0) as earlier_plan_count,
        coalesce(earlier_starts.earlier_plan_count > 0, false) as is_second_or_subsequent_ever,
        earlier_ends.days_since_earlier_plan_ended,
        coalesce(earlier_ends.days_since_earlier_plan_ended <= 730, false) as is_second_within_730_days,
        coalesce(plans.cp_plan_end_date - plans.cp_plan_start_date >= 730, false) as is_ended_after_730_days
    from plans
    left join earlier_starts
        on
            plans.la_code = earlier_starts.la_code
            and plans.cp_plan_id = earlier_starts.cp_plan_id
    left join earlier_ends
        on
            plans.la_code = earlier_ends.la_code
            and plans.cp_plan_id = earlier_ends.cp_plan_id

)

select * from final
