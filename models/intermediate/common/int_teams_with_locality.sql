{#- Every team of a council with the locality that reports it (docs/indicators.md section 1.9): the
    team's parent in ssd_department, or the team itself at the top level. A council whose department
    hierarchy is not a locality (SystemC writes dept_team_parent_id = the team's own department id and
    dept_team_parent_name = a department type) supplies seeds/team_localities.csv: where the seed has rows for
    a council, they give that council's localities and win over the department parent, and a team of that
    council the seed does not list has no locality (reported as Unknown). locality_source says which applied.
    The structure is the council's current one (the version of each team in its newest extract, valid_to NULL),
    applied to every month: records are dated over years but carry only team ids that resolve in the newest
    extract, and a locality breakdown read month by month against the current structure stays comparable
    (docs/indicators.md section 1.9). -#}
with

departments as (

    select * from {{ ref('stg_ssd__department') }}
    where valid_to is null

),

team_localities as (

    select * from {{ ref('team_localities') }}

),

councils_with_team_localities as (

    select distinct la_code
    from team_localities

),

final as (

    select
        departments.la_code,
        departments.team_id,
        departments.team_name,
        case
            when councils_with_team_localities.la_code is null then departments.locality_id
        end as locality_id,
        case
            when councils_with_team_localities.la_code is null then departments.locality_name
            else team_localities.locality_name
        end as locality_name,
        case
            when councils_with_team_localities.la_code is null then 'ssd_department'
            when team_localities.locality_name is not null then 'team_localities'
        end as locality_source
    from departments
    left join councils_with_team_localities
        on departments.la_code = councils_with_team_localities.la_code
    left join team_localities
        on
            departments.la_code = team_localities.la_code
            and departments.team_id = team_localities.team_id

)

select * from final
