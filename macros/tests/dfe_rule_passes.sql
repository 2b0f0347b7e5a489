{#- A DfE return validation rule as a dbt test: the rows of the audit table (model) that break `rule`.
    Its DfE severity (error or query) is the test's meta dfe_severity, from seeds/ssda903_rules.csv
    (tests/python/test_returns.py checks they agree); a query rule's test warns, an error rule's test fails
    the build when var ssda903_errors_fail_build is true and warns otherwise. -#}
{% test dfe_rule_passes(model, rule) %}
    select * from {{ model }}
    where rule_number = '{{ rule }}'
{% endtest %}
