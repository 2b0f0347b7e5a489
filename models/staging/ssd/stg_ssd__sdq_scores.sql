{#- Strengths and Difficulties Questionnaire (903 OC2) of looked-after children. sdq_score is the total
    difficulties score, a whole number from 0 to 40: any other number (negative, above 40, fractional) is
    NULL; text the gate could not read as a number was already blanked. The reason an SDQ was not returned
    is mapped to the sdq_reason code list (SDQ1-SDQ5; Eclipse writes the descriptions, SystemC 1.4.5 the
    placeholder SSD_PH, which does not map); the landed text is kept as sdq_reason_as_landed. -#}
with

source as (

    select * from {{ source('ssd', 'ssd_sdq_scores') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_sdq_scores') }}

),

renamed as (

    select
        landed.la_code,
        landed.extract_date,
        landed.csdq_table_id as sdq_id,
        landed.csdq_person_id as person_id,
        {{ parse_date('landed.csdq_sdq_completed_date') }} as sdq_completed_date,
        {{ parse_number('landed.csdq_sdq_score') }} as sdq_score,
        {{ map_code('sdq_reason', 'landed.csdq_sdq_reason') }} as sdq_reason_code,
        landed.csdq_sdq_reason as sdq_reason_as_landed
    from landed

),

final as (

    select
        renamed.la_code,
        renamed.extract_date,
        renamed.sdq_id,
        renamed.person_id,
        renamed.sdq_completed_date,
        case
            when renamed.sdq_score between 0 and 40 and renamed.sdq_score = floor(renamed.sdq_score)
                then cast(renamed.sdq_score as integer)
        end as sdq_score,
        renamed.sdq_reason_code,
        renamed.sdq_reason_as_landed
    from renamed

)

select * from final
