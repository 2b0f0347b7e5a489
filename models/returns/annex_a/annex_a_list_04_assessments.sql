{#- Annex A List 4: every continuous (single) assessment, with whether the child was seen and, once it is
    authorised, whether it found the child needs children's social care support (its outcome is not NFA), and
    the name of the team that holds it; csc returns annex-a keeps the assessments open at any time in the six
    months up to the as-at date. -#}
with

assessments as (

    select * from {{ ref('stg_ssd__cin_assessments') }}

),

children as (

    select * from {{ ref('int_annex_a__children') }}

),

teams as (

    select * from {{ ref('dim_team') }}

),

final as (

    select
        assessments.la_code,
        assessments.assessment_id,
        assessments.person_id as child,
        children.gender,
        children.ethnicity,
        children.date_of_birth,
        children.has_disability,
        assessments.assessment_start_date,
        assessments.is_child_seen,
        assessments.assessment_auth_date,
        case
            when assessments.assessment_auth_date is not null then not assessments.is_outcome_nfa
        end as is_support_required,
        teams.team_name as allocated_team
    from assessments
    left join children
        on
            assessments.la_code = children.la_code
            and assessments.person_id = children.child
    left join teams
        on
            assessments.la_code = teams.la_code
            and assessments.assessment_team_id = teams.team_id

)

select * from final
