{#- Who makes up each figure: one row per council, indicator, month and counted record (or child). The
    member rules give each record the date its window applies to; this model applies the indicator's time
    basis (indicators.md section 1) against the council's month-end spine:
      IM    the date falls within the month;
      R12   the date falls within the 12 calendar months ending with the period month;
      YTD   the date falls between 1 April of the financial year containing period_end and period_end;
      SNAP  the rule's row describes the state at period_end.
    Indicators the council's extract cannot support (indicator_availability) have no members. -#}
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

in_month as (

    select
        rule_members.*,
        months.period_end
    from rule_members
    inner join months
        on
            rule_members.la_code = months.la_code
            and rule_members.event_date between months.month_start and months.period_end
    where rule_members.basis = 'IM'

),

rolling_12_months as (

    select
        rule_members.*,
        months.period_end
    from rule_members
    inner join months
        on
            rule_members.la_code = months.la_code
            and rule_members.event_date between months.rolling_12_start and months.period_end
    where rule_members.basis = 'R12'

),

year_to_date as (

    select
        rule_members.*,
        months.period_end
    from rule_members
    inner join months
        on
            rule_members.la_code = months.la_code
            and rule_members.event_date between months.financial_year_start and months.period_end
    where rule_members.basis = 'YTD'

),

snapshot as (

    select
        rule_members.*,
        months.period_end
    from rule_members
    inner join months
        on
            rule_members.la_code = months.la_code
            and rule_members.event_date = months.period_end
    where rule_members.basis = 'SNAP'

),

windowed as (

    select * from in_month
    union all
    select * from rolling_12_months
    union all
    select * from year_to_date
    union all
    select * from snapshot

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
        numerator_amount
    from windowed

)

select * from final
