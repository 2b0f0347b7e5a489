{#- The SSDA903 Episodes table of each collection year: every episode open at any time in the year (started
    on or before 31 March, not ceased before 1 April). An episode that ceases after 31 March is open in the
    return: its DEC, REC and REASON_PLACE_CHANGE are blank. PLACE_PROVIDER is blank for the placements DfE
    rules 178 and 213 exempt (temporary placements, Z1) and URN for the legal statuses of rule 214 (short breaks), as the DfE
    asks (codes in seeds/ssda903_rule_codes.csv). -#}
with

episodes as (

    select * from {{ ref('int_ssda903__episodes') }}

),

years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

return_rows as (

    select
        years.la_code,
        years.collection_year,
        episodes.person_id as child,
        episodes.decom,
        episodes.rne,
        episodes.ls,
        episodes.cin,
        episodes.place,
        case
            when not coalesce(episodes.place in {{ rule_codes('178', '903_place', 'exempt') }}, false)
                then episodes.place_provider
        end as place_provider,
        case when episodes.ceased_date <= years.year_end then episodes.ceased_date end as ceased_date,
        case when episodes.ceased_date <= years.year_end then episodes.rec end as rec,
        case when episodes.ceased_date <= years.year_end then episodes.reason_place_change end as reason_place_change,
        cast(null as varchar) as home_post,
        cast(null as varchar) as pl_post,
        case
            when not coalesce(episodes.ls in {{ rule_codes('214', '903_ls') }}, false) then episodes.urn
        end as urn,
        episodes.cla_period_id
    from episodes
    inner join years
        on
            episodes.la_code = years.la_code
            and episodes.decom <= years.year_end
            and (episodes.ceased_date is null or episodes.ceased_date >= years.year_start)

),

final as (

    select
        *,
        row_number() over (partition by la_code, collection_year order by child, decom) as row_number
    from return_rows

)

select * from final
