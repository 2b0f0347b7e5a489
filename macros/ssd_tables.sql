{#- The SSD tables the landing contract holds (models/staging/ssd/_ssd__sources.yml), without their ssd_
    prefix: one stg_ssd__<name> model each. A static list, not read from the graph, so that a test looping
    over it refs every staging model at parse time and runs after them. -#}
{% macro ssd_table_names() -%}
    {{ return(['person', 'department', 'contacts', 'cin_episodes', 'cin_assessments', 's47_enquiry',
        'initial_cp_conference', 'cp_plans', 'cla_episodes', 'legal_status', 'cla_placement', 'care_leavers',
        'cin_plans', 'cp_reviews', 'cp_visits', 'cla_reviews', 'cla_visits', 'cla_health', 'permanence',
        'early_help_episodes', 'professionals', 'involvements', 'missing', 'immigration_status', 'cin_visits',
        'sdq_scores', 'assessment_factors', 'disability', 'pre_proceedings', 'cla_previous_permanence',
        'cla_convictions', 'cla_immunisations', 'cla_substance_misuse']) }}
{%- endmacro %}

{#- The SSD tables that hold only the current state of their records, staged from their history (source history,
    models/staging/history/_history__sources.yml) rather than from raw: one stg_ssd__<name> row per version, valid_from
    to valid_to (docs/indicators.md section 1.13). -#}
{% macro ssd_history_table_names() -%}
    {{ return(['department', 'care_leavers', 'professionals']) }}
{%- endmacro %}
