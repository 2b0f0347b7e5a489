with

source as (

    select * from {{ source('ssd', 'ssd_cla_placement') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cla_placement') }}

),

renamed as (

    select
        la_code,
        extract_date,
        clap_cla_placement_id as placement_id,
        {{ parse_date('clap_cla_placement_start_date') }} as placement_start_date,
        upper(clap_cla_placement_type) as placement_type_code,
        clap_cla_placement_urn as placement_urn,
        {{ parse_number('clap_cla_placement_distance') }} as placement_distance_miles,
        clap_cla_id as cla_id,
        upper(clap_cla_placement_provider) as placement_provider_code,
        {{ parse_date('clap_cla_placement_end_date') }} as placement_end_date,
        upper(clap_cla_placement_change_reason) as placement_change_reason_code,
        clap_person_id as person_id
    from landed

)

select * from renamed
