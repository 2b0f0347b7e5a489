{#- Assessments. The outcome flags are the keys the SSD writes in cina_assessment_outcome_json (SSD spec
    ssd_cin_assessments.yml), one boolean column outcome_<key> each. -#}
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
        {{ json_flags('cina_assessment_outcome_json', [
            'NFA_FLAG', 'NFA_S47_END_FLAG', 'STRATEGY_DISCUSSION_FLAG', 'CLA_REQUEST_FLAG', 'PRIVATE_FOSTERING_FLAG',
            'LEGAL_ACTION_FLAG', 'PROV_OF_SERVICES_FLAG', 'PROV_OF_SB_CARE_FLAG', 'SPECIALIST_ASSESSMENT_FLAG',
            'REFERRAL_TO_OTHER_AGENCY_FLAG', 'OTHER_ACTIONS_FLAG', 'OTHER_OUTCOMES_EXIST_FLAG'
        ]) }}
    from landed

)

select * from renamed
