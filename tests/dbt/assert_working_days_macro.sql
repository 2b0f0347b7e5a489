{#- WD(a, b) on the real calendar (dim_date over the bank_holidays seed): weekends, Christmas,
    Easter and one-off bank holidays are not working days; the same day is 0. -#}

with

cases as (

    select *
    from (
        values
        (date '2020-12-24', date '2020-12-24', 0),  -- same day
        (date '2020-12-24', date '2020-12-29', 1),  -- Christmas, weekend, Boxing Day (observed)
        (date '2021-04-01', date '2021-04-06', 1),  -- Good Friday and Easter Monday
        (date '2021-01-08', date '2021-01-11', 1),  -- Friday to Monday
        (date '2022-09-16', date '2022-09-20', 1),  -- state funeral bank holiday 19 Sep 2022
        (date '2020-11-02', date '2020-11-30', 20)  -- four full weeks
    ) as t (start_date, end_date, expected)

),

final as (

    select
        start_date,
        end_date,
        expected,
        {{ working_days('start_date', 'end_date') }} as actual
    from cases

)

select * from final
where actual is distinct from expected
