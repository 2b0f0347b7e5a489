{#- Children in need on a CIN plan at each council month end D and whether their statutory visit is in time
    (CIN_VISIT_20WD_PCT_SNAP, docs/indicators.md section 3.7 and reading 4.41). There is no national frequency for
    CIN visits; the warehouse takes 20 working days (4 weekly), the timescale councils set for CIN and CP visits.
    - Cohort: section 17 children in need at D (int_children_in_need_at_month_end: neither on a CP plan nor looked
      after, whose own visits are measured elsewhere) with a CIN plan open at D whose earliest open plan started at
      least 20 working days before D (a child not yet due a visit is not counted).
    - In time: the latest ssd_cin_visits visit on or before D at which the child was seen (cinv_cin_visit_seen; a
      missing flag is not seen) is no more than 20 working days before D.
    The locality is the child's in int_children_in_need_at_month_end. -#}
with

cin_children as (

    select * from {{ ref('int_children_in_need_at_month_end') }}
    where is_section_17_only and has_open_cin_plan

),

cin_plans as (

    select * from {{ ref('stg_ssd__cin_plans') }}

),

visits as (

    select * from {{ ref('stg_ssd__cin_visits') }}
    where is_child_seen

),

children as (

    select
        cin_children.la_code,
        cin_children.period_end,
        cin_children.person_id,
        cin_children.locality_name,
        min(cin_plans.cin_plan_start_date) as earliest_open_plan_start_date
    from cin_children
    inner join cin_plans
        on
            cin_children.la_code = cin_plans.la_code
            and cin_children.person_id = cin_plans.person_id
            and {{ is_open_at(
                'cin_plans.cin_plan_start_date', 'cin_plans.cin_plan_end_date', 'cin_children.period_end'
            ) }}
    group by cin_children.la_code, cin_children.period_end, cin_children.person_id, cin_children.locality_name

),

latest_visits as (

    -- 20 working days never span more than 60 calendar days, so older visits cannot count.
    {{ latest_visit_within('children', 'visits', '60 day') }}

),

timed as (

    select
        children.la_code,
        children.period_end,
        children.person_id,
        children.locality_name,
        children.earliest_open_plan_start_date,
        latest_visits.latest_seen_visit_date,
        {{ working_days('children.earliest_open_plan_start_date', 'children.period_end') }}
            as working_days_since_plan_start,
        {{ working_days('latest_visits.latest_seen_visit_date', 'children.period_end') }}
            as working_days_since_seen
    from children
    left join latest_visits
        on
            children.la_code = latest_visits.la_code
            and children.period_end = latest_visits.period_end
            and children.person_id = latest_visits.person_id

),

final as (

    select
        *,
        working_days_since_plan_start >= 20 as is_visit_cohort,
        coalesce(working_days_since_seen <= 20, false) as is_seen_within_20_working_days
    from timed

)

select * from final
