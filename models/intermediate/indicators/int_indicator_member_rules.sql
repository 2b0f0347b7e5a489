{{ config(materialized="view") }}

{#- Every member rule of every indicator area, in one relation (each area keeps its rules in its own
    model; add an area by adding it to this union). -#}
with

safeguarding as (

    select * from {{ ref('int_indicator_member_rules__safeguarding') }}

),

final as (

    select * from safeguarding

)

select * from final
