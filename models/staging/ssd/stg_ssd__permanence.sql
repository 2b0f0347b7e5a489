with

source as (

    select * from {{ source('ssd', 'ssd_permanence') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_permanence') }}

),

renamed as (

    select
        la_code,
        extract_date,
        perm_table_id as permanence_id,
        perm_person_id as person_id,
        perm_cla_id as cla_id,
        {{ parse_date('perm_adm_decision_date') }} as adm_decision_date,
        {{ parse_date('perm_ffa_cp_decision_date') }} as ffa_cp_decision_date,
        {{ parse_date('perm_placement_order_date') }} as placement_order_date,
        {{ parse_date('perm_placed_for_adoption_date') }} as placed_for_adoption_date,
        {{ parse_date('perm_matched_date') }} as matched_date,
        {{ parse_flag('perm_adopted_by_carer_flag') }} as is_adopted_by_carer,
        {{ parse_date('perm_placed_ffa_cp_date') }} as placed_ffa_cp_date,
        {{ parse_date('perm_decision_reversed_date') }} as decision_reversed_date,
        {{ parse_date('perm_placed_foster_carer_date') }} as placed_foster_carer_date,
        {{ parse_flag('perm_part_of_sibling_group') }} as is_part_of_sibling_group,
        {{ parse_number('perm_siblings_placed_together') }} as siblings_placed_together,
        {{ parse_number('perm_siblings_placed_apart') }} as siblings_placed_apart,
        perm_placement_provider_urn as placement_provider_urn,
        perm_decision_reversed_reason as decision_reversed_reason,
        {{ parse_date('perm_permanence_order_date') }} as permanence_order_date,
        perm_permanence_order_type as permanence_order_type,
        perm_adoption_worker_id as adoption_worker_id,
        upper(perm_adopter_sex) as adopter_sex_code,
        upper(perm_adopter_legal_status) as adopter_legal_status_code,
        {{ parse_number('perm_number_of_adopters') }} as number_of_adopters
    from landed

)

select * from renamed
