{#- Statutory visits to children on a plan. Mosaic's script writes no cppv_person_id, so a missing person is
    derived from the plan: cppv_cp_plan_id -> ssd_cp_plans.cppl_person_id (the SSD's foreign key; this model
    therefore reads stg_ssd__cp_plans). A landed person always wins; is_person_id_derived flags the rows whose
    person was derived. A visit with neither stays without a person. -#}
with

source as (

    select * from {{ source('ssd', 'ssd_cp_visits') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cp_visits') }}

),

plans as (

    select * from {{ ref('stg_ssd__cp_plans') }}

),

renamed as (

    select
        la_code,
        extract_date,
        cppv_cp_visit_id as cp_visit_id,
        cppv_person_id as landed_person_id,
        cppv_cp_plan_id as cp_plan_id,
        {{ parse_date('cppv_cp_visit_date') }} as visit_date,
        {{ parse_flag('cppv_cp_visit_seen') }} as is_child_seen,
        {{ parse_flag('cppv_cp_visit_seen_alone') }} as is_child_seen_alone,
        {{ parse_flag('cppv_cp_visit_bedroom') }} as is_bedroom_seen
    from landed

),

final as (

    select
        renamed.la_code,
        renamed.extract_date,
        renamed.cp_visit_id,
        {{ person_id_with_derivation('renamed.landed_person_id', 'plans.person_id') }},
        renamed.cp_plan_id,
        renamed.visit_date,
        renamed.is_child_seen,
        renamed.is_child_seen_alone,
        renamed.is_bedroom_seen
    from renamed
    left join plans
        on
            renamed.la_code = plans.la_code
            and renamed.cp_plan_id = plans.cp_plan_id

)

select * from final
