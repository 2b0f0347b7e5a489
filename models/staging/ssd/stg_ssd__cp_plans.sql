with

source as (

    select * from {{ source('ssd', 'ssd_cp_plans') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cp_plans') }}

),

renamed as (

    select
        la_code,
        extract_date,
        cppl_cp_plan_id as cp_plan_id,
        cppl_referral_id as referral_id,
        cppl_icpc_id as icpc_id,
        cppl_person_id as person_id,
        {{ parse_date('cppl_cp_plan_start_date') }} as cp_plan_start_date,
        {{ parse_date('cppl_cp_plan_end_date') }} as cp_plan_end_date,
        cppl_cp_plan_initial_category as initial_category,
        {{ code_category('cp_category', 'cppl_cp_plan_initial_category') }} as initial_category_code,
        {{ parse_flag('cppl_cp_plan_ola') }} as is_other_la,
        cppl_cp_plan_latest_category as latest_category,
        {{ code_category('cp_category', 'cppl_cp_plan_latest_category') }} as latest_category_code
    from landed

)

select * from renamed
