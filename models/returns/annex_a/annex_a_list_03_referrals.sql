{#- Annex A List 3: every referral, with the number of the child's referrals in the 12 months up to and
    including its date (itself included) and the team it was allocated to; csc returns annex-a keeps the
    referrals dated in the six months up to the as-at date. -#}
with

referrals as (

    select * from {{ ref('fct_referrals') }}

),

children as (

    select * from {{ ref('int_annex_a__children') }}

),

teams as (

    select * from {{ ref('dim_team') }}

),

referrals_in_12_months as (

    select
        referrals.la_code,
        referrals.referral_id,
        count(*) as referrals_in_12_months
    from referrals
    inner join referrals as earlier
        on
            referrals.la_code = earlier.la_code
            and referrals.person_id = earlier.person_id
            and referrals.referral_date >= earlier.referral_date
            and earlier.referral_date > referrals.referral_date - interval 12 month
    group by referrals.la_code, referrals.referral_id

),

final as (

    select
        referrals.la_code,
        referrals.referral_id,
        referrals.person_id as child,
        children.gender,
        children.ethnicity,
        children.date_of_birth,
        referrals.referral_date,
        referrals.referral_source_code,
        referrals.is_referral_nfa,
        referrals_in_12_months.referrals_in_12_months,
        teams.team_name as allocated_team
    from referrals
    left join children
        on
            referrals.la_code = children.la_code
            and referrals.person_id = children.child
    left join referrals_in_12_months
        on
            referrals.la_code = referrals_in_12_months.la_code
            and referrals.referral_id = referrals_in_12_months.referral_id
    left join teams
        on
            referrals.la_code = teams.la_code
            and referrals.referral_team_id = teams.team_id

)

select * from final
