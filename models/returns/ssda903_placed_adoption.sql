{#- The SSDA903 PlacedAdoption table of each collection year: each child of the year's Header with a
    decision that they should be placed for adoption (the SSD's ADM decision date) on or before the year's
    end, with the date that decision was reversed when it was (DATE_PLACED_CEASED). The SSD holds the
    reversal reason as free text, not the RD1-RD4 code: REASON_PLACED_CEASED is blank (docs/returns.md). -#}
with

permanence as (

    select * from {{ ref('stg_ssd__permanence') }}
    where adm_decision_date is not null

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
        permanence.adm_decision_date as date_placed,
        case when permanence.decision_reversed_date <= years.year_end then permanence.decision_reversed_date end
            as date_placed_ceased,
        cast(null as varchar) as reason_placed_ceased
    from permanence
    inner join years
        on
            permanence.la_code = years.la_code
            and permanence.adm_decision_date <= years.year_end
            and (permanence.decision_reversed_date is null or permanence.decision_reversed_date >= years.year_start)
    inner join header
        on
            years.la_code = header.la_code
            and years.collection_year = header.collection_year
            and permanence.person_id = header.child

),

final as (

    select
        *,
        row_number() over (partition by la_code, collection_year order by child, date_placed) as row_number
    from return_rows

)

select * from final
