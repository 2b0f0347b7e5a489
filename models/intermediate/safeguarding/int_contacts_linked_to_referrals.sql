{#- Each contact with the first referral of the same child dated from the contact date to
    var('contact_referral_window_days') calendar days after it, inclusive, and the working days the
    front door took to decide it. A contact is (contact_id, person_id): Mosaic writes one workflow-step id
    for a contact about several siblings, so the id alone would merge the siblings' referrals. The decision
    timeliness cohort is the contacts whose level has the category decision_timeliness in seeds/code_lists.csv
    (harm, not_sure), and those with no level recorded. The help contacts (category help_decision_timeliness: help;
    a missing level is not a help contact) have 5 working days (CON_HELP_DECISION_5WD_PCT_IM). -#}
with

contacts as (

    select * from {{ ref('stg_ssd__contacts') }}

),

referrals as (

    select * from {{ ref('stg_ssd__cin_episodes') }}

),

referrals_in_window as (

    select
        contacts.la_code,
        contacts.contact_id,
        contacts.person_id,
        min(referrals.referral_date) as linked_referral_date,
        arg_min(referrals.referral_id, referrals.referral_date) as linked_referral_id
    from contacts
    inner join referrals
        on
            contacts.la_code = referrals.la_code
            and contacts.person_id = referrals.person_id
            and contacts.contact_date <= referrals.referral_date
            and referrals.referral_date
            <= contacts.contact_date + to_days({{ var('contact_referral_window_days') }})
    group by contacts.la_code, contacts.contact_id, contacts.person_id

),

timed as (

    select
        contacts.*,
        {{ working_days('contacts.contact_date', 'contacts.decision_date') }} as decision_working_days
    from contacts

),

final as (

    select
        timed.la_code,
        timed.contact_id,
        timed.person_id,
        timed.contact_date,
        timed.contact_source_code,
        timed.contact_source_desc,
        timed.contact_level,
        timed.decision_date,
        timed.decision_working_days,
        coalesce({{ in_category('contact_level', 'timed.contact_level', 'decision_timeliness') }}, true)
            as is_decision_timeliness_cohort,
        coalesce(timed.decision_working_days <= 1, false) as is_decided_within_1_working_day,
        coalesce({{ in_category('contact_level', 'timed.contact_level', 'help_decision_timeliness') }}, false)
            as is_help_decision_cohort,
        coalesce(timed.decision_working_days <= 5, false) as is_decided_within_5_working_days,
        referrals_in_window.linked_referral_id,
        referrals_in_window.linked_referral_date,
        referrals_in_window.linked_referral_id is not null as is_followed_by_referral
    from timed
    left join referrals_in_window
        on
            timed.la_code = referrals_in_window.la_code
            and timed.contact_id = referrals_in_window.contact_id
            and timed.person_id = referrals_in_window.person_id

)

select * from final
