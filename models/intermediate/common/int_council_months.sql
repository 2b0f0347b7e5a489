{#- The month-end spine: one row per council and reporting month, from the month of the manifest's
    period_start to the last month whose period_end is on or before the extract date (docs/indicators.md
    section 1.1), with the window bounds every indicator uses and the 0-17 population in force. -#}
with

manifests as (

    select * from {{ ref('stg_landing__manifests') }}

),

month_ends as (

    select * from {{ ref('int_calendar_days') }}
    where is_month_end

),

population as (

    select * from {{ ref('population_0_17') }}

),

months as (

    select
        manifests.la_code,
        manifests.la_name,
        manifests.extract_date,
        manifests.period_start as extract_period_start,
        month_ends.date_day as period_end,
        month_ends.month_start,
        cast(month_ends.month_start - interval 11 month as date) as rolling_12_start,
        month_ends.financial_year_start,
        month_ends.financial_year
    from manifests
    inner join month_ends
        on
            manifests.period_start <= month_ends.date_day
            and manifests.extract_date >= month_ends.date_day

),

population_in_force as (

    select
        months.la_code,
        months.period_end,
        max(population.effective_from) as population_effective_from
    from months
    inner join population
        on
            months.la_code = population.la_code
            and months.period_end >= population.effective_from
    group by months.la_code, months.period_end

),

final as (

    select
        months.*,
        population_in_force.population_effective_from,
        population.population_0_17
    from months
    left join population_in_force
        on
            months.la_code = population_in_force.la_code
            and months.period_end = population_in_force.period_end
    left join population
        on
            population_in_force.la_code = population.la_code
            and population_in_force.population_effective_from = population.effective_from

)

select * from final
