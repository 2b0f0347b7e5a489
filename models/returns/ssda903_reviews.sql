{#- The SSDA903 Reviews table of each collection year: each looked-after review held (not cancelled) in the
    year for a child of the year's Header, with the child's participation code (PN0-PN7). Short-break
    children (V3 / V4 only) have no reviews in the SSD. -#}
with

reviews as (

    select * from {{ ref('stg_ssd__cla_reviews') }}

),

review_children as (

    select distinct
        la_code,
        cla_id,
        person_id
    from {{ ref('stg_ssd__cla_episodes') }}

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
        reviews.review_date as review,
        reviews.participation_code as review_code
    from reviews
    inner join review_children
        on reviews.la_code = review_children.la_code and reviews.cla_id = review_children.cla_id
    inner join years
        on
            reviews.la_code = years.la_code
            and reviews.review_date between years.year_start and years.year_end
    inner join header
        on
            years.la_code = header.la_code
            and years.collection_year = header.collection_year
            and review_children.person_id = header.child
    where not coalesce(reviews.is_cancelled, false)

),

final as (

    select
        *,
        row_number() over (partition by la_code, collection_year order by child, review) as row_number
    from return_rows

)

select * from final
