{#- Codes of the SSDA903 validation rules (models/returns/ssda903_rule_failures.sql), held in seeds, never in SQL.

    rule_codes(rule, code_list, role): the codes of `code_list` that DfE rule `rule` names in the role `role`
    (seeds/ssda903_rule_codes.csv; e.g. rule 378's legal status V2 and placement P1 are its `subject`, rule
    550's placement P1 is `allowed` with provider PR0), as a subquery for `x in {{ rule_codes(...) }}`.

    valid_in_year(code_list, code, year): whether `code` is a code of `code_list` (seeds/code_lists.csv)
    valid in collection year `year`: seeds/ssda903_code_years.csv gives the first and last collection year of
    a code that is not valid in every year (blank = no limit; a code not in that seed is valid in every
    year). -#}
{% macro rule_codes(rule, code_list, role='subject') -%}
    (
        select ssda903_rule_codes.code
        from {{ ref('ssda903_rule_codes') }} as ssda903_rule_codes
        where
            ssda903_rule_codes.rule_number = '{{ rule }}'
            and ssda903_rule_codes.code_list = '{{ code_list }}'
            and ssda903_rule_codes.role = '{{ role }}'
    )
{%- endmacro %}

{% macro valid_in_year(code_list, code, year) -%}
    (
        {{ in_code_list(code_list, code) }}
        and not exists (
            select 1
            from {{ ref('ssda903_code_years') }} as ssda903_code_years
            where
                ssda903_code_years.code_list = '{{ code_list }}'
                and ssda903_code_years.code = {{ code }}
                and (
                    {{ year }} < coalesce(ssda903_code_years.valid_from_year, {{ year }})
                    or {{ year }} > coalesce(ssda903_code_years.valid_to_year, {{ year }})
                )
        )
    )
{%- endmacro %}
