with

source as (

    select * from {{ source('ssd', 'ssd_cin_plans') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cin_plans') }}

),

renamed as (

    select
        la_code,
        extract_date,
        cinp_cin_plan_id as cin_plan_id,
        cinp_referral_id as referral_id,
        cinp_person_id as person_id,
        {{ parse_date('cinp_cin_plan_start_date') }} as cin_plan_start_date,
        {{ parse_date('cinp_cin_plan_end_date') }} as cin_plan_end_date,
        cinp_cin_plan_team as cin_plan_team_id,
        cinp_cin_plan_worker_id as cin_plan_worker_id
    from landed

)

select * from renamed
