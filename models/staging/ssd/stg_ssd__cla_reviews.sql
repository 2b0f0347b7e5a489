with

source as (

    select * from {{ source('ssd', 'ssd_cla_reviews') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cla_reviews') }}

),

renamed as (

    select
        la_code,
        extract_date,
        clar_cla_review_id as cla_review_id,
        clar_cla_id as cla_id,
        {{ parse_date('clar_cla_review_due_date') }} as review_due_date,
        {{ parse_date('clar_cla_review_date') }} as review_date,
        {{ parse_flag('clar_cla_review_cancelled') }} as is_cancelled,
        upper(clar_cla_review_participation) as participation_code
    from landed

)

select * from renamed
