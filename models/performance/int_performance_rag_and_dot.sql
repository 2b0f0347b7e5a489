{#- The month's RAG against the target in force for the council, indicator and month, and the direction
    of travel since the previous month (macros/performance.sql). The polarity is the council's reading
    where its target row gives one, else the indicator's. -#}
with

performance_months as (

    select * from {{ ref('int_performance_months') }}

),

targets as (

    select * from {{ ref('stg_reference__targets') }}

),

with_targets as (

    select
        performance_months.la_code,
        performance_months.indicator_id,
        performance_months.period_end,
        performance_months.financial_year,
        performance_months.financial_year_start,
        performance_months.type,
        performance_months.basis,
        performance_months.polarity,
        performance_months.numerator,
        performance_months.denominator,
        performance_months.value,
        performance_months.previous_period_end,
        performance_months.previous_value,
        performance_months.value_two_months_before,
        performance_months.months_in_year,
        performance_months.ytd_method,
        performance_months.ytd_numerator,
        performance_months.ytd_denominator,
        performance_months.ytd_value,
        performance_months.outturn_method,
        coalesce(targets.polarity, performance_months.polarity) as reported_polarity,
        targets.scheme as target_scheme,
        targets.direction as target_direction,
        targets.target_value,
        targets.red_threshold,
        targets.green_low,
        targets.green_high,
        targets.amber_low,
        targets.amber_high,
        targets.tolerance_red,
        targets.tolerance_amber,
        targets.tolerance_green,
        targets.source as target_source
    from performance_months
    left join targets
        on
            performance_months.la_code = targets.la_code
            and performance_months.indicator_id = targets.indicator_id
            and performance_months.period_end between targets.effective_from and targets.effective_to

),

final as (

    select
        *,
        {{ rag_rating(
            'value', 'target_scheme', 'target_direction', 'target_value', 'red_threshold',
            'green_low', 'green_high', 'amber_low', 'amber_high'
        ) }} as rag,
        {{ direction_of_travel('value', 'previous_value', 'reported_polarity', 'target_value') }}
            as direction_of_travel
    from with_targets

)

select * from final
