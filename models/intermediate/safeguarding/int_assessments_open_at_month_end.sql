{#- Assessments open at each council month end D (start <= D and (authorisation null or > D)) with the
    working days they have been open, WD(start, D). -#}
with

assessments as (

    select * from {{ ref('int_assessments_linked_to_referrals') }}

),

months as (

    select * from {{ ref('int_council_months') }}

),

open_assessments as (

    select
        months.la_code,
        months.period_end,
        assessments.assessment_id,
        assessments.person_id,
        assessments.assessment_start_date,
        assessments.locality_name
    from months
    inner join assessments
        on
            months.la_code = assessments.la_code
            and {{ is_open_at('assessments.assessment_start_date', 'assessments.assessment_auth_date',
                'months.period_end') }}

),

final as (

    select
        *,
        {{ working_days('assessment_start_date', 'period_end') }} as working_days_open
    from open_assessments

)

select * from final
