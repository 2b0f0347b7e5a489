with

source as (

    select * from {{ source('ssd', 'ssd_early_help_episodes') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_early_help_episodes') }}

),

renamed as (

    select
        la_code,
        extract_date,
        earl_episode_id as early_help_episode_id,
        earl_person_id as person_id,
        {{ parse_date('earl_episode_start_date') }} as episode_start_date,
        {{ parse_date('earl_episode_end_date') }} as episode_end_date,
        earl_episode_reason as episode_reason,
        earl_episode_end_reason as episode_end_reason,
        earl_episode_organisation as episode_organisation,
        earl_episode_worker_id as worker_id
    from landed

)

select * from renamed
