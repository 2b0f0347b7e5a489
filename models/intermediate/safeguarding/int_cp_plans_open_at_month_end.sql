{#- Child protection plans open at each council month end D (start <= D and (end null or end > D)),
    with the plan's age at D. -#}
with

plans as (

    select * from {{ ref('int_cp_plans_with_history') }}

),

months as (

    select * from {{ ref('int_council_months') }}

),

final as (

    select
        months.la_code,
        months.period_end,
        plans.cp_plan_id,
        plans.person_id,
        plans.cp_plan_start_date,
        months.period_end - plans.cp_plan_start_date as days_open_at_period_end,
        months.period_end - plans.cp_plan_start_date > 730 as is_open_over_730_days,
        plans.cp_plan_start_date <= cast(months.period_end - interval 18 month as date)
            as is_open_18_months_or_more
    from months
    inner join plans
        on
            months.la_code = plans.la_code
            and {{ is_open_at('plans.cp_plan_start_date', 'plans.cp_plan_end_date', 'months.period_end') }}

)

select * from final
