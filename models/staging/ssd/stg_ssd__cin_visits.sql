{#- Statutory visits to children in need (Y/N flags as written by every system). Mosaic's script writes the
    visit's CIN plan (cinv_cin_plan_id) instead of the person, so a missing person is derived from the plan
    (ssd_cin_plans.cinp_person_id; this model therefore reads stg_ssd__cin_plans). A landed person always wins;
    is_person_id_derived flags the rows whose person was derived. -#}
with

source as (

    select * from {{ source('ssd', 'ssd_cin_visits') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cin_visits') }}

),

plans as (

    select * from {{ ref('stg_ssd__cin_plans') }}

),

renamed as (

    select
        landed.la_code,
        landed.extract_date,
        landed.cinv_cin_visit_id as cin_visit_id,
        landed.cinv_person_id as landed_person_id,
        landed.cinv_cin_plan_id as cin_plan_id,
        {{ parse_date('landed.cinv_cin_visit_date') }} as visit_date,
        {{ parse_flag('landed.cinv_cin_visit_seen') }} as is_child_seen,
        {{ parse_flag('landed.cinv_cin_visit_seen_alone') }} as is_child_seen_alone,
        {{ parse_flag('landed.cinv_cin_visit_bedroom') }} as is_bedroom_seen
    from landed

),

final as (

    select
        renamed.la_code,
        renamed.extract_date,
        renamed.cin_visit_id,
        {{ person_id_with_derivation('renamed.landed_person_id', 'plans.person_id') }},
        renamed.cin_plan_id,
        renamed.visit_date,
        renamed.is_child_seen,
        renamed.is_child_seen_alone,
        renamed.is_bedroom_seen
    from renamed
    left join plans
        on
            renamed.la_code = plans.la_code
            and renamed.cin_plan_id = plans.cin_plan_id

)

select * from final
