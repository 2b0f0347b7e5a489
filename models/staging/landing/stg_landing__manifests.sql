{#- The manifest of each council's loaded extract (the landing gate's raw.manifests), one row per council. -#}
with

manifests as (

    select * from {{ source('landing', 'manifests') }}

),

final as (

    select
        la_code,
        la_name,
        extract_date,
        period_start,
        ssd_version,
        landing_path
    from manifests

)

select * from final
