{#- Annex A List 8: every period of care, with the category of need of its first episode, whether it began
    within 12 months of the end of the child's previous period, its end and reason, and its latest placement
    (start, type, provider, URN), and the dates of the child's reviews held and social work visits in the period
    (csc returns annex-a takes the latest on or before the as-at date); it keeps the periods open at any time in
    the 12 months up to the as-at date. -#}
with

periods as (

    select * from {{ ref('fct_cla_periods') }}

),

episodes as (

    select * from {{ ref('fct_cla_episodes') }}

),

placements as (

    select * from {{ ref('fct_placements') }}

),

cla_placements as (

    select * from {{ ref('stg_ssd__cla_placement') }}

),

cla_episodes as (

    select * from {{ ref('stg_ssd__cla_episodes') }}

),

reviews as (

    select * from {{ ref('stg_ssd__cla_reviews') }}

),

visits as (

    select * from {{ ref('stg_ssd__cla_visits') }}

),

children as (

    select * from {{ ref('int_annex_a__children') }}

),

care_records as (

    select distinct
        la_code,
        cla_id,
        person_id
    from cla_episodes

),

child_reviews as (

    select
        care_records.la_code,
        care_records.person_id,
        reviews.review_date
    from reviews
    inner join care_records
        on
            reviews.la_code = care_records.la_code
            and reviews.cla_id = care_records.cla_id
    where reviews.review_date is not null and not coalesce(reviews.is_cancelled, false)

),

period_reviews as (

    select
        periods.la_code,
        periods.cla_period_id,
        list_sort(list_distinct(list(child_reviews.review_date))) as review_dates
    from periods
    inner join child_reviews
        on
            periods.la_code = child_reviews.la_code
            and periods.person_id = child_reviews.person_id
            and periods.period_start_date <= child_reviews.review_date
            and (periods.period_end_date is null or periods.period_end_date >= child_reviews.review_date)
    group by periods.la_code, periods.cla_period_id

),

period_visits as (

    select
        periods.la_code,
        periods.cla_period_id,
        list_sort(list_distinct(list(visits.visit_date))) as visit_dates
    from periods
    inner join visits
        on
            periods.la_code = visits.la_code
            and periods.person_id = visits.person_id
            and periods.period_start_date <= visits.visit_date
            and (periods.period_end_date is null or periods.period_end_date >= visits.visit_date)
    group by periods.la_code, periods.cla_period_id

),

first_episodes as (

    select
        la_code,
        cla_period_id,
        arg_min(primary_need_code, episode_start_date) as primary_need_code
    from episodes
    group by la_code, cla_period_id

),

latest_placements as (

    select
        episodes.la_code,
        episodes.cla_period_id,
        arg_max(placements.placement_id, placements.placement_start_date) as placement_id
    from episodes
    inner join placements
        on
            episodes.la_code = placements.la_code
            and episodes.placement_id = placements.placement_id
    group by episodes.la_code, episodes.cla_period_id

),

final as (

    select
        periods.la_code,
        periods.cla_period_id,
        periods.person_id as child,
        children.gender,
        children.ethnicity,
        children.date_of_birth,
        periods.period_start_date,
        first_episodes.primary_need_code,
        coalesce(
            lag(periods.period_end_date) over (
                partition by periods.la_code, periods.person_id order by periods.period_start_date
            ) > periods.period_start_date - interval 12 month,
            false
        ) as is_second_period_within_12_months,
        periods.period_end_date,
        periods.end_reason_code,
        placements.placement_start_date,
        placements.placement_type_code,
        placements.placement_provider_code,
        cla_placements.placement_urn,
        coalesce(period_reviews.review_dates, []) as review_dates,
        coalesce(period_visits.visit_dates, []) as visit_dates
    from periods
    left join children
        on
            periods.la_code = children.la_code
            and periods.person_id = children.child
    left join first_episodes
        on
            periods.la_code = first_episodes.la_code
            and periods.cla_period_id = first_episodes.cla_period_id
    left join latest_placements
        on
            periods.la_code = latest_placements.la_code
            and periods.cla_period_id = latest_placements.cla_period_id
    left join placements
        on
            latest_placements.la_code = placements.la_code
            and latest_placements.placement_id = placements.placement_id
    left join cla_placements
        on
            placements.la_code = cla_placements.la_code
            and placements.placement_id = cla_placements.placement_id
    left join period_reviews
        on
            periods.la_code = period_reviews.la_code
            and periods.cla_period_id = period_reviews.cla_period_id
    left join period_visits
        on
            periods.la_code = period_visits.la_code
            and periods.cla_period_id = period_visits.cla_period_id

)

select * from final
