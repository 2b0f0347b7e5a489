{#- Each SSDA903 episode of a year's return (returns.ssda903_episodes) with the child's date of birth, the year's
    start and end, and the previous and next episode of the child in that return: what the Episodes rules
    that compare an episode with its neighbours read (int_ssda903__rule_failures_*). -#}
with

header as (

    select * from {{ ref('ssda903_header') }}
),

episodes as (

    select * from {{ ref('ssda903_episodes') }}
),

years as (

    select * from {{ ref('int_ssda903__collection_years') }}
),

final as (

    select
        episodes.la_code,
        episodes.collection_year,
        episodes.child,
        episodes.decom,
        episodes.rne,
        episodes.ls,
        episodes.cin,
        episodes.place,
        episodes.place_provider,
        episodes.ceased_date,
        episodes.rec,
        episodes.reason_place_change,
        episodes.home_post,
        episodes.pl_post,
        episodes.urn,
        episodes.cla_period_id,
        episodes.row_number,
        header.dob,
        lag(episodes.ceased_date) over child_episodes as previous_ceased_date,
        lag(episodes.rec) over child_episodes as previous_rec,
        lag(episodes.ls) over child_episodes as previous_ls,
        lag(episodes.cin) over child_episodes as previous_cin,
        lag(episodes.place) over child_episodes as previous_place,
        lag(episodes.place_provider) over child_episodes as previous_place_provider,
        lag(episodes.urn) over child_episodes as previous_urn,
        lag(episodes.rne) over child_episodes as previous_rne,
        lag(episodes.reason_place_change) over child_episodes as previous_reason_place_change,
        lead(episodes.decom) over child_episodes as next_decom,
        lead(episodes.rne) over child_episodes as next_rne,
        lead(episodes.place) over child_episodes as next_place,
        row_number() over child_episodes as child_episode_number,
        years.year_start,
        years.year_end
    from episodes
    inner join years on episodes.la_code = years.la_code and episodes.collection_year = years.collection_year
    left join header
        on
            episodes.la_code = header.la_code
            and episodes.collection_year = header.collection_year
            and episodes.child = header.child
    window
        child_episodes as (
            partition by episodes.la_code, episodes.collection_year, episodes.child order by episodes.decom
        )

)

select * from final
