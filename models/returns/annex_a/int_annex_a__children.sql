{#- The columns every Annex A list opens with, one row per child of the SSD: gender (the SSD's sex code),
    ethnicity, date of birth and whether a disability is recorded. The age is not here: it depends on the
    as-at date of the workbook and csc returns annex-a computes it. -#}
with

persons as (

    select * from {{ ref('stg_ssd__person') }}

),

disabilities as (

    select * from {{ ref('stg_ssd__disability') }}

),

disabled as (

    select distinct
        la_code,
        person_id
    from disabilities
    where disability_code is not null

),

final as (

    select
        persons.la_code,
        persons.person_id as child,
        persons.sex as gender,
        persons.ethnicity,
        persons.date_of_birth,
        disabled.person_id is not null as has_disability
    from persons
    left join disabled
        on
            persons.la_code = disabled.la_code
            and persons.person_id = disabled.person_id

)

select * from final
