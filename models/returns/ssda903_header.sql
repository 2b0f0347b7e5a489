{#- The SSDA903 Header table of each collection year: one row per child with an episode in the year's
    Episodes table. SEX is the 903 code (903_sex, whose category is the SSD's M / F); MOTHER (1 / 0) is
    completed for girls only; MC_DOB is not held by the SSD and is blank; UPN is never kept by the
    warehouse and is blank here (csc returns 903 --with-identifiers fills it from the landed extract). -#}
with

episodes as (

    select * from {{ ref('ssda903_episodes') }}

),

children as (

    select * from {{ ref('dim_child') }}

),

persons as (

    select
        la_code,
        person_id,
        is_mother
    from {{ ref('stg_ssd__person') }}

),

sex_codes as (

    select
        code,
        category
    from {{ ref('code_lists') }}
    where code_list = '903_sex'

),

cohort as (

    select
        la_code,
        collection_year,
        child,
        bool_and(coalesce(ls in {{ rule_codes('399', '903_ls') }}, false)) as is_short_breaks_only
    from episodes
    group by la_code, collection_year, child

),

return_rows as (

    select
        cohort.la_code,
        cohort.collection_year,
        cohort.child,
        case
            when cohort.collection_year >= {{ var('ssda903_sex_letters_from_year') }} then children.sex
            else sex_codes.code
        end as sex,
        children.date_of_birth as dob,
        children.ethnicity as ethnic,
        case
            when cohort.is_short_breaks_only then null
            when sex_codes.category = 'F' and persons.is_mother then '1'
            when sex_codes.category = 'F' and not persons.is_mother then '0'
        end as mother,
        cast(null as date) as mc_dob
    from cohort
    left join children on cohort.la_code = children.la_code and cohort.child = children.person_id
    left join persons on cohort.la_code = persons.la_code and cohort.child = persons.person_id
    left join sex_codes on children.sex = sex_codes.category

),

final as (

    select
        *,
        row_number() over (partition by la_code, collection_year order by child) as row_number
    from return_rows

)

select * from final
