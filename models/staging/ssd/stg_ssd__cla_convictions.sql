{#- Convictions (or youth cautions) of looked-after children (903 OC2 CONVICTED): the date of the offence only.
    The offence itself is free text and never loaded (dropped at the landing gate). -#}
with

source as (

    select * from {{ source('ssd', 'ssd_cla_convictions') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cla_convictions') }}

),

final as (

    select
        landed.la_code,
        landed.extract_date,
        landed.clac_cla_conviction_id as conviction_id,
        landed.clac_person_id as person_id,
        {{ parse_date('landed.clac_cla_conviction_date') }} as conviction_date
    from landed

)

select * from final
