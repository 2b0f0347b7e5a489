{#- Per council and indicator: whether the extract holds what the indicator needs, and if not, why. -#}
with

availability as (

    select * from {{ ref('int_indicator_availability') }}

),

final as (

    select
        la_code,
        indicator_id,
        is_available,
        unavailable_reason
    from availability

)

select * from final
