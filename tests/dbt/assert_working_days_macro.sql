{#- WD(a, b) on the real calendar (int_calendar_days over the bank_holidays seed): weekends, Christmas,
    Easter and one-off bank holidays are not working days; the same day is 0. -#}

with

cases as (

    -- same day
    select
        date '2020-12-24' as start_date,
        date '2020-12-24' as end_date,
        0 as expected
    union all
    -- Christmas, weekend, Boxing Day (observed)
    select
        date '2020-12-24' as start_date,
        date '2020-12-29' as end_date,
        1 as expected
    union all
    -- Good Friday and Easter Monday
    select
        date '2021-04-01' as start_date,
        date '2021-04-06' as end_date,
        1 as expected
    union all
    -- Friday to Monday
    select
        date '2021-01-08' as start_date,
        date '2021-01-11' as end_date,
        1 as expected
    union all
    -- state funeral bank holiday 19 Sep 2022
    select
        date '2022-09-16' as start_date,
        date '2022-09-20' as end_date,
        1 as expected
    union all
    -- four full weeks
    select
        date '2020-11-02' as start_date,
        date '2020-11-30' as end_date,
        20 as expected

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
