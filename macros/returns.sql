{#- Code-list tests of the return validation rules (models/returns/ssda903_rule_failures.sql): whether `code` is a
    code of `code_list` in seeds/code_lists.csv, the list's codes held in the seed, never in SQL. -#}
{% macro in_code_list(code_list, code) -%}
    ({{ code }} in (
        select code_lists.code
        from {{ ref('code_lists') }} as code_lists
        where code_lists.code_list = '{{ code_list }}'
    ))
{%- endmacro %}

{#- The CINdetails of the census (CTE `details`, returns.cin_census_cin_details) with their census year's first and
    last day and the child's dates of birth and death (CTE `children`, returns.cin_census_children): the rows
    the CIN census rules of each block compare their items with (docs/returns.md section 7). -#}
{% macro cin_census_episode_dates(details, children) -%}
    select
        {{ details }}.*,
        make_date({{ details }}.collection_year - 1, 4, 1) as year_start,
        make_date({{ details }}.collection_year, 3, 31) as year_end,
        {{ children }}.person_birth_date,
        {{ children }}.expected_person_birth_date,
        {{ children }}.person_death_date
    from {{ details }}
    left join {{ children }}
        on
            {{ details }}.la_code = {{ children }}.la_code
            and {{ details }}.collection_year = {{ children }}.collection_year
            and {{ details }}.child = {{ children }}.child
{%- endmacro %}
