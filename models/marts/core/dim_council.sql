{#- One row per council in the warehouse, named as seeds/councils.csv names it (DfE code, region): the
    current row of its ONS code, else its latest former row. -#}
with

months as (

    select * from {{ ref('int_council_months') }}

),

councils as (

    select * from {{ ref('councils') }}

),

council_names as (

    select
        la_code,
        arg_max(dfe_code, coalesce(valid_to, date '9999-12-31')) as dfe_code,
        arg_max(region, coalesce(valid_to, date '9999-12-31')) as region
    from councils
    group by la_code

),

reported as (

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

),

final as (

    select
        reported.la_code,
        council_names.dfe_code,
        reported.la_name,
        council_names.region,
        reported.extract_date,
        reported.period_start,
        reported.first_period_end,
        reported.last_period_end,
        reported.reporting_months,
        reported.latest_population_0_17
    from reported
    left join council_names on reported.la_code = council_names.la_code

)

select * from final
