{#- The CIN census ChildProtectionPlans of each collection year: every child protection plan of a CINdetails of
    the year open at any time in the year (started on or before 31 March, not ended before 1 April). An end after
    31 March is blank. NumberOfPreviousCPP: the child's plans that started before this one. -#}
with

details as (

    select * from {{ ref('cin_census_cin_details') }}

),

plans as (

    select * from {{ ref('stg_ssd__cp_plans') }}

),

years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

numbered as (

    select
        *,
        count(*) over (
            partition by la_code, person_id order by cp_plan_start_date
            range between unbounded preceding and current row exclude ties
        ) - 1 as previous_plans
    from plans

),

final as (

    select
        details.la_code,
        details.collection_year,
        details.child,
        details.referral_id,
        numbered.cp_plan_id,
        numbered.cp_plan_start_date,
        case when numbered.cp_plan_end_date <= years.year_end then numbered.cp_plan_end_date end as cp_plan_end_date,
        numbered.initial_category_code,
        numbered.latest_category_code,
        cast(numbered.previous_plans as integer) as previous_plans
    from details
    inner join years
        on
            details.la_code = years.la_code
            and details.collection_year = years.collection_year
    inner join numbered
        on
            details.la_code = numbered.la_code
            and details.referral_id = numbered.referral_id
            and years.year_end >= numbered.cp_plan_start_date
            and (numbered.cp_plan_end_date is null or years.year_start <= numbered.cp_plan_end_date)

)

select * from final
