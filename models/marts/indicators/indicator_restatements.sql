{#- The figures that moved since first published by more than the tolerance set for the council and
    indicator (seeds/restatement_tolerances.csv: the most specific row wins: council and indicator, then the
    council's row for every indicator (blank indicator_id), then every council's row for the indicator, then
    the row for all), or that became known or unknown. A change equal to the tolerance is not listed. -#}
with

figures as (

    select * from {{ ref('indicator_values') }}

),

tolerances as (

    select * from {{ ref('restatement_tolerances') }}

),

revised as (

    select *
    from figures
    where extract_date <> first_extract_date

),

matched as (

    select
        revised.*,
        tolerances.tolerance,
        row_number() over (
            partition by
                revised.la_code, revised.indicator_id, revised.period_end, revised.breakdown,
                revised.breakdown_value
            order by
                (tolerances.la_code is not null) desc,
                (tolerances.indicator_id is not null) desc
        ) as specificity_rank
    from revised
    inner join tolerances
        on
            (tolerances.la_code is null or revised.la_code = tolerances.la_code)
            and (tolerances.indicator_id is null or revised.indicator_id = tolerances.indicator_id)

),

final as (

    select
        la_code,
        indicator_id,
        period_end,
        breakdown,
        breakdown_value,
        first_extract_date,
        first_value,
        extract_date,
        value,
        value - first_value as value_change,
        cast(tolerance as double) as tolerance
    from matched
    where
        specificity_rank = 1
        and (
            abs(value - first_value) > tolerance
            or (value is null) <> (first_value is null)
        )

)

select * from final
