{#- WD(a, b): the number of days d with a < d <= b that are Monday-Friday and not an England and
    Wales bank holiday (indicators.md section 1). dim_date carries a cumulative working-day index,
    so WD is a subtraction; the same day gives 0, and b before a gives a negative number. -#}
{% macro working_days(start_date, end_date) -%}
    (
        (select wd_end.working_day_index from {{ ref('dim_date') }} as wd_end where wd_end.date_day = {{ end_date }})
        - (select wd_start.working_day_index from {{ ref('dim_date') }} as wd_start where wd_start.date_day = {{ start_date }})
    )
{%- endmacro %}
