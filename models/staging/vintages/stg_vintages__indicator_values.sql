{#- The figures of earlier extracts, typed as indicator_values types them. -#}
with

source as (

    select * from {{ source('vintages', 'indicator_value_vintages') }}

),

final as (

    select
        cast(la_code as varchar) as la_code,
        cast(indicator_id as varchar) as indicator_id,
        cast(period_end as date) as period_end,
        cast(breakdown as varchar) as breakdown,
        cast(breakdown_value as varchar) as breakdown_value,
        cast(extract_date as date) as extract_date,
        cast(numerator as double) as numerator,
        cast(denominator as double) as denominator,
        cast(value as double) as value
    from source

)

select * from final
