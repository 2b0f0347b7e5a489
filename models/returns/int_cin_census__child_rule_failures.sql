{#- The CIN census validation rules of the ChildIdentifiers and ChildCharacteristics blocks (docs/returns.md
    section 7): one row per rule, council, census year and written item that breaks it, with the child, the item's
    SSD id (item_id) and the rule's severity, block, field and message from seeds/cin_census_rules.csv. Each rule is
    a select below named by its DfE number; returns.cin_census_rule_failures gathers the blocks. -#}
with

rules as (

    select * from {{ ref('cin_census_rules') }}

),

unknown_sex_codes as (

    -- the code of a child whose sex is not known: 0 (GenderCurrent) and U (Sex), from code list cin_gender
    select code as sex from {{ ref('code_lists') }}
    where code_list = 'cin_gender' and category = 'U'
    union all
    select category as sex from {{ ref('code_lists') }}
    where code_list = 'cin_gender' and category = 'U'

),

disability_codes as (

    select
        list(code) as codes,
        list(code) filter (where category = 'not_disabled') as none_codes
    from {{ ref('code_lists') }}
    where code_list = 'disability'

),

children as (

    select * from {{ ref('cin_census_children') }}

),

details as (

    select * from {{ ref('cin_census_cin_details') }}

),

census_children as (

    select
        children.*,
        make_date(children.collection_year - 1, 4, 1) as year_start,
        make_date(children.collection_year, 3, 31) as year_end,
        count(*) over (
            partition by children.la_code, children.collection_year, children.child
        ) as child_records
    from children

),

failures as (

    select
        '8510' as rule_code,
        la_code,
        collection_year,
        child,
        child as item_id
    from census_children
    where child_records > 1
    union all
    select
        '8525' as rule_code,
        la_code,
        collection_year,
        child,
        child as item_id
    from census_children
    where (person_birth_date is null) = (expected_person_birth_date is null)
    union all
    select
        '8520' as rule_code,
        la_code,
        collection_year,
        child,
        child as item_id
    from census_children
    where person_birth_date > year_end
    union all
    select
        '8530Q' as rule_code,
        la_code,
        collection_year,
        child,
        child as item_id
    from census_children
    where
        expected_person_birth_date < cast(year_end - interval 30 day as date)
        or expected_person_birth_date > cast(year_end + interval 9 month as date)
    union all
    select
        '4180' as rule_code,
        la_code,
        collection_year,
        child,
        child as item_id
    from census_children
    where
        sex is null
        or (sex_item = 'GenderCurrent' and not {{ in_code_list('cin_gender', 'sex') }})
        or (sex_item = 'Sex' and not {{ in_code_list('sex', 'sex') }})
    union all
    select
        '8750' as rule_code,
        la_code,
        collection_year,
        child,
        child as item_id
    from census_children
    where
        expected_person_birth_date is not null
        and sex not in (select unknown_sex_codes.sex from unknown_sex_codes)
    union all
    select
        '8535Q' as rule_code,
        la_code,
        collection_year,
        child,
        child as item_id
    from census_children
    where person_death_date < person_birth_date or (person_death_date is not null and person_birth_date is null)
    union all
    select
        '8545Q' as rule_code,
        la_code,
        collection_year,
        child,
        child as item_id
    from census_children
    where person_death_date < year_start or person_death_date > year_end
    union all
    select
        '8775Q' as rule_code,
        la_code,
        collection_year,
        child,
        child as item_id
    from census_children
    where
        cast(person_birth_date + interval 25 year as date) < year_end
        and exists (
            select 1 from details
            where
                details.la_code = census_children.la_code
                and details.collection_year = census_children.collection_year
                and details.child = census_children.child
                and (
                    details.closure_date is null
                    or cast(census_children.person_birth_date + interval 25 year as date) < details.closure_date
                )
        )
    union all
    select
        '4220' as rule_code,
        la_code,
        collection_year,
        child,
        child as item_id
    from census_children
    where ethnicity is null or not {{ in_code_list('ethnicity', 'ethnicity') }}
    union all
    select
        '8540' as rule_code,
        census_children.la_code,
        census_children.collection_year,
        census_children.child,
        census_children.child as item_id
    from census_children
    cross join disability_codes
    where
        census_children.person_birth_date is not null
        and (
            len(census_children.disability_codes) = 0
            or not list_has_all(coalesce(disability_codes.codes, []), census_children.disability_codes)
        )
        and exists (
            select 1 from details
            where
                details.la_code = census_children.la_code
                and details.collection_year = census_children.collection_year
                and details.child = census_children.child
                and not details.is_referral_nfa
        )
    union all
    select
        '8790' as rule_code,
        census_children.la_code,
        census_children.collection_year,
        census_children.child,
        census_children.child as item_id
    from census_children
    cross join disability_codes
    where
        len(census_children.disability_codes) > 1
        and list_has_any(census_children.disability_codes, coalesce(disability_codes.none_codes, []))

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
