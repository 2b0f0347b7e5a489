{#- Targets and tolerances with their printed notation parsed into numbers (docs/performance_report.md section 2).
    direction: 'high' when the green cell reads "95%+" or "85%>", 'low' when it reads "23%<"; a bare number
    takes the council's polarity (or the indicator's). A target on an info indicator gives it the notation's
    direction as the council's polarity (for the direction of travel). bands: red_threshold is the number in the red cell
    (high: red below it; low: red from it up). within_10pct: the amber limit is 10% of the target (not
    percentage points) beyond it. range: green and amber limits from "+/-5 of 158.8" / "16-22" and
    "+/-15" / "1 above / below range limit". -#}
with

targets as (

    select * from {{ ref('targets') }}

),

indicators as (

    select * from {{ ref('indicators') }}

),

numbers as (

    select
        targets.la_code,
        targets.indicator_id,
        targets.effective_from,
        coalesce(targets.effective_to, date '9999-12-31') as effective_to,
        targets.scheme,
        targets.polarity as council_polarity,
        indicators.polarity as indicator_polarity,
        targets.red as tolerance_red,
        targets.amber as tolerance_amber,
        targets.green as tolerance_green,
        targets.source,
        trim(targets.green) as green_text,
        {{ first_number('targets.green') }} as green_number,
        {{ first_number('targets.red') }} as red_number,
        {{ first_number('targets.amber') }} as amber_number,
        try_cast(regexp_extract(targets.green, '\+/-\s*([0-9.]+)\s+of\s+([0-9.]+)', 1) as double)
            as green_margin,
        try_cast(regexp_extract(targets.green, '\+/-\s*([0-9.]+)\s+of\s+([0-9.]+)', 2) as double)
            as green_centre,
        try_cast(regexp_extract(targets.green, '^\s*([0-9.]+)\s*-\s*([0-9.]+)\s*$', 1) as double)
            as green_range_low,
        try_cast(regexp_extract(targets.green, '^\s*([0-9.]+)\s*-\s*([0-9.]+)\s*$', 2) as double)
            as green_range_high,
        coalesce(targets.amber like '%+/-%', false) as amber_is_margin_around_centre
    from targets
    left join indicators
        on targets.indicator_id = indicators.indicator_id

),

notations as (

    select
        *,
        case
            when green_text like '%+' or green_text like '%>' then 'high'
            when green_text like '%<' then 'low'
        end as notation_direction
    from numbers

),

polarities as (

    -- a target on an info indicator says which way is good: "95%+" makes it high for this council
    select
        *,
        coalesce(
            council_polarity,
            case when indicator_polarity = 'info' and scheme != 'range' then notation_direction end,
            indicator_polarity
        ) as polarity
    from notations

),

directions as (

    select
        *,
        case
            when scheme = 'range' then 'range'
            when notation_direction is not null then notation_direction
            when polarity in ('high', 'low') then polarity
        end as direction,
        coalesce(green_centre - green_margin, green_range_low) as green_low,
        coalesce(green_centre + green_margin, green_range_high) as green_high
    from polarities

),

final as (

    select
        la_code,
        indicator_id,
        effective_from,
        effective_to,
        scheme,
        polarity,
        direction,
        tolerance_red,
        tolerance_amber,
        tolerance_green,
        case
            when scheme = 'range' then coalesce(green_centre, (green_low + green_high) / 2)
            else green_number
        end as target_value,
        -- limits are rounded to 6 d.p. so that binary fractions (55 x 0.9 = 49.500000000000004) do not move
        -- a boundary value into the wrong band
        round(case
            when scheme = 'bands' then red_number
            when scheme = 'within_10pct' and direction = 'high' then green_number * 0.9
            when scheme = 'within_10pct' and direction = 'low' then green_number * 1.1
        end, 6) as red_threshold,
        round(green_low, 6) as green_low,
        round(green_high, 6) as green_high,
        round(case
            when scheme != 'range' then null
            when amber_is_margin_around_centre then green_centre - amber_number
            else green_low - amber_number
        end, 6) as amber_low,
        round(case
            when scheme != 'range' then null
            when amber_is_margin_around_centre then green_centre + amber_number
            else green_high + amber_number
        end, 6) as amber_high,
        source
    from directions

)

select * from final
