{#- People. pers_sex is mapped to the sex code list (M, F, U) with seeds/value_mappings.csv, which also maps
    the legacy CIN census / 903 codes (1, 2, 0, 9) and descriptions such as Mosaic's 'Male'. -#}
with

source as (

    select * from {{ source('ssd', 'ssd_person') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_person') }}

),

renamed as (

    select
        la_code,
        extract_date,
        pers_person_id as person_id,
        {{ map_code('sex', 'landed.pers_sex') }} as sex,
        pers_gender as gender,
        upper(pers_ethnicity) as ethnicity,
        {{ parse_date('pers_dob') }} as date_of_birth,
        upper(pers_upn_unknown) as upn_unknown_reason,
        {{ parse_flag('pers_send_flag') }} as has_send,
        {{ parse_date('pers_expected_dob') }} as expected_date_of_birth,
        {{ parse_date('pers_death_date') }} as date_of_death,
        {{ parse_flag('pers_is_mother') }} as is_mother,
        pers_nationality as nationality
    from landed

)

select * from renamed
