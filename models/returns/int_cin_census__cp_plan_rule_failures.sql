{#- The CIN census validation rules of the ChildProtectionPlans and Reviews blocks (docs/returns.md section 7):
    one row per rule, council, census year and written item that breaks it (a review: its plan), with the child, the
    item's SSD id (item_id) and the rule's severity, block, field and message from seeds/cin_census_rules.csv. Each
    rule is a select below named by its DfE number; returns.cin_census_rule_failures gathers the blocks. -#}
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

section47 as (

    select * from {{ ref('cin_census_section47') }}

),

cp_plans as (

    select * from {{ ref('cin_census_cp_plans') }}

),

cp_reviews as (

    select * from {{ ref('cin_census_cp_reviews') }}

),

episodes as (

    {{ cin_census_episode_dates('details', 'children') }}

),

episode_cp_plans as (

    select
        cp_plans.*,
        episodes.referral_date,
        episodes.initial_cpc_date as episode_initial_cpc_date,
        episodes.person_death_date,
        episodes.year_start,
        episodes.year_end
    from cp_plans
    inner join episodes
        on
            cp_plans.la_code = episodes.la_code
            and cp_plans.collection_year = episodes.collection_year
            and cp_plans.referral_id = episodes.referral_id

),

plan_reviews as (

    select
        cp_reviews.*,
        episode_cp_plans.referral_id,
        episode_cp_plans.cp_plan_start_date
    from cp_reviews
    inner join episode_cp_plans
        on
            cp_reviews.la_code = episode_cp_plans.la_code
            and cp_reviews.collection_year = episode_cp_plans.collection_year
            and cp_reviews.cp_plan_id = episode_cp_plans.cp_plan_id

),

failures as (

    select
        '8935' as rule_code,
        la_code,
        collection_year,
        child,
        cp_plan_id as item_id
    from episode_cp_plans
    where
        cp_plan_end_date is null
        and exists (
            select 1 from cp_plans as other
            where
                other.la_code = episode_cp_plans.la_code
                and other.collection_year = episode_cp_plans.collection_year
                and other.referral_id = episode_cp_plans.referral_id
                and other.cp_plan_id != episode_cp_plans.cp_plan_id
                and other.cp_plan_end_date is null
        )
    union all
    select
        '8905' as rule_code,
        la_code,
        collection_year,
        child,
        cp_plan_id as item_id
    from episode_cp_plans
    where initial_category_code is null or not {{ in_code_list('cp_category', 'initial_category_code') }}
    union all
    select
        '8910' as rule_code,
        la_code,
        collection_year,
        child,
        cp_plan_id as item_id
    from episode_cp_plans
    where latest_category_code is null or not {{ in_code_list('cp_category', 'latest_category_code') }}
    union all
    select
        '8720' as rule_code,
        la_code,
        collection_year,
        child,
        cp_plan_id as item_id
    from episode_cp_plans
    where cp_plan_start_date is null or cp_plan_start_date > year_end
    union all
    select
        '8915' as rule_code,
        la_code,
        collection_year,
        child,
        cp_plan_id as item_id
    from episode_cp_plans
    where cp_plan_start_date > person_death_date
    union all
    select
        '8920' as rule_code,
        la_code,
        collection_year,
        child,
        cp_plan_id as item_id
    from episode_cp_plans
    where person_death_date is not null and (cp_plan_end_date is null or cp_plan_end_date > person_death_date)
    union all
    select
        '8925' as rule_code,
        la_code,
        collection_year,
        child,
        cp_plan_id as item_id
    from episode_cp_plans
    where cp_plan_end_date < cp_plan_start_date
    union all
    select
        '8930' as rule_code,
        la_code,
        collection_year,
        child,
        cp_plan_id as item_id
    from episode_cp_plans
    where cp_plan_end_date < year_start or cp_plan_end_date > year_end
    union all
    select
        '8840' as rule_code,
        la_code,
        collection_year,
        child,
        cp_plan_id as item_id
    from episode_cp_plans
    where cp_plan_end_date = cp_plan_start_date
    union all
    select
        '8940' as rule_code,
        la_code,
        collection_year,
        child,
        cp_plan_id as item_id
    from episode_cp_plans
    where
        exists (
            select 1 from cp_plans as other
            where
                other.la_code = episode_cp_plans.la_code
                and other.collection_year = episode_cp_plans.collection_year
                and other.referral_id = episode_cp_plans.referral_id
                and other.cp_plan_id != episode_cp_plans.cp_plan_id
                and episode_cp_plans.cp_plan_start_date >= other.cp_plan_start_date
                and episode_cp_plans.cp_plan_start_date <= coalesce(other.cp_plan_end_date, episode_cp_plans.year_end)
        )
    union all
    select
        '2885' as rule_code,
        la_code,
        collection_year,
        child,
        cp_plan_id as item_id
    from episode_cp_plans
    where
        cp_plan_start_date between year_start and year_end
        and episode_initial_cpc_date is distinct from cp_plan_start_date
        and not exists (
            select 1 from section47
            where
                section47.la_code = episode_cp_plans.la_code
                and section47.collection_year = episode_cp_plans.collection_year
                and section47.referral_id = episode_cp_plans.referral_id
                and section47.initial_cpc_date = episode_cp_plans.cp_plan_start_date
        )
    union all
    select
        '1105' as rule_code,
        la_code,
        collection_year,
        child,
        cp_plan_id as item_id
    from episode_cp_plans
    where cp_plan_start_date < referral_date
    union all
    select
        '8730' as rule_code,
        la_code,
        collection_year,
        child,
        cp_plan_id as item_id
    from episode_cp_plans
    where previous_plans is null
    union all
    select
        '8841' as rule_code,
        la_code,
        collection_year,
        child,
        cp_plan_id as item_id
    from plan_reviews
    where cp_review_date <= cp_plan_start_date
    union all
    select
        '8842Q' as rule_code,
        la_code,
        collection_year,
        child,
        cp_plan_id as item_id
    from plan_reviews
    where cp_review_date is null
    union all
    select
        '4003' as rule_code,
        la_code,
        collection_year,
        child,
        cp_plan_id as item_id
    from plan_reviews
    where exists (
        select 1 from cin_plans
        where
            cin_plans.la_code = plan_reviews.la_code
            and cin_plans.collection_year = plan_reviews.collection_year
            and cin_plans.referral_id = plan_reviews.referral_id
            and plan_reviews.cp_review_date > cin_plans.cin_plan_start_date
            and (cin_plans.cin_plan_end_date is null or plan_reviews.cp_review_date < cin_plans.cin_plan_end_date)
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
