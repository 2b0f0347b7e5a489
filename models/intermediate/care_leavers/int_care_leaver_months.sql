{#- Care-leaver status at each month end (indicators.md section 3, care leavers): the status at D is the
    child's ssd_care_leavers row with as_at_date = D (the extract date when the council lands one current row);
    care leavers are rows whose eligibility is relevant or former_relevant. One row per child and month end
    (the row with the highest id when a council lands two), with the age at D and the measures' flags. -#}
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

status_rows as (

    select
        care_leavers.*,
        row_number() over (
            partition by care_leavers.la_code, care_leavers.person_id, care_leavers.as_at_date
            order by care_leavers.care_leaver_row_id desc
        ) as row_rank
    from care_leavers
    where care_leavers.eligibility in ('relevant', 'former_relevant')

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
        coalesce(status_rows.activity_code in ('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5'), false)
            as is_in_education_employment_or_training,
        coalesce(status_rows.is_accommodation_suitable, false) as is_suitably_accommodated,
        coalesce(status_rows.in_touch_code = 'YES', false) as is_in_touch,
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
