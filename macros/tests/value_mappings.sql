{#- Tests of seeds/value_mappings.csv (the rules are in macros/mapping.sql, kept free of test blocks so that
    the file also renders with plain Jinja, as the gate's parity test does). -#}

{#- Seed test: no two mappings of a list and match type share a normalised value (map_code would have to
    break a tie). -#}
{% test value_mappings_unambiguous(model) %}
    select
        code_list,
        match,
        {{ normalise_value('value') }} as normalised_value,
        count(*) as n_mappings
    from {{ model }}
    group by code_list, match, {{ normalise_value('value') }}
    having count(*) > 1
{% endtest %}

{#- Seed test: every mapping points at a code of its list in seeds/code_lists.csv. -#}
{% test mapped_code_in_code_lists(model) %}
    select
        mappings.code_list,
        mappings.value,
        mappings.code
    from {{ model }} as mappings
    where not exists (
        select 1
        from {{ ref('code_lists') }} as code_lists
        where code_lists.code_list = mappings.code_list and code_lists.code = mappings.code
    )
{% endtest %}
