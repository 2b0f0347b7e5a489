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

{% macro parse_flag(column) -%}
    (case
        when lower(trim({{ column }})) in ('y', 'yes', '1', 'true', 't') then true
        when lower(trim({{ column }})) in ('n', 'no', '0', 'false', 'f') then false
    end)
{%- endmacro %}

{% macro json_flag(column, key) -%}
    {{ parse_flag("json_extract_string(" ~ column ~ ", '$." ~ key ~ "')") }}
{%- endmacro %}

{% macro parse_number(column) -%}
    try_cast({{ column }} as double)
{%- endmacro %}

{% macro not_quarantined(table_name, alias='source') -%}
    not exists (
        select 1
        from {{ source('landing', 'quarantine') }} as quarantine
        where
            quarantine.la_code = {{ alias }}.la_code
            and quarantine.table_name = '{{ table_name }}'
            and quarantine._row_id = {{ alias }}._row_id
            and quarantine.action = 'rejected'
    )
{%- endmacro %}

{% macro code_category(code_list, column) -%}
    (
        select code_lists.category
        from {{ ref('code_lists') }} as code_lists
        where code_lists.code_list = '{{ code_list }}' and upper(code_lists.code) = upper({{ column }})
    )
{%- endmacro %}
