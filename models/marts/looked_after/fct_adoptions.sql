with

adoptions as (

    select * from {{ ref('int_adoptions') }}

),

final as (

    select
        la_code,
        cla_period_id,
        person_id,
        entered_care_date,
        adoption_date,
        end_reason_code,
        permanence_id,
        placement_order_date,
        matched_date,
        placed_for_adoption_date,
        placed_foster_carer_date,
        is_adopted_by_carer,
        moved_in_with_adopters_date,
        a10_days,
        a2_days
    from adoptions

)

select * from final
