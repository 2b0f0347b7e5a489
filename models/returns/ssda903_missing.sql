{#- The SSDA903 Missing table of each collection year: each episode of a child of the year's Header missing
    (M) or away from placement without authorisation (A) that started in the year. An episode still open
    at 31 March has no MIS_END; one that ended after 31 March is shown open too. -#}
with

missing as (

    select * from {{ ref('stg_ssd__missing') }}

),

header as (

    select * from {{ ref('ssda903_header') }}

),

years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

return_rows as (

    select
        header.la_code,
        header.collection_year,
        header.child,
        header.dob,
        missing.missing_type_code as missing,
        missing.missing_start_date as mis_start,
        case when missing.missing_end_date <= years.year_end then missing.missing_end_date end as mis_end
    from missing
    inner join years
        on
            missing.la_code = years.la_code
            and missing.missing_start_date between years.year_start and years.year_end
    inner join header
        on
            years.la_code = header.la_code
            and years.collection_year = header.collection_year
            and missing.person_id = header.child

),

final as (

    select
        *,
        row_number() over (partition by la_code, collection_year order by child, mis_start) as row_number
    from return_rows

)

select * from final
