{#- Substance misuse problems identified for looked-after children (903 OC2 SUBSTANCE_MISUSE), with whether the
    child received an intervention for it (INTERVENTION_RECEIVED), read as a flag (Y / Yes / 1 / true; N / No /
    0 / false; anything else NULL; the landed text kept as intervention_received_as_landed). The substance is
    not loaded (dropped at the landing gate). -#}
with

source as (

    select * from {{ source('ssd', 'ssd_cla_substance_misuse') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cla_substance_misuse') }}

),

final as (

    select
        landed.la_code,
        landed.extract_date,
        landed.clas_substance_misuse_id as substance_misuse_id,
        landed.clas_person_id as person_id,
        {{ parse_date('landed.clas_substance_misuse_date') }} as substance_misuse_date,
        {{ parse_flag('landed.clas_intervention_received') }} as is_intervention_received,
        landed.clas_intervention_received as intervention_received_as_landed
    from landed

)

select * from final
