{#- Looked-after child reviews. The participation is mapped to the 903 REVIEW_CODE list (PN0-PN7) with
    seeds/value_mappings.csv: SystemC writes DIM_LOOKUP_PARTICIPATION_CODE_DESC descriptions. -#}
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
        {{ map_code('903_review_code', 'landed.clar_cla_review_participation') }} as participation_code,
        clar_cla_review_participation as participation_as_landed
    from landed

)

select * from renamed
