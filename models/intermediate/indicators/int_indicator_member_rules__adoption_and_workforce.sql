{#- The member rules of the adoption and workforce indicators (docs/indicators.md sections 3.10 and 3.12).
    Averages carry their amounts: A10 and A2 days per child adopted; caseloads per professional, weighted by FTE (a
    missing FTE counts as 1). -#}
with

adoptions as (select * from {{ ref('int_adoptions') }}),

caseloads as (select * from {{ ref('int_caseloads_at_month_end') }}),

team_caseloads as (select * from {{ ref('int_caseloads_by_team_type') }}),

final as (

    {{ indicator_member_rule('children_adopted', 'adoptions', 'cla_period', 'cla_period_id', 'adoption_date',
        locality='null') }}
    union all
    {{ indicator_member_rule('children_adopted_a10', 'adoptions', 'cla_period', 'cla_period_id', 'adoption_date',
        where='a10_days is not null', amount='a10_days', locality='null') }}
    union all
    {{ indicator_member_rule('children_adopted_a2', 'adoptions', 'cla_period', 'cla_period_id', 'adoption_date',
        where='a2_days is not null', amount='a2_days', locality='null') }}
    union all
    {{ indicator_member_rule('professionals_agency', 'caseloads', 'professional', 'professional_id',
        'period_end', numerator='is_agency_worker', person='null') }}
    union all
    {{ indicator_member_rule('professionals_caseload_per_fte', 'caseloads', 'professional', 'professional_id',
        'period_end', amount='caseload', weight='coalesce(full_time_equivalency, 1)', person='null') }}
    union all
    {{ indicator_member_rule('professionals_max_caseload', 'caseloads', 'professional', 'professional_id',
        'period_end', amount='caseload', person='null') }}
    union all
    {{ indicator_member_rule('children_adopted_12m_decision', 'adoptions', 'cla_period', 'cla_period_id',
        'adoption_date', numerator='is_placed_within_12_months_of_decision',
        where='is_placed_within_12_months_of_decision is not null', locality='null') }}
    union all
    {{ indicator_member_rule('children_adopted_14m', 'adoptions', 'cla_period', 'cla_period_id', 'adoption_date',
        numerator='is_moved_in_within_14_months', where='is_moved_in_within_14_months is not null',
        locality='null') }}
    union all
    {{ indicator_member_rule('professionals_max_caseload_key_safeguarding', 'team_caseloads', 'professional',
        'professional_id', 'period_end', amount='caseload', where="team_type_category = 'key_safeguarding'",
        person='null') }}
    union all
    {{ indicator_member_rule('professionals_max_caseload_looked_after', 'team_caseloads', 'professional',
        'professional_id', 'period_end', amount='caseload', where="team_type_category = 'looked_after'",
        person='null') }}
    union all
    {{ indicator_member_rule('professionals_caseload_per_fte_key_safeguarding', 'team_caseloads', 'professional',
        'professional_id', 'period_end', amount='caseload', weight='coalesce(full_time_equivalency, 1)',
        where="team_type_category = 'key_safeguarding'", person='null') }}
    union all
    {{ indicator_member_rule('professionals_caseload_per_fte_looked_after', 'team_caseloads', 'professional',
        'professional_id', 'period_end', amount='caseload', weight='coalesce(full_time_equivalency, 1)',
        where="team_type_category = 'looked_after'", person='null') }}
    union all
    {{ indicator_member_rule('professionals_caseload_per_fte_disability', 'team_caseloads', 'professional',
        'professional_id', 'period_end', amount='caseload', weight='coalesce(full_time_equivalency, 1)',
        where="team_type_category = 'disability'", person='null') }}

)

select * from final
