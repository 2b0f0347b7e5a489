{#- Children looked after at each month end D (CLA_N_SNAP) with their latest visit at which they were seen
    and their latest health and dental checks on or before D (docs/indicators.md section 3.8):
      - visit cohort: current period of care started at least 42 days before D; visited in time when seen at
        a visit in the last 42 days (D - 42 < visit <= D);
      - health cohort: current period of care started on or before D minus 12 months; a check in time is one
        in the last 12 months ((D minus 12 months) < check <= D).
    A check counts when its type has the category health_assessment (or dental_check) in seeds/code_lists.csv
    and it was done: its status has the category done (COMPLETED), or no status was recorded at all. The
    status is optional in the SSD and many extracts leave it empty, so a check without a status is read as a
    check that took place; a planned, refused or cancelled check, or a status the code list does not know, is
    not done. Other types (e.g. OPTICIAN) are accepted on landing but not counted. -#}
with

children as (

    select * from {{ ref('int_cla_children_placements_at_month_end') }}

),

visits as (

    select * from {{ ref('stg_ssd__cla_visits') }}
    where is_child_seen

),

health_checks as (

    select * from {{ ref('stg_ssd__cla_health') }}

),

code_lists as (

    select * from {{ ref('code_lists') }}

),

done_checks as (

    select
        health_checks.la_code,
        health_checks.person_id,
        health_checks.health_check_date,
        check_types.category as health_check_type_category
    from health_checks
    inner join code_lists as check_types
        on
            check_types.code_list = 'health_check_type'
            and health_checks.health_check_type = check_types.code
    left join code_lists as check_statuses
        on
            check_statuses.code_list = 'health_check_status'
            and health_checks.health_check_status = check_statuses.code
    where
        coalesce(check_statuses.category = 'done', false)
        or (health_checks.health_check_status is null and not coalesce(health_checks.has_health_check_status, false))

),

latest_visits as (

    {{ latest_visit_within('children', 'visits', '42 day') }}

),

latest_checks as (

    select
        children.la_code,
        children.period_end,
        children.person_id,
        max(done_checks.health_check_date) filter (
            where done_checks.health_check_type_category = 'health_assessment'
        ) as latest_health_check_date,
        max(done_checks.health_check_date) filter (
            where done_checks.health_check_type_category = 'dental_check'
        ) as latest_dental_check_date
    from children
    inner join done_checks
        on
            children.la_code = done_checks.la_code
            and children.person_id = done_checks.person_id
            and {{ is_within_last('done_checks.health_check_date', 'children.period_end', '12 month') }}
    group by children.la_code, children.period_end, children.person_id

),

final as (

    select
        children.la_code,
        children.period_end,
        children.person_id,
        children.current_period_start_date,
        latest_visits.latest_seen_visit_date,
        latest_checks.latest_health_check_date,
        latest_checks.latest_dental_check_date,
        coalesce(children.period_end - children.current_period_start_date >= 42, false) as is_visit_cohort,
        latest_visits.latest_seen_visit_date is not null as is_seen_in_last_42_days,
        coalesce(
            children.current_period_start_date <= cast(children.period_end - interval 12 month as date), false
        ) as is_health_cohort,
        latest_checks.latest_health_check_date is not null as has_health_check_in_last_12_months,
        latest_checks.latest_dental_check_date is not null as has_dental_check_in_last_12_months
    from children
    left join latest_visits
        on
            children.la_code = latest_visits.la_code
            and children.period_end = latest_visits.period_end
            and children.person_id = latest_visits.person_id
    left join latest_checks
        on
            children.la_code = latest_checks.la_code
            and children.period_end = latest_checks.period_end
            and children.person_id = latest_checks.person_id

)

select * from final
