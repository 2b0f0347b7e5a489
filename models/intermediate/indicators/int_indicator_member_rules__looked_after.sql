{#- The member rules of the looked-after and care-leaver indicators (indicators.md section 3). Short-break
    periods (legal status V3/V4 in force at the period start) are left out of start, end and outcome rules,
    and children on a short break at D are already left out of the snapshot. -#}
with

looked_after as (select * from {{ ref('int_looked_after_children_at_month_end') }}),

periods as (

    select * from {{ ref('int_cla_periods_of_care') }}
    where not is_short_break

),

care_leavers as (select * from {{ ref('int_care_leaver_months') }}),

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
