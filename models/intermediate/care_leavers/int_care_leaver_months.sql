{#- Care-leaver status at each month end (docs/indicators.md sections 3.9 and 1.13). ssd_care_leavers is read from its
    history (one row per version of a status row, in force from valid_from up to, not including, valid_to):
    - a row a council lands with clea_as_at_date describes that month end: the status at D is the rows dated D
      in the newest extract that held rows dated D (the versions dated D whose valid_to is the latest: every
      version that extract held ends together, at the next extract, or is still current);
    - a row without it describes the state from the extract that first held it: the status at D is the version
      in force at D (valid_from <= D < coalesce(valid_to, infinity)); there is none before the first extract
      that held the row, and those months are not known (int_indicator_month_coverage);
    - a child with a row dated D by clea_as_at_date takes it, not a version in force at D.
    Care leavers are rows whose eligibility has the category care_leaver in seeds/code_lists.csv (relevant,
    former_relevant; not eligible, qualifying or no_current_eligibility, nor an unmapped value). One row per
    child and month end (the row with the highest id when a council lands two), with the age at D and the
    measures' flags: EET is an activity of category EET, in touch an in-touch code of category in_touch (YES),
    suitably accommodated an accommodation flagged suitable (missing = not suitable). -#}
with

care_leavers as (

    select * from {{ ref('stg_ssd__care_leavers') }}

),

people as (

    select * from {{ ref('stg_ssd__person') }}

),

months as (

    select * from {{ ref('int_council_months') }}

),

code_lists as (

    select * from {{ ref('code_lists') }}

),

rows_dated_by_as_at_date as (

    select
        *,
        max(coalesce(valid_to, cast('infinity' as date))) over (partition by la_code, as_at_date) as last_valid_to
    from care_leavers
    where is_as_at_date_landed

),

newest_rows_dated_by_as_at_date as (

    select * exclude (last_valid_to)
    from rows_dated_by_as_at_date
    where coalesce(valid_to, cast('infinity' as date)) = last_valid_to

),

dated_rows as (

    select
        newest_rows_dated_by_as_at_date.*,
        months.period_end
    from newest_rows_dated_by_as_at_date
    inner join months
        on
            newest_rows_dated_by_as_at_date.la_code = months.la_code
            and newest_rows_dated_by_as_at_date.as_at_date = months.period_end

    union all

    select
        care_leavers.*,
        months.period_end
    from care_leavers
    inner join months
        on
            care_leavers.la_code = months.la_code
            and {{ version_in_force_at('care_leavers.valid_from', 'care_leavers.valid_to', 'months.period_end') }}
    where not care_leavers.is_as_at_date_landed

),

candidate_rows as (

    select
        *,
        bool_or(is_as_at_date_landed) over (partition by la_code, person_id, period_end) as has_row_dated_by_as_at_date
    from dated_rows

),

status_rows as (

    select
        care_leavers.*,
        activities.category as activity_category,
        in_touch.category as in_touch_category,
        row_number() over (
            partition by care_leavers.la_code, care_leavers.person_id, care_leavers.period_end
            order by care_leavers.care_leaver_row_id desc
        ) as row_rank
    from candidate_rows as care_leavers
    inner join code_lists as eligibilities
        on
            eligibilities.code_list = 'care_leaver_eligibility'
            and care_leavers.eligibility = eligibilities.code
            and eligibilities.category = 'care_leaver'
    left join code_lists as activities
        on
            activities.code_list = 'oc3_activ'
            and care_leavers.activity_code = activities.code
    left join code_lists as in_touch
        on
            in_touch.code_list = 'oc3_in_touch'
            and care_leavers.in_touch_code = in_touch.code
    where care_leavers.is_as_at_date_landed or not care_leavers.has_row_dated_by_as_at_date

),

final as (

    select
        status_rows.la_code,
        status_rows.period_end,
        status_rows.person_id,
        status_rows.care_leaver_row_id,
        status_rows.eligibility,
        status_rows.activity_code,
        status_rows.in_touch_code,
        status_rows.accommodation_code,
        status_rows.is_accommodation_suitable,
        status_rows.pathway_plan_review_date,
        status_rows.allocated_team_id,
        {{ age_at('people.date_of_birth', 'status_rows.period_end') }} as age_at_period_end,
        coalesce(status_rows.activity_category = 'EET', false) as is_in_education_employment_or_training,
        coalesce(status_rows.is_accommodation_suitable, false) as is_suitably_accommodated,
        coalesce(status_rows.in_touch_category = 'in_touch', false) as is_in_touch,
        coalesce(
            {{ is_within_last('status_rows.pathway_plan_review_date', 'status_rows.period_end', '6 month') }}, false
        ) as has_pathway_plan_reviewed_in_6_months
    from status_rows
    left join people
        on
            status_rows.la_code = people.la_code
            and status_rows.person_id = people.person_id
    where status_rows.row_rank = 1

)

select * from final
