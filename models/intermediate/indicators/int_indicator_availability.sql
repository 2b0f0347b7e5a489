{#- Whether each indicator can be computed for each council's extract: every table and column named in
    its required_tables (seed `indicators`; `table` or `table.column`) must have been landed. Required SSD
    tables are always present (the gate refuses an extract without them); optional tables and the local
    extension columns may be absent, and then the indicator has no rows and this says why. -#}
with

manifests as (

    select * from {{ source('landing', 'manifests') }}

),

indicators as (

    select * from {{ ref('indicators') }}

),

landed_files as (

    select * from {{ source('landing', 'landed_files') }}

),

landed_columns as (

    select * from {{ source('landing', 'landed_columns') }}

),

requirements as (

    select
        manifests.la_code,
        indicators.indicator_id,
        requirement.requirement,
        split_part(requirement.requirement, '.', 1) as table_name,
        nullif(split_part(requirement.requirement, '.', 2), '') as column_name
    from manifests
    cross join indicators
    cross join unnest(string_split(indicators.required_tables, ' ')) as requirement (requirement)
    where requirement.requirement != ''

),

checked as (

    select
        requirements.*,
        coalesce(landed_files.is_present, false)
        and (requirements.column_name is null or coalesce(landed_columns.is_present, false)) as is_landed
    from requirements
    left join landed_files
        on
            requirements.la_code = landed_files.la_code
            and requirements.table_name = landed_files.table_name
    left join landed_columns
        on
            requirements.la_code = landed_columns.la_code
            and requirements.table_name = landed_columns.table_name
            and requirements.column_name = landed_columns.column_name

),

final as (

    select
        la_code,
        indicator_id,
        bool_and(is_landed) as is_available,
        case
            when not bool_and(is_landed)
                then
                    'not landed in the extract: '
                    || string_agg(
                        case when not is_landed then requirement end, ', ' order by requirement
                    )
        end as unavailable_reason
    from checked
    group by la_code, indicator_id

)

select * from final
