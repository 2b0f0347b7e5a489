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
        la_code,
        extract_date,
        clah_health_check_id as health_check_id,
        clah_person_id as person_id,
        upper(clah_health_check_type) as health_check_type,
        {{ parse_date('clah_health_check_date') }} as health_check_date,
        clah_health_check_status as health_check_status
    from landed

)

select * from renamed
