with

source as (

    select * from {{ source('ssd', 'ssd_involvements') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_involvements') }}

),

renamed as (

    select
        la_code,
        extract_date,
        invo_involvements_id as involvement_id,
        invo_professional_id as professional_id,
        invo_professional_role_id as professional_role,
        invo_professional_team as team_id,
        {{ parse_date('invo_involvement_start_date') }} as involvement_start_date,
        {{ parse_date('invo_involvement_end_date') }} as involvement_end_date,
        invo_worker_change_reason as worker_change_reason,
        invo_person_id as person_id,
        invo_referral_id as referral_id
    from landed

)

select * from renamed
