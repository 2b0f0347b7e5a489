{#- The SSDA903 UASC table of each collection year: each child of the year's Header who was an
    unaccompanied asylum-seeking child (immigration status of category uasc) at any time up to the year's
    end, with the date that status ceased (DUC): its end date, or the 18th birthday when it is open or ends
    later (903 rule 304: on or before the 18th birthday). A child whose status ceased before the year began is
    not in that year's table (903 rule 104: DUC not before the collection year's start). -#}
with

statuses as (

    select * from {{ ref('stg_ssd__immigration_status') }}
    where is_uasc

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
        header.sex,
        header.dob,
        years.year_start,
        min(
            least(
                coalesce(statuses.status_end_date, cast(header.dob + interval 18 year as date)),
                cast(header.dob + interval 18 year as date)
            )
        ) as duc
    from statuses
    inner join years
        on
            statuses.la_code = years.la_code
            and statuses.status_start_date <= years.year_end
    inner join header
        on
            years.la_code = header.la_code
            and years.collection_year = header.collection_year
            and statuses.person_id = header.child
    group by all

),

final as (

    select
        la_code,
        collection_year,
        child,
        sex,
        dob,
        duc,
        row_number() over (partition by la_code, collection_year order by child) as row_number
    from return_rows
    where duc >= year_start

)

select * from final
