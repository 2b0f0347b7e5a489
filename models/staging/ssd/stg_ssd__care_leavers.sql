with

source as (

    select * from {{ source('ssd', 'ssd_care_leavers') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_care_leavers') }}

),

renamed as (

    select
        la_code,
        extract_date,
        clea_table_id as care_leaver_row_id,
        clea_person_id as person_id,
        lower(clea_care_leaver_eligibility) as eligibility,
        upper(clea_care_leaver_in_touch) as in_touch_code,
        {{ parse_date('clea_care_leaver_latest_contact') }} as latest_contact_date,
        upper(clea_care_leaver_accommodation) as accommodation_code,
        {{ parse_flag('clea_care_leaver_accom_suitable') }} as is_accommodation_suitable,
        upper(clea_care_leaver_activity) as activity_code,
        {{ parse_date('clea_pathway_plan_review_date') }} as pathway_plan_review_date,
        clea_care_leaver_allocated_team as allocated_team_id,
        clea_care_leaver_worker_id as worker_id,
        coalesce({{ parse_date('clea_as_at_date') }}, extract_date) as as_at_date
    from landed

)

select * from renamed
