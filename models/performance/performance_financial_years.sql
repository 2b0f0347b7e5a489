{#- Financial-year outturns: one row per council, indicator and complete financial year (all twelve
    months from April to March in the extract). Activity (IM) measures take the year's total or rate,
    everything else its March position (docs/performance_report.md section 4: snapshots
    take the March figure, counts the year's total). -#}
with

performance_months as (

    select * from {{ ref('int_performance_months') }}

),

final as (

    select
        la_code,
        indicator_id,
        financial_year,
        financial_year_start,
        period_end as financial_year_end,
        outturn_method,
        case when basis = 'IM' then ytd_numerator else numerator end as numerator,
        case when basis = 'IM' then ytd_denominator else denominator end as denominator,
        case when basis = 'IM' then ytd_value else value end as value
    from performance_months
    where
        month(period_end) = 3
        and months_in_year = 12

)

select * from final
