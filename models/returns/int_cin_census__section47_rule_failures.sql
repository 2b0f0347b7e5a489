{#- The CIN census validation rules of the Section47 block (docs/returns.md section 7): one row per rule, council,
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

section47 as (

    select * from {{ ref('cin_census_section47') }}

),

episodes as (

    {{ cin_census_episode_dates('details', 'children') }}

),

episode_section47 as (

    select
        section47.*,
        episodes.referral_date,
        episodes.year_start,
        episodes.year_end
    from section47
    inner join episodes
        on
            section47.la_code = episodes.la_code
            and section47.collection_year = episodes.collection_year
            and section47.referral_id = episodes.referral_id

),

failures as (

    select
        '1104' as rule_code,
        la_code,
        collection_year,
        child,
        s47_enquiry_id as item_id
    from episode_section47
    where initial_cpc_date < referral_date
    union all
    select
        '8615' as rule_code,
        la_code,
        collection_year,
        child,
        s47_enquiry_id as item_id
    from episode_section47
    where initial_cpc_date is not null and (s47_start_date is null or s47_start_date > initial_cpc_date)
    union all
    select
        '2889' as rule_code,
        la_code,
        collection_year,
        child,
        s47_enquiry_id as item_id
    from episode_section47
    where s47_start_date < referral_date
    union all
    select
        '8740' as rule_code,
        la_code,
        collection_year,
        child,
        s47_enquiry_id as item_id
    from episode_section47
    where
        initial_cpc_date is null
        and not coalesce(is_icpc_not_required, false)
        and (s47_start_date < year_start or s47_start_date > year_end)
    union all
    select
        '8675Q' as rule_code,
        la_code,
        collection_year,
        child,
        s47_enquiry_id as item_id
    from episode_section47
    where
        initial_cpc_date is null
        and not coalesce(is_icpc_not_required, false)
        and len(list_filter(
            generate_series(
                cast(s47_start_date + interval 1 day as timestamp), cast(year_end as timestamp), interval 1 day
            ),
            d -> isodow(d) <= 5
        )) > 15
    union all
    select
        '8715' as rule_code,
        la_code,
        collection_year,
        child,
        s47_enquiry_id as item_id
    from episode_section47
    where initial_cpc_date < year_start or initial_cpc_date > year_end
    union all
    select
        '8870Q' as rule_code,
        la_code,
        collection_year,
        child,
        s47_enquiry_id as item_id
    from episode_section47
    where isodow(initial_cpc_target) >= 6
    union all
    select
        '8875' as rule_code,
        la_code,
        collection_year,
        child,
        s47_enquiry_id as item_id
    from episode_section47
    where isodow(initial_cpc_date) >= 6
    union all
    select
        '8839' as rule_code,
        la_code,
        collection_year,
        child,
        s47_enquiry_id as item_id
    from episode_section47
    where
        initial_cpc_date is null
        and not coalesce(is_icpc_not_required, false)
        and exists (
            select 1 from section47 as other
            where
                other.la_code = episode_section47.la_code
                and other.collection_year = episode_section47.collection_year
                and other.referral_id = episode_section47.referral_id
                and other.s47_enquiry_id != episode_section47.s47_enquiry_id
                and other.initial_cpc_date is null
                and not coalesce(other.is_icpc_not_required, false)
        )
    union all
    select
        '8890' as rule_code,
        la_code,
        collection_year,
        child,
        s47_enquiry_id as item_id
    from episode_section47
    where
        exists (
            select 1 from section47 as other
            where
                other.la_code = episode_section47.la_code
                and other.collection_year = episode_section47.collection_year
                and other.referral_id = episode_section47.referral_id
                and other.s47_enquiry_id != episode_section47.s47_enquiry_id
                and episode_section47.s47_start_date >= other.s47_start_date
                and episode_section47.s47_start_date < coalesce(
                    other.initial_cpc_date,
                    case when not coalesce(other.is_icpc_not_required, false) then episode_section47.year_end end
                )
        )
    union all
    select
        '2991Q' as rule_code,
        la_code,
        collection_year,
        child,
        s47_enquiry_id as item_id
    from episode_section47
    where not exists (
        select 1 from assessments
        where
            assessments.la_code = episode_section47.la_code
            and assessments.collection_year = episode_section47.collection_year
            and assessments.referral_id = episode_section47.referral_id
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
