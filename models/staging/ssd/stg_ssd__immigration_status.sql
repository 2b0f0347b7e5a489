{#- Immigration status of a child over time. The SSD has no code set: SystemC writes its lookup
    description (DIM_LOOKUP_IMMGR_STATUS_DESC), Eclipse a classification name and Mosaic a form answer, e.g.
    "Unaccompanied Asylum Seeking Child (UASC)", "UASC", "Refugee Status". The status is mapped to the
    immigration_status code list; the landed text is kept as immigration_status_as_landed. is_uasc: the
    code's category is uasc (false for another mapped status, NULL when the status does not map). -#}
with

source as (

    select * from {{ source('ssd', 'ssd_immigration_status') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_immigration_status') }}

),

renamed as (

    select
        landed.la_code,
        landed.extract_date,
        landed.immi_immigration_status_id as immigration_status_id,
        landed.immi_person_id as person_id,
        {{ map_code('immigration_status', 'landed.immi_immigration_status') }} as immigration_status_code,
        landed.immi_immigration_status as immigration_status_as_landed,
        {{ parse_date('landed.immi_immigration_status_start_date') }} as status_start_date,
        {{ parse_date('landed.immi_immigration_status_end_date') }} as status_end_date
    from landed

),

final as (

    select
        renamed.*,
        case
            when renamed.immigration_status_code is not null
                then
                    coalesce(
                        {{ category_of('immigration_status', 'renamed.immigration_status_code') }} = 'uasc', false
                    )
        end as is_uasc
    from renamed

)

select * from final
