{#- The first month end each council's extracts can give a figure for, per indicator. An indicator that needs a
    table holding only the current state of its records (var current_state_tables: ssd_care_leavers, one
    current row per care leaver) is known from the month of the council's first status date in it: the earliest
    clea_as_at_date, which a council keeping month-end history lands, or else the earliest extract in the history
    that held a row (valid_from; docs/indicators.md section 1.13). Before it, a care-leaver figure is not known,
    which is not the same as 0. Other indicators are known from the first month of the spine. -#}
with

indicators as (

    select * from {{ ref('indicators') }}

),

manifests as (

    select * from {{ ref('stg_landing__manifests') }}

),

care_leavers as (

    select * from {{ ref('stg_ssd__care_leavers') }}

),

status_dates as (

    select
        la_code,
        'ssd_care_leavers' as table_name,
        last_day(min(as_at_date)) as first_period_end
    from care_leavers
    group by la_code

),

requirements as (

    select
        manifests.la_code,
        indicators.indicator_id,
        split_part(requirement.requirement, '.', 1) as table_name
    from manifests
    cross join indicators
    cross join unnest(string_split(indicators.required_tables, ' ')) as requirement (requirement)
    where split_part(requirement.requirement, '.', 1) in (
        {%- for t in var('current_state_tables') %}'{{ t }}'{% if not loop.last %}, {% endif %}{% endfor -%}
    )

),

final as (

    select
        requirements.la_code,
        requirements.indicator_id,
        max(coalesce(status_dates.first_period_end, last_day(manifests.extract_date))) as first_known_period_end
    from requirements
    inner join manifests on requirements.la_code = manifests.la_code
    left join status_dates
        on
            requirements.la_code = status_dates.la_code
            and requirements.table_name = status_dates.table_name
    group by requirements.la_code, requirements.indicator_id

)

select * from final
