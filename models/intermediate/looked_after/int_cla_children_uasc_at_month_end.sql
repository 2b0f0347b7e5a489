{#- Children looked after at each month end D (CLA_N_SNAP) and whether each was an unaccompanied asylum-seeking
    child at D: a ssd_immigration_status record of the child open at D (start <= D and (end null or end > D))
    whose status maps to an immigration_status code of category uasc (seeds/code_lists.csv). A record without a
    start date is not open at any D. -#}
with

looked_after as (

    select * from {{ ref('int_looked_after_children_at_month_end') }}

),

immigration_statuses as (

    select * from {{ ref('stg_ssd__immigration_status') }}
    where is_uasc

),

uasc_children as (

    select distinct
        looked_after.la_code,
        looked_after.period_end,
        looked_after.person_id
    from looked_after
    inner join immigration_statuses
        on
            looked_after.la_code = immigration_statuses.la_code
            and looked_after.person_id = immigration_statuses.person_id
            and {{ is_open_at('immigration_statuses.status_start_date', 'immigration_statuses.status_end_date',
                'looked_after.period_end') }}

),

final as (

    select
        looked_after.la_code,
        looked_after.period_end,
        looked_after.person_id,
        uasc_children.person_id is not null as is_uasc
    from looked_after
    left join uasc_children
        on
            looked_after.la_code = uasc_children.la_code
            and looked_after.period_end = uasc_children.period_end
            and looked_after.person_id = uasc_children.person_id

)

select * from final
