{#- Every team of a council with the locality that reports it: the team's parent in ssd_department,
    or the team itself at the top level (indicators.md section 1, breakdowns). -#}
with

departments as (

    select * from {{ ref('stg_ssd__department') }}

),

final as (

    select
        la_code,
        team_id,
        team_name,
        locality_id,
        locality_name
    from departments

)

select * from final
