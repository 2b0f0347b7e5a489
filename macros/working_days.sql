{#- WD(a, b): the number of days d with a < d <= b that are Monday-Friday and not an England and
    Wales bank holiday (docs/indicators.md section 1.5). int_calendar_days carries a cumulative working-day index,
    so WD is a subtraction; the same day gives 0, and b before a gives a negative number. -#}
{% macro working_days(start_date, end_date) -%}
    (
        (select wd_end.working_day_index from {{ ref('int_calendar_days') }} as wd_end where wd_end.date_day = {{ end_date }})
        - (select wd_start.working_day_index from {{ ref('int_calendar_days') }} as wd_start where wd_start.date_day = {{ start_date }})
    )
{%- endmacro %}

{#- The label of the financial year starting on 1 April of start_year, e.g. 2019/20 (int_calendar_days.financial_year
    and the performance summary's outturn columns). -#}
{% macro financial_year_label(start_year) -%}
    (cast({{ start_year }} as varchar) || '/' || right(cast({{ start_year }} + 1 as varchar), 2))
{%- endmacro %}
