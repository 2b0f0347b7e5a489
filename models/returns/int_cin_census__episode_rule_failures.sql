{#- The CIN census validation rules of the CINdetails block (docs/returns.md section 7), with 8590 (a Child with
    no CINdetails) and 4000 / 8832 (plans of an NFA referral): one row per rule, council, census year and written
    item that breaks it, with the child, the item's SSD id (item_id) and the rule's severity, block, field and message
    from seeds/cin_census_rules.csv. Each rule is a select below named by its DfE number;
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

cin_plans as (

    select * from {{ ref('cin_census_cin_plans') }}

),

section47 as (

    select * from {{ ref('cin_census_section47') }}

),

cp_plans as (

    select * from {{ ref('cin_census_cp_plans') }}

),

episodes as (

    {{ cin_census_episode_dates('details', 'children') }}

),

failures as (

    select
        '8590' as rule_code,
        la_code,
        collection_year,
        child,
        child as item_id
    from children
    where
        not exists (
            select 1 from details
            where
                details.la_code = children.la_code
                and details.collection_year = children.collection_year
                and details.child = children.child
        )
    union all
    select
        '8600' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where referral_date is null or referral_date > year_end
    union all
    select
        '8606' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where
        referral_date < cast(person_birth_date - interval 280 day as date)
        or referral_date < cast(expected_person_birth_date - interval 280 day as date)
    union all
    select
        '8555' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where person_death_date < referral_date
    union all
    select
        '8610' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where not is_referral_nfa and primary_need_code is null
    union all
    select
        '8650' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where primary_need_code is not null and not {{ in_code_list('primary_need', 'primary_need_code') }}
    union all
    select
        '8866' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where
        referral_source_code is null
        or not {{ valid_in_year('referral_source', 'referral_source_code', 'collection_year') }}
    union all
    select
        '8568' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where is_referral_nfa is null
    union all
    select
        '8569' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where
        is_referral_nfa
        -- the last working day before 1 April: 31 March, or the Friday before when it is a weekend
        and referral_date < cast(
            year_start - interval 1 day
            - to_days(greatest(isodow(year_start - interval 1 day) - 5, 0))
            as date
        )
    union all
    select
        '8620' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where closure_date < year_start or closure_date > year_end
    union all
    select
        '8630' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where closure_date < referral_date
    union all
    select
        '8640' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where
        reason_for_closure is not null
        and not {{ valid_in_year('cin_closure_reason', 'reason_for_closure', 'collection_year') }}
    union all
    select
        '8805' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where closure_date is not null and reason_for_closure is null
    union all
    select
        '8810' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where closure_date is null and reason_for_closure is not null
    union all
    select
        '8565' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where
        closure_date < initial_cpc_date
        or exists (
            select 1 from assessments
            where
                assessments.la_code = episodes.la_code
                and assessments.collection_year = episodes.collection_year
                and assessments.referral_id = episodes.referral_id
                and (
                    episodes.closure_date < assessments.assessment_start_date
                    or episodes.closure_date < assessments.assessment_authorisation_date
                )
        )
        or exists (
            select 1 from section47
            where
                section47.la_code = episodes.la_code
                and section47.collection_year = episodes.collection_year
                and section47.referral_id = episodes.referral_id
                and (
                    episodes.closure_date < section47.s47_start_date
                    or episodes.closure_date < section47.initial_cpc_date
                )
        )
        or exists (
            select 1 from cin_plans
            where
                cin_plans.la_code = episodes.la_code
                and cin_plans.collection_year = episodes.collection_year
                and cin_plans.referral_id = episodes.referral_id
                and (
                    episodes.closure_date < cin_plans.cin_plan_start_date
                    or episodes.closure_date < cin_plans.cin_plan_end_date
                )
        )
        or exists (
            select 1 from cp_plans
            where
                cp_plans.la_code = episodes.la_code
                and cp_plans.collection_year = episodes.collection_year
                and cp_plans.referral_id = episodes.referral_id
                and episodes.closure_date < cp_plans.cp_plan_end_date
        )
    union all
    select
        '8867' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where
        closure_date is not null
        and exists (
            select 1 from assessments
            where
                assessments.la_code = episodes.la_code
                and assessments.collection_year = episodes.collection_year
                and assessments.referral_id = episodes.referral_id
                and assessments.assessment_authorisation_date is null
        )
    union all
    select
        '8868' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where
        closure_date is not null
        and exists (
            select 1 from section47
            where
                section47.la_code = episodes.la_code
                and section47.collection_year = episodes.collection_year
                and section47.referral_id = episodes.referral_id
                and section47.initial_cpc_date is null
                and not coalesce(section47.is_icpc_not_required, false)
        )
    union all
    select
        '8825Q' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where
        {{ in_category('cin_closure_reason', 'reason_for_closure', 'after_assessment_nfa') }}
        and not exists (
            select 1 from assessments
            where
                assessments.la_code = episodes.la_code
                and assessments.collection_year = episodes.collection_year
                and assessments.referral_id = episodes.referral_id
        )
    union all
    select
        '8585Q' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where {{ in_category('cin_closure_reason', 'reason_for_closure', 'died') }} and person_death_date is null
    union all
    select
        '2990' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where
        {{ in_category(
            'cin_closure_reason', 'reason_for_closure', ['after_assessment_nfa', 'after_assessment_early_help']
        ) }}
        and (
            initial_cpc_date is not null
            or exists (
                select 1 from section47
                where
                    section47.la_code = episodes.la_code
                    and section47.collection_year = episodes.collection_year
                    and section47.referral_id = episodes.referral_id
            )
            or exists (
                select 1 from cin_plans
                where
                    cin_plans.la_code = episodes.la_code
                    and cin_plans.collection_year = episodes.collection_year
                    and cin_plans.referral_id = episodes.referral_id
            )
            or exists (
                select 1 from cp_plans
                where
                    cp_plans.la_code = episodes.la_code
                    and cp_plans.collection_year = episodes.collection_year
                    and cp_plans.referral_id = episodes.referral_id
            )
        )
    union all
    select
        '8815' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where
        closure_date is null
        and not is_referral_nfa
        and exists (
            select 1 from details as other
            where
                other.la_code = episodes.la_code
                and other.collection_year = episodes.collection_year
                and other.child = episodes.child
                and other.referral_id != episodes.referral_id
                and other.closure_date is null
                and not other.is_referral_nfa
        )
    union all
    select
        '8816' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where
        closure_date is null
        and not is_referral_nfa
        and exists (
            select 1 from details as later
            where
                later.la_code = episodes.la_code
                and later.collection_year = episodes.collection_year
                and later.child = episodes.child
                and later.referral_date > episodes.referral_date
        )
    union all
    select
        '8820' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where
        exists (
            select 1 from details as other
            where
                other.la_code = episodes.la_code
                and other.collection_year = episodes.collection_year
                and other.child = episodes.child
                and other.referral_id != episodes.referral_id
                and episodes.referral_date >= other.referral_date
                and episodes.referral_date < coalesce(
                    other.closure_date, case when not other.is_referral_nfa then episodes.year_end end
                )
        )
    union all
    select
        '8831' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where
        is_referral_nfa
        and (
            initial_cpc_date is not null
            or exists (
                select 1 from assessments
                where
                    assessments.la_code = episodes.la_code
                    and assessments.collection_year = episodes.collection_year
                    and assessments.referral_id = episodes.referral_id
            )
            or exists (
                select 1 from section47
                where
                    section47.la_code = episodes.la_code
                    and section47.collection_year = episodes.collection_year
                    and section47.referral_id = episodes.referral_id
            )
        )
    union all
    select
        '2884' as rule_code,
        la_code,
        collection_year,
        child,
        referral_id as item_id
    from episodes
    where
        exists (
            select 1 from section47
            where
                section47.la_code = episodes.la_code
                and section47.collection_year = episodes.collection_year
                and section47.referral_id = episodes.referral_id
                and section47.initial_cpc_date = episodes.initial_cpc_date
        )
    union all
    select
        '4000' as rule_code,
        episodes.la_code,
        episodes.collection_year,
        episodes.child,
        cin_plans.cin_plan_id as item_id
    from episodes
    inner join cin_plans
        on
            episodes.la_code = cin_plans.la_code
            and episodes.collection_year = cin_plans.collection_year
            and episodes.referral_id = cin_plans.referral_id
    where episodes.is_referral_nfa
    union all
    select
        '8832' as rule_code,
        episodes.la_code,
        episodes.collection_year,
        episodes.child,
        cp_plans.cp_plan_id as item_id
    from episodes
    inner join cp_plans
        on
            episodes.la_code = cp_plans.la_code
            and episodes.collection_year = cp_plans.collection_year
            and episodes.referral_id = cp_plans.referral_id
    where episodes.is_referral_nfa

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
