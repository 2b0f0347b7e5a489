{#- Annex A List 10: every child with a decision that they should be placed for adoption (SSD permanence row),
    with the date they entered care, the placement order, match, placement, adoption order, a reversed decision
    and a fostering for adoption / concurrent planning placement; csc returns annex-a keeps the children whose
    decision was made on or before the as-at date and who were not adopted, nor the decision reversed, before
    the 12 months up to it. -#}
with

permanence as (

    select * from {{ ref('stg_ssd__permanence') }}

),

adoptions as (

    select * from {{ ref('fct_adoptions') }}

),

cla_episodes as (

    select * from {{ ref('stg_ssd__cla_episodes') }}

),

children as (

    select * from {{ ref('int_annex_a__children') }}

),

entered_care as (

    select
        la_code,
        cla_id,
        min(entered_care_date) as entered_care_date
    from cla_episodes
    group by la_code, cla_id

),

final as (

    select
        permanence.la_code,
        permanence.permanence_id,
        permanence.person_id as child,
        children.gender,
        children.ethnicity,
        children.date_of_birth,
        entered_care.entered_care_date,
        permanence.adm_decision_date,
        permanence.placement_order_date,
        permanence.matched_date,
        permanence.placed_for_adoption_date,
        adoptions.adoption_date,
        permanence.decision_reversed_date,
        permanence.decision_reversed_reason,
        permanence.placed_ffa_cp_date
    from permanence
    left join children
        on
            permanence.la_code = children.la_code
            and permanence.person_id = children.child
    left join entered_care
        on
            permanence.la_code = entered_care.la_code
            and permanence.cla_id = entered_care.cla_id
    left join adoptions
        on
            permanence.la_code = adoptions.la_code
            and permanence.permanence_id = adoptions.permanence_id
    where permanence.adm_decision_date is not null

)

select * from final
