{#- Read from the history of the landed extracts (source history): one row per version of a professional, in
    force from valid_from up to, not including, valid_to (NULL: the newest extract's). extract_date is the
    version's valid_from, the first extract that held it. -#}
with

source as (

    select * from {{ source('history', 'ssd_professionals') }}

),

renamed as (

    select
        la_code,
        valid_from as extract_date,
        prof_professional_id as professional_id,
        prof_professional_job_title as job_title,
        {{ parse_number('prof_professional_caseload') }} as recorded_caseload,
        prof_professional_department as department,
        {{ parse_number('prof_full_time_equivalency') }} as full_time_equivalency,
        {{ parse_flag('prof_agency_worker_flag') }} as is_agency_worker,
        valid_from,
        valid_to
    from source

)

select * from renamed
