{#- Annex A List 6: every CIN episode (an SSD referral that was not NFA), with its start, primary need,
    closure and closure reason; csc returns annex-a keeps the episodes open at any time in the 12 months up to
    the as-at date. -#}
with

referrals as (

    select * from {{ ref('fct_referrals') }}

),

children as (

    select * from {{ ref('int_annex_a__children') }}

),

final as (

    select
        referrals.la_code,
        referrals.referral_id,
        referrals.person_id as child,
        children.gender,
        children.ethnicity,
        children.date_of_birth,
        referrals.referral_date as cin_start_date,
        referrals.primary_need_code,
        referrals.episode_end_date as cin_closure_date,
        referrals.close_reason
    from referrals
    left join children
        on
            referrals.la_code = children.la_code
            and referrals.person_id = children.child
    where not referrals.is_referral_nfa

)

select * from final
