with

months as (

    select * from {{ ref('int_council_months') }}

),

final as (

    select
        la_code,
        any_value(la_name) as la_name,
        any_value(extract_date) as extract_date,
        any_value(extract_period_start) as period_start,
        min(period_end) as first_period_end,
        max(period_end) as last_period_end,
        count(*) as reporting_months,
        arg_max(population_0_17, period_end) as latest_population_0_17
    from months
    group by la_code

)

select * from final
