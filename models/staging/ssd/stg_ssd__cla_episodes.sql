{#- Looked-after (SSDA903) episodes. The start and ceased reasons are mapped to the 903 RNE and REC code
    lists (SystemC writes CARE_REASON_DESC / CARE_REASON_END_DESC descriptions; Mosaic and Eclipse write
    codes); the landed text is kept as <column>_as_landed. -#}
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
        landed.la_code,
        landed.extract_date,
        landed.clae_cla_episode_id as cla_episode_id,
        landed.clae_person_id as person_id,
        {{ parse_date('landed.clae_cla_episode_start_date') }} as episode_start_date,
        {{ map_code('903_rne', 'landed.clae_cla_episode_start_reason') }} as start_reason_code,
        landed.clae_cla_episode_start_reason as start_reason_as_landed,
        upper(landed.clae_cla_primary_need_code) as primary_need_code,
        {{ parse_date('landed.clae_cla_episode_ceased_date') }} as episode_ceased_date,
        {{ map_code('903_rec', 'landed.clae_cla_episode_ceased_reason') }} as ceased_reason_code,
        landed.clae_cla_episode_ceased_reason as ceased_reason_as_landed,
        landed.clae_cla_id as cla_id,
        landed.clae_referral_id as referral_id,
        landed.clae_cla_placement_id as placement_id,
        {{ parse_date('landed.clae_entered_care_date') }} as entered_care_date,
        {{ parse_date('landed.clae_cla_last_iro_contact_date') }} as last_iro_contact_date
    from landed

)

select * from renamed
