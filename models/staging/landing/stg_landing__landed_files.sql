{#- What the landing gate landed per council and SSD table (raw.landed_files): present or not, format and
    row counts. -#}
with

landed_files as (

    select * from {{ source('landing', 'landed_files') }}

),

final as (

    select
        la_code,
        extract_date,
        table_name,
        source_file,
        file_format,
        is_present,
        rows_landed,
        rows_quarantined,
        rows_loaded
    from landed_files

)

select * from final
