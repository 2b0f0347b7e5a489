{#- Every indicator, every month, per council (breakdown 'all') and per locality (breakdown 'locality'
    for indicators whose records carry a team), aggregated from indicator_members by the indicator's type
    (docs/indicators.md sections 1 and 2):
      count       numerator = members (or the largest amount, numerator_aggregation 'max'); denominator NULL
      percentage  numerator = members in the numerator, denominator = members; value = 100 x n / d
      rate        numerator = members, denominator = 0-17 population in force at period_end;
                  value = n x rate_multiplier / d x 10,000
      average     numerator = sum of the members' amounts, denominator = sum of their weights (1 each,
                  or e.g. FTE); value = n / d
    An empty denominator gives value NULL, never 0, with numerator and denominator still written. Every
    month of the council's spine has a row for every indicator its extract supports, zero when nothing
    happened, and numerator, denominator and value NULL for a month the extract cannot tell
    (int_indicator_month_coverage: before the first status date of a current-state table such as
    ssd_care_leavers); localities are every locality of ssd_department, plus 'Unknown' for records whose team has
    no locality.
    Restatements (docs/architecture.md section 5): extract_date is the extract this build's figure comes from;
    first_value and first_extract_date are the figure as first published, from the earliest earlier extract
    whose figures the warehouse kept (stg_vintages__indicator_values), else this build's own. -#}
with

members as (

    select * from {{ ref('indicator_members') }}

),

indicators as (

    select * from {{ ref('indicators') }}

),

availability as (

    select * from {{ ref('int_indicator_availability') }}
    where is_available

),

months as (

    select * from {{ ref('int_council_months') }}

),

coverage as (

    select * from {{ ref('int_indicator_month_coverage') }}

),

earlier_vintages as (

    select * from {{ ref('stg_vintages__indicator_values') }}

),

localities as (

    select distinct
        la_code,
        locality_name
    from {{ ref('int_teams_with_locality') }}
    where locality_name is not null

),

by_locality as (

    -- the one pass over the members: per locality ('Unknown' for members without one)
    select
        members.la_code,
        members.indicator_id,
        members.period_end,
        coalesce(members.locality_name, 'Unknown') as locality_name,
        count(*) filter (where members.is_in_numerator) as numerator_count,
        count(*) filter (where members.is_in_denominator) as denominator_count,
        -- amounts and weights are summed as decimals: a double sum depends on the order DuckDB's threads add
        -- the rows in (FTE weights differed in the 14th digit between two builds of the same landing)
        sum(cast(members.numerator_amount as decimal(38, 10))) filter (where members.is_in_numerator) as numerator_sum,
        max(members.numerator_amount) filter (where members.is_in_numerator) as numerator_max,
        sum(cast(members.denominator_weight as decimal(38, 10))) filter (
            where members.is_in_denominator
        ) as denominator_sum
    from members
    group by members.la_code, members.indicator_id, members.period_end, coalesce(members.locality_name, 'Unknown')

),

council_totals as (

    -- rolled up from the locality rows, not a second pass over the members
    select
        la_code,
        indicator_id,
        period_end,
        'all' as breakdown,
        'all' as breakdown_value,
        sum(numerator_count) as numerator_count,
        sum(denominator_count) as denominator_count,
        sum(numerator_sum) as numerator_sum,
        max(numerator_max) as numerator_max,
        sum(denominator_sum) as denominator_sum
    from by_locality
    group by la_code, indicator_id, period_end

),

locality_totals as (

    select
        by_locality.la_code,
        by_locality.indicator_id,
        by_locality.period_end,
        'locality' as breakdown,
        by_locality.locality_name as breakdown_value,
        by_locality.numerator_count,
        by_locality.denominator_count,
        by_locality.numerator_sum,
        by_locality.numerator_max,
        by_locality.denominator_sum
    from by_locality
    inner join indicators on by_locality.indicator_id = indicators.indicator_id
    where indicators.has_locality_breakdown

),

totals as (

    select * from council_totals
    union all
    select * from locality_totals

),

spine as (

    select
        months.la_code,
        availability.indicator_id,
        months.period_end,
        'all' as breakdown,
        'all' as breakdown_value
    from months
    inner join availability on months.la_code = availability.la_code

    union

    select
        months.la_code,
        availability.indicator_id,
        months.period_end,
        'locality' as breakdown,
        localities.locality_name as breakdown_value
    from months
    inner join availability on months.la_code = availability.la_code
    inner join indicators on availability.indicator_id = indicators.indicator_id
    inner join localities on months.la_code = localities.la_code
    where indicators.has_locality_breakdown

    union

    select
        la_code,
        indicator_id,
        period_end,
        breakdown,
        breakdown_value
    from totals

),

measured as (

    select
        spine.la_code,
        spine.indicator_id,
        spine.period_end,
        spine.breakdown,
        spine.breakdown_value,
        months.extract_date,
        indicators.type as indicator_type,
        indicators.rate_multiplier,
        -- a month before the first the extract can tell (a current-state table): not known, not 0
        coalesce(spine.period_end < coverage.first_known_period_end, false) as is_not_known,
        case indicators.numerator_aggregation
            when 'sum' then coalesce(totals.numerator_sum, 0)
            when 'max' then totals.numerator_max
            else coalesce(totals.numerator_count, 0)
        end as numerator,
        case indicators.type
            when 'rate' then months.population_0_17
            when 'percentage' then coalesce(totals.denominator_count, 0)
            when 'average' then coalesce(totals.denominator_sum, 0)
        end as denominator
    from spine
    inner join indicators on spine.indicator_id = indicators.indicator_id
    inner join months
        on
            spine.la_code = months.la_code
            and spine.period_end = months.period_end
    left join totals
        on
            spine.la_code = totals.la_code
            and spine.indicator_id = totals.indicator_id
            and spine.period_end = totals.period_end
            and spine.breakdown = totals.breakdown
            and spine.breakdown_value = totals.breakdown_value
    left join coverage
        on
            spine.la_code = coverage.la_code
            and spine.indicator_id = coverage.indicator_id

),

figures as (

    select
        measured.la_code,
        measured.indicator_id,
        measured.period_end,
        measured.breakdown,
        measured.breakdown_value,
        measured.extract_date,
        cast(case when not measured.is_not_known then measured.numerator end as double) as numerator,
        cast(case when not measured.is_not_known then measured.denominator end as double) as denominator,
        cast(
            case
                when not measured.is_not_known
                    then {{ indicator_value(
                        'measured.indicator_type', 'measured.numerator', 'measured.denominator',
                        'measured.rate_multiplier'
                    ) }}
            end as double
        ) as value
    from measured

),

first_published as (

    -- the earliest earlier extract that gave a figure for the month (an extract older than this one)
    select
        earlier_vintages.la_code,
        earlier_vintages.indicator_id,
        earlier_vintages.period_end,
        earlier_vintages.breakdown,
        earlier_vintages.breakdown_value,
        min(earlier_vintages.extract_date) as first_extract_date,
        arg_min(earlier_vintages.value, earlier_vintages.extract_date) as first_value
    from earlier_vintages
    inner join months
        on
            earlier_vintages.la_code = months.la_code
            and earlier_vintages.period_end = months.period_end
    where earlier_vintages.extract_date < months.extract_date
    group by all

),

final as (

    select
        figures.la_code,
        figures.indicator_id,
        figures.period_end,
        figures.breakdown,
        figures.breakdown_value,
        figures.numerator,
        figures.denominator,
        figures.value,
        figures.extract_date,
        coalesce(first_published.first_extract_date, figures.extract_date) as first_extract_date,
        case when first_published.first_extract_date is null then figures.value else first_published.first_value end
            as first_value
    from figures
    left join first_published
        on
            figures.la_code = first_published.la_code
            and figures.indicator_id = first_published.indicator_id
            and figures.period_end = first_published.period_end
            and figures.breakdown = first_published.breakdown
            and figures.breakdown_value = first_published.breakdown_value

)

select * from final
