{#- The member rules of the early help indicators (docs/indicators.md sections 3.11 and 3.11.1). -#}
with

episodes as (select * from {{ ref('int_early_help_episodes_with_history') }}),

open_children as (select * from {{ ref('int_early_help_children_at_month_end') }}),

closures as (select * from {{ ref('int_early_help_closures') }}),

open_episodes as (select * from {{ ref('int_early_help_episodes_open_at_month_end') }}),

final as (

    {{ indicator_member_rule('early_help_started', 'episodes', 'early_help_episode', 'early_help_episode_id',
        'episode_start_date', locality='null') }}
    union all
    {{ indicator_member_rule('early_help_started_repeat', 'episodes', 'early_help_episode',
        'early_help_episode_id', 'episode_start_date', numerator='is_repeat_within_365_days', locality='null') }}
    union all
    {{ indicator_member_rule('early_help_children_open', 'open_children', 'child', 'person_id', 'period_end',
        locality='null') }}
    union all
    {{ indicator_member_rule('early_help_closed', 'closures', 'early_help_episode', 'early_help_episode_id',
        'episode_end_date', locality='null') }}
    union all
    {{ indicator_member_rule('early_help_closed_needs_met', 'closures', 'early_help_episode',
        'early_help_episode_id', 'episode_end_date', numerator="end_reason_category = 'needs_met'", locality='null') }}
    union all
    {{ indicator_member_rule('early_help_closed_step_up', 'closures', 'early_help_episode',
        'early_help_episode_id', 'episode_end_date', numerator="end_reason_category = 'step_up'", locality='null') }}
    union all
    {{ indicator_member_rule('early_help_closed_declined', 'closures', 'early_help_episode',
        'early_help_episode_id', 'episode_end_date', numerator="end_reason_category = 'declined'", locality='null') }}
    union all
    {{ indicator_member_rule('early_help_closed_disengaged', 'closures', 'early_help_episode',
        'early_help_episode_id', 'episode_end_date', numerator="end_reason_category = 'disengaged'",
        locality='null') }}
    union all
    {{ indicator_member_rule('early_help_cases_open', 'open_episodes', 'early_help_episode',
        'early_help_episode_id', 'period_end', locality='null') }}
    union all
    {{ indicator_member_rule('early_help_cases_open_6m', 'open_episodes', 'early_help_episode',
        'early_help_episode_id', 'period_end', numerator='is_open_over_6_months', locality='null') }}
    union all
    {{ indicator_member_rule('early_help_cases_open_12m', 'open_episodes', 'early_help_episode',
        'early_help_episode_id', 'period_end', numerator='is_open_over_12_months', locality='null') }}

)

select * from final
