{#- Every SSD table in raw (source ssd, loaded by the landing gate) holds exactly the rows landed for each council
    (raw.landed_files), each row numbered once within its council's file and carrying the extract date of the
    council's manifest: what staging reads is what the gate recorded. -#}
{%- set tables = ssd_table_names() %}

with

raw_rows as (
    {% for t in tables %}
        select
            'ssd_{{ t }}' as table_name,
            la_code,
            count(*) as row_count,
            count(distinct _row_id) as row_id_count,
            min(extract_date) as first_extract_date,
            max(extract_date) as last_extract_date
        from {{ source('ssd', 'ssd_' ~ t) }}
        group by la_code
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

landed as (

    select * from {{ source('landing', 'landed_files') }}

),

manifests as (

    select * from {{ source('landing', 'manifests') }}

),

final as (

    select
        coalesce(landed.la_code, raw_rows.la_code) as la_code,
        coalesce(landed.table_name, raw_rows.table_name) as table_name,
        landed.rows_landed,
        raw_rows.row_count,
        raw_rows.row_id_count,
        raw_rows.first_extract_date,
        raw_rows.last_extract_date,
        manifests.extract_date as manifest_extract_date
    from landed
    full outer join raw_rows on landed.la_code = raw_rows.la_code and landed.table_name = raw_rows.table_name
    left join manifests on coalesce(landed.la_code, raw_rows.la_code) = manifests.la_code
    where
        coalesce(raw_rows.row_count, 0) != coalesce(landed.rows_landed, -1)
        or raw_rows.row_id_count != raw_rows.row_count
        or raw_rows.first_extract_date != manifests.extract_date
        or raw_rows.last_extract_date != manifests.extract_date
        or (raw_rows.la_code is not null and manifests.la_code is null)

)

select * from final
