{#- Who makes up each figure: one row per council, indicator, month and counted record (or child). The
    member rules give each record the date its window applies to; this model applies the indicator's time
    basis (docs/indicators.md section 1.2) against the council's month-end spine:
      IM    the date falls within the month;
      R12   the date falls within the 12 calendar months ending with the period month;
      YTD   the date falls between 1 April of the financial year containing period_end and period_end;
      SNAP  the rule's row describes the state at period_end.
    Indicators the council's extract cannot support (indicator_availability) have no members. A view:
    materialised it is the largest table of the warehouse (10 GB peak to build for 20 councils), while
    indicator_values aggregates it in one pass and analysts' filtered queries are answered in milliseconds. -#}
with

member_rules as (

    select * from {{ ref('int_indicator_member_rules') }}

),

indicators as (

    select * from {{ ref('indicators') }}

),

availability as (

    select * from {{ ref('int_indicator_availability') }}
    where is_available

),

months as (

    select * from {{ ref('int_council_months') }}

),

rule_members as (

    select
        member_rules.*,
        indicators.indicator_id,
        indicators.basis,
        indicators.type in ('percentage', 'average') as is_in_denominator
    from member_rules
    inner join indicators on member_rules.member_rule = indicators.member_rule
    inner join availability
        on
            member_rules.la_code = availability.la_code
            and indicators.indicator_id = availability.indicator_id

),

month_offsets as (

    -- Each member's month ends by its basis: the event's own month (IM, SNAP), the 12 month ends from the
    -- event's month on (R12), or the month ends from the event's month to the March that closes its
    -- financial year (YTD). Months are numbered (year x 12 + month) so the spine is found by equality.
    select
        rule_members.*,
        year(rule_members.event_date) * 12 + month(rule_members.event_date) as event_month_number,
        case rule_members.basis
            when 'R12' then 11
            when 'YTD' then (15 - month(rule_members.event_date)) % 12
            else 0
        end as last_month_offset
    from rule_members

),

offsets as (

    -- every (last offset, offset) pair, 0 <= offset <= last offset <= 11: 78 rows that expand a member into its
    -- month ends by an equality join (an unnest per row costs a correlated join over every member)
    select
        last_offsets.last_month_offset,
        month_offsets.month_offset
    from range(12) as last_offsets (last_month_offset)
    inner join range(12) as month_offsets (month_offset)
        on last_offsets.last_month_offset >= month_offsets.month_offset

),

spine as (

    select
        la_code,
        period_end,
        year(period_end) * 12 + month(period_end) as month_number
    from months

),

windowed as (

    -- The spine keeps only the council's reporting months; a snapshot row belongs to its own month end only.
    select
        month_offsets.*,
        spine.period_end
    from month_offsets
    inner join offsets on month_offsets.last_month_offset = offsets.last_month_offset
    inner join spine
        on
            month_offsets.la_code = spine.la_code
            and month_offsets.event_month_number + offsets.month_offset = spine.month_number
    where month_offsets.basis != 'SNAP' or month_offsets.event_date = spine.period_end

),

final as (

    select
        la_code,
        indicator_id,
        period_end,
        member_rule,
        record_type,
        record_id,
        person_id,
        event_date,
        locality_name,
        is_in_numerator,
        is_in_denominator,
        numerator_amount,
        denominator_weight
    from windowed

)

select * from final
