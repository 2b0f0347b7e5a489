-- Every indicator of one council for one month, as a report would show it (1 d.p.), with the
-- numerator and denominator behind each value. Set the council and month with
-- dbt compile --vars '{la_code: E08000018, period_end: 2020-12-31}'.
select
    indicators.area,
    indicators.indicator_id,
    indicators.name,
    indicators.basis,
    indicator_values.numerator,
    indicator_values.denominator,
    round(indicator_values.value, 1) as value,
    indicators.unit
from {{ ref('indicator_values') }} as indicator_values
inner join {{ ref('indicators') }} as indicators on indicator_values.indicator_id = indicators.indicator_id
where
    indicator_values.la_code = '{{ var("la_code", "E10000020") }}'
    and indicator_values.period_end = date '{{ var("period_end", "2020-12-31") }}'
    and indicator_values.breakdown = 'all'
order by indicators.area, indicators.indicator_id
