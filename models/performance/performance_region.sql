{#- The regional comparison (the regional benchmarking table, docs/performance_report.md section 6): per
    indicator and month, the region made of every council in the warehouse: numerators and denominators added
    up and the value computed as for one council (percentages, rates and averages from the totals, the largest value for a maximum), how
    many councils report it, and the best and worst council by the indicator's polarity (none for info
    measures). -#}
with

indicator_values as (

    select * from {{ ref('indicator_values') }}
    where breakdown = 'all'

),

indicators as (

    select * from {{ ref('indicators') }}

),

ranked as (

    select
        indicator_values.*,
        indicators.type,
        indicators.polarity,
        indicators.rate_multiplier,
        indicators.numerator_aggregation,
        -- ordered best first: high-is-good values descending, low-is-good ascending; none for info measures
        case indicators.polarity
            when 'high' then -indicator_values.value
            when 'low' then indicator_values.value
        end as badness
    from indicator_values
    inner join indicators
        on indicator_values.indicator_id = indicators.indicator_id

),

ranks as (

    select
        *,
        row_number() over (
            partition by indicator_id, period_end order by badness asc nulls last, la_code asc
        ) as rank_best_first,
        row_number() over (
            partition by indicator_id, period_end order by badness desc nulls last, la_code asc
        ) as rank_worst_first
    from ranked

),

region as (

    select
        indicator_id,
        period_end,
        any_value(type) as indicator_type,
        any_value(polarity) as polarity,
        any_value(rate_multiplier) as rate_multiplier,
        any_value(numerator_aggregation) as numerator_aggregation,
        count(*) as councils_reporting,
        count(value) as councils_with_value,
        sum(numerator) as numerator_total,
        max(numerator) as numerator_max,
        sum(denominator) as denominator_total,
        max(la_code) filter (where rank_best_first = 1 and badness is not null) as best_la_code,
        max(value) filter (where rank_best_first = 1 and badness is not null) as best_value,
        max(la_code) filter (where rank_worst_first = 1 and badness is not null) as worst_la_code,
        max(value) filter (where rank_worst_first = 1 and badness is not null) as worst_value
    from ranks
    group by indicator_id, period_end

),

totals as (

    select
        *,
        case when numerator_aggregation = 'max' then numerator_max else numerator_total end as numerator,
        case when indicator_type != 'count' then denominator_total end as denominator
    from region

),

final as (

    select
        indicator_id,
        period_end,
        polarity,
        councils_reporting,
        councils_with_value,
        numerator,
        denominator,
        {{ indicator_value('indicator_type', 'numerator', 'denominator', 'rate_multiplier') }} as value,
        best_la_code,
        best_value,
        worst_la_code,
        worst_value
    from totals

)

select * from final
