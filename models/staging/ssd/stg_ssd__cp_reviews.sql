with

source as (

    select * from {{ source('ssd', 'ssd_cp_reviews') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cp_reviews') }}

),

renamed as (

    select
        la_code,
        extract_date,
        cppr_cp_review_id as cp_review_id,
        cppr_person_id as person_id,
        cppr_cp_plan_id as cp_plan_id,
        {{ parse_date('cppr_cp_review_due') }} as review_due_date,
        {{ parse_date('cppr_cp_review_date') }} as review_date,
        cppr_cp_review_meeting_id as review_meeting_id,
        {{ parse_flag('cppr_cp_review_outcome_continue_cp') }} as is_outcome_continue_cp,
        {{ parse_flag('cppr_cp_review_quorate') }} as is_quorate,
        cppr_cp_review_participation as participation
    from landed

)

select * from renamed
