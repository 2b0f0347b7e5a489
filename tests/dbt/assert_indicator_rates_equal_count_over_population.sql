-- Every rate equals its count / the council's 0-17 population in force at the period end x 10,000 (x 12
-- for the annualised in-month rate), and where a count indicator shares the rate's member rule and time
-- basis (REF_N_R12 for REF_RATE_R12, ...), the rate's numerator is that count. Rates have no locality rows.
with

indicator_values as (

    select * from {{ ref('indicator_values') }}

),

indicators as (

    select * from {{ ref('indicators') }}

),

population as (

    select * from {{ ref('population_0_17') }}

),

rates as (

    select
        indicator_values.la_code,
        indicator_values.indicator_id,
        indicator_values.period_end,
        indicator_values.breakdown,
        indicator_values.breakdown_value,
        indicator_values.numerator,
        indicator_values.denominator,
        indicator_values.value,
        indicators.member_rule,
        indicators.basis,
        indicators.rate_multiplier,
        population.population_0_17 as population_in_force
    from indicator_values
    inner join indicators on indicator_values.indicator_id = indicators.indicator_id
    left join population
        on
            indicator_values.la_code = population.la_code
            and indicator_values.period_end >= population.effective_from
    where indicators.type = 'rate'
    qualify
        row_number() over (
            partition by
                indicator_values.la_code,
                indicator_values.indicator_id,
                indicator_values.period_end,
                indicator_values.breakdown,
                indicator_values.breakdown_value
            order by population.effective_from desc
        ) = 1

),

counts as (

    select
        indicator_values.la_code,
        indicator_values.period_end,
        indicators.member_rule,
        indicators.basis,
        indicator_values.numerator
    from indicator_values
    inner join indicators on indicator_values.indicator_id = indicators.indicator_id
    where indicators.type = 'count' and indicator_values.breakdown = 'all'

),

final as (

    select
        rates.la_code,
        rates.indicator_id,
        rates.period_end,
        rates.breakdown,
        rates.numerator,
        rates.denominator,
        rates.value,
        rates.population_in_force,
        counts.numerator as count_numerator
    from rates
    left join counts
        on
            rates.la_code = counts.la_code
            and rates.period_end = counts.period_end
            and rates.member_rule = counts.member_rule
            and rates.basis = counts.basis
    where
        rates.breakdown != 'all'
        or rates.denominator is distinct from rates.population_in_force
        or abs(rates.value - rates.numerator * rates.rate_multiplier / rates.population_in_force * 10000) > 1e-9
        or rates.numerator != counts.numerator

)

select * from final
