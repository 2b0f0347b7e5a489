-- Thirteen rolling months of one indicator per locality, next to the council figure: which locality
-- drives a change? Set the indicator with --vars '{indicator_id: ASM_45WD_PCT_IM}'.
select
    indicator_values.la_code,
    indicator_values.breakdown_value as locality,
    indicator_values.period_end,
    indicator_values.numerator,
    indicator_values.denominator,
    round(indicator_values.value, 1) as value
from {{ ref('indicator_values') }} as indicator_values
inner join {{ ref('dim_council') }} as councils on indicator_values.la_code = councils.la_code
where
    indicator_values.indicator_id = '{{ var("indicator_id", "ASM_45WD_PCT_IM") }}'
    and indicator_values.period_end > cast(councils.last_period_end - interval 13 month as date)
order by indicator_values.la_code, indicator_values.breakdown != 'all', locality, indicator_values.period_end
