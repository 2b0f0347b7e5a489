{#- Per council, the consecutive months of deterioration that put an indicator into the exception report
    (seed exception_settings); councils without a row take var('exception_worsening_months'). -#}
with

settings as (

    select * from {{ ref('exception_settings') }}

),

final as (

    select
        la_code,
        worsening_months
    from settings

)

select * from final
