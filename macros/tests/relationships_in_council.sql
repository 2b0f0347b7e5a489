{#- Every non-null value resolves to a row of `to` with the same la_code (keys are only unique
    within a council). Councils whose extract did not include the parent's optional table
    (`parent_table`) are not tested: their links cannot be resolved and are documented as such. The model is
    read through a subquery so that a `where` config (which makes `model` a subquery itself) can apply. -#}
{% test relationships_in_council(model, column_name, to, field, parent_table=none) %}
    select child.la_code, child.{{ column_name }}
    from (select * from {{ model }}) as child
    where
        child.{{ column_name }} is not null
        {% if parent_table %}
            and child.la_code in (
                select landed_files.la_code from {{ source('landing', 'landed_files') }} as landed_files
                where landed_files.table_name = '{{ parent_table }}' and landed_files.is_present
            )
        {% endif %}
        and not exists (
            select 1 from {{ to }} as parent
            where parent.la_code = child.la_code and parent.{{ field }} = child.{{ column_name }}
        )
{% endtest %}
