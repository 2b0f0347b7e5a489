with

care_leaver_months as (

    select * from {{ ref('int_care_leaver_months') }}

),

final as (

    select
        la_code,
        period_end,
        person_id,
        care_leaver_row_id,
        eligibility,
        age_at_period_end,
        activity_code,
        is_in_education_employment_or_training,
        accommodation_code,
        is_suitably_accommodated,
        in_touch_code,
        is_in_touch,
        pathway_plan_review_date,
        has_pathway_plan_reviewed_in_6_months,
        allocated_team_id
    from care_leaver_months

)

select * from final
