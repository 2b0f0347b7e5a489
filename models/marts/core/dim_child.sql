with

people as (

    select * from {{ ref('stg_ssd__person') }}

),

final as (

    select
        la_code,
        person_id,
        sex,
        ethnicity,
        date_of_birth,
        date_of_death
    from people

)

select * from final
