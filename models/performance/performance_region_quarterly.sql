{#- The quarterly regional comparison (the Eastern Region "tartan rug", docs/performance_report.md section
    "Regional rug"): per council, indicator and quarter end (June, September, December, March), the figure
    from 1 April to the quarter end as the rug prints it, every council in the warehouse ranked and placed in
    a quartile, and the region made of every council.
      activity (basis IM)       numerators and denominators from 1 April added up, the value recomputed from
                                the totals; counts and rates become rates per 10,000 aged 0-17 annualised
                                by 12 / months (x4 at Q1, x2 at Q2, x4/3 at Q3, x1 at Q4);
      position (SNAP, R12, YTD) the figure at the quarter end; counts as a rate per 10,000 aged 0-17;
      a count of the largest (numerator_aggregation max) stays a count.
    A council's quarter is shown only when its extract covers every month from 1 April. Ranks are on the
    value as printed (1 d.p.; equal values share a rank), best first by polarity (highest first for info
    and within-limits measures); quartile 1 holds the first quarter of the ranking by percent rank, none
    with fewer than two councils ranked. -#}
with

performance_months as (

    select * from {{ ref('int_performance_months') }}

),

council_months as (

    select * from {{ ref('int_council_months') }}

),

indicators as (

    select * from {{ ref('indicators') }}

),

quarter_ends as (

    select
        performance_months.*,
        indicators.rate_multiplier,
        indicators.numerator_aggregation,
        council_months.population_0_17,
        -- months from 1 April to the quarter end: 3, 6, 9, 12
        (month(performance_months.period_end) + 8) % 12 + 1 as months_in_quarter_to_date
    from performance_months
    inner join indicators
        on performance_months.indicator_id = indicators.indicator_id
    inner join council_months
        on
            performance_months.la_code = council_months.la_code
            and performance_months.period_end = council_months.period_end
    where month(performance_months.period_end) in (3, 6, 9, 12)

),

complete_quarters as (

    select * from quarter_ends
    where months_in_year = months_in_quarter_to_date

),

rug_figures as (

    select
        la_code,
        indicator_id,
        period_end,
        financial_year,
        months_in_quarter_to_date,
        type as indicator_type,
        basis,
        polarity,
        numerator_aggregation,
        case
            when type = 'count' and numerator_aggregation != 'max' then 'rate'
            else type
        end as rug_type,
        cast(case when basis = 'IM' then ytd_numerator else numerator end as double) as rug_numerator,
        cast(case
            when type = 'count' and numerator_aggregation != 'max' then population_0_17
            when basis = 'IM' then ytd_denominator
            else denominator
        end as double) as rug_denominator,
        cast(case when basis = 'IM' then 12 / months_in_quarter_to_date else 1 end as double) as annualisation_factor
    from complete_quarters

),

valued as (

    select
        *,
        {{ indicator_value('rug_type', 'rug_numerator', 'rug_denominator', 'annualisation_factor') }} as value
    from rug_figures

),

ranked as (

    select
        *,
        case
            when value is not null
                then rank() over (
                    partition by indicator_id, period_end, value is null
                    order by case when polarity = 'low' then round(value, 1) else -round(value, 1) end
                )
        end as rank_in_region,
        count(value) over (partition by indicator_id, period_end) as councils_ranked
    from valued

),

region as (

    select
        indicator_id,
        period_end,
        any_value(rug_type) as rug_type,
        any_value(annualisation_factor) as annualisation_factor,
        count(*) as councils_in_region,
        case
            when any_value(numerator_aggregation) = 'max' then max(rug_numerator) else sum(rug_numerator)
        end as region_numerator,
        sum(rug_denominator) as region_denominator
    from valued
    group by indicator_id, period_end

),

final as (

    select
        ranked.la_code,
        ranked.indicator_id,
        ranked.period_end,
        ranked.financial_year,
        ranked.months_in_quarter_to_date,
        ranked.basis,
        ranked.polarity,
        ranked.rug_type,
        ranked.annualisation_factor,
        ranked.rug_numerator as numerator,
        ranked.rug_denominator as denominator,
        ranked.value,
        ranked.rank_in_region,
        ranked.councils_ranked,
        cast(case
            when ranked.councils_ranked >= 2 and ranked.rank_in_region is not null
                then least(4, 1 + floor(4 * (ranked.rank_in_region - 1) / (ranked.councils_ranked - 1)))
        end as integer) as quartile,
        region.councils_in_region,
        region.region_numerator,
        region.region_denominator,
        {{ indicator_value(
            'region.rug_type', 'region.region_numerator', 'region.region_denominator', 'region.annualisation_factor'
        ) }} as region_value
    from ranked
    inner join region
        on
            ranked.indicator_id = region.indicator_id
            and ranked.period_end = region.period_end

)

select * from final
