{#- Child protection plans. The initial and latest categories of abuse are mapped to the cp_category code
    list (NEG, PHY, SAB, EMO, MUL): systems write the SSD descriptions ("Neglect", "Multiple: Neglect,
    Emotional Abuse", ...) or the CIN census codes; the landed text is kept as <column>_as_landed. -#}
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
        landed.la_code,
        landed.extract_date,
        landed.cppl_cp_plan_id as cp_plan_id,
        landed.cppl_referral_id as referral_id,
        landed.cppl_icpc_id as icpc_id,
        landed.cppl_person_id as person_id,
        {{ parse_date('landed.cppl_cp_plan_start_date') }} as cp_plan_start_date,
        {{ parse_date('landed.cppl_cp_plan_end_date') }} as cp_plan_end_date,
        landed.cppl_cp_plan_initial_category as initial_category_as_landed,
        {{ map_code('cp_category', 'landed.cppl_cp_plan_initial_category') }} as initial_category_code,
        {{ parse_flag('landed.cppl_cp_plan_ola') }} as is_other_la,
        landed.cppl_cp_plan_latest_category as latest_category_as_landed,
        {{ map_code('cp_category', 'landed.cppl_cp_plan_latest_category') }} as latest_category_code
    from landed

)

select * from renamed
