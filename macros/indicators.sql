{#- Shared rules of indicators.md section 1. -#}

{#- open at date D: start_date <= D and (end_date is null or end_date > D). -#}
{% macro is_open_at(start_date, end_date, at_date) -%}
    ({{ start_date }} <= {{ at_date }} and ({{ end_date }} is null or {{ end_date }} > {{ at_date }}))
{%- endmacro %}

{#- age at date D: whole years completed between date of birth and D (a birthday counts on the day;
    a 29 February birthday completes a year on 1 March in other years). -#}
{% macro age_at(date_of_birth, at_date) -%}
    date_diff('year', {{ date_of_birth }}, {{ at_date }})
    - case
        when
            month({{ at_date }}) < month({{ date_of_birth }})
            or (month({{ at_date }}) = month({{ date_of_birth }}) and day({{ at_date }}) < day({{ date_of_birth }}))
            then 1
        else 0
    end
{%- endmacro %}

{#- One member rule of the indicator mechanism: the rows of `relation` (filtered by `where`) that make up
    the cohort of every indicator whose seed row names `rule` as its member_rule. Each row is one counted
    record (or child), dated by `event_date` (the period end for snapshot rules); `numerator` says whether
    it is also in the numerator, `amount` is what an average or maximum adds up, and `weight` what the member
    adds to an average's denominator (1 unless the average is per FTE, say). -#}
{% macro indicator_member_rule(
    rule, relation, record_type, record_id, event_date, numerator='true', where='true',
    locality='locality_name', amount='null', weight='1'
) -%}
    select
        la_code,
        '{{ rule }}' as member_rule,
        '{{ record_type }}' as record_type,
        cast({{ record_id }} as varchar) as record_id,
        cast(person_id as varchar) as person_id,
        cast({{ event_date }} as date) as event_date,
        cast({{ locality }} as varchar) as locality_name,
        coalesce({{ numerator }}, false) as is_in_numerator,
        cast({{ amount }} as double) as numerator_amount,
        cast({{ weight }} as double) as denominator_weight
    from {{ relation }}
    where ({{ where }}) and {{ event_date }} is not null
{%- endmacro %}
