{#- The SSDA903 collection years each council's extract covers in full: the year ending 31 March YYYY is
    covered when it starts on or after the extract's period_start and ends on or before its extract date
    (docs/returns.md section 2). -#}
with

councils as (

    select * from {{ ref('dim_council') }}

),

years as (

    select
        la_code,
        unnest(generate_series(year(period_start), year(extract_date))) as collection_year,
        period_start,
        extract_date
    from councils

),

final as (

    select
        la_code,
        cast(collection_year as integer) as collection_year,
        make_date(cast(collection_year as bigint) - 1, 4, 1) as year_start,
        make_date(cast(collection_year as bigint), 3, 31) as year_end
    from years
    where
        make_date(cast(collection_year as bigint) - 1, 4, 1) >= period_start
        and make_date(cast(collection_year as bigint), 3, 31) <= extract_date

)

select * from final
