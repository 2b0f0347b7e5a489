{#- Annex A List 7: every child protection plan, with its categories of abuse, end and the child's earlier
    plans; csc returns annex-a keeps the plans open at any time in the 12 months up to the as-at date. -#}
with

plans as (

    select * from {{ ref('fct_cp_plans') }}

),

children as (

    select * from {{ ref('int_annex_a__children') }}

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
        plans.earlier_plan_count
    from plans
    left join children
        on
            plans.la_code = children.la_code
            and plans.person_id = children.child

)

select * from final
