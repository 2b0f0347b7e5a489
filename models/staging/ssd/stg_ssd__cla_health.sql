{#- Health checks of looked-after children. Type and status are mapped to the health_check_type and
    health_check_status code lists (every system writes descriptions: "Health Assessment", "Dental Check",
    Eclipse's "Optician check", "COMPLETE"...); the landed text is kept as <column>_as_landed.
    has_health_check_status says whether a status was recorded at all: landed, or landed and blanked by the
    gate as not a status it knows. -#}
with

source as (

    select * from {{ source('ssd', 'ssd_cla_health') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cla_health') }}

),

renamed as (

    select
        landed.la_code,
        landed.extract_date,
        landed.clah_health_check_id as health_check_id,
        landed.clah_person_id as person_id,
        {{ map_code('health_check_type', 'landed.clah_health_check_type') }} as health_check_type,
        landed.clah_health_check_type as health_check_type_as_landed,
        {{ parse_date('landed.clah_health_check_date') }} as health_check_date,
        {{ map_code('health_check_status', 'landed.clah_health_check_status') }} as health_check_status,
        landed.clah_health_check_status as health_check_status_as_landed,
        landed.clah_health_check_status is not null
        or {{ was_blanked('ssd_cla_health', 'clah_health_check_status') }} as has_health_check_status
    from landed

)

select * from renamed
