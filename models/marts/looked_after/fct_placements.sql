with

placements as (

    select * from {{ ref('stg_ssd__cla_placement') }}

),

final as (

    select
        la_code,
        placement_id,
        person_id,
        cla_id,
        placement_start_date,
        placement_end_date,
        placement_type_code,
        placement_provider_code,
        placement_change_reason_code,
        coalesce({{ is_temporary_placement('placement_type_code') }}, false) as is_temporary,
        placement_end_date - placement_start_date as placement_days
    from placements

)

select * from final
