with

source as (

    select * from {{ source('ssd', 'ssd_cin_episodes') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cin_episodes') }}

),

renamed as (

    select
        la_code,
        extract_date,
        cine_referral_id as referral_id,
        cine_person_id as person_id,
        {{ parse_date('cine_referral_date') }} as referral_date,
        upper(cine_cin_primary_need_code) as primary_need_code,
        upper(cine_referral_source_code) as referral_source_code,
        cine_referral_source_desc as referral_source_desc,
        {{ parse_flag('cine_referral_nfa') }} as is_referral_nfa,
        upper(cine_close_reason) as close_reason,
        {{ parse_date('cine_close_date') }} as close_date,
        cine_referral_team as referral_team_id,
        cine_referral_worker_id as referral_worker_id,
        {{ json_flag('cine_referral_outcome_json', 'NFA_FLAG') }} as outcome_nfa_flag,
        {{ json_flag('cine_referral_outcome_json', 'S47_FLAG') }} as outcome_s47_flag,
        {{ json_flag('cine_referral_outcome_json', 'ASSESSMENT_FLAG') }} as outcome_assessment_flag
    from landed

)

select * from renamed
