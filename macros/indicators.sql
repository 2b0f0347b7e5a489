{#- Shared rules of docs/indicators.md section 1. -#}

{#- open at date D: start_date <= D and (end_date is null or end_date > D). -#}
{% macro is_open_at(start_date, end_date, at_date) -%}
    ({{ start_date }} <= {{ at_date }} and ({{ end_date }} is null or {{ end_date }} > {{ at_date }}))
{%- endmacro %}

{#- the version of a record in force at month end D, for tables read from their history (docs/indicators.md section
    1.13): valid_from <= D < coalesce(valid_to, infinity). A version ending on D is no longer in force at D: the
    extract dated D holds the next one (or no longer holds the record). -#}
{% macro version_in_force_at(valid_from, valid_to, at_date) -%}
    {{ is_open_at(valid_from, valid_to, at_date) }}
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
    adds to an average's denominator (1 unless the average is per FTE, say). `person` is the child, or null
    when the member is not a child's record (a professional). -#}
{% macro indicator_member_rule(
    rule, relation, record_type, record_id, event_date, numerator='true', where='true',
    locality='locality_name', amount='null', weight='1', person='person_id'
) -%}
    select
        la_code,
        '{{ rule }}' as member_rule,
        '{{ record_type }}' as record_type,
        cast({{ record_id }} as varchar) as record_id,
        cast({{ person }} as varchar) as person_id,
        cast({{ event_date }} as date) as event_date,
        cast({{ locality }} as varchar) as locality_name,
        coalesce({{ numerator }}, false) as is_in_numerator,
        cast({{ amount }} as double) as numerator_amount,
        cast({{ weight }} as double) as denominator_weight
    from {{ relation }}
    where ({{ where }}) and {{ event_date }} is not null
{%- endmacro %}

{#- "in the last N <unit>" ending D (docs/indicators.md section 1.3): (D minus N) < date <= D, with
    DuckDB's month arithmetic (clamped to the month's last day). `span` is an interval literal body, e.g.
    '42 day', '6 month', '12 month'. -#}
{% macro is_within_last(event_date, at_date, span) -%}
    ({{ event_date }} > cast({{ at_date }} - interval {{ span }} as date) and {{ event_date }} <= {{ at_date }})
{%- endmacro %}

{#- The body of a latest_visits CTE (visits timeliness: CP, CIN, CLA): for each row of `children` (la_code, period_end,
    person_id), the latest date of `visits` (la_code, person_id, visit_date: the child seen) within `span` before
    period_end (is_within_last). The span is the longest the standard can reach back, so older visits cannot
    count. Children with no such visit have no row. -#}
{% macro latest_visit_within(children, visits, span) -%}
    select
        {{ children }}.la_code,
        {{ children }}.period_end,
        {{ children }}.person_id,
        max({{ visits }}.visit_date) as latest_seen_visit_date
    from {{ children }}
    inner join {{ visits }}
        on
            {{ children }}.la_code = {{ visits }}.la_code
            and {{ children }}.person_id = {{ visits }}.person_id
            and {{ is_within_last(visits ~ '.visit_date', children ~ '.period_end', span) }}
    group by {{ children }}.la_code, {{ children }}.period_end, {{ children }}.person_id
{%- endmacro %}

{#- A temporary placement is not counted as a placement (docs/indicators.md section 3.8): its 903 placement type
    has the category temporary in seeds/code_lists.csv (T0-T4). NULL when the type is NULL. -#}
{% macro is_temporary_placement(placement_type_code) -%}
    {{ in_category('903_place', placement_type_code, 'temporary') }}
{%- endmacro %}

{#- The legal status in force at a date for each row of `relation` (docs/indicators.md section 1.12): the child's
    ssd_legal_status record with start <= date and (end null or end > date); the latest-starting one when
    records overlap. Returns `keys` with legal_status_code and is_short_break (V3/V4). -#}
{% macro legal_status_in_force(relation, keys, at_date) -%}
    select
        {% for key in keys %}{{ relation }}.{{ key }},{% endfor %}
        arg_max(
            legal_statuses.legal_status_code,
            (legal_statuses.legal_status_start_date, legal_statuses.legal_status_id)
        ) as legal_status_code,
        arg_max(
            legal_statuses.is_short_break,
            (legal_statuses.legal_status_start_date, legal_statuses.legal_status_id)
        ) as is_short_break
    from {{ relation }}
    inner join {{ ref('stg_ssd__legal_status') }} as legal_statuses
        on
            {{ relation }}.la_code = legal_statuses.la_code
            and {{ relation }}.person_id = legal_statuses.person_id
            and {{ is_open_at('legal_statuses.legal_status_start_date', 'legal_statuses.legal_status_end_date',
                relation ~ '.' ~ at_date) }}
    group by {% for key in keys %}{{ relation }}.{{ key }}{% if not loop.last %}, {% endif %}{% endfor %}
{%- endmacro %}

{#- An indicator's value from its numerator and denominator (docs/indicators.md sections 1.7 and 1.10): a count is its
    numerator; a rate is numerator x multiplier x 10,000 / population; a percentage 100 x n / d; an average
    n / d. An empty denominator gives NULL, never 0. -#}
{% macro indicator_value(indicator_type, numerator, denominator, rate_multiplier) -%}
    (case {{ indicator_type }}
        when 'count' then {{ numerator }}
        when 'rate' then {{ numerator }} * {{ rate_multiplier }} * 10000 / nullif({{ denominator }}, 0)
        when 'percentage' then 100 * {{ numerator }} / nullif({{ denominator }}, 0)
        when 'average' then {{ numerator }} / nullif({{ denominator }}, 0)
    end)
{%- endmacro %}

{#- An aggregate over the same child's records dated strictly earlier (whole days before this record's
    date; records of the same day are not earlier), as a window: one pass over the table instead of a
    self-join. max(date) gives the previous record's date, count(*) how many came before. -#}
{% macro over_earlier_records(aggregate, record_date, partition_by='la_code, person_id') -%}
    (case when {{ record_date }} is not null then {{ aggregate }} over (
        partition by {{ partition_by }} order by {{ record_date }}
        range between unbounded preceding and interval 1 day preceding
    ) end)
{%- endmacro %}
