{#- Professionals' caseloads at each month end D (int_caseloads_at_month_end) with the type of the team that
    reports them (docs/indicators.md section 3.12): the team of the professional's latest-starting open
    involvement, its name (the council's current department structure) mapped to the team_type code list
    (seeds/code_lists.csv through seeds/value_mappings.csv, by the start of the name: the SSD has no team type and
    each council names its teams its own way) and the code's category: key_safeguarding (assessment, duty and
    front door, safeguarding and family support teams; not the children with disabilities team), looked_after,
    disability, leaving_care, early_help or other. A team whose name maps to no code has no type and counts in
    no team-type indicator. -#}
with

caseloads as (

    select * from {{ ref('int_caseloads_at_month_end') }}

),

teams as (

    select * from {{ ref('int_teams_with_locality') }}

),

team_types as (

    select
        la_code,
        team_id,
        team_name,
        {{ map_code('team_type', 'team_name') }} as team_type_code
    from teams

),

final as (

    select
        caseloads.la_code,
        caseloads.period_end,
        caseloads.professional_id,
        caseloads.caseload,
        caseloads.full_time_equivalency,
        caseloads.team_id,
        caseloads.locality_name,
        team_types.team_name,
        team_types.team_type_code,
        {{ category_of('team_type', 'team_types.team_type_code') }} as team_type_category
    from caseloads
    left join team_types
        on
            caseloads.la_code = team_types.la_code
            and caseloads.team_id = team_types.team_id

)

select * from final
