{#- The member rules of the safeguarding indicators (docs/indicators.md sections 3.1 to 3.7: front door, referrals,
    assessments, section 47 enquiries, initial conferences, child protection plans, children in need).
    Each rule lists the records (or children) in an indicator's cohort with the date its window applies
    to and whether each is in the numerator; the seed `indicators` maps indicator ids to rules, and
    indicator_members applies the time basis (IM, R12, YTD, SNAP).
    The contacts-by-source rules (contacts_from_<group>, contacts_from_<group>_to_referral) are one pair per
    category of the code list referral_source in seeds/code_lists.csv (int_contacts_with_source_and_history). -#}
with

contacts as (select * from {{ ref('int_contacts_linked_to_referrals') }}),

referrals as (select * from {{ ref('int_referrals_linked') }}),

assessments as (select * from {{ ref('int_assessments_linked_to_referrals') }}),

open_assessments as (select * from {{ ref('int_assessments_open_at_month_end') }}),

enquiries as (select * from {{ ref('int_s47_enquiries_linked_to_conferences') }}),

conferences as (select * from {{ ref('int_conferences_linked_to_s47') }}),

cp_plans as (select * from {{ ref('int_cp_plans_with_history') }}),

open_cp_plans as (select * from {{ ref('int_cp_plans_open_at_month_end') }}),

cp_children as (select * from {{ ref('int_cp_children_at_month_end') }}),

cp_reviews as (select * from {{ ref('stg_ssd__cp_reviews') }}),

cin_children as (select * from {{ ref('int_children_in_need_at_month_end') }}),

sourced_contacts as (select * from {{ ref('int_contacts_with_source_and_history') }}),

cin_visit_children as (select * from {{ ref('int_cin_children_visits_at_month_end') }}),

final as (

    {{ indicator_member_rule('contacts', 'contacts', 'contact', 'contact_id', 'contact_date',
        locality='null') }}
    union all
    {{ indicator_member_rule('contacts_to_referral', 'contacts', 'contact', 'contact_id', 'contact_date',
        numerator='is_followed_by_referral', locality='null') }}
    union all
    {{ indicator_member_rule('contacts_decided_1wd', 'contacts', 'contact', 'contact_id', 'contact_date',
        numerator='is_decided_within_1_working_day', where='is_decision_timeliness_cohort', locality='null') }}
    union all
    {{ indicator_member_rule('referrals', 'referrals', 'referral', 'referral_id', 'referral_date') }}
    union all
    {{ indicator_member_rule('referrals_rereferral', 'referrals', 'referral', 'referral_id', 'referral_date',
        numerator='is_rereferral_within_365_days') }}
    union all
    {{ indicator_member_rule('referrals_to_assessment', 'referrals', 'referral', 'referral_id', 'referral_date',
        numerator='has_assessment') }}
    union all
    {{ indicator_member_rule('referrals_nfa', 'referrals', 'referral', 'referral_id', 'referral_date',
        numerator='is_referral_nfa') }}
    union all
    {{ indicator_member_rule('assessments_started', 'assessments', 'assessment', 'assessment_id',
        'assessment_start_date') }}
    union all
    {{ indicator_member_rule('assessments_authorised', 'assessments', 'assessment', 'assessment_id',
        'assessment_auth_date') }}
    union all
    {{ indicator_member_rule('assessments_authorised_45wd', 'assessments', 'assessment', 'assessment_id',
        'assessment_auth_date', numerator='is_authorised_within_45_working_days') }}
    union all
    {{ indicator_member_rule('assessments_authorised_45wd_from_referral', 'assessments', 'assessment',
        'assessment_id', 'assessment_auth_date', numerator='is_authorised_within_45_working_days_of_referral',
        where='is_linked_to_referral') }}
    union all
    {{ indicator_member_rule('assessments_authorised_nfa', 'assessments', 'assessment', 'assessment_id',
        'assessment_auth_date', numerator='is_outcome_nfa') }}
    union all
    {{ indicator_member_rule('assessments_open_over_45wd', 'open_assessments', 'assessment', 'assessment_id',
        'period_end', where='working_days_open > 45') }}
    union all
    {{ indicator_member_rule('s47_started', 'enquiries', 's47_enquiry', 's47_enquiry_id', 's47_start_date') }}
    union all
    {{ indicator_member_rule('s47_completed', 'enquiries', 's47_enquiry', 's47_enquiry_id', 's47_end_date') }}
    union all
    {{ indicator_member_rule('s47_completed_to_icpc', 'enquiries', 's47_enquiry', 's47_enquiry_id',
        's47_end_date', numerator='has_conference') }}
    union all
    {{ indicator_member_rule('icpc', 'conferences', 'conference', 'icpc_id', 'icpc_date') }}
    union all
    {{ indicator_member_rule('icpc_15wd', 'conferences', 'conference', 'icpc_id', 'icpc_date',
        numerator='is_within_15_working_days', where='is_timeliness_cohort') }}
    union all
    {{ indicator_member_rule('cp_children_open', 'cp_children', 'child', 'person_id', 'period_end',
        locality='null') }}
    union all
    {{ indicator_member_rule('cp_children_visited_10wd', 'cp_children', 'child', 'person_id', 'period_end',
        numerator='is_seen_within_10_working_days', where='is_visit_cohort', locality='null') }}
    union all
    {{ indicator_member_rule('cp_plans_started', 'cp_plans', 'cp_plan', 'cp_plan_id', 'cp_plan_start_date',
        locality='null') }}
    union all
    {{ indicator_member_rule('cp_plans_ended', 'cp_plans', 'cp_plan', 'cp_plan_id', 'cp_plan_end_date',
        locality='null') }}
    union all
    {{ indicator_member_rule('cp_plans_started_second_ever', 'cp_plans', 'cp_plan', 'cp_plan_id',
        'cp_plan_start_date', numerator='is_second_or_subsequent_ever', locality='null') }}
    union all
    {{ indicator_member_rule('cp_plans_started_second_2y', 'cp_plans', 'cp_plan', 'cp_plan_id',
        'cp_plan_start_date', numerator='is_second_within_730_days', locality='null') }}
    union all
    {{ indicator_member_rule('cp_plans_ended_2y', 'cp_plans', 'cp_plan', 'cp_plan_id', 'cp_plan_end_date',
        numerator='is_ended_after_730_days', locality='null') }}
    union all
    {{ indicator_member_rule('cp_plans_open_2y', 'open_cp_plans', 'cp_plan', 'cp_plan_id', 'period_end',
        numerator='is_open_over_730_days', locality='null') }}
    union all
    {{ indicator_member_rule('cp_plans_open_18m', 'open_cp_plans', 'cp_plan', 'cp_plan_id', 'period_end',
        where='is_open_18_months_or_more', locality='null') }}
    union all
    {{ indicator_member_rule('cp_reviews_timely', 'cp_reviews', 'cp_review', 'cp_review_id', 'review_date',
        numerator='review_date <= review_due_date', locality='null') }}
    union all
    {{ indicator_member_rule('cin_children', 'cin_children', 'child', 'person_id', 'period_end') }}
    union all
    {{ indicator_member_rule('cin_s17_children', 'cin_children', 'child', 'person_id', 'period_end',
        where='is_section_17_only') }}
    union all
    {{ indicator_member_rule('cin_s17_with_plan', 'cin_children', 'child', 'person_id', 'period_end',
        numerator='has_open_cin_plan', where='is_section_17_only and is_open_45_days_or_more') }}
    union all
    {{ indicator_member_rule('contacts_from_police', 'sourced_contacts', 'contact', 'contact_id', 'contact_date',
        where="contact_source_group = 'police'", locality='null') }}
    union all
    {{ indicator_member_rule('contacts_from_police_to_referral', 'sourced_contacts', 'contact', 'contact_id',
        'contact_date', numerator='is_followed_by_referral', where="contact_source_group = 'police'",
        locality='null') }}
    union all
    {{ indicator_member_rule('contacts_from_education', 'sourced_contacts', 'contact', 'contact_id', 'contact_date',
        where="contact_source_group = 'education'", locality='null') }}
    union all
    {{ indicator_member_rule('contacts_from_education_to_referral', 'sourced_contacts', 'contact', 'contact_id',
        'contact_date', numerator='is_followed_by_referral', where="contact_source_group = 'education'",
        locality='null') }}
    union all
    {{ indicator_member_rule('contacts_from_health', 'sourced_contacts', 'contact', 'contact_id', 'contact_date',
        where="contact_source_group = 'health'", locality='null') }}
    union all
    {{ indicator_member_rule('contacts_from_health_to_referral', 'sourced_contacts', 'contact', 'contact_id',
        'contact_date', numerator='is_followed_by_referral', where="contact_source_group = 'health'",
        locality='null') }}
    union all
    {{ indicator_member_rule('contacts_from_internal', 'sourced_contacts', 'contact', 'contact_id', 'contact_date',
        where="contact_source_group = 'internal'", locality='null') }}
    union all
    {{ indicator_member_rule('contacts_from_internal_to_referral', 'sourced_contacts', 'contact', 'contact_id',
        'contact_date', numerator='is_followed_by_referral', where="contact_source_group = 'internal'",
        locality='null') }}
    union all
    {{ indicator_member_rule('contacts_from_public', 'sourced_contacts', 'contact', 'contact_id', 'contact_date',
        where="contact_source_group = 'public'", locality='null') }}
    union all
    {{ indicator_member_rule('contacts_from_public_to_referral', 'sourced_contacts', 'contact', 'contact_id',
        'contact_date', numerator='is_followed_by_referral', where="contact_source_group = 'public'",
        locality='null') }}
    union all
    {{ indicator_member_rule('contacts_from_other_la', 'sourced_contacts', 'contact', 'contact_id', 'contact_date',
        where="contact_source_group = 'other_la'", locality='null') }}
    union all
    {{ indicator_member_rule('contacts_from_other_la_to_referral', 'sourced_contacts', 'contact', 'contact_id',
        'contact_date', numerator='is_followed_by_referral', where="contact_source_group = 'other_la'",
        locality='null') }}
    union all
    {{ indicator_member_rule('contacts_from_other', 'sourced_contacts', 'contact', 'contact_id', 'contact_date',
        where="contact_source_group = 'other'", locality='null') }}
    union all
    {{ indicator_member_rule('contacts_from_other_to_referral', 'sourced_contacts', 'contact', 'contact_id',
        'contact_date', numerator='is_followed_by_referral', where="contact_source_group = 'other'",
        locality='null') }}
    union all
    {{ indicator_member_rule('contacts_help_decided_5wd', 'sourced_contacts', 'contact', 'contact_id', 'contact_date',
        numerator='is_decided_within_5_working_days', where='is_help_decision_cohort', locality='null') }}
    union all
    {{ indicator_member_rule('contacts_repeat_3m', 'sourced_contacts', 'contact', 'contact_id', 'contact_date',
        numerator='is_repeat_within_3_months', locality='null') }}
    union all
    {{ indicator_member_rule('referrals_outcome_social_work_assessment', 'referrals', 'referral', 'referral_id',
        'referral_date', where="referral_outcome = 'social_work_assessment'") }}
    union all
    {{ indicator_member_rule('referrals_outcome_strategy_discussion', 'referrals', 'referral', 'referral_id',
        'referral_date', where="referral_outcome = 'strategy_discussion'") }}
    union all
    {{ indicator_member_rule('referrals_outcome_close_information_advice', 'referrals', 'referral', 'referral_id',
        'referral_date', where="referral_outcome = 'close_information_advice'") }}
    union all
    {{ indicator_member_rule('referrals_outcome_other', 'referrals', 'referral', 'referral_id', 'referral_date',
        where="referral_outcome = 'other'") }}
    union all
    {{ indicator_member_rule('assessments_authorised_outcome_ongoing_involvement', 'assessments', 'assessment',
        'assessment_id', 'assessment_auth_date', numerator="assessment_outcome = 'ongoing_involvement'") }}
    union all
    {{ indicator_member_rule('assessments_authorised_outcome_no_further_action', 'assessments', 'assessment',
        'assessment_id', 'assessment_auth_date', numerator="assessment_outcome = 'no_further_action'") }}
    union all
    {{ indicator_member_rule('assessments_authorised_outcome_step_down', 'assessments', 'assessment', 'assessment_id',
        'assessment_auth_date', numerator="assessment_outcome = 'step_down'") }}
    union all
    {{ indicator_member_rule('assessments_authorised_outcome_other', 'assessments', 'assessment', 'assessment_id',
        'assessment_auth_date', numerator="assessment_outcome = 'other'") }}
    union all
    {{ indicator_member_rule('s47_completed_outcome_continuing_risk', 'enquiries', 's47_enquiry', 's47_enquiry_id',
        's47_end_date', numerator="s47_outcome = 'continuing_risk'") }}
    union all
    {{ indicator_member_rule('s47_completed_outcome_substantiated_not_continuing_risk', 'enquiries', 's47_enquiry',
        's47_enquiry_id', 's47_end_date', numerator="s47_outcome = 'substantiated_not_continuing_risk'") }}
    union all
    {{ indicator_member_rule('s47_completed_outcome_not_substantiated', 'enquiries', 's47_enquiry', 's47_enquiry_id',
        's47_end_date', numerator="s47_outcome = 'not_substantiated'") }}
    union all
    {{ indicator_member_rule('s47_completed_outcome_not_recorded', 'enquiries', 's47_enquiry', 's47_enquiry_id',
        's47_end_date', numerator="s47_outcome = 'not_recorded'") }}
    union all
    {{ indicator_member_rule('cin_children_visited_20wd', 'cin_visit_children', 'child', 'person_id', 'period_end',
        numerator='is_seen_within_20_working_days', where='is_visit_cohort') }}

)

select * from final
