with

source as (

    select * from {{ source('ssd', 'ssd_cla_episodes') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cla_episodes') }}

),

renamed as (

    select
        la_code,
        extract_date,
        clae_cla_episode_id as cla_episode_id,
        clae_person_id as person_id,
        {{ parse_date('clae_cla_episode_start_date') }} as episode_start_date,
        upper(clae_cla_episode_start_reason) as start_reason_code,
        upper(clae_cla_primary_need_code) as primary_need_code,
        {{ parse_date('clae_cla_episode_ceased_date') }} as episode_ceased_date,
        upper(clae_cla_episode_ceased_reason) as ceased_reason_code,
        clae_cla_id as cla_id,
        clae_referral_id as referral_id,
        clae_cla_placement_id as placement_id,
        {{ parse_date('clae_entered_care_date') }} as entered_care_date,
        {{ parse_date('clae_cla_last_iro_contact_date') }} as last_iro_contact_date
    from landed

)

select * from renamed
