{#- Disabilities recorded for a person (one row per person and disability). The code is mapped to the
    disability code list (CIN census: NONE, MOB, HAND, PC, INC, COMM, LD, HEAR, VIS, BEH, CON, AUT, DDA;
    SystemC and Mosaic write the codes, Eclipse maps its classification names and falls back to DDA); the
    landed text is kept as disability_code_as_landed. has_disability: false for NONE (category
    not_disabled), true for any other code, NULL when the value does not map. -#}
with

source as (

    select * from {{ source('ssd', 'ssd_disability') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_disability') }}

),

renamed as (

    select
        landed.la_code,
        landed.extract_date,
        landed.disa_table_id as disability_id,
        landed.disa_person_id as person_id,
        {{ map_code('disability', 'landed.disa_disability_code') }} as disability_code,
        landed.disa_disability_code as disability_code_as_landed
    from landed

),

final as (

    select
        renamed.*,
        case
            when renamed.disability_code is not null
                then
                    coalesce(
                        {{ category_of('disability', 'renamed.disability_code') }} != 'not_disabled', true
                    )
        end as has_disability
    from renamed

)

select * from final
