{#- Children on a child protection plan at each council month end D, with the start of their earliest
    open plan, the latest visit at which the child was seen on or before D, and the working days from each
    to D (CPP_VISIT_10WD_PCT_SNAP: the cohort is children whose earliest open plan started at least 10
    working days before D; they are visited in time when the last visit seen is within 10 working days). -#}
with

open_plans as (

    select * from {{ ref('int_cp_plans_open_at_month_end') }}

),

visits as (

    select * from {{ ref('stg_ssd__cp_visits') }}
    where is_child_seen

),

children as (

    select
        la_code,
        period_end,
        person_id,
        min(cp_plan_start_date) as earliest_open_plan_start_date,
        count(*) as open_plan_count
    from open_plans
    group by la_code, period_end, person_id

),

latest_visits as (

    -- 10 working days never span more than 40 calendar days, so older visits cannot count.
    {{ latest_visit_within('children', 'visits', '40 day') }}

),

timed as (

    select
        children.la_code,
        children.period_end,
        children.person_id,
        children.earliest_open_plan_start_date,
        children.open_plan_count,
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
        working_days_since_plan_start >= 10 as is_visit_cohort,
        coalesce(working_days_since_seen <= 10, false) as is_seen_within_10_working_days
    from timed

)

select * from final
