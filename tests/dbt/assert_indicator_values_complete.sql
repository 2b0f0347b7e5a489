-- Every council has exactly one council-wide row per available indicator and reporting month (from the
-- month of its period_start to the last month ending on or before its extract date), and no rows for an
-- indicator its extract cannot support. Returns the gaps, the duplicates and the rows that should not exist.
with

indicator_values as (

    select * from {{ ref('indicator_values') }}
    where breakdown = 'all'

),

availability as (

    select * from {{ ref('indicator_availability') }}

),

manifests as (

    select * from {{ source('landing', 'manifests') }}

),

expected_months as (

    select
        manifests.la_code,
        last_day(cast(month_start.month_start as date)) as period_end
    from manifests
    cross join
        unnest(
            generate_series(
                date_trunc('month', manifests.period_start),
                date_trunc('month', manifests.extract_date + interval 1 day) - interval 1 month,
                interval 1 month
            )
        ) as month_start (month_start)

),

expected as (

    select
        expected_months.la_code,
        availability.indicator_id,
        expected_months.period_end
    from expected_months
    inner join availability on expected_months.la_code = availability.la_code
    where availability.is_available

),

actual as (

    select
        la_code,
        indicator_id,
        period_end,
        count(*) as row_count
    from indicator_values
    group by la_code, indicator_id, period_end

),

final as (

    select
        coalesce(expected.la_code, actual.la_code) as la_code,
        coalesce(expected.indicator_id, actual.indicator_id) as indicator_id,
        coalesce(expected.period_end, actual.period_end) as period_end,
        coalesce(actual.row_count, 0) as row_count,
        expected.la_code is not null as is_expected
    from expected
    full outer join actual
        on
            expected.la_code = actual.la_code
            and expected.indicator_id = actual.indicator_id
            and expected.period_end = actual.period_end
    where expected.la_code is null or actual.row_count is null or actual.row_count != 1

)

select * from final
