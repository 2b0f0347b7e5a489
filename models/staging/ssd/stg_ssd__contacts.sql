with

source as (

    select * from {{ source('ssd', 'ssd_contacts') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_contacts') }}

),

renamed as (

    select
        la_code,
        extract_date,
        cont_contact_id as contact_id,
        cont_person_id as person_id,
        {{ parse_date('cont_contact_date') }} as contact_date,
        upper(cont_contact_source_code) as contact_source_code,
        cont_contact_source_desc as contact_source_desc,
        {{ parse_date('cont_decision_date') }} as decision_date,
        lower(cont_contact_level) as contact_level,
        {{ json_flag('cont_contact_outcome_json', 'OUTCOME_REFERRAL_FLAG') }} as outcome_referral_flag,
        {{ json_flag('cont_contact_outcome_json', 'OUTCOME_NFA_FLAG') }} as outcome_nfa_flag,
        {{ json_flag('cont_contact_outcome_json', 'OUTCOME_EARLY_HELP_FLAG') }} as outcome_early_help_flag,
        {{ json_flag('cont_contact_outcome_json', 'OUTCOME_ADVICE_FLAG') }} as outcome_advice_flag
    from landed

)

select * from renamed
