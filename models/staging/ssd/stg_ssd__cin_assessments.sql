with

source as (

    select * from {{ source('ssd', 'ssd_cin_assessments') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cin_assessments') }}

),

renamed as (

    select
        la_code,
        extract_date,
        cina_assessment_id as assessment_id,
        cina_person_id as person_id,
        cina_referral_id as referral_id,
        {{ parse_date('cina_assessment_start_date') }} as assessment_start_date,
        {{ parse_flag('cina_assessment_child_seen') }} as is_child_seen,
        {{ parse_date('cina_assessment_auth_date') }} as assessment_auth_date,
        {{ parse_flag('cina_assessment_outcome_nfa') }} as is_outcome_nfa,
        cina_assessment_team as assessment_team_id,
        cina_assessment_worker_id as assessment_worker_id,
        {{ json_flag('cina_assessment_outcome_json', 'OUTCOME_NFA_FLAG') }} as outcome_nfa_flag,
        {{ json_flag('cina_assessment_outcome_json', 'OUTCOME_EARLY_HELP_FLAG') }} as outcome_early_help_flag,
        {{ json_flag('cina_assessment_outcome_json', 'OUTCOME_CIN_PLAN_FLAG') }} as outcome_cin_plan_flag
    from landed

)

select * from renamed
