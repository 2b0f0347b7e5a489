{#- Periods of care started (not short breaks; docs/indicators.md section 3.8) with what the start-based
    indicators need:
      - re-entry (CLA_REENTRY_12M_PCT_*): the end of the child's latest earlier period of care (not a short break),
        and whether it ended in the 12 months before this start ((start minus 12 months) < end <= start, the rule
        of section 1.3). Earlier periods are seen only as far back as the extract reaches;
      - initial health assessment (CLA_IHA_20WD_PCT_IM): the day 20 working days after the start (WD(start, day)
        = 20 and the day is a working day, section 1.5), whether the child was still looked after on it (the
        period ends on it or later, or is open), and the first completed health assessment (type of category
        health_assessment; status of category done, or no status recorded) dated on or after the start. -#}
with

periods as (

    select * from {{ ref('int_cla_periods_of_care') }}
    where not is_short_break

),

calendar as (

    select * from {{ ref('int_calendar_days') }}

),

health_checks as (

    select * from {{ ref('stg_ssd__cla_health') }}

),

code_lists as (

    select * from {{ ref('code_lists') }}

),

previous_periods as (

    select
        la_code,
        cla_period_id,
        max(period_end_date) over (
            partition by la_code, person_id
            order by period_start_date, cla_period_id
            rows between unbounded preceding and 1 preceding
        ) as previous_period_end_date
    from periods

),

health_assessments as (

    select
        health_checks.la_code,
        health_checks.person_id,
        health_checks.health_check_date
    from health_checks
    inner join code_lists as check_types
        on
            check_types.code_list = 'health_check_type'
            and health_checks.health_check_type = check_types.code
            and check_types.category = 'health_assessment'
    left join code_lists as check_statuses
        on
            check_statuses.code_list = 'health_check_status'
            and health_checks.health_check_status = check_statuses.code
    where
        coalesce(check_statuses.category = 'done', false)
        or (health_checks.health_check_status is null and not coalesce(health_checks.has_health_check_status, false))

),

due_dates as (

    select
        periods.la_code,
        periods.cla_period_id,
        min(due.date_day) as iha_due_date
    from periods
    inner join calendar as start_day on periods.period_start_date = start_day.date_day
    inner join calendar as due
        on
            due.working_day_index = start_day.working_day_index + 20
            and due.is_working_day
    group by periods.la_code, periods.cla_period_id

),

first_assessments as (

    select
        periods.la_code,
        periods.cla_period_id,
        min(health_assessments.health_check_date) as first_health_assessment_date
    from periods
    inner join health_assessments
        on
            periods.la_code = health_assessments.la_code
            and periods.person_id = health_assessments.person_id
            and periods.period_start_date <= health_assessments.health_check_date
            and (periods.period_end_date is null or periods.period_end_date >= health_assessments.health_check_date)
    group by periods.la_code, periods.cla_period_id

),

final as (

    select
        periods.la_code,
        periods.cla_period_id,
        periods.person_id,
        periods.period_start_date,
        periods.period_end_date,
        previous_periods.previous_period_end_date,
        coalesce(
            {{ is_within_last('previous_periods.previous_period_end_date', 'periods.period_start_date', '12 month') }},
            false
        ) as is_reentry_within_12_months,
        due_dates.iha_due_date,
        coalesce(periods.period_end_date is null or periods.period_end_date >= due_dates.iha_due_date, false)
            as is_looked_after_20_working_days,
        first_assessments.first_health_assessment_date,
        coalesce(first_assessments.first_health_assessment_date <= due_dates.iha_due_date, false)
            as has_health_assessment_within_20_working_days
    from periods
    left join previous_periods
        on
            periods.la_code = previous_periods.la_code
            and periods.cla_period_id = previous_periods.cla_period_id
    left join due_dates
        on
            periods.la_code = due_dates.la_code
            and periods.cla_period_id = due_dates.cla_period_id
    left join first_assessments
        on
            periods.la_code = first_assessments.la_code
            and periods.cla_period_id = first_assessments.cla_period_id

)

select * from final
