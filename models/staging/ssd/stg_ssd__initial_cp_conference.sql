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
        {{ json_flag('icpc_icpc_outcome_json', 'CP_PLAN_FLAG') }} as outcome_cp_plan_flag
    from landed

)

select * from renamed
