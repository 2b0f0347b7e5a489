{#- Legal statuses. lega_legal_status is mapped to the 903 LS code list (SystemC writes its lookup
    description, DIM_LOOKUP_LGL_STATUS_DESC; Mosaic and Eclipse write the code); the landed text is kept as
    legal_status_as_landed. is_short_break: the code's category is short_break (V3, V4). -#}
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
        landed.la_code,
        landed.extract_date,
        landed.lega_legal_status_id as legal_status_id,
        landed.lega_person_id as person_id,
        {{ map_code('903_ls', 'landed.lega_legal_status') }} as legal_status_code,
        landed.lega_legal_status as legal_status_as_landed,
        {{ parse_date('landed.lega_legal_status_start_date') }} as legal_status_start_date,
        {{ parse_date('landed.lega_legal_status_end_date') }} as legal_status_end_date
    from landed

),

final as (

    select
        *,
        coalesce({{ category_of('903_ls', 'renamed.legal_status_code') }} = 'short_break', false) as is_short_break
    from renamed

)

select * from final
