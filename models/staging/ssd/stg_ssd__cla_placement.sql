{#- Placements. Mosaic's script writes no clap_person_id, so a missing person is derived from the
    placement's period of care: the person of the ssd_cla_episodes rows whose clae_cla_id is the placement's
    clap_cla_id (the SSD's foreign key), else of the episodes whose clae_cla_placement_id names the placement;
    only when that gives exactly one person. This model therefore reads stg_ssd__cla_episodes. A landed
    person always wins; is_person_id_derived flags the rows whose person was derived. -#}
with

source as (

    select * from {{ source('ssd', 'ssd_cla_placement') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cla_placement') }}

),

episodes as (

    select * from {{ ref('stg_ssd__cla_episodes') }}

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
        clap_person_id as landed_person_id
    from landed

),

period_people as (

    select
        la_code,
        cla_id,
        min(person_id) as person_id
    from episodes
    where cla_id is not null
    group by la_code, cla_id
    having count(distinct person_id) = 1

),

placement_people as (

    select
        la_code,
        placement_id,
        min(person_id) as person_id
    from episodes
    where placement_id is not null
    group by la_code, placement_id
    having count(distinct person_id) = 1

),

final as (

    select
        renamed.la_code,
        renamed.extract_date,
        renamed.placement_id,
        renamed.placement_start_date,
        renamed.placement_type_code,
        renamed.placement_urn,
        renamed.placement_distance_miles,
        renamed.cla_id,
        renamed.placement_provider_code,
        renamed.placement_end_date,
        renamed.placement_change_reason_code,
        coalesce(renamed.landed_person_id, period_people.person_id, placement_people.person_id) as person_id,
        renamed.landed_person_id is null
        and coalesce(period_people.person_id, placement_people.person_id) is not null as is_person_id_derived
    from renamed
    left join period_people
        on
            renamed.la_code = period_people.la_code
            and renamed.cla_id = period_people.cla_id
    left join placement_people
        on
            renamed.la_code = placement_people.la_code
            and renamed.placement_id = placement_people.placement_id

)

select * from final
