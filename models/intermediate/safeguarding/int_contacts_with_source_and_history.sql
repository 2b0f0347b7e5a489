{#- Each contact (from int_contacts_linked_to_referrals, so its referral link and decision timeliness are the ones
    CON_TO_REF_PCT_IM and the decision indicators use) with what the front-door breakdowns add (docs/indicators.md
    section 3.1):
    - its source group: the category in seeds/code_lists.csv (code list referral_source: police, education, health,
      internal, public, other_la, other) of its source code, or, when the code is missing or not a code, of the code
      its source description maps to (seeds/value_mappings.csv). A contact whose source says nothing usable is in
      group other, as code 10 (unknown) is: the seven groups add up to every contact;
    - whether it repeats: the same child's latest contact dated strictly earlier is less than 3 months before it
      (previous date > contact date minus 3 months, DuckDB month arithmetic; contacts of the same day are not
      earlier). -#}
with

contacts as (

    select * from {{ ref('int_contacts_linked_to_referrals') }}

),

sourced as (

    select
        *,
        coalesce(contact_source_code, {{ map_code('referral_source', 'contacts.contact_source_desc') }})
            as contact_source_group_code,
        {{ over_earlier_records('max(contact_date)', 'contact_date') }} as previous_contact_date
    from contacts

),

final as (

    select
        la_code,
        contact_id,
        person_id,
        contact_date,
        contact_source_code,
        contact_source_desc,
        contact_source_group_code,
        coalesce({{ category_of('referral_source', 'sourced.contact_source_group_code') }}, 'other')
            as contact_source_group,
        contact_level,
        decision_date,
        decision_working_days,
        is_help_decision_cohort,
        is_decided_within_5_working_days,
        is_followed_by_referral,
        previous_contact_date,
        coalesce(previous_contact_date > cast(contact_date - interval 3 month as date), false)
            as is_repeat_within_3_months
    from sourced

)

select * from final
