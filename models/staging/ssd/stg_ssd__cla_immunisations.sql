{#- Whether a looked-after child's immunisations are up to date, as last recorded (one row per child; 903 OC2
    IMMUNISATIONS). The status is read as a flag (Y / Yes / 1 / true: up to date; N / No / 0 / false: not;
    anything else NULL); the landed text is kept as immunisations_status_as_landed. -#}
with

source as (

    select * from {{ source('ssd', 'ssd_cla_immunisations') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cla_immunisations') }}

),

final as (

    select
        landed.la_code,
        landed.extract_date,
        landed.clai_person_id as person_id,
        {{ parse_flag('landed.clai_immunisations_status') }} as is_immunisations_up_to_date,
        landed.clai_immunisations_status as immunisations_status_as_landed,
        {{ parse_date('landed.clai_immunisations_status_date') }} as immunisations_status_date
    from landed

)

select * from final
