{#- Annex A List 2: every early help episode (the SSD records episodes, not early help assessments: the
    episode's start and end stand for the assessment's start and completion); csc returns annex-a keeps the
    episodes open at any time in the six months up to the as-at date. -#}
with

episodes as (

    select * from {{ ref('fct_early_help_episodes') }}

),

children as (

    select * from {{ ref('int_annex_a__children') }}

),

final as (

    select
        episodes.la_code,
        episodes.early_help_episode_id,
        episodes.person_id as child,
        children.gender,
        children.ethnicity,
        children.date_of_birth,
        episodes.episode_start_date,
        episodes.episode_end_date,
        episodes.episode_organisation
    from episodes
    left join children
        on
            episodes.la_code = children.la_code
            and episodes.person_id = children.child

)

select * from final
