{#- Annex A List 1: every contact (one row per child and contact), with its date; csc returns annex-a keeps
    the contacts dated in the six months up to the as-at date. -#}
with

contacts as (

    select * from {{ ref('fct_contacts') }}

),

children as (

    select * from {{ ref('int_annex_a__children') }}

),

final as (

    select
        contacts.la_code,
        contacts.contact_id,
        contacts.person_id as child,
        children.gender,
        children.ethnicity,
        children.date_of_birth,
        contacts.contact_date,
        contacts.contact_source_code
    from contacts
    left join children
        on
            contacts.la_code = children.la_code
            and contacts.person_id = children.child

)

select * from final
