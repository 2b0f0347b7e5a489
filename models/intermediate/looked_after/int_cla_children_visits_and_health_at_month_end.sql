{#- Children looked after at each month end D (CLA_N_SNAP) with their latest visit at which they were seen
    and their latest health and dental checks on or before D (indicators.md section 3):
      - visit cohort: current period of care started at least 42 days before D; visited in time when seen at
        a visit in the last 42 days (D - 42 < visit <= D);
      - health cohort: current period of care started on or before D minus 12 months; a check in time is one
        in the last 12 months ((D minus 12 months) < check <= D). -#}
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

latest_visits as (

    select
        children.la_code,
        children.period_end,
        children.person_id,
        max(visits.visit_date) as latest_seen_visit_date
    from children
    inner join visits
        on
            children.la_code = visits.la_code
            and children.person_id = visits.person_id
            and {{ is_within_last('visits.visit_date', 'children.period_end', '42 day') }}
    group by children.la_code, children.period_end, children.person_id

),

latest_checks as (

    select
        children.la_code,
        children.period_end,
        children.person_id,
        max(health_checks.health_check_date) filter (
            where health_checks.health_check_type = 'HEALTH'
        ) as latest_health_check_date,
        max(health_checks.health_check_date) filter (
            where health_checks.health_check_type = 'DENTAL'
        ) as latest_dental_check_date
    from children
    inner join health_checks
        on
            children.la_code = health_checks.la_code
            and children.person_id = health_checks.person_id
            and {{ is_within_last('health_checks.health_check_date', 'children.period_end', '12 month') }}
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
