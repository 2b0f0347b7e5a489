with

enquiries as (

    select * from {{ ref('int_s47_enquiries_linked_to_conferences') }}

),

final as (

    select
        la_code,
        s47_enquiry_id,
        person_id,
        referral_id,
        s47_start_date,
        s47_end_date,
        completed_by_team_id,
        locality_name,
        is_s47_nfa,
        conference_count,
        first_conference_date,
        has_conference
    from enquiries

)

select * from final
