{#- Each referral (a row of ssd_cin_episodes) with the same child's previous referral (the latest one
    dated strictly earlier), the days between them, whether any assessment names it, and the locality of
    its referral team. A re-referral is one whose previous referral is 1 to 365 days earlier; two
    referrals of a child on the same day are 0 days apart and neither is a re-referral of the other.
    referral_outcome puts every referral in exactly one of four outcomes (docs/indicators.md reading 4.38), from the
    flags of cine_referral_outcome_json, the first that applies: strategy_discussion (STRATEGY_DISCUSSION_FLAG),
    social_work_assessment (SINGLE_ASSESSMENT_FLAG), close_information_advice (NFA_FLAG, or cine_referral_nfa),
    other (anything else, including no outcome recorded). -#}
with

referrals as (

    select * from {{ ref('stg_ssd__cin_episodes') }}

),

assessments as (

    select * from {{ ref('stg_ssd__cin_assessments') }}

),

teams as (

    select * from {{ ref('int_teams_with_locality') }}

),

previous_referrals as (

    select
        la_code,
        referral_id,
        {{ over_earlier_records('max(referral_date)', 'referral_date') }} as previous_referral_date
    from referrals

),

assessment_counts as (

    select
        la_code,
        referral_id,
        count(*) as assessment_count
    from assessments
    where referral_id is not null
    group by la_code, referral_id

),

final as (

    select
        referrals.la_code,
        referrals.referral_id,
        referrals.person_id,
        referrals.referral_date,
        referrals.close_date,
        referrals.close_reason,
        referrals.primary_need_code,
        referrals.referral_source_code,
        referrals.referral_team_id,
        teams.locality_name,
        coalesce(referrals.is_referral_nfa, false) as is_referral_nfa,
        case
            when referrals.outcome_strategy_discussion_flag then 'strategy_discussion'
            when referrals.outcome_single_assessment_flag then 'social_work_assessment'
            when referrals.outcome_nfa_flag or referrals.is_referral_nfa then 'close_information_advice'
            else 'other'
        end as referral_outcome,
        previous_referrals.previous_referral_date,
        referrals.referral_date - previous_referrals.previous_referral_date as days_since_previous_referral,
        coalesce(referrals.referral_date - previous_referrals.previous_referral_date <= 365, false)
            as is_rereferral_within_365_days,
        coalesce(assessment_counts.assessment_count, 0) as assessment_count,
        assessment_counts.assessment_count is not null as has_assessment
    from referrals
    left join previous_referrals
        on
            referrals.la_code = previous_referrals.la_code
            and referrals.referral_id = previous_referrals.referral_id
    left join assessment_counts
        on
            referrals.la_code = assessment_counts.la_code
            and referrals.referral_id = assessment_counts.referral_id
    left join teams
        on
            referrals.la_code = teams.la_code
            and referrals.referral_team_id = teams.team_id

)

select * from final
