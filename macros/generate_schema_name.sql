{#- Use the configured schema name as is (staging, intermediate, marts, reference), so that
    analysts find marts.indicator_values rather than main_marts.indicator_values. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
