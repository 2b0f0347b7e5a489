with

source as (

    select * from {{ source('ssd', 'ssd_cla_visits') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cla_visits') }}

),

renamed as (

    select
        la_code,
        extract_date,
        clav_cla_visit_id as cla_visit_id,
        clav_cla_id as cla_id,
        clav_person_id as person_id,
        {{ parse_date('clav_cla_visit_date') }} as visit_date,
        {{ parse_flag('clav_cla_visit_seen') }} as is_child_seen,
        {{ parse_flag('clav_cla_visit_seen_alone') }} as is_child_seen_alone
    from landed

)

select * from renamed
