{#- Early help episodes that ended (docs/indicators.md section 3.11), dated by their end date, with the reason for
    closing mapped to the eh_end_reason code list (seeds/code_lists.csv through seeds/value_mappings.csv: the SSD
    has no code set and every system writes its own text) and the reason's category: needs_met (needs met, and
    step-downs to universal services, as Norfolk counts them), step_up, declined, disengaged (including consent
    withdrawn) or other. An episode whose reason is missing or does not map has no category and counts in none
    of the reason groups, only in the closures. -#}
with

episodes as (

    select * from {{ ref('stg_ssd__early_help_episodes') }}
    where episode_end_date is not null

),

mapped as (

    select
        la_code,
        early_help_episode_id,
        person_id,
        episode_start_date,
        episode_end_date,
        episode_end_reason as end_reason_as_landed,
        {{ map_code('eh_end_reason', 'episode_end_reason') }} as end_reason_code
    from episodes

),

final as (

    select
        *,
        {{ category_of('eh_end_reason', 'end_reason_code') }} as end_reason_category
    from mapped

)

select * from final
