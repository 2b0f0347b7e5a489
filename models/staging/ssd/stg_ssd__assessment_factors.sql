{#- Factors identified at the end of an assessment (CIN census factor codes). The SSD writes them as JSON in
    one of two shapes, both accepted:
      - an array of the codes identified, ["1A", "2B", "3A"] (SystemC and Eclipse 1.4.5, the current SSD
        standard);
      - an object with a yes/no answer per code, {"1A": "Yes", "2B": "No"} (the SSD's planned shape): the
        codes are the keys whose value is a yes flag (Y, Yes, 1, true; parse_flag).
    factor_codes is the list of codes identified, trimmed, upper case, without duplicates and sorted, so a
    later model can unnest it (one row per assessment and factor). An empty array, or an object with no yes
    answer, gives an empty list; no JSON gives NULL. assessment_factors_json keeps the JSON as landed (the
    gate keeps only code and flag keys). -#}
with

source as (

    select * from {{ source('ssd', 'ssd_assessment_factors') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_assessment_factors') }}

),

renamed as (

    select
        landed.la_code,
        landed.extract_date,
        landed.cinf_table_id as assessment_factors_id,
        landed.cinf_assessment_id as assessment_id,
        landed.cinf_assessment_factors_json as assessment_factors_json
    from landed

),

final as (

    select
        renamed.*,
        case
            when not json_valid(renamed.assessment_factors_json) then null
            when json_type(renamed.assessment_factors_json) = 'ARRAY'
                then list_sort(list_distinct(list_filter(
                    list_transform(from_json(renamed.assessment_factors_json, '["VARCHAR"]'), c -> upper(trim(c))),
                    c -> c != ''
                )))
            when json_type(renamed.assessment_factors_json) = 'OBJECT'
                then list_sort(list_distinct(list_transform(
                    list_filter(
                        map_entries(cast(cast(renamed.assessment_factors_json as json) as map (varchar, varchar))),
                        answer -> coalesce({{ parse_flag('answer.value') }}, false)
                    ),
                    answer -> upper(trim(answer.key))
                )))
        end as factor_codes
    from renamed

)

select * from final
