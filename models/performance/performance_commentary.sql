{#- The analysts' commentary per council, indicator and month (seed commentary) as the report reads it: on the
    report card and on the indicator page, whether or not the indicator has a target. -#}
with

commentary as (

    select * from {{ ref('stg_reference__commentary') }}

),

final as (

    select
        la_code,
        indicator_id,
        period_end,
        commentary,
        author
    from commentary

)

select * from final
