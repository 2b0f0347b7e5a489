{#- The CIN census Reviews of each collection year: the review dates, within the year, of each child protection
    plan of the year. -#}
with

plans as (

    select * from {{ ref('cin_census_cp_plans') }}

),

reviews as (

    select * from {{ ref('stg_ssd__cp_reviews') }}

),

years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

final as (

    select
        plans.la_code,
        plans.collection_year,
        plans.child,
        plans.cp_plan_id,
        reviews.review_date as cp_review_date
    from plans
    inner join years
        on
            plans.la_code = years.la_code
            and plans.collection_year = years.collection_year
    inner join reviews
        on
            plans.la_code = reviews.la_code
            and plans.cp_plan_id = reviews.cp_plan_id
            and reviews.review_date between years.year_start and years.year_end

)

select * from final
