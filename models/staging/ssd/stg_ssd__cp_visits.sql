with

source as (

    select * from {{ source('ssd', 'ssd_cp_visits') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cp_visits') }}

),

renamed as (

    select
        la_code,
        extract_date,
        cppv_cp_visit_id as cp_visit_id,
        cppv_person_id as person_id,
        cppv_cp_plan_id as cp_plan_id,
        {{ parse_date('cppv_cp_visit_date') }} as visit_date,
        {{ parse_flag('cppv_cp_visit_seen') }} as is_child_seen,
        {{ parse_flag('cppv_cp_visit_seen_alone') }} as is_child_seen_alone,
        {{ parse_flag('cppv_cp_visit_bedroom') }} as is_bedroom_seen
    from landed

)

select * from renamed
