{#- Annex A List 7: every child protection plan, with its categories of abuse, end and the child's earlier
    plans, and the dates of its visits (all, and those where the child was seen alone) and of its review
    conferences held, from which csc returns annex-a takes the latest on or before the as-at date; it keeps the
    plans open at any time in the 12 months up to the as-at date. -#}
with

plans as (

    select * from {{ ref('fct_cp_plans') }}

),

visits as (

    select * from {{ ref('stg_ssd__cp_visits') }}

),

reviews as (

    select * from {{ ref('stg_ssd__cp_reviews') }}

),

children as (

    select * from {{ ref('int_annex_a__children') }}

),

plan_visits as (

    select
        la_code,
        cp_plan_id,
        list_sort(list_distinct(list(visit_date))) as visit_dates,
        list_sort(list_distinct(list(visit_date) filter (where is_child_seen_alone))) as seen_alone_visit_dates
    from visits
    where visit_date is not null
    group by la_code, cp_plan_id

),

plan_reviews as (

    select
        la_code,
        cp_plan_id,
        list_sort(list_distinct(list(review_date))) as review_dates
    from reviews
    where review_date is not null
    group by la_code, cp_plan_id

),

final as (

    select
        plans.la_code,
        plans.cp_plan_id,
        plans.person_id as child,
        children.gender,
        children.ethnicity,
        children.date_of_birth,
        plans.cp_plan_start_date,
        plans.initial_category_code,
        plans.latest_category_code,
        plans.cp_plan_end_date,
        plans.earlier_plan_count,
        coalesce(plan_visits.visit_dates, []) as visit_dates,
        coalesce(plan_visits.seen_alone_visit_dates, []) as seen_alone_visit_dates,
        coalesce(plan_reviews.review_dates, []) as review_dates
    from plans
    left join children
        on
            plans.la_code = children.la_code
            and plans.person_id = children.child
    left join plan_visits
        on
            plans.la_code = plan_visits.la_code
            and plans.cp_plan_id = plan_visits.cp_plan_id
    left join plan_reviews
        on
            plans.la_code = plan_reviews.la_code
            and plans.cp_plan_id = plan_reviews.cp_plan_id

)

select * from final
