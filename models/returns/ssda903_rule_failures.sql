{#- The audit table of the SSDA903 validation rules (docs/returns.md section 4): one row per rule, council,
    collection year and return row that breaks it, with the table, the row's number in the file
    `csc returns 903` writes, the child and the field, and the rule's severity and message from
    seeds/ssda903_rules.csv. The rules are selects, named by their DfE numbers, in the four
    int_ssda903__rule_failures_* models (Header; Episodes' codes, dates and placements; the sequence of
    episodes; the other tables); the tests in _returns__models.yml fail the build on an error rule's failures
    when var ssda903_errors_fail_build is true (a query rule only warns). -#}
with

rules as (

    select * from {{ ref('ssda903_rules') }}

),

header_failures as (

    select * from {{ ref('int_ssda903__rule_failures_header') }}

),

episode_code_failures as (

    select * from {{ ref('int_ssda903__rule_failures_episode_codes') }}

),

episode_sequence_failures as (

    select * from {{ ref('int_ssda903__rule_failures_episode_sequence') }}

),

other_table_failures as (

    select * from {{ ref('int_ssda903__rule_failures_other_tables') }}

),

failures as (

    select * from header_failures
    union all
    select * from episode_code_failures
    union all
    select * from episode_sequence_failures
    union all
    select * from other_table_failures

),

final as (

    select
        failures.la_code,
        failures.collection_year,
        failures.rule_code as rule_number,
        rules.severity,
        rules.table_name,
        failures.row_number,
        failures.child,
        rules.field,
        rules.message
    from failures
    inner join rules on failures.rule_code = rules.rule_number

)

select * from final
