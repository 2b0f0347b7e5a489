{#- Every locality's value of every indicator and month, RAG-rated against the council's target in force that
    month: the same target, scheme and rule as the council's own RAG (macros/performance.sql), as Norfolk's
    county report rates the county and each locality. No target (or no value), no RAG. -#}
with

locality_values as (

    select * from {{ ref('indicator_values') }}
    where breakdown = 'locality'

),

council_targets as (

    select * from {{ ref('int_performance_rag_and_dot') }}

),

with_targets as (

    select
        locality_values.la_code,
        locality_values.indicator_id,
        locality_values.period_end,
        locality_values.breakdown_value as locality,
        locality_values.numerator,
        locality_values.denominator,
        locality_values.value,
        council_targets.value as council_value,
        council_targets.rag as council_rag,
        council_targets.target_scheme,
        council_targets.target_direction,
        council_targets.target_value,
        council_targets.red_threshold,
        council_targets.green_low,
        council_targets.green_high,
        council_targets.amber_low,
        council_targets.amber_high
    from locality_values
    inner join council_targets
        on
            locality_values.la_code = council_targets.la_code
            and locality_values.indicator_id = council_targets.indicator_id
            and locality_values.period_end = council_targets.period_end

),

final as (

    select
        la_code,
        indicator_id,
        period_end,
        locality,
        numerator,
        denominator,
        value,
        target_scheme,
        target_value,
        {{ rag_rating(
            'value', 'target_scheme', 'target_direction', 'target_value', 'red_threshold',
            'green_low', 'green_high', 'amber_low', 'amber_high'
        ) }} as rag,
        council_value,
        council_rag
    from with_targets

)

select * from final
