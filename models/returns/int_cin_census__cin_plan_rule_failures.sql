{#- The CIN census validation rules of the CINplanDates block (docs/returns.md section 7): one row per rule, council,
    census year and written item that breaks it, with the child, the item's SSD id (item_id) and the rule's severity,
    block, field and message from seeds/cin_census_rules.csv. Each rule is a select below named by its DfE number;
    returns.cin_census_rule_failures gathers the blocks. -#}
with

rules as (

    select * from {{ ref('cin_census_rules') }}

),

children as (

    select * from {{ ref('cin_census_children') }}

),

details as (

    select * from {{ ref('cin_census_cin_details') }}

),

cin_plans as (

    select * from {{ ref('cin_census_cin_plans') }}

),

cp_plans as (

    select * from {{ ref('cin_census_cp_plans') }}

),

episodes as (

    {{ cin_census_episode_dates('details', 'children') }}

),

episode_cin_plans as (

    select
        cin_plans.*,
        episodes.referral_date,
        episodes.person_death_date,
        episodes.year_start,
        episodes.year_end
    from cin_plans
    inner join episodes
        on
            cin_plans.la_code = episodes.la_code
            and cin_plans.collection_year = episodes.collection_year
            and cin_plans.referral_id = episodes.referral_id

),

failures as (

    select
        '4004' as rule_code,
        la_code,
        collection_year,
        child,
        cin_plan_id as item_id
    from episode_cin_plans
    where
        cin_plan_end_date is null
        and exists (
            select 1 from cin_plans as other
            where
                other.la_code = episode_cin_plans.la_code
                and other.collection_year = episode_cin_plans.collection_year
                and other.referral_id = episode_cin_plans.referral_id
                and other.cin_plan_id != episode_cin_plans.cin_plan_id
                and other.cin_plan_end_date is null
        )
    union all
    select
        '4008' as rule_code,
        la_code,
        collection_year,
        child,
        cin_plan_id as item_id
    from episode_cin_plans
    where cin_plan_start_date > person_death_date
    union all
    select
        '4009' as rule_code,
        la_code,
        collection_year,
        child,
        cin_plan_id as item_id
    from episode_cin_plans
    where person_death_date is not null and (cin_plan_end_date is null or cin_plan_end_date > person_death_date)
    union all
    select
        '4010' as rule_code,
        la_code,
        collection_year,
        child,
        cin_plan_id as item_id
    from episode_cin_plans
    where cin_plan_start_date is null or cin_plan_start_date > year_end
    union all
    select
        '4011' as rule_code,
        la_code,
        collection_year,
        child,
        cin_plan_id as item_id
    from episode_cin_plans
    where cin_plan_end_date < cin_plan_start_date
    union all
    select
        '4012Q' as rule_code,
        la_code,
        collection_year,
        child,
        cin_plan_id as item_id
    from episode_cin_plans
    where cin_plan_end_date = cin_plan_start_date
    union all
    select
        '4013' as rule_code,
        la_code,
        collection_year,
        child,
        cin_plan_id as item_id
    from episode_cin_plans
    where cin_plan_end_date < year_start or cin_plan_end_date > year_end
    union all
    select
        '4014' as rule_code,
        la_code,
        collection_year,
        child,
        cin_plan_id as item_id
    from episode_cin_plans
    where
        exists (
            select 1 from cin_plans as other
            where
                other.la_code = episode_cin_plans.la_code
                and other.collection_year = episode_cin_plans.collection_year
                and other.referral_id = episode_cin_plans.referral_id
                and other.cin_plan_id != episode_cin_plans.cin_plan_id
                and episode_cin_plans.cin_plan_start_date >= other.cin_plan_start_date
                and episode_cin_plans.cin_plan_start_date
                <= coalesce(other.cin_plan_end_date, episode_cin_plans.year_end)
                and episode_cin_plans.cin_plan_start_date is distinct from other.cin_plan_end_date
        )
    union all
    select
        '4015' as rule_code,
        la_code,
        collection_year,
        child,
        cin_plan_id as item_id
    from episode_cin_plans
    where cin_plan_start_date < referral_date
    union all
    select
        '4016' as rule_code,
        la_code,
        collection_year,
        child,
        cin_plan_id as item_id
    from episode_cin_plans
    where
        exists (
            select 1 from cp_plans
            where
                cp_plans.la_code = episode_cin_plans.la_code
                and cp_plans.collection_year = episode_cin_plans.collection_year
                and cp_plans.referral_id = episode_cin_plans.referral_id
                and episode_cin_plans.cin_plan_start_date >= cp_plans.cp_plan_start_date
                and episode_cin_plans.cin_plan_start_date
                <= coalesce(cp_plans.cp_plan_end_date, episode_cin_plans.year_end)
                and episode_cin_plans.cin_plan_start_date is distinct from cp_plans.cp_plan_end_date
        )
    union all
    select
        '4017' as rule_code,
        la_code,
        collection_year,
        child,
        cin_plan_id as item_id
    from episode_cin_plans
    where
        exists (
            select 1 from cp_plans
            where
                cp_plans.la_code = episode_cin_plans.la_code
                and cp_plans.collection_year = episode_cin_plans.collection_year
                and cp_plans.referral_id = episode_cin_plans.referral_id
                and cp_plans.cp_plan_start_date >= episode_cin_plans.cin_plan_start_date
                and cp_plans.cp_plan_start_date
                <= coalesce(episode_cin_plans.cin_plan_end_date, episode_cin_plans.year_end)
                and cp_plans.cp_plan_start_date is distinct from episode_cin_plans.cin_plan_end_date
        )
    union all
    select
        '4001' as rule_code,
        la_code,
        collection_year,
        child,
        cin_plan_id as item_id
    from episode_cin_plans
    where
        cin_plan_end_date is null
        and exists (
            select 1 from cp_plans
            where
                cp_plans.la_code = episode_cin_plans.la_code
                and cp_plans.collection_year = episode_cin_plans.collection_year
                and cp_plans.referral_id = episode_cin_plans.referral_id
                and cp_plans.cp_plan_end_date is null
        )

),

final as (

    select
        failures.la_code,
        failures.collection_year,
        failures.rule_code as rule_number,
        rules.severity,
        rules.table_name,
        failures.child,
        failures.item_id,
        rules.field,
        rules.message
    from failures
    inner join rules on failures.rule_code = rules.rule_number

)

select * from final
