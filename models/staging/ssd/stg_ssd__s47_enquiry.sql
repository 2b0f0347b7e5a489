with

source as (

    select * from {{ source('ssd', 'ssd_s47_enquiry') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_s47_enquiry') }}

),

renamed as (

    select
        la_code,
        extract_date,
        s47e_s47_enquiry_id as s47_enquiry_id,
        s47e_referral_id as referral_id,
        s47e_person_id as person_id,
        {{ parse_date('s47e_s47_start_date') }} as s47_start_date,
        {{ parse_date('s47e_s47_end_date') }} as s47_end_date,
        {{ parse_flag('s47e_s47_nfa') }} as is_s47_nfa,
        s47e_s47_completed_by_team as completed_by_team_id,
        s47e_s47_completed_by_worker_id as completed_by_worker_id,
        {{ json_flag('s47e_s47_outcome_json', 'NFA_FLAG') }} as outcome_nfa_flag,
        {{ json_flag('s47e_s47_outcome_json', 'CP_CONFERENCE_FLAG') }} as outcome_cp_conference_flag,
        {{ json_flag('s47e_s47_outcome_json', 'PROV_OF_SERVICES_FLAG') }} as outcome_prov_of_services_flag
    from landed

)

select * from renamed
