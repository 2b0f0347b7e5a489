{#- Every council-level indicator value with what the monthly report puts beside it: the two months before
    and the year to date (financial year from 1 April). YTD by time basis:
      IM      the year's months added up: counts summed, percentages and averages as total numerator over
              total denominator, annualised rates as the monthly average count x multiplier over the
              population in force at the month end;
      YTD     the indicator is already year to date: its own value;
      SNAP / R12  the average of the monthly values so far this year ("YTD average").
    year_value is the figure the year has so far (YTD for IM, the month's value otherwise); in March it is
    the financial-year outturn (year's total or rate, March position for snapshots). -#}
with

indicator_values as (

    select * from {{ ref('indicator_values') }}
    where breakdown = 'all'

),

indicators as (

    select * from {{ ref('indicators') }}

),

months as (

    select * from {{ ref('int_council_months') }}

),

with_windows as (

    select
        indicator_values.la_code,
        indicator_values.indicator_id,
        indicator_values.period_end,
        months.financial_year,
        months.financial_year_start,
        indicators.type,
        indicators.basis,
        indicators.polarity,
        indicators.rate_multiplier,
        indicators.numerator_aggregation,
        indicator_values.numerator,
        indicator_values.denominator,
        indicator_values.value,
        lag(indicator_values.value, 1) over by_month as previous_value,
        lag(indicator_values.value, 2) over by_month as value_two_months_before,
        lag(indicator_values.period_end, 1) over by_month as previous_period_end,
        count(*) over to_date as months_in_year,
        sum(indicator_values.numerator) over to_date as numerator_year_total,
        sum(indicator_values.denominator) over to_date as denominator_year_total,
        max(indicator_values.numerator) over to_date as numerator_year_max,
        avg(indicator_values.value) over to_date as value_year_average
    from indicator_values
    inner join indicators
        on indicator_values.indicator_id = indicators.indicator_id
    inner join months
        on
            indicator_values.la_code = months.la_code
            and indicator_values.period_end = months.period_end
    window
        by_month as (
            partition by indicator_values.la_code, indicator_values.indicator_id
            order by indicator_values.period_end
        ),
        to_date as (
            partition by indicator_values.la_code, indicator_values.indicator_id, months.financial_year_start
            order by indicator_values.period_end
            rows between unbounded preceding and current row
        )

),

year_to_date as (

    select
        *,
        case
            when basis = 'IM' then 'year total'
            when basis = 'YTD' then 'year to date'
            else 'average of months'
        end as ytd_method,
        case
            when basis = 'YTD' then numerator
            when basis = 'IM' and numerator_aggregation = 'max' then numerator_year_max
            when basis = 'IM' then numerator_year_total
        end as ytd_numerator,
        case
            when basis = 'YTD' then denominator
            when basis = 'IM' and type = 'rate' then denominator
            when basis = 'IM' then denominator_year_total
        end as ytd_denominator
    from with_windows

),

final as (

    select
        la_code,
        indicator_id,
        period_end,
        financial_year,
        financial_year_start,
        type,
        basis,
        polarity,
        numerator,
        denominator,
        value,
        previous_period_end,
        previous_value,
        value_two_months_before,
        months_in_year,
        ytd_method,
        ytd_numerator,
        ytd_denominator,
        case
            when basis = 'YTD' then value
            when basis != 'IM' then value_year_average
            else {{ indicator_value(
                'type', 'ytd_numerator', 'ytd_denominator',
                'case when rate_multiplier = 1 then 1 else rate_multiplier / months_in_year end'
            ) }}
        end as ytd_value,
        case
            when basis = 'IM' then 'year total'
            else 'March position'
        end as outturn_method
    from year_to_date

)

select * from final
