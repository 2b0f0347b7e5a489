{#- Annex A List 5: every section 47 enquiry, with its first initial child protection conference, whether that
    conference made a plan, whether a conference was not needed (the enquiry ended with no further action and
    no conference), the child's enquiries and conferences in the 12 months up to and including the enquiry's
    start (itself included) and the name of the team that completed it; csc returns annex-a keeps the
    enquiries started in the six months up to the as-at date. -#}
with

enquiries as (

    select * from {{ ref('stg_ssd__s47_enquiry') }}

),

conferences as (

    select * from {{ ref('stg_ssd__initial_cp_conference') }}

),

children as (

    select * from {{ ref('int_annex_a__children') }}

),

teams as (

    select * from {{ ref('dim_team') }}

),

first_conferences as (

    select
        la_code,
        s47_enquiry_id,
        min(icpc_date) as icpc_date,
        bool_or(coalesce(is_outcome_cp_plan, false) or cp_plan_id is not null) as is_cp_plan
    from conferences
    where s47_enquiry_id is not null
    group by la_code, s47_enquiry_id

),

enquiries_in_12_months as (

    select
        enquiries.la_code,
        enquiries.s47_enquiry_id,
        count(*) as enquiries_in_12_months
    from enquiries
    inner join enquiries as earlier
        on
            enquiries.la_code = earlier.la_code
            and enquiries.person_id = earlier.person_id
            and enquiries.s47_start_date >= earlier.s47_start_date
            and earlier.s47_start_date > enquiries.s47_start_date - interval 12 month
    group by enquiries.la_code, enquiries.s47_enquiry_id

),

conferences_in_12_months as (

    select
        enquiries.la_code,
        enquiries.s47_enquiry_id,
        count(*) as conferences_in_12_months
    from enquiries
    inner join conferences
        on
            enquiries.la_code = conferences.la_code
            and enquiries.person_id = conferences.person_id
            and enquiries.s47_start_date >= conferences.icpc_date
            and conferences.icpc_date > enquiries.s47_start_date - interval 12 month
    group by enquiries.la_code, enquiries.s47_enquiry_id

),

final as (

    select
        enquiries.la_code,
        enquiries.s47_enquiry_id,
        enquiries.person_id as child,
        children.gender,
        children.ethnicity,
        children.date_of_birth,
        enquiries.s47_start_date,
        coalesce(
            enquiries.s47_end_date is not null
            and enquiries.is_s47_nfa
            and first_conferences.icpc_date is null,
            false
        ) as is_icpc_not_required,
        first_conferences.icpc_date,
        case when first_conferences.icpc_date is not null then first_conferences.is_cp_plan end as is_icpc_cp_plan,
        enquiries_in_12_months.enquiries_in_12_months,
        coalesce(conferences_in_12_months.conferences_in_12_months, 0) as conferences_in_12_months,
        teams.team_name as allocated_team
    from enquiries
    left join children
        on
            enquiries.la_code = children.la_code
            and enquiries.person_id = children.child
    left join first_conferences
        on
            enquiries.la_code = first_conferences.la_code
            and enquiries.s47_enquiry_id = first_conferences.s47_enquiry_id
    left join enquiries_in_12_months
        on
            enquiries.la_code = enquiries_in_12_months.la_code
            and enquiries.s47_enquiry_id = enquiries_in_12_months.s47_enquiry_id
    left join conferences_in_12_months
        on
            enquiries.la_code = conferences_in_12_months.la_code
            and enquiries.s47_enquiry_id = conferences_in_12_months.s47_enquiry_id
    left join teams
        on
            enquiries.la_code = teams.la_code
            and enquiries.completed_by_team_id = teams.team_id

)

select * from final
