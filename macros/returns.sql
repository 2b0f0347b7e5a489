{#- Code-list tests of the return validation rules (models/returns/ssda903_rule_failures.sql): whether `code` is a
    code of `code_list` in seeds/code_lists.csv, the list's codes held in the seed, never in SQL. -#}
{% macro in_code_list(code_list, code) -%}
    ({{ code }} in (
        select code_lists.code
        from {{ ref('code_lists') }} as code_lists
        where code_lists.code_list = '{{ code_list }}'
    ))
{%- endmacro %}
