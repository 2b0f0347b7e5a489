{#- The CIN census validation rules of the Assessments block (docs/returns.md section 7): one row per rule, council,
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

assessments as (

    select * from {{ ref('cin_census_assessments') }}

),

episodes as (

    {{ cin_census_episode_dates('details', 'children') }}

),

episode_assessments as (

    select
        assessments.*,
        episodes.referral_date,
        episodes.year_start,
        episodes.year_end
    from assessments
    inner join episodes
        on
            assessments.la_code = episodes.la_code
            and assessments.collection_year = episodes.collection_year
            and assessments.referral_id = episodes.referral_id

),

failures as (

    select
        '1103' as rule_code,
        la_code,
        collection_year,
        child,
        assessment_id as item_id
    from episode_assessments
    where assessment_start_date < referral_date
    union all
    select
        '8608' as rule_code,
        la_code,
        collection_year,
        child,
        assessment_id as item_id
    from episode_assessments
    where assessment_start_date > assessment_authorisation_date
    union all
    select
        '8696' as rule_code,
        la_code,
        collection_year,
        child,
        assessment_id as item_id
    from episode_assessments
    where assessment_authorisation_date < year_start or assessment_authorisation_date > year_end
    union all
    select
        '8736' as rule_code,
        la_code,
        collection_year,
        child,
        assessment_id as item_id
    from episode_assessments
    where
        assessment_authorisation_date is null
        and (assessment_start_date < year_start or assessment_start_date > year_end)
    union all
    select
        '8670Q' as rule_code,
        la_code,
        collection_year,
        child,
        assessment_id as item_id
    from episode_assessments
    where
        assessment_authorisation_date is null
        and len(list_filter(
            generate_series(
                cast(assessment_start_date + interval 1 day as timestamp), cast(year_end as timestamp), interval 1 day
            ),
            d -> isodow(d) <= 5
        )) > 45
    union all
    select
        '8614' as rule_code,
        la_code,
        collection_year,
        child,
        assessment_id as item_id
    from episode_assessments
    where assessment_authorisation_date is null and len(coalesce(factor_codes, [])) > 0
    union all
    select
        '8897' as rule_code,
        la_code,
        collection_year,
        child,
        assessment_id as item_id
    from episode_assessments
    where assessment_authorisation_date >= year_start and len(coalesce(factor_codes, [])) = 0
    union all
    select
        '8863Q' as rule_code,
        la_code,
        collection_year,
        child,
        assessment_id as item_id
    from episode_assessments
    where
        exists (
            select 1 from assessments as other
            where
                other.la_code = episode_assessments.la_code
                and other.collection_year = episode_assessments.collection_year
                and other.referral_id = episode_assessments.referral_id
                and other.assessment_id != episode_assessments.assessment_id
                and episode_assessments.assessment_start_date >= other.assessment_start_date
                and episode_assessments.assessment_start_date
                < coalesce(other.assessment_authorisation_date, episode_assessments.year_end)
        )
    union all
    select
        '8896' as rule_code,
        la_code,
        collection_year,
        child,
        assessment_id as item_id
    from episode_assessments
    where
        assessment_authorisation_date is null
        and exists (
            select 1 from assessments as other
            where
                other.la_code = episode_assessments.la_code
                and other.collection_year = episode_assessments.collection_year
                and other.referral_id = episode_assessments.referral_id
                and other.assessment_id != episode_assessments.assessment_id
                and other.assessment_authorisation_date is null
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
