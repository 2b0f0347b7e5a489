{#- Care-leaver status at each month end (docs/indicators.md section 3.9): the status at D is the
    child's ssd_care_leavers row with as_at_date = D (the extract date when the council lands one current row);
    care leavers are rows whose eligibility has the category care_leaver in seeds/code_lists.csv (relevant,
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

status_rows as (

    select
        care_leavers.*,
        activities.category as activity_category,
        in_touch.category as in_touch_category,
        row_number() over (
            partition by care_leavers.la_code, care_leavers.person_id, care_leavers.as_at_date
            order by care_leavers.care_leaver_row_id desc
        ) as row_rank
    from care_leavers
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

),

final as (

    select
        status_rows.la_code,
        months.period_end,
        status_rows.person_id,
        status_rows.care_leaver_row_id,
        status_rows.eligibility,
        status_rows.activity_code,
        status_rows.in_touch_code,
        status_rows.accommodation_code,
        status_rows.is_accommodation_suitable,
        status_rows.pathway_plan_review_date,
        status_rows.allocated_team_id,
        {{ age_at('people.date_of_birth', 'months.period_end') }} as age_at_period_end,
        coalesce(status_rows.activity_category = 'EET', false) as is_in_education_employment_or_training,
        coalesce(status_rows.is_accommodation_suitable, false) as is_suitably_accommodated,
        coalesce(status_rows.in_touch_category = 'in_touch', false) as is_in_touch,
        coalesce(
            {{ is_within_last('status_rows.pathway_plan_review_date', 'months.period_end', '6 month') }}, false
        ) as has_pathway_plan_reviewed_in_6_months
    from status_rows
    inner join months
        on
            status_rows.la_code = months.la_code
            and status_rows.as_at_date = months.period_end
    left join people
        on
            status_rows.la_code = people.la_code
            and status_rows.person_id = people.person_id
    where status_rows.row_rank = 1

)

select * from final
