{#- Typing macros used by every staging model. They accept exactly what the landing gate accepts
    (src/csc/gate/sqlexpr.py holds the same expressions; tests/python/test_parsing_parity.py
    checks both agree). -#}

{% macro parse_date(column) -%}
    (case
        when regexp_full_match({{ column }}, '\d{4}-\d{2}-\d{2}([ T].*)?')
            then cast(try_strptime(left({{ column }}, 10), '%Y-%m-%d') as date)
        when regexp_full_match({{ column }}, '\d{1,2}/\d{1,2}/\d{4}( .*)?')
            then cast(try_strptime(split_part({{ column }}, ' ', 1), '%d/%m/%Y') as date)
    end)
{%- endmacro %}

{#- A simple case on the value computed once: an IN list of five strings becomes a join per flag in DuckDB's plan
    (ten outcome flags of 100 million contacts cost twenty joins). -#}
{% macro parse_flag(column) -%}
    (case lower(trim({{ column }}))
        when 'y' then true when 'yes' then true when '1' then true when 'true' then true when 't' then true
        when 'n' then false when 'no' then false when '0' then false when 'false' then false when 'f' then false
    end)
{%- endmacro %}

{% macro json_flag(column, key) -%}
    {{ parse_flag("json_extract_string(" ~ column ~ ", '$." ~ key ~ "')") }}
{%- endmacro %}

{#- One boolean column per key of an outcome JSON object, named outcome_<key in lower case>, e.g.
    json_flags('cont_contact_outcome_json', ['NFA_FLAG']) gives outcome_nfa_flag. -#}
{#- Eclipse's script writes each key with an OUTCOME_ prefix (OUTCOME_NFA_FLAG): read when the key itself is absent. -#}
{% macro json_flags(column, keys) -%}
    {#- one parse of the object for every key: the same list expression in each column is computed once -#}
    {%- set paths -%}
        json_extract_string({{ column }}, [{% for key in keys %}'$.{{ key }}', '$.OUTCOME_{{ key }}'{{ ", " if not loop.last }}{% endfor %}])
    {%- endset %}
    {%- for key in keys %}
        {{ parse_flag("coalesce(" ~ paths ~ "[" ~ (2 * loop.index - 1) ~ "], " ~ paths ~ "[" ~ (2 * loop.index) ~ "])") }} as outcome_{{ key | lower }}{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{% macro parse_number(column) -%}
    try_cast({{ column }} as double)
{%- endmacro %}

{#- The landing gate recorded this row in raw.quarantine with `action` (for `column_name`, when given). -#}
{% macro in_quarantine(table_name, action, alias, column_name=none) -%}
    exists (
        select 1
        from {{ source('landing', 'quarantine') }} as quarantine
        where
            quarantine.la_code = {{ alias }}.la_code
            and quarantine.table_name = '{{ table_name }}'
            and quarantine._row_id = {{ alias }}._row_id
            {%- if column_name %}
            and quarantine.column_name = '{{ column_name }}'
            {%- endif %}
            and quarantine.action = '{{ action }}'
    )
{%- endmacro %}

{#- The row was not rejected by the landing gate (rows kept as queries or with a blanked value stay). -#}
{% macro not_quarantined(table_name, alias='source') -%}
    not {{ in_quarantine(table_name, 'rejected', alias) }}
{%- endmacro %}

{#- The landing gate blanked this row's value of `column_name` (an invalid value set to null, the row
    kept): the value was recorded but is not usable, which is not the same as not recorded. -#}
{% macro was_blanked(table_name, column_name, alias='landed') -%}
    {{ in_quarantine(table_name, 'blanked', alias, column_name) }}
{%- endmacro %}

{#- A person id a script may leave out, derived from the linked record: the landed person wins, else the
    parent's (e.g. the CP plan of a Mosaic CP visit); is_person_id_derived flags the derived rows. -#}
{% macro person_id_with_derivation(landed_person_id, parent_person_id) -%}
    coalesce({{ landed_person_id }}, {{ parent_person_id }}) as person_id,
    {{ landed_person_id }} is null and {{ parent_person_id }} is not null as is_person_id_derived
{%- endmacro %}
