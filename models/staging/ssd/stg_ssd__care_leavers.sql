{#- Coded columns are mapped to their code lists with map_code (seeds/value_mappings.csv), as the landing
    gate accepted them; the landed text is kept as <column>_as_landed. A row without clea_table_id (Mosaic
    writes NULL) gets a deterministic surrogate: 'derived:' and the md5 of the council, the person and every
    landed value of the row (a second identical row, another record of the history, gets ':2', a third ':3').
    is_accommodation_suitable: the accom_suitable code is 1 (category suitable), false for 2, NULL when the
    value is missing or unmapped.
    Read from the history of the landed extracts (source history): one row per version of a status row, in force
    from valid_from up to, not including, valid_to (NULL: the newest extract's); the history holds only rows the
    gate accepted. extract_date is the version's valid_from, the first extract that held it; as_at_date is
    clea_as_at_date when landed (is_as_at_date_landed: the row describes that month end), else valid_from. -#}
with

source as (

    select * from {{ source('history', 'ssd_care_leavers') }}

),

surrogates as (

    select
        landed.*,
        'derived:' || md5(cast(to_json(list_value(
            landed.la_code,
            landed.clea_person_id,
            landed.clea_care_leaver_eligibility,
            landed.clea_care_leaver_in_touch,
            landed.clea_care_leaver_latest_contact,
            landed.clea_care_leaver_accommodation,
            landed.clea_care_leaver_accom_suitable,
            landed.clea_care_leaver_activity,
            landed.clea_pathway_plan_review_date,
            landed.clea_care_leaver_allocated_team,
            landed.clea_care_leaver_worker_id,
            landed.clea_as_at_date
        )) as varchar)) as surrogate_hash
    from source as landed

),

identified as (

    select
        *,
        dense_rank() over (partition by la_code, surrogate_hash order by record_key) as duplicate_number
    from surrogates

),

renamed as (

    select
        landed.la_code,
        landed.valid_from as extract_date,
        coalesce(
            landed.clea_table_id,
            landed.surrogate_hash
            || case when landed.duplicate_number > 1 then ':' || landed.duplicate_number else '' end
        ) as care_leaver_row_id,
        landed.clea_table_id is null as is_care_leaver_row_id_derived,
        landed.clea_person_id as person_id,
        {{ map_code('care_leaver_eligibility', 'landed.clea_care_leaver_eligibility') }} as eligibility,
        landed.clea_care_leaver_eligibility as eligibility_as_landed,
        {{ map_code('oc3_in_touch', 'landed.clea_care_leaver_in_touch') }} as in_touch_code,
        landed.clea_care_leaver_in_touch as in_touch_as_landed,
        {{ parse_date('landed.clea_care_leaver_latest_contact') }} as latest_contact_date,
        {{ map_code('oc3_accom', 'landed.clea_care_leaver_accommodation') }} as accommodation_code,
        landed.clea_care_leaver_accommodation as accommodation_as_landed,
        {{ map_code('accom_suitable', 'landed.clea_care_leaver_accom_suitable') }} as accommodation_suitable_code,
        landed.clea_care_leaver_accom_suitable as accommodation_suitable_as_landed,
        {{ map_code('oc3_activ', 'landed.clea_care_leaver_activity') }} as activity_code,
        landed.clea_care_leaver_activity as activity_as_landed,
        {{ parse_date('landed.clea_pathway_plan_review_date') }} as pathway_plan_review_date,
        landed.clea_care_leaver_allocated_team as allocated_team_id,
        landed.clea_care_leaver_worker_id as worker_id,
        coalesce({{ parse_date('landed.clea_as_at_date') }}, landed.valid_from) as as_at_date,
        {{ parse_date('landed.clea_as_at_date') }} is not null as is_as_at_date_landed,
        landed.valid_from,
        landed.valid_to
    from identified as landed

),

final as (

    select
        *,
        {{ category_of('accom_suitable', 'renamed.accommodation_suitable_code') }} = 'suitable'
            as is_accommodation_suitable
    from renamed

)

select * from final
