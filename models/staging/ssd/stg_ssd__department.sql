with

source as (

    select * from {{ source('ssd', 'ssd_department') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_department') }}

),

renamed as (

    select
        la_code,
        extract_date,
        dept_team_id as team_id,
        dept_team_name as team_name,
        coalesce(dept_team_parent_id, dept_team_id) as locality_id,
        coalesce(dept_team_parent_name, dept_team_name) as locality_name
    from landed

)

select * from renamed
