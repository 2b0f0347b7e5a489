with

calendar_days as (

    select * from {{ ref('int_calendar_days') }}

),

final as (

    select
        date_day,
        calendar_year,
        month_of_year,
        month_label,
        iso_day_of_week,
        month_start,
        month_end,
        is_month_end,
        financial_year_start,
        financial_year,
        financial_quarter,
        is_weekend,
        is_bank_holiday,
        is_working_day,
        working_day_index
    from calendar_days

)

select * from final
