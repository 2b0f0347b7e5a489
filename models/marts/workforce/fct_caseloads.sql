with

caseloads as (

    select * from {{ ref('int_caseloads_at_month_end') }}

),

final as (

    select
        la_code,
        period_end,
        professional_id,
        caseload,
        team_id,
        locality_name,
        full_time_equivalency,
        is_agency_worker
    from caseloads

)

select * from final
