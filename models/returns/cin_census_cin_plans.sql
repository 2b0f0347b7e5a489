{#- The CIN census CINPlanDates of each collection year: every CIN plan of a CINdetails of the year open at any
    time in the year (started on or before 31 March, not ended before 1 April). An end after 31 March is blank. -#}
with

details as (

    select * from {{ ref('cin_census_cin_details') }}

),

plans as (

    select * from {{ ref('stg_ssd__cin_plans') }}

),

years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

final as (

    select
        details.la_code,
        details.collection_year,
        details.child,
        details.referral_id,
        plans.cin_plan_id,
        plans.cin_plan_start_date,
        case when plans.cin_plan_end_date <= years.year_end then plans.cin_plan_end_date end as cin_plan_end_date
    from details
    inner join years
        on
            details.la_code = years.la_code
            and details.collection_year = years.collection_year
    inner join plans
        on
            details.la_code = plans.la_code
            and details.referral_id = plans.referral_id
            and years.year_end >= plans.cin_plan_start_date
            and (plans.cin_plan_end_date is null or years.year_start <= plans.cin_plan_end_date)

)

select * from final
