{#- Annex A List 9: every care leaver (relevant or former relevant) at every month end, with their eligibility,
    contact, accommodation, its suitability, activity and allocated team at that month end; csc returns
    annex-a keeps the month end on or before the as-at date nearest to it. -#}
with

care_leaver_months as (

    select * from {{ ref('fct_care_leaver_months') }}

),

children as (

    select * from {{ ref('int_annex_a__children') }}

),

teams as (

    select * from {{ ref('dim_team') }}

),

final as (

    select
        care_leaver_months.la_code,
        care_leaver_months.period_end,
        care_leaver_months.person_id as child,
        children.gender,
        children.ethnicity,
        children.date_of_birth,
        care_leaver_months.eligibility,
        care_leaver_months.in_touch_code,
        care_leaver_months.accommodation_code,
        care_leaver_months.is_suitably_accommodated,
        care_leaver_months.activity_code,
        teams.team_name as allocated_team
    from care_leaver_months
    left join children
        on
            care_leaver_months.la_code = children.la_code
            and care_leaver_months.person_id = children.child
    left join teams
        on
            care_leaver_months.la_code = teams.la_code
            and care_leaver_months.allocated_team_id = teams.team_id

)

select * from final
