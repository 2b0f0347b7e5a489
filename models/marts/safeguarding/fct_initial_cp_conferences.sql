with

conferences as (

    select * from {{ ref('int_conferences_linked_to_s47') }}

),

final as (

    select
        la_code,
        icpc_id,
        person_id,
        s47_enquiry_id,
        cp_plan_id,
        icpc_date,
        icpc_team_id,
        locality_name,
        is_transfer_in,
        s47_start_date,
        working_days_from_s47_start,
        is_timeliness_cohort,
        is_within_15_working_days
    from conferences

)

select * from final
