{#- Referrals (episodes of need). The outcome flags are the keys the SSD writes in
    cine_referral_outcome_json (SSD spec ssd_cin_episodes.yml), one boolean column outcome_<key> each. -#}
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
        {{ map_code('referral_source', 'landed.cine_referral_source_code') }} as referral_source_code,
        cine_referral_source_desc as referral_source_desc,
        {{ parse_flag('cine_referral_nfa') }} as is_referral_nfa,
        upper(cine_close_reason) as close_reason,
        {{ parse_date('cine_close_date') }} as close_date,
        cine_referral_team as referral_team_id,
        cine_referral_worker_id as referral_worker_id,
        {{ json_flags('cine_referral_outcome_json', [
            'SINGLE_ASSESSMENT_FLAG', 'NFA_FLAG', 'STRATEGY_DISCUSSION_FLAG', 'CLA_REQUEST_FLAG',
            'NON_AGENCY_ADOPTION_FLAG', 'PRIVATE_FOSTERING_FLAG', 'CP_TRANSFER_IN_FLAG', 'CP_CONFERENCE_FLAG',
            'CARE_LEAVER_FLAG', 'OTHER_OUTCOMES_EXIST_FLAG'
        ]) }}
    from landed

)

select * from renamed
