{#- Performance-report rules: reading printed tolerances, RAG and direction of travel
    (docs/performance_report.md sections 2 and 3). -#}

{% macro first_number(column) -%}
    try_cast(regexp_extract({{ column }}, '([0-9]+(\.[0-9]+)?)', 1) as double)
{%- endmacro %}

{#- RAG of a value against a parsed target (stg_reference__targets). The value is compared as printed,
    rounded to 1 decimal place, because tolerances are printed to that precision; no target, no RAG.
      bands, high:        green >= target; amber >= red threshold ("<92%" is red); red below it
      bands, low:         green <= target; amber below the red threshold ("26%+" is red); red from it up
      within_10pct:       green when the target is met; amber within 10% of the target (inclusive)
      single:             green when the target is met; red otherwise
      range:              green inside [green_low, green_high]; amber inside [amber_low, amber_high]; red outside -#}
{% macro rag_rating(value, scheme, direction, target_value, red_threshold, green_low, green_high, amber_low, amber_high) -%}
    (case
        when {{ value }} is null or {{ scheme }} is null then null
        when {{ scheme }} = 'range' then
            case
                when round({{ value }}, 1) between {{ green_low }} and {{ green_high }} then 'green'
                when round({{ value }}, 1) between {{ amber_low }} and {{ amber_high }} then 'amber'
                else 'red'
            end
        when {{ direction }} = 'high' then
            case
                when round({{ value }}, 1) >= {{ target_value }} then 'green'
                when {{ red_threshold }} is not null and round({{ value }}, 1) >= {{ red_threshold }} then 'amber'
                else 'red'
            end
        when {{ direction }} = 'low' then
            case
                when round({{ value }}, 1) <= {{ target_value }} then 'green'
                when {{ scheme }} = 'bands' and round({{ value }}, 1) < {{ red_threshold }} then 'amber'
                when {{ scheme }} = 'within_10pct' and round({{ value }}, 1) <= {{ red_threshold }} then 'amber'
                else 'red'
            end
    end)
{%- endmacro %}

{#- Direction of travel against the previous month, on unrounded values (a fall from 10.45% to 10.35%
    prints as 10.4% both months but is a change). high / low measures: better / same / worse; within
    limits with a target: better when nearer the target; info (or within limits without a target): the
    raw direction up / same / down. -#}
{% macro direction_of_travel(value, previous_value, polarity, target_value) -%}
    (case
        when {{ value }} is null or {{ previous_value }} is null then null
        when {{ value }} = {{ previous_value }} then 'same'
        when {{ polarity }} = 'high' then
            case when {{ value }} > {{ previous_value }} then 'better' else 'worse' end
        when {{ polarity }} = 'low' then
            case when {{ value }} < {{ previous_value }} then 'better' else 'worse' end
        when {{ polarity }} = 'within_limits' and {{ target_value }} is not null then
            case
                when abs({{ value }} - {{ target_value }}) = abs({{ previous_value }} - {{ target_value }}) then 'same'
                when abs({{ value }} - {{ target_value }}) < abs({{ previous_value }} - {{ target_value }})
                    then 'better'
                else 'worse'
            end
        else
            case when {{ value }} > {{ previous_value }} then 'up' else 'down' end
    end)
{%- endmacro %}
