-- For every indicator with a locality breakdown, the locality rows (including 'Unknown') add up to the
-- council total: numerators and denominators alike (to 1e-6: FTE sums are floating point and add up in a
-- different order). Returns the rows that do not.
with

indicator_values as (

    select * from {{ ref('indicator_values') }}

),

indicators as (

    select * from {{ ref('indicators') }}

),

council as (

    select * from indicator_values
    where breakdown = 'all'

),

localities as (

    select
        la_code,
        indicator_id,
        period_end,
        sum(numerator) as numerator,
        sum(denominator) as denominator
    from indicator_values
    where breakdown = 'locality'
    group by la_code, indicator_id, period_end

),

final as (

    select
        council.la_code,
        council.indicator_id,
        council.period_end,
        council.numerator as council_numerator,
        localities.numerator as locality_numerator,
        council.denominator as council_denominator,
        localities.denominator as locality_denominator
    from council
    inner join indicators on council.indicator_id = indicators.indicator_id
    left join localities
        on
            council.la_code = localities.la_code
            and council.indicator_id = localities.indicator_id
            and council.period_end = localities.period_end
    where
        indicators.has_locality_breakdown
        and indicators.numerator_aggregation != 'max'
        and (
            localities.numerator is null
            or abs(council.numerator - localities.numerator) > 1e-6
            or (council.denominator is null) != (localities.denominator is null)
            or abs(council.denominator - localities.denominator) > 1e-6
        )

)

select * from final
