-- Every target's notation parses into the numbers its scheme needs, and no two target rows of one council
-- and indicator are in force on the same day.
with

targets as (

    select * from {{ ref('stg_reference__targets') }}

),

unparsed as (

    select
        la_code,
        indicator_id,
        effective_from,
        'notation not parsed for scheme ' || scheme as problem
    from targets
    where
        target_value is null
        or (scheme = 'bands' and red_threshold is null)
        or (scheme = 'within_10pct' and red_threshold is null)
        or (scheme = 'range' and (green_low is null or green_high is null or amber_low is null or amber_high is null))
        or (scheme != 'range' and direction not in ('high', 'low'))

),

overlapping as (

    select
        a.la_code,
        a.indicator_id,
        a.effective_from,
        'overlaps the target from ' || b.effective_from as problem
    from targets as a
    inner join targets as b
        on
            a.la_code = b.la_code
            and a.indicator_id = b.indicator_id
            and a.effective_from < b.effective_from
            and a.effective_to >= b.effective_from

),

final as (

    select * from unparsed
    union all
    select * from overlapping

)

select * from final
