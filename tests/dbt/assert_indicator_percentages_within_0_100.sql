-- Every percentage lies within 0-100, its numerator within its denominator, and it is NULL exactly
-- when the denominator is 0.
with

indicator_values as (

    select * from {{ ref('indicator_values') }}

),

indicators as (

    select * from {{ ref('indicators') }}

),

final as (

    select
        indicator_values.la_code,
        indicator_values.indicator_id,
        indicator_values.period_end,
        indicator_values.breakdown,
        indicator_values.breakdown_value,
        indicator_values.numerator,
        indicator_values.denominator,
        indicator_values.value
    from indicator_values
    inner join indicators on indicator_values.indicator_id = indicators.indicator_id
    where
        indicators.type = 'percentage'
        and (
            indicator_values.value < 0
            or indicator_values.value > 100
            or indicator_values.numerator > indicator_values.denominator
            or indicator_values.numerator < 0
            or (indicator_values.value is null) != (indicator_values.denominator = 0)
        )

)

select * from final
