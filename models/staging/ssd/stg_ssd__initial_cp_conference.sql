{#- Initial child protection conferences. The outcome flags are the keys the SSD writes in
    icpc_icpc_outcome_json (SSD spec ssd_initial_cp_conference.yml), one boolean column outcome_<key> each.
    Mosaic's conference id is a workflow step shared by the siblings it concerns: a conference is unique on
    (icpc_id, person_id), not on icpc_id. -#}
with

source as (

    select * from {{ source('ssd', 'ssd_initial_cp_conference') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_initial_cp_conference') }}

),

renamed as (

    select
        la_code,
        extract_date,
        icpc_icpc_id as icpc_id,
        icpc_icpc_meeting_id as icpc_meeting_id,
        icpc_s47_enquiry_id as s47_enquiry_id,
        icpc_person_id as person_id,
        icpc_cp_plan_id as cp_plan_id,
        icpc_referral_id as referral_id,
        {{ parse_flag('icpc_icpc_transfer_in') }} as is_transfer_in,
        {{ parse_date('icpc_icpc_target_date') }} as icpc_target_date,
        {{ parse_date('icpc_icpc_date') }} as icpc_date,
        {{ parse_flag('icpc_icpc_outcome_cp_flag') }} as is_outcome_cp_plan,
        icpc_icpc_team as icpc_team_id,
        icpc_icpc_worker_id as icpc_worker_id,
        {{ json_flags('icpc_icpc_outcome_json', [
            'NFA_FLAG', 'REFERRAL_TO_OTHER_AGENCY_FLAG', 'SINGLE_ASSESSMENT_FLAG', 'PROV_OF_SERVICES_FLAG', 'CP_FLAG',
            'OTHER_OUTCOMES_EXIST_FLAG'
        ]) }}
    from landed

)

select * from renamed
