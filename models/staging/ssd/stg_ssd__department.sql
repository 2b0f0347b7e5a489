{#- Read from the history of the landed extracts (source history): one row per version of a team, in force
    from valid_from up to, not including, valid_to (NULL: the newest extract's). extract_date is the version's
    valid_from, the first extract that held it. -#}
with

source as (

    select * from {{ source('history', 'ssd_department') }}

),

renamed as (

    select
        la_code,
        valid_from as extract_date,
        dept_team_id as team_id,
        dept_team_name as team_name,
        coalesce(dept_team_parent_id, dept_team_id) as locality_id,
        coalesce(dept_team_parent_name, dept_team_name) as locality_name,
        valid_from,
        valid_to
    from source

)

select * from renamed
