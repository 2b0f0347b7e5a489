{#- The CIN census Child (ChildIdentifiers and ChildCharacteristics) of each collection year: one row per child
    with a CINdetails in the year. GenderCurrent (cin_gender code, whose category is the SSD's M / F / U) before
    the year of dbt var cin_census_sex_letters_from_year, the letter (Sex) from it. UPN, FormerUPN are never kept:
    csc returns cin fills UPN from the landed extract with --with-identifiers. Disabilities: the child's
    disability codes, sorted. PersonDeathDate only when the child died on or before 31 March of the census year. -#}
with

details as (

    select * from {{ ref('cin_census_cin_details') }}

),

persons as (

    select * from {{ ref('stg_ssd__person') }}

),

disabilities as (

    select * from {{ ref('stg_ssd__disability') }}

),

gender_codes as (

    select
        code,
        category
    from {{ ref('code_lists') }}
    where code_list = 'cin_gender'

),

children as (

    select distinct
        la_code,
        collection_year,
        child
    from details

),

child_disabilities as (

    select
        la_code,
        person_id,
        list_sort(list_distinct(list(disability_code))) as disability_codes
    from disabilities
    where disability_code is not null
    group by la_code, person_id

),

final as (

    select
        children.la_code,
        children.collection_year,
        children.child,
        persons.upn_unknown_reason,
        persons.date_of_birth as person_birth_date,
        persons.expected_date_of_birth as expected_person_birth_date,
        case
            when children.collection_year >= {{ var('cin_census_sex_letters_from_year') }} then 'Sex'
            else 'GenderCurrent'
        end as sex_item,
        case
            when children.collection_year >= {{ var('cin_census_sex_letters_from_year') }} then persons.sex
            else gender_codes.code
        end as sex,
        -- a death after 31 March is not yet known to that year's census
        case
            when persons.date_of_death <= make_date(children.collection_year, 3, 31) then persons.date_of_death
        end as person_death_date,
        persons.ethnicity,
        coalesce(child_disabilities.disability_codes, []) as disability_codes,
        row_number() over (
            partition by children.la_code, children.collection_year order by children.child
        ) as row_number
    from children
    left join persons
        on
            children.la_code = persons.la_code
            and children.child = persons.person_id
    left join gender_codes on persons.sex = gender_codes.category
    left join child_disabilities
        on
            children.la_code = child_disabilities.la_code
            and children.child = child_disabilities.person_id

)

select * from final
