{#- Allocations of professionals to children. The role is mapped to the involvement_role code list
    (seeds/code_lists.csv, whose category says which roles caseloads count); an unmapped role has a NULL code
    and its landed text in professional_role_as_landed. Mosaic's script writes no invo_person_id, so a missing
    person is derived from the involvement's referral: invo_referral_id -> ssd_cin_episodes.cine_person_id
    (this model therefore reads stg_ssd__cin_episodes). A landed person always wins; is_person_id_derived
    flags the rows whose person was derived. -#}
with

source as (

    select * from {{ source('ssd', 'ssd_involvements') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_involvements') }}

),

referrals as (

    select * from {{ ref('stg_ssd__cin_episodes') }}

),

renamed as (

    select
        landed.la_code,
        landed.extract_date,
        landed.invo_involvements_id as involvement_id,
        landed.invo_professional_id as professional_id,
        {{ map_code('involvement_role', 'landed.invo_professional_role_id') }} as professional_role_code,
        landed.invo_professional_role_id as professional_role_as_landed,
        landed.invo_professional_team as team_id,
        {{ parse_date('landed.invo_involvement_start_date') }} as involvement_start_date,
        {{ parse_date('landed.invo_involvement_end_date') }} as involvement_end_date,
        landed.invo_worker_change_reason as worker_change_reason,
        landed.invo_person_id as landed_person_id,
        landed.invo_referral_id as referral_id
    from landed

),

final as (

    select
        renamed.la_code,
        renamed.extract_date,
        renamed.involvement_id,
        renamed.professional_id,
        renamed.professional_role_code,
        coalesce(
            {{ category_of('involvement_role', 'renamed.professional_role_code') }} = 'social_work', false
        ) as is_social_work,
        renamed.professional_role_as_landed,
        renamed.team_id,
        renamed.involvement_start_date,
        renamed.involvement_end_date,
        renamed.worker_change_reason,
        {{ person_id_with_derivation('renamed.landed_person_id', 'referrals.person_id') }},
        renamed.referral_id
    from renamed
    left join referrals
        on
            renamed.la_code = referrals.la_code
            and renamed.referral_id = referrals.referral_id

)

select * from final
