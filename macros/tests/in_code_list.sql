{#- Every non-null value is a code of `code_list` in the code_lists seed (case-insensitive). -#}
{% test in_code_list(model, column_name, code_list) %}
    select {{ column_name }}
    from {{ model }}
    where
        {{ column_name }} is not null
        and upper({{ column_name }}) not in (
            select upper(code_lists.code) from {{ ref('code_lists') }} as code_lists
            where code_lists.code_list = '{{ code_list }}'
        )
{% endtest %}
