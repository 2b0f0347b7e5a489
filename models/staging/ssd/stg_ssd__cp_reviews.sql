{#- Child protection reviews. Mosaic's script writes no cppr_person_id, so a missing person is derived from
    the reviewed plan: cppr_cp_plan_id -> ssd_cp_plans.cppl_person_id (the SSD's foreign key; this model
    therefore reads stg_ssd__cp_plans). A landed person always wins; is_person_id_derived flags the rows whose
    person was derived. Mosaic's review id is a workflow step shared by the siblings it concerns: the review is
    unique on (cp_review_id, person_id), not on cp_review_id. -#}
with

source as (

    select * from {{ source('ssd', 'ssd_cp_reviews') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cp_reviews') }}

),

plans as (

    select * from {{ ref('stg_ssd__cp_plans') }}

),

renamed as (

    select
        la_code,
        extract_date,
        cppr_cp_review_id as cp_review_id,
        cppr_person_id as landed_person_id,
        cppr_cp_plan_id as cp_plan_id,
        {{ parse_date('cppr_cp_review_due') }} as review_due_date,
        {{ parse_date('cppr_cp_review_date') }} as review_date,
        cppr_cp_review_meeting_id as review_meeting_id,
        {{ parse_flag('cppr_cp_review_outcome_continue_cp') }} as is_outcome_continue_cp,
        {{ parse_flag('cppr_cp_review_quorate') }} as is_quorate,
        cppr_cp_review_participation as participation
    from landed

),

final as (

    select
        renamed.la_code,
        renamed.extract_date,
        renamed.cp_review_id,
        {{ person_id_with_derivation('renamed.landed_person_id', 'plans.person_id') }},
        renamed.cp_plan_id,
        renamed.review_due_date,
        renamed.review_date,
        renamed.review_meeting_id,
        renamed.is_outcome_continue_cp,
        renamed.is_quorate,
        renamed.participation
    from renamed
    left join plans
        on
            renamed.la_code = plans.la_code
            and renamed.cp_plan_id = plans.cp_plan_id

)

select * from final
