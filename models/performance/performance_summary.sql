{#- The monthly performance summary: per council, indicator and month, the month and the two before, the
    year to date, the outturns of the five financial years before this one, the target and tolerances in
    force, RAG, direction of travel, and the latest published benchmarks (the layout of Rotherham's monthly
    report, docs/performance_report.md section 8.1). Council level; localities are in indicator_values. -#}
with

rag_and_dot as (

    select * from {{ ref('int_performance_rag_and_dot') }}

),

financial_years as (

    select * from {{ ref('performance_financial_years') }}

),

benchmarks as (

    select * from {{ ref('stg_reference__benchmarks') }}

),

indicators as (

    select * from {{ ref('indicators') }}

),

councils as (

    select * from {{ ref('dim_council') }}

),

outturn_years as (

    select
        rag_and_dot.la_code,
        rag_and_dot.indicator_id,
        rag_and_dot.period_end,
        year(rag_and_dot.financial_year_start) - year(financial_years.financial_year_start) as years_back,
        financial_years.value
    from rag_and_dot
    inner join financial_years
        on
            rag_and_dot.la_code = financial_years.la_code
            and rag_and_dot.indicator_id = financial_years.indicator_id
            and rag_and_dot.financial_year_start > financial_years.financial_year_start
            and financial_years.financial_year_start >= rag_and_dot.financial_year_start - interval 5 year

),

outturns as (

    select
        la_code,
        indicator_id,
        period_end,
        max(value) filter (where years_back = 5) as fy_minus_5_value,
        max(value) filter (where years_back = 4) as fy_minus_4_value,
        max(value) filter (where years_back = 3) as fy_minus_3_value,
        max(value) filter (where years_back = 2) as fy_minus_2_value,
        max(value) filter (where years_back = 1) as fy_minus_1_value
    from outturn_years
    group by la_code, indicator_id, period_end

),

final as (

    select
        rag_and_dot.la_code,
        councils.la_name,
        rag_and_dot.indicator_id,
        indicators.area,
        indicators.report_order,
        indicators.name as indicator_name,
        indicators.type,
        indicators.basis,
        indicators.unit,
        rag_and_dot.reported_polarity as polarity,
        rag_and_dot.period_end,
        rag_and_dot.financial_year,
        rag_and_dot.numerator,
        rag_and_dot.denominator,
        rag_and_dot.value,
        rag_and_dot.previous_value,
        rag_and_dot.value_two_months_before,
        rag_and_dot.ytd_method,
        rag_and_dot.ytd_numerator,
        rag_and_dot.ytd_denominator,
        rag_and_dot.ytd_value,
        rag_and_dot.outturn_method,
        {{ financial_year_label('year(rag_and_dot.financial_year_start) - 5') }} as fy_minus_5_label,
        outturns.fy_minus_5_value,
        {{ financial_year_label('year(rag_and_dot.financial_year_start) - 4') }} as fy_minus_4_label,
        outturns.fy_minus_4_value,
        {{ financial_year_label('year(rag_and_dot.financial_year_start) - 3') }} as fy_minus_3_label,
        outturns.fy_minus_3_value,
        {{ financial_year_label('year(rag_and_dot.financial_year_start) - 2') }} as fy_minus_2_label,
        outturns.fy_minus_2_value,
        {{ financial_year_label('year(rag_and_dot.financial_year_start) - 1') }} as fy_minus_1_label,
        outturns.fy_minus_1_value,
        rag_and_dot.target_scheme,
        rag_and_dot.target_value,
        rag_and_dot.tolerance_red,
        rag_and_dot.tolerance_amber,
        rag_and_dot.tolerance_green,
        rag_and_dot.rag,
        rag_and_dot.direction_of_travel,
        benchmarks.benchmark_year,
        benchmarks.stat_neighbour_average,
        benchmarks.best_stat_neighbour,
        benchmarks.national_average,
        benchmarks.national_top_quartile,
        benchmarks.region_average
    from rag_and_dot
    inner join indicators
        on rag_and_dot.indicator_id = indicators.indicator_id
    left join councils
        on rag_and_dot.la_code = councils.la_code
    left join outturns
        on
            rag_and_dot.la_code = outturns.la_code
            and rag_and_dot.indicator_id = outturns.indicator_id
            and rag_and_dot.period_end = outturns.period_end
    left join benchmarks
        on
            rag_and_dot.la_code = benchmarks.la_code
            and rag_and_dot.indicator_id = benchmarks.indicator_id
            and rag_and_dot.period_end > benchmarks.year_end
            and rag_and_dot.period_end <= benchmarks.latest_until

)

select * from final
