with

teams as (

    select * from {{ ref('int_teams_with_locality') }}

),

final as (

    select
        la_code,
        team_id,
        team_name,
        locality_id,
        locality_name,
        locality_source
    from teams

)

select * from final
