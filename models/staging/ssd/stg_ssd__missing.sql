{#- Episodes of a looked-after child missing or away from placement without authorisation, with the return
    home interview (RHI) answers. The episode type is mapped to the missing_type code list (903 MISSING: M
    missing, A away; Mosaic and Eclipse write "Missing" / "Absent", the AnnexA tool also reads "Away").
    The RHI answers are Y / N / NA (not applicable) or NULL in the SSD (SystemC writes NA, Eclipse writes
    the form's answer): they are mapped to the rhi_answer code list, and is_rhi_offered / is_rhi_accepted
    read the code as a flag (Y true, N false, NA or unmapped NULL). Mapped columns keep the landed text as
    <column>_as_landed. -#}
with

source as (

    select * from {{ source('ssd', 'ssd_missing') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_missing') }}

),

renamed as (

    select
        landed.la_code,
        landed.extract_date,
        landed.miss_table_id as missing_episode_id,
        landed.miss_person_id as person_id,
        {{ parse_date('landed.miss_missing_episode_start_date') }} as missing_start_date,
        {{ parse_date('landed.miss_missing_episode_end_date') }} as missing_end_date,
        {{ map_code('missing_type', 'landed.miss_missing_episode_type') }} as missing_type_code,
        landed.miss_missing_episode_type as missing_type_as_landed,
        {{ map_code('rhi_answer', 'landed.miss_missing_rhi_offered') }} as rhi_offered_code,
        landed.miss_missing_rhi_offered as rhi_offered_as_landed,
        {{ map_code('rhi_answer', 'landed.miss_missing_rhi_accepted') }} as rhi_accepted_code,
        landed.miss_missing_rhi_accepted as rhi_accepted_as_landed
    from landed

),

final as (

    select
        renamed.*,
        {{ parse_flag('renamed.rhi_offered_code') }} as is_rhi_offered,
        {{ parse_flag('renamed.rhi_accepted_code') }} as is_rhi_accepted
    from renamed

)

select * from final
