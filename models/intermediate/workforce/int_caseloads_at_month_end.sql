{#- Professionals' caseloads at each council month end D (docs/indicators.md section 3.12): an
    involvement open at D (start <= D and (end null or end > D)) links a professional to a child; the
    caseload is the number of distinct children of the professional's open involvements. Only social-work
    involvements count: those whose role (invo_professional_role_id, mapped to the involvement_role code list)
    has the category social_work in seeds/code_lists.csv; key agencies, personal advisers and roles that map
    to no code are not caseloads (a council changes the category to change what counts). Each professional
    is reported under one locality at D: that of the team of their latest-starting open involvement, so
    that localities add up to the council. is_agency_worker reads a missing flag as not agency, except for a
    council whose flags are all missing (a placeholder, as SystemC writes): there it is NULL, and the agency
    indicator is not available (int_indicator_availability).
    The professional's agency flag and FTE at D are those of their version in force at D (docs/indicators.md
    section 1.13: valid_from <= D < valid_to); a professional's earliest version also stands for every month
    before it (the state of the first extract that held them, projected backwards). -#}
with

involvements as (

    select * from {{ ref('stg_ssd__involvements') }}

),

professionals as (

    select * from {{ ref('stg_ssd__professionals') }}

),

professional_versions as (

    select
        *,
        case
            when row_number() over (partition by la_code, professional_id order by valid_from) = 1
                then cast('-infinity' as date)
            else valid_from
        end as in_force_from
    from professionals

),

councils_with_agency_flags as (

    select la_code
    from professionals
    group by la_code
    having count(is_agency_worker) > 0

),

months as (

    select * from {{ ref('int_council_months') }}

),

teams as (

    select * from {{ ref('int_teams_with_locality') }}

),

open_involvements as (

    select
        months.la_code,
        months.period_end,
        involvements.professional_id,
        involvements.person_id,
        involvements.involvement_id,
        involvements.involvement_start_date,
        involvements.team_id
    from months
    inner join involvements
        on
            months.la_code = involvements.la_code
            and {{ is_open_at('involvements.involvement_start_date', 'involvements.involvement_end_date',
                'months.period_end') }}
    where involvements.professional_id is not null and involvements.is_social_work

),

caseloads as (

    select
        la_code,
        period_end,
        professional_id,
        count(distinct person_id) as caseload,
        arg_max(team_id, (involvement_start_date, involvement_id)) as team_id
    from open_involvements
    group by la_code, period_end, professional_id

),

versions_in_force as (

    -- an inner join, then a left join on its keys: a left join on the range itself is planned as a nested loop
    -- over every caseload and version (quadratic in councils)
    select
        caseloads.la_code,
        caseloads.period_end,
        caseloads.professional_id,
        professional_versions.full_time_equivalency,
        professional_versions.is_agency_worker
    from caseloads
    inner join professional_versions
        on
            caseloads.la_code = professional_versions.la_code
            and caseloads.professional_id = professional_versions.professional_id
            and {{ version_in_force_at(
                'professional_versions.in_force_from', 'professional_versions.valid_to', 'caseloads.period_end'
            ) }}

),

final as (

    select
        caseloads.la_code,
        caseloads.period_end,
        caseloads.professional_id,
        caseloads.caseload,
        caseloads.team_id,
        teams.locality_name,
        professionals.full_time_equivalency,
        case
            when councils_with_agency_flags.la_code is not null then coalesce(professionals.is_agency_worker, false)
        end as is_agency_worker
    from caseloads
    left join versions_in_force as professionals
        on
            caseloads.la_code = professionals.la_code
            and caseloads.period_end = professionals.period_end
            and caseloads.professional_id = professionals.professional_id
    left join councils_with_agency_flags
        on caseloads.la_code = councils_with_agency_flags.la_code
    left join teams
        on
            caseloads.la_code = teams.la_code
            and caseloads.team_id = teams.team_id

)

select * from final
