{#- Published benchmarks, one row per council, indicator and benchmark year, with the window of months
    each year is the latest for: from the day after its year end to the next year's end. -#}
with

benchmarks as (

    select * from {{ ref('benchmarks') }}

),

final as (

    select
        la_code,
        indicator_id,
        benchmark_year,
        year_end,
        coalesce(
            lead(year_end) over (partition by la_code, indicator_id order by year_end),
            date '9999-12-31'
        ) as latest_until,
        stat_neighbour_average,
        best_stat_neighbour,
        national_average,
        national_top_quartile,
        region_average,
        source
    from benchmarks

)

select * from final
