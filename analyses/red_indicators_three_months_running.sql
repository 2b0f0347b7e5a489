-- Norfolk's exception-reporting test (docs/performance_report.md section 8.3): indicators of one council
-- rated red in each of the last three months, or worse than the month before three months in a row, with
-- the target and the latest benchmark. Set the council and month with
-- dbt compile --vars '{la_code: E08000018, period_end: 2020-12-31}'.
with

summary as (

    select * from {{ ref('performance_summary') }}
    where la_code = '{{ var("la_code", "E08000018") }}'

),

last_three as (

    select
        indicator_id,
        count(*) filter (where rag = 'red') as months_red,
        count(*) filter (where direction_of_travel = 'worse') as months_worse
    from summary
    where
        period_end > date '{{ var("period_end", "2020-12-31") }}' - interval 3 month
        and period_end <= date '{{ var("period_end", "2020-12-31") }}'
    group by indicator_id

),

final as (

    select
        summary.area,
        summary.indicator_id,
        summary.indicator_name,
        round(summary.value, 1) as value,
        summary.tolerance_green,
        summary.rag,
        last_three.months_red,
        last_three.months_worse,
        summary.national_average
    from summary
    inner join last_three
        on summary.indicator_id = last_three.indicator_id
    where
        summary.period_end = date '{{ var("period_end", "2020-12-31") }}'
        and (last_three.months_red = 3 or last_three.months_worse = 3)

)

select * from final
order by area asc, indicator_id asc
