{#- Contacts. The outcome flags are the keys the SSD writes in cont_contact_outcome_json (SSD spec
    ssd_contacts.yml), one boolean column outcome_<key> each. Mosaic's contact id is a workflow step shared by the
    siblings it concerns: a contact is unique on (contact_id, person_id), not on contact_id. -#}
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
        {{ map_code('referral_source', 'landed.cont_contact_source_code') }} as contact_source_code,
        cont_contact_source_desc as contact_source_desc,
        {{ parse_date('cont_decision_date') }} as decision_date,
        lower(cont_contact_level) as contact_level,
        {{ json_flags('cont_contact_outcome_json', [
            'NEW_REFERRAL_FLAG', 'EXISTING_REFERRAL_FLAG', 'CP_ENQUIRY_FLAG', 'NFA_FLAG', 'NON_AGENCY_ADOPTION_FLAG',
            'PRIVATE_FOSTERING_FLAG', 'ADVICE_FLAG', 'MISSING_FLAG', 'OLA_CP_FLAG', 'OTHER_OUTCOMES_EXIST_FLAG'
        ]) }}
    from landed

)

select * from renamed
