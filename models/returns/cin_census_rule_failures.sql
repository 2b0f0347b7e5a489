{#- The audit table of the CIN census validation rules (docs/returns.md section 7): one row per rule, council,
    census year and written item that breaks it, from the rules of each XML block (the int_cin_census__*_rule_failures
    models), with the number of the child's Child element in the XML `csc returns cin` writes (row_number, 1 = first
    Child). The tests in _cin_census__models.yml warn on each rule's failures, and fail the build on an error rule's
    only when var ssda903_errors_fail_build is true. -#}
with

children as (

    select * from {{ ref('cin_census_children') }}

),

child_rule_failures as (

    select * from {{ ref('int_cin_census__child_rule_failures') }}

),

episode_rule_failures as (

    select * from {{ ref('int_cin_census__episode_rule_failures') }}

),

assessment_rule_failures as (

    select * from {{ ref('int_cin_census__assessment_rule_failures') }}

),

cin_plan_rule_failures as (

    select * from {{ ref('int_cin_census__cin_plan_rule_failures') }}

),

section47_rule_failures as (

    select * from {{ ref('int_cin_census__section47_rule_failures') }}

),

cp_plan_rule_failures as (

    select * from {{ ref('int_cin_census__cp_plan_rule_failures') }}

),

failures as (

    select * from child_rule_failures
    union all
    select * from episode_rule_failures
    union all
    select * from assessment_rule_failures
    union all
    select * from cin_plan_rule_failures
    union all
    select * from section47_rule_failures
    union all
    select * from cp_plan_rule_failures

),

child_rows as (

    -- the number of the child's Child element in the written XML
    select
        la_code,
        collection_year,
        child,
        min(row_number) as row_number
    from children
    group by la_code, collection_year, child

),

final as (

    select
        failures.la_code,
        failures.collection_year,
        failures.rule_number,
        failures.severity,
        failures.table_name,
        child_rows.row_number,
        failures.child,
        failures.item_id,
        failures.field,
        failures.message
    from failures
    left join child_rows
        on
            failures.la_code = child_rows.la_code
            and failures.collection_year = child_rows.collection_year
            and failures.child = child_rows.child

)

select * from final
