{#- Staging holds exactly the landed rows less the rows the landing gate rejected, per council
    and table: nothing is dropped silently. A table staged from its history (macro ssd_history_table_names) holds
    a version per record and extract that changed it: its current versions (valid_to NULL) are the rows landed. -#}
{%- set tables = ssd_table_names() %}
{%- set history_tables = ssd_history_table_names() %}

with

staged as (
    {% for t in tables %}
        select
            'ssd_{{ t }}' as table_name,
            la_code,
            count(*) as rows_staged
        from {{ ref('stg_ssd__' ~ t) }}
        {% if t in history_tables %}where valid_to is null{% endif %}
        group by la_code
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

landed as (

    select
        la_code,
        table_name,
        rows_landed,
        rows_quarantined,
        rows_loaded
    from {{ source('landing', 'landed_files') }}

),

final as (

    select
        landed.la_code,
        landed.table_name,
        landed.rows_landed,
        landed.rows_quarantined,
        coalesce(staged.rows_staged, 0) as rows_staged
    from landed
    left join staged on landed.la_code = staged.la_code and landed.table_name = staged.table_name
    where coalesce(staged.rows_staged, 0) != landed.rows_landed - landed.rows_quarantined

)

select * from final
