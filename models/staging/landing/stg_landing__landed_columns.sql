{#- Whether each contract column of each SSD table was landed, and the values it holds after the landing
    gate (raw.landed_columns), per council. -#}
with

landed_columns as (

    select * from {{ source('landing', 'landed_columns') }}

),

final as (

    select
        la_code,
        table_name,
        column_name,
        is_present,
        n_values
    from landed_columns

)

select * from final
