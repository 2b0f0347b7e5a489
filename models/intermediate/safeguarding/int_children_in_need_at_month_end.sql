{#- Children in need at each council month end D (DfE definition): children with a ssd_cin_episodes
    episode open at D (referral date <= D, close date null or > D) that is not flagged no further action,
    including children on a CP plan or looked after. Each child carries whether it is on a CP plan or
    looked after at D (section 17 only otherwise), its earliest open episode, whether a CIN plan is open at D,
    and the locality of its most recent open episode's referral team. -#}
with

episodes as (

    select * from {{ ref('int_referrals_linked') }}

),

months as (

    select * from {{ ref('int_council_months') }}

),

cp_plans_open as (

    select distinct
        la_code,
        period_end,
        person_id
    from {{ ref('int_cp_plans_open_at_month_end') }}

),

looked_after as (

    select * from {{ ref('int_looked_after_children_at_month_end') }}

),

cin_plans as (

    select * from {{ ref('stg_ssd__cin_plans') }}

),

open_episodes as (

    select
        months.la_code,
        months.period_end,
        episodes.person_id,
        episodes.referral_id,
        episodes.referral_date,
        episodes.locality_name
    from months
    inner join episodes
        on
            months.la_code = episodes.la_code
            and {{ is_open_at('episodes.referral_date', 'episodes.close_date', 'months.period_end') }}
    where not episodes.is_referral_nfa

),

children as (

    select
        la_code,
        period_end,
        person_id,
        min(referral_date) as earliest_open_referral_date,
        arg_max_null(locality_name, (referral_date, referral_id)) as locality_name,
        count(*) as open_episode_count
    from open_episodes
    group by la_code, period_end, person_id

),

cin_plans_open as (

    select distinct
        children.la_code,
        children.period_end,
        children.person_id
    from children
    inner join cin_plans
        on
            children.la_code = cin_plans.la_code
            and children.person_id = cin_plans.person_id
            and {{ is_open_at('cin_plans.cin_plan_start_date', 'cin_plans.cin_plan_end_date', 'children.period_end') }}

),

final as (

    select
        children.la_code,
        children.period_end,
        children.person_id,
        children.earliest_open_referral_date,
        children.open_episode_count,
        children.locality_name,
        cp_plans_open.person_id is not null as is_on_cp_plan,
        looked_after.person_id is not null as is_looked_after,
        cp_plans_open.person_id is null and looked_after.person_id is null as is_section_17_only,
        children.period_end - children.earliest_open_referral_date >= 45 as is_open_45_days_or_more,
        cin_plans_open.person_id is not null as has_open_cin_plan
    from children
    left join cp_plans_open
        on
            children.la_code = cp_plans_open.la_code
            and children.period_end = cp_plans_open.period_end
            and children.person_id = cp_plans_open.person_id
    left join looked_after
        on
            children.la_code = looked_after.la_code
            and children.period_end = looked_after.period_end
            and children.person_id = looked_after.person_id
    left join cin_plans_open
        on
            children.la_code = cin_plans_open.la_code
            and children.period_end = cin_plans_open.period_end
            and children.person_id = cin_plans_open.person_id

)

select * from final
