{#- The member rules of the looked-after and care-leaver indicators (docs/indicators.md sections 3.8, 3.8.1 and 3.9).
    Short-break periods (legal status V3/V4 in force at the period start) are left out of start, end and outcome rules,
    and children on a short break at D are already left out of the snapshot. -#}
with

looked_after as (select * from {{ ref('int_looked_after_children_at_month_end') }}),

periods as (

    select * from {{ ref('int_cla_periods_of_care') }}
    where not is_short_break

),

care_leavers as (select * from {{ ref('int_care_leaver_months') }}),

placements as (select * from {{ ref('int_cla_children_placements_at_month_end') }}),

checks as (select * from {{ ref('int_cla_children_visits_and_health_at_month_end') }}),

periods_started as (select * from {{ ref('int_cla_periods_started') }}),

uasc as (select * from {{ ref('int_cla_children_uasc_at_month_end') }}),

missing_episodes as (

    select
        *,
        coalesce({{ in_category('rhi_answer', 'rhi_offered_code', 'not_applicable') }}, false)
            as is_rhi_not_applicable
    from {{ ref('stg_ssd__missing') }}

),

cla_children as (

    select
        la_code,
        cla_id,
        any_value(person_id) as person_id
    from {{ ref('stg_ssd__cla_episodes') }}
    group by la_code, cla_id

),

cla_reviews as (

    select
        reviews.*,
        cla_children.person_id,
        coalesce({{ in_category('903_review_code', 'reviews.participation_code', 'under_4') }}, false) as is_under_4,
        coalesce({{ in_category('903_review_code', 'reviews.participation_code', 'attended') }}, false) as is_attended,
        coalesce(
            {{ in_category('903_review_code', 'reviews.participation_code', ['attended', 'views_conveyed']) }}, false
        ) as is_participated
    from {{ ref('stg_ssd__cla_reviews') }} as reviews
    left join cla_children
        on
            reviews.la_code = cla_children.la_code
            and reviews.cla_id = cla_children.cla_id

),

final as (

    {{ indicator_member_rule('cla_children', 'looked_after', 'child', 'person_id', 'period_end',
        locality='null') }}
    union all
    {{ indicator_member_rule('cla_periods_started', 'periods', 'cla_period', 'cla_period_id',
        'period_start_date', locality='null') }}
    union all
    {{ indicator_member_rule('cla_periods_ended', 'periods', 'cla_period', 'cla_period_id',
        'period_end_date', locality='null') }}
    union all
    {{ indicator_member_rule('cla_periods_ended_permanence', 'periods', 'cla_period', 'cla_period_id',
        'period_end_date', numerator='is_ended_by_permanence_order', locality='null') }}
    union all
    {{ indicator_member_rule('cla_periods_ended_adoption', 'periods', 'cla_period', 'cla_period_id',
        'period_end_date', numerator='is_ended_by_adoption', locality='null') }}
    union all
    {{ indicator_member_rule('cla_periods_ended_sgo', 'periods', 'cla_period', 'cla_period_id',
        'period_end_date', numerator='is_ended_by_sgo', locality='null') }}
    union all
    {{ indicator_member_rule('cla_children_3_placements', 'placements', 'child', 'person_id', 'period_end',
        numerator='has_3_or_more_placements', locality='null') }}
    union all
    {{ indicator_member_rule('cla_children_long_term_stable', 'placements', 'child', 'person_id', 'period_end',
        numerator='is_in_placement_24_months_or_more', where='is_long_term_cohort', locality='null') }}
    union all
    {{ indicator_member_rule('cla_children_family_based', 'placements', 'child', 'person_id', 'period_end',
        numerator='is_family_based', locality='null') }}
    union all
    {{ indicator_member_rule('cla_children_placed_with_parents', 'placements', 'child', 'person_id', 'period_end',
        numerator='is_placed_with_parents', locality='null') }}
    union all
    {{ indicator_member_rule('cla_children_foster_non_kin', 'placements', 'child', 'person_id', 'period_end',
        numerator='is_foster_non_kin', locality='null') }}
    union all
    {{ indicator_member_rule('cla_children_residential', 'placements', 'child', 'person_id', 'period_end',
        numerator='is_residential', locality='null') }}
    union all
    {{ indicator_member_rule('cla_reviews_timely', 'cla_reviews', 'cla_review', 'cla_review_id', 'review_date',
        numerator='review_date <= review_due_date', where='not coalesce(is_cancelled, false)', locality='null') }}
    union all
    {{ indicator_member_rule('cla_children_visited_6w', 'checks', 'child', 'person_id', 'period_end',
        numerator='is_seen_in_last_42_days', where='is_visit_cohort', locality='null') }}
    union all
    {{ indicator_member_rule('cla_children_health_check', 'checks', 'child', 'person_id', 'period_end',
        numerator='has_health_check_in_last_12_months', where='is_health_cohort', locality='null') }}
    union all
    {{ indicator_member_rule('cla_children_dental_check', 'checks', 'child', 'person_id', 'period_end',
        numerator='has_dental_check_in_last_12_months', where='is_health_cohort', locality='null') }}
    union all
    {{ indicator_member_rule('cla_periods_ended_sgo_order', 'periods', 'cla_period', 'cla_period_id',
        'period_end_date', where='is_ended_by_sgo', locality='null') }}
    union all
    {{ indicator_member_rule('cla_periods_started_reentry_12m', 'periods_started', 'cla_period', 'cla_period_id',
        'period_start_date', numerator='is_reentry_within_12_months', locality='null') }}
    union all
    {{ indicator_member_rule('cla_periods_started_iha_20wd', 'periods_started', 'cla_period', 'cla_period_id',
        'iha_due_date', numerator='has_health_assessment_within_20_working_days',
        where='is_looked_after_20_working_days', locality='null') }}
    union all
    {{ indicator_member_rule('cla_children_uasc', 'uasc', 'child', 'person_id', 'period_end', where='is_uasc',
        locality='null') }}
    union all
    {{ indicator_member_rule('cla_children_uasc_share', 'uasc', 'child', 'person_id', 'period_end',
        numerator='is_uasc', locality='null') }}
    union all
    {{ indicator_member_rule('cla_children_commissioned', 'placements', 'child', 'person_id', 'period_end',
        numerator='is_commissioned_placement', locality='null') }}
    union all
    {{ indicator_member_rule('cla_reviews_attended', 'cla_reviews', 'cla_review', 'cla_review_id', 'review_date',
        numerator='is_attended', where='not coalesce(is_cancelled, false) and not is_under_4', locality='null') }}
    union all
    {{ indicator_member_rule('cla_reviews_participated', 'cla_reviews', 'cla_review', 'cla_review_id',
        'review_date', numerator='is_participated', where='not coalesce(is_cancelled, false) and not is_under_4',
        locality='null') }}
    union all
    {{ indicator_member_rule('cla_missing_episodes', 'missing_episodes', 'missing_episode', 'missing_episode_id',
        'missing_start_date', locality='null') }}
    union all
    {{ indicator_member_rule('cla_missing_rhi_offered', 'missing_episodes', 'missing_episode',
        'missing_episode_id', 'missing_end_date', numerator='is_rhi_offered', where='not is_rhi_not_applicable',
        locality='null') }}
    union all
    {{ indicator_member_rule('cla_missing_rhi_accepted', 'missing_episodes', 'missing_episode',
        'missing_episode_id', 'missing_end_date', numerator='is_rhi_accepted', where='coalesce(is_rhi_offered, false)',
        locality='null') }}
    union all
    {{ indicator_member_rule('care_leavers_17_21', 'care_leavers', 'child', 'person_id', 'period_end',
        where='age_at_period_end between 17 and 21', locality='null') }}
    union all
    {{ indicator_member_rule('care_leavers_19_21_eet', 'care_leavers', 'child', 'person_id', 'period_end',
        numerator='is_in_education_employment_or_training', where='age_at_period_end between 19 and 21',
        locality='null') }}
    union all
    {{ indicator_member_rule('care_leavers_19_21_suitable', 'care_leavers', 'child', 'person_id', 'period_end',
        numerator='is_suitably_accommodated', where='age_at_period_end between 19 and 21', locality='null') }}
    union all
    {{ indicator_member_rule('care_leavers_17_21_in_touch', 'care_leavers', 'child', 'person_id', 'period_end',
        numerator='is_in_touch', where='age_at_period_end between 17 and 21', locality='null') }}
    union all
    {{ indicator_member_rule('care_leavers_17_21_pathway_plan', 'care_leavers', 'child', 'person_id',
        'period_end', numerator='has_pathway_plan_reviewed_in_6_months', where='age_at_period_end between 17 and 21',
        locality='null') }}

)

select * from final
