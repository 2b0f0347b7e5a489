{#- Every extract's figure for every month: the vintages carried from earlier builds, except those of the
    extract each council is built from now, which this build's indicator_values replace. -#}
with

earlier_vintages as (

    select * from {{ ref('stg_vintages__indicator_values') }}

),

current_figures as (

    select * from {{ ref('indicator_values') }}

),

current_extracts as (

    select distinct
        la_code,
        extract_date
    from current_figures

),

kept as (

    select earlier_vintages.*
    from earlier_vintages
    inner join current_extracts
        on earlier_vintages.la_code = current_extracts.la_code
    where earlier_vintages.extract_date <> current_extracts.extract_date

),

final as (

    select
        la_code,
        indicator_id,
        period_end,
        breakdown,
        breakdown_value,
        extract_date,
        numerator,
        denominator,
        value
    from kept

    union all

    select
        la_code,
        indicator_id,
        period_end,
        breakdown,
        breakdown_value,
        extract_date,
        numerator,
        denominator,
        value
    from current_figures

)

select * from final
