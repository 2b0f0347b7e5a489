{#- Every member rule of every indicator area, in one relation (each area keeps its rules in its own
    model; add an area by adding it to this union). -#}
with

safeguarding as (

    select * from {{ ref('int_indicator_member_rules__safeguarding') }}

),

looked_after as (

    select * from {{ ref('int_indicator_member_rules__looked_after') }}

),

early_help as (

    select * from {{ ref('int_indicator_member_rules__early_help') }}

),

adoption_and_workforce as (

    select * from {{ ref('int_indicator_member_rules__adoption_and_workforce') }}

),

all_rules as (

    select * from safeguarding
    union all
    select * from looked_after
    union all
    select * from early_help
    union all
    select * from adoption_and_workforce

),

final as (

    select
        la_code,
        member_rule,
        record_type,
        record_id,
        person_id,
        event_date,
        locality_name,
        is_in_numerator,
        numerator_amount,
        denominator_weight
    from all_rules

)

select * from final
