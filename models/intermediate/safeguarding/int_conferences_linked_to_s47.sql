{#- Each initial child protection conference with the start of the section 47 enquiry it names and the
    working days between them. The 15 working-day timeliness cohort is the conferences that are not
    transfer-ins (a missing flag is read as not a transfer-in) and whose enquiry started on or before the
    conference date; a conference dated before its enquiry started is left out of the cohort. The enquiry is
    the one with the named id for the same child: a conference is (icpc_id, person_id), since Mosaic shares
    conference ids between siblings, and a shared id never links to another child's enquiry. -#}
with

conferences as (

    select * from {{ ref('stg_ssd__initial_cp_conference') }}

),

enquiries as (

    select * from {{ ref('stg_ssd__s47_enquiry') }}

),

teams as (

    select * from {{ ref('int_teams_with_locality') }}

),

linked as (

    select
        conferences.la_code,
        conferences.icpc_id,
        conferences.person_id,
        conferences.s47_enquiry_id,
        conferences.cp_plan_id,
        conferences.icpc_date,
        conferences.icpc_team_id,
        teams.locality_name,
        coalesce(conferences.is_transfer_in, false) as is_transfer_in,
        enquiries.s47_start_date,
        {{ working_days('enquiries.s47_start_date', 'conferences.icpc_date') }} as working_days_from_s47_start
    from conferences
    left join enquiries
        on
            conferences.la_code = enquiries.la_code
            and conferences.s47_enquiry_id = enquiries.s47_enquiry_id
            and conferences.person_id = enquiries.person_id
    left join teams
        on
            conferences.la_code = teams.la_code
            and conferences.icpc_team_id = teams.team_id

),

final as (

    select
        *,
        coalesce(not is_transfer_in and s47_start_date <= icpc_date, false) as is_timeliness_cohort,
        coalesce(
            not is_transfer_in and s47_start_date <= icpc_date and working_days_from_s47_start <= 15,
            false
        ) as is_within_15_working_days
    from linked

)

select * from final
