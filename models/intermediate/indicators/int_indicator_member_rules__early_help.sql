{#- The member rules of the early help indicators (docs/indicators.md section 3.11). -#}
with

episodes as (select * from {{ ref('int_early_help_episodes_with_history') }}),

open_children as (select * from {{ ref('int_early_help_children_at_month_end') }}),

final as (

    {{ indicator_member_rule('early_help_started', 'episodes', 'early_help_episode', 'early_help_episode_id',
        'episode_start_date', locality='null') }}
    union all
    {{ indicator_member_rule('early_help_started_repeat', 'episodes', 'early_help_episode',
        'early_help_episode_id', 'episode_start_date', numerator='is_repeat_within_365_days', locality='null') }}
    union all
    {{ indicator_member_rule('early_help_children_open', 'open_children', 'child', 'person_id', 'period_end',
        locality='null') }}

)

select * from final
