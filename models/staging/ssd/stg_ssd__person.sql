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
        case upper(pers_sex)
            when '1' then 'M'
            when '2' then 'F'
            when '0' then 'U'
            when '9' then 'U'
            else upper(pers_sex)
        end as sex,
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
