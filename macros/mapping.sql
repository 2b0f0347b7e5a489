{#- Mapping landed values to codes (seeds/code_lists.csv) with seeds/value_mappings.csv.

    map_code(code_list, column) is the code of `code_list` that the landed value `column` stands for, or NULL.
    It is exactly the landing gate's rule (src/csc/gate/sqlexpr.py map_code; a parity test checks that both
    agree), so staging accepts what the gate accepted:

      normalised(x) = lower(regexp_replace(trim(x), '\s+', ' ', 'g'))
          DuckDB's trim() removes leading and trailing spaces only (not tabs or line breaks); the regular
          expression is RE2's \s ([\t\n\f\r ]), so each run of such characters becomes one space.

      (a) a code of the list: upper(trim(v)) = upper(code) -> that code, as written in code_lists
          (min(code) if two codes of a list differ only in case);
      (b) else an `exact` mapping of the list whose normalised value equals normalised(v) -> its code
          (min(code) on a tie);
      (c) else the `prefix` mapping of the list with the longest normalised value that normalised(v) starts
          with -> its code (the length is that of the normalised value);
      else NULL: the value is unmapped (a NULL value is NULL).

    Seed values are stored as written and normalised when compared. The seed test value_mappings_unambiguous
    fails the build when two mappings of a list and match type have the same normalised value, so (b) and
    (c) never have to break a tie (macros/tests/value_mappings.sql). Pass a qualified column (e.g. 'landed.lega_legal_status'): the
    subqueries read the seeds, whose columns are code_list, code, value, match, description, category and
    source. A council extends a list by adding a row to seeds/value_mappings.csv (or a code to
    seeds/code_lists.csv) and rerunning `csc build`. -#}

{% macro normalise_value(column) -%}
    lower(regexp_replace(trim({{ column }}), '\s+', ' ', 'g'))
{%- endmacro %}

{% macro map_code(code_list, column) -%}
    coalesce(
        (
            select min(code_lists.code)
            from {{ ref('code_lists') }} as code_lists
            where
                code_lists.code_list = '{{ code_list }}'
                and upper(code_lists.code) = upper(trim({{ column }}))
        ),
        (
            select min(value_mappings.code)
            from {{ ref('value_mappings') }} as value_mappings
            where
                value_mappings.code_list = '{{ code_list }}'
                and value_mappings.match = 'exact'
                and {{ normalise_value('value_mappings.value') }} = {{ normalise_value(column) }}
        ),
        (
            select arg_max(value_mappings.code, length({{ normalise_value('value_mappings.value') }}))
            from {{ ref('value_mappings') }} as value_mappings
            where
                value_mappings.code_list = '{{ code_list }}'
                and value_mappings.match = 'prefix'
                and starts_with({{ normalise_value(column) }}, {{ normalise_value('value_mappings.value') }})
        )
    )
{%- endmacro %}

{#- The category (seeds/code_lists.csv) of a code that is already mapped, e.g. the output of map_code. -#}
{% macro category_of(code_list, code) -%}
    (
        select min(code_lists.category)
        from {{ ref('code_lists') }} as code_lists
        where code_lists.code_list = '{{ code_list }}' and code_lists.code = {{ code }}
    )
{%- endmacro %}

{#- Whether a code that is already mapped (e.g. the output of map_code, or a 903 code as staging holds it) has
    one of `categories` (a name or a list of names) in seeds/code_lists.csv: true, false for any other code
    (including a code of the list with no category, or a value that is not a code), NULL when the code is
    NULL. Codes are matched exactly, as category_of does. This is how a rule names the codes it counts: the
    rule names categories and the codes are in the seed, so a council changes what a rule counts by changing
    the categories in seeds/code_lists.csv and rerunning `csc build`, not the SQL. -#}
{% macro in_category(code_list, code, categories) -%}
    {%- set names = [categories] if categories is string else categories -%}
    ({{ code }} in (
        select code_lists.code
        from {{ ref('code_lists') }} as code_lists
        where
            code_lists.code_list = '{{ code_list }}'
            and code_lists.category in ({% for name in names %}'{{ name }}'{{ ', ' if not loop.last }}{% endfor %})
    ))
{%- endmacro %}
