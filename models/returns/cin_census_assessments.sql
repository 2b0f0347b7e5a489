{#- The CIN census Assessments of each collection year: every assessment of a CINdetails of the year that is open
    at any time in the year (started on or before 31 March, not authorised before 1 April). An authorisation after
    31 March is blank. Factors: the codes identified at assessment, sorted. -#}
with

details as (

    select * from {{ ref('cin_census_cin_details') }}

),

assessments as (

    select * from {{ ref('stg_ssd__cin_assessments') }}

),

factors as (

    select * from {{ ref('stg_ssd__assessment_factors') }}

),

years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

assessment_factors as (

    select
        la_code,
        assessment_id,
        list_sort(list_distinct(flatten(list(factor_codes)))) as factor_codes
    from factors
    where factor_codes is not null
    group by la_code, assessment_id

),

final as (

    select
        details.la_code,
        details.collection_year,
        details.child,
        details.referral_id,
        assessments.assessment_id,
        assessments.assessment_start_date,
        case
            when assessments.assessment_auth_date <= years.year_end then assessments.assessment_auth_date
        end as assessment_authorisation_date,
        case
            when assessments.assessment_auth_date <= years.year_end
                then coalesce(assessment_factors.factor_codes, [])
            else []
        end as factor_codes
    from details
    inner join years
        on
            details.la_code = years.la_code
            and details.collection_year = years.collection_year
    inner join assessments
        on
            details.la_code = assessments.la_code
            and details.referral_id = assessments.referral_id
            and years.year_end >= assessments.assessment_start_date
            and (assessments.assessment_auth_date is null or years.year_start <= assessments.assessment_auth_date)
    left join assessment_factors
        on
            assessments.la_code = assessment_factors.la_code
            and assessments.assessment_id = assessment_factors.assessment_id

)

select * from final
