with

contacts as (

    select * from {{ ref('int_contacts_linked_to_referrals') }}

),

final as (

    select
        la_code,
        contact_id,
        person_id,
        contact_date,
        contact_source_code,
        contact_level,
        decision_date,
        decision_working_days,
        is_decision_timeliness_cohort,
        is_decided_within_1_working_day,
        linked_referral_id,
        linked_referral_date,
        is_followed_by_referral
    from contacts

)

select * from final
