{#- Section 47 enquiries. The outcome flags are the keys the SSD writes in s47e_s47_outcome_json (SSD spec
    ssd_s47_enquiry.yml), one boolean column outcome_<key> each. -#}
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
        {{ json_flags('s47e_s47_outcome_json', [
            'NFA_FLAG', 'LEGAL_ACTION_FLAG', 'PROV_OF_SERVICES_FLAG', 'PROV_OF_SB_CARE_FLAG', 'CP_CONFERENCE_FLAG',
            'NFA_CONTINUE_SINGLE_FLAG', 'MONITOR_FLAG', 'OTHER_OUTCOMES_EXIST_FLAG'
        ]) }}
    from landed

)

select * from renamed
