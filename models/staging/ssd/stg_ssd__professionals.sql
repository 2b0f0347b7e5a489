with

source as (

    select * from {{ source('ssd', 'ssd_professionals') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_professionals') }}

),

renamed as (

    select
        la_code,
        extract_date,
        prof_professional_id as professional_id,
        prof_professional_job_title as job_title,
        {{ parse_number('prof_professional_caseload') }} as recorded_caseload,
        prof_professional_department as department,
        {{ parse_number('prof_full_time_equivalency') }} as full_time_equivalency,
        {{ parse_flag('prof_agency_worker_flag') }} as is_agency_worker
    from landed

)

select * from renamed
