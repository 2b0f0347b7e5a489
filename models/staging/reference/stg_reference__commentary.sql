{#- Analysts' commentary per council, indicator and month (seed commentary, edited by the council), the month
    moved to its last day so that any date in the month names it. -#}
with

commentary as (

    select * from {{ ref('commentary') }}

),

final as (

    select
        la_code,
        indicator_id,
        last_day(period_end) as period_end,
        trim(commentary) as commentary,
        nullif(trim(author), '') as author
    from commentary

)

select * from final
