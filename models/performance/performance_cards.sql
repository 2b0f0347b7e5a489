{#- The report card of every indicator with a target in force, per council and month (the layout of
    Peterborough's report cards, docs/performance_report.md section 10.2): the value against the target, the variance (value - target, in
    percentage points for a percentage) and, in the numerator's own units, the count the target stands for at
    this month's denominator, the previous month and the change, the analysts' commentary, and whether the
    indicator goes to the exception report (red, or worse than the month before for the council's number of
    consecutive months: section 10.5).
      target_numerator  the numerator that meets the target exactly at this denominator: a count's target
                        itself, target% x denominator, a rate's target x population / (10,000 x multiplier);
                        none for averages and ranges (a target band, not a count)
      target_count      that numerator as a whole count: rounded up when high is good (the fewest that meet
                        it: 90% of 201 = 180.9 -> 181), down when low is good (the most that still meet it);
                        the 6 d.p. rounding first keeps 7% of 300 at 21 (21.000000000000004 in binary), not 22
      count_variance    numerator - target_count: 166 - 181 = -15, "15 fewer than the target"
      worsening_months  consecutive months up to this one whose direction of travel is "worse" -#}
with

rag_and_dot as (

    select * from {{ ref('int_performance_rag_and_dot') }}

),

indicators as (

    select * from {{ ref('indicators') }}

),

commentary as (

    select * from {{ ref('stg_reference__commentary') }}

),

exception_settings as (

    select * from {{ ref('stg_reference__exception_settings') }}

),

runs as (

    select
        *,
        sum(case when direction_of_travel = 'worse' then 0 else 1 end) over by_month as run_id
    from rag_and_dot
    window by_month as (
        partition by la_code, indicator_id
        order by period_end
        rows between unbounded preceding and current row
    )

),

worsening as (

    select
        *,
        sum(case when direction_of_travel = 'worse' then 1 else 0 end) over (
            partition by la_code, indicator_id, run_id
            order by period_end
            rows between unbounded preceding and current row
        )::integer as worsening_months
    from runs

),

targeted as (

    select
        worsening.*,
        indicators.rate_multiplier,
        case
            when worsening.target_direction not in ('high', 'low') then null
            when worsening.type = 'count' then worsening.target_value
            when worsening.type = 'percentage' then worsening.target_value / 100 * nullif(worsening.denominator, 0)
            when worsening.type = 'rate'
                then worsening.target_value * nullif(worsening.denominator, 0) / (10000 * indicators.rate_multiplier)
        end as target_numerator
    from worsening
    inner join indicators
        on worsening.indicator_id = indicators.indicator_id
    where worsening.target_scheme is not null

),

counted as (

    select
        *,
        case
            when target_direction = 'high' then ceil(round(target_numerator, 6))
            when target_direction = 'low' then floor(round(target_numerator, 6))
        end as target_count
    from targeted

),

final as (

    select
        counted.la_code,
        counted.indicator_id,
        counted.period_end,
        counted.type,
        counted.basis,
        counted.reported_polarity as polarity,
        counted.numerator,
        counted.denominator,
        counted.value,
        counted.previous_period_end,
        counted.previous_value,
        counted.value - counted.previous_value as value_change,
        counted.direction_of_travel,
        counted.ytd_value,
        counted.target_scheme,
        counted.target_direction,
        counted.target_value,
        counted.tolerance_green,
        counted.rag,
        counted.value - counted.target_value as variance,
        counted.target_numerator,
        counted.target_count,
        counted.numerator - counted.target_count as count_variance,
        counted.worsening_months,
        coalesce(
            exception_settings.worsening_months, {{ var('exception_worsening_months') }}
        ) as exception_worsening_months,
        coalesce(counted.rag = 'red', false) as is_red,
        counted.worsening_months >= coalesce(
            exception_settings.worsening_months, {{ var('exception_worsening_months') }}
        ) as is_worsening,
        coalesce(counted.rag = 'red', false) or counted.worsening_months >= coalesce(
            exception_settings.worsening_months, {{ var('exception_worsening_months') }}
        ) as is_exception,
        commentary.commentary,
        commentary.author as commentary_author
    from counted
    left join exception_settings
        on counted.la_code = exception_settings.la_code
    left join commentary
        on
            counted.la_code = commentary.la_code
            and counted.indicator_id = commentary.indicator_id
            and counted.period_end = commentary.period_end

)

select * from final
