{#- A DfE return validation rule as a dbt test: the rows of the audit table (model) that break `rule`.
    The test's severity is the rule's (error, or warn for a query rule), set in the model's yml from
    seeds/ssda903_rules.csv (tests/python/test_returns.py checks they agree). -#}
{% test dfe_rule_passes(model, rule) %}
    select * from {{ model }}
    where rule = '{{ rule }}'
{% endtest %}
