with

source as (

    select * from {{ source('ssd', 'ssd_legal_status') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_legal_status') }}

),

renamed as (

    select
        la_code,
        extract_date,
        lega_legal_status_id as legal_status_id,
        lega_person_id as person_id,
        upper(lega_legal_status) as legal_status_code,
        {{ parse_date('lega_legal_status_start_date') }} as legal_status_start_date,
        {{ parse_date('lega_legal_status_end_date') }} as legal_status_end_date,
        coalesce({{ code_category('903_ls', 'lega_legal_status') }} = 'short_break', false) as is_short_break
    from landed

)

select * from renamed
