{#- The working-day calendar: one row per day from var calendar_start to calendar_end with the England and
    Wales bank holidays (seed bank_holidays) and a cumulative working-day index. The macro working_days and
    the month spine (int_council_months) read it; the mart dim_date publishes it. -#}
with

bank_holidays as (

    select distinct holiday_date from {{ ref('bank_holidays') }}

),

spine as (

    select cast(range as date) as date_day
    from
        range(
            cast('{{ var("calendar_start") }}' as date),
            cast('{{ var("calendar_end") }}' as date) + interval 1 day,
            interval 1 day
        )

),

flagged as (

    select
        spine.date_day,
        isodow(spine.date_day) >= 6 as is_weekend,
        bank_holidays.holiday_date is not null as is_bank_holiday,
        isodow(spine.date_day) < 6 and bank_holidays.holiday_date is null as is_working_day
    from spine
    left join bank_holidays on spine.date_day = bank_holidays.holiday_date

),

final as (

    select
        date_day,
        year(date_day) as calendar_year,
        month(date_day) as month_of_year,
        strftime(date_day, '%b-%y') as month_label,
        isodow(date_day) as iso_day_of_week,
        cast(date_trunc('month', date_day) as date) as month_start,
        last_day(date_day) as month_end,
        date_day = last_day(date_day) as is_month_end,
        case
            when month(date_day) >= 4 then make_date(year(date_day), 4, 1)
            else make_date(year(date_day) - 1, 4, 1)
        end as financial_year_start,
        -- the financial year starts on 1 April of the calendar year three months earlier
        {{ financial_year_label('year(cast(date_day - interval 3 month as date))') }} as financial_year,
        ((month(date_day) + 8) % 12) // 3 + 1 as financial_quarter,
        is_weekend,
        is_bank_holiday,
        is_working_day,
        cast(
            sum(case when is_working_day then 1 else 0 end) over (
                order by date_day rows between unbounded preceding and current row
            ) as integer
        ) as working_day_index
    from flagged

)

select * from final
