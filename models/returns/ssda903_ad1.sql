{#- The SSDA903 AD1 table of each collection year: each child whose period of care ended in the year by
    adoption (fct_adoptions), with the dates of the decision that the child should be placed for adoption
    and of the match, whether the adopters were the child's foster carers (1 / 0), and the number, sex and
    legal status of the adopters as the SSD's permanence row records them. -#}
with

adoptions as (

    select * from {{ ref('fct_adoptions') }}

),

permanence as (

    select * from {{ ref('stg_ssd__permanence') }}

),

header as (

    select * from {{ ref('ssda903_header') }}

),

years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

return_rows as (

    select
        header.la_code,
        header.collection_year,
        header.child,
        header.dob,
        permanence.adm_decision_date as date_int,
        adoptions.matched_date as date_match,
        case when adoptions.is_adopted_by_carer then '1' when not adoptions.is_adopted_by_carer then '0' end
            as foster_care,
        cast(cast(permanence.number_of_adopters as integer) as varchar) as nb_adoptr,
        permanence.adopter_sex_code as sex_adoptr,
        permanence.adopter_legal_status_code as ls_adoptr
    from adoptions
    inner join years
        on
            adoptions.la_code = years.la_code
            and adoptions.adoption_date between years.year_start and years.year_end
    inner join header
        on
            years.la_code = header.la_code
            and years.collection_year = header.collection_year
            and adoptions.person_id = header.child
    left join permanence
        on
            adoptions.la_code = permanence.la_code
            and adoptions.permanence_id = permanence.permanence_id

),

final as (

    select
        *,
        row_number() over (partition by la_code, collection_year order by child) as row_number
    from return_rows

)

select * from final
