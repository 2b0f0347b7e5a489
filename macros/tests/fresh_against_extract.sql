{#- Source freshness against the extract date: per council, the newest date in the column is
    within max_days before the council's extract date. A table whose newest record is much older
    than the extract is usually a broken or partial export. (dbt's own `freshness` block on the
    source compares the extract date with today, for `dbt source freshness`.) -#}
{% test fresh_against_extract(model, column_name, max_days) %}
    select
        la_code,
        max(extract_date) as extract_date,
        max({{ parse_date(column_name) }}) as newest
    from {{ model }}
    group by la_code
    having
        max({{ parse_date(column_name) }}) is null
        or max({{ parse_date(column_name) }}) < max(extract_date) - {{ max_days }}
{% endtest %}
