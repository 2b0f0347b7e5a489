{#- The CIN census CINdetails of each collection year: every CIN episode (referral) open at any time in the year,
    that is referred on or before 31 March and not closed before 1 April, NFA referrals of the year included. A
    closure after 31 March is blank in that year's return. DateOfInitialCPC is the first initial child protection
    conference of the episode held on or before 31 March that is not the conference of a section 47 enquiry written in
    the year (that one is the enquiry's DateOfInitialCPC: DfE rule 2884 wants it in one place only). -#}
with

referrals as (

    select * from {{ ref('stg_ssd__cin_episodes') }}

),

conferences as (

    select * from {{ ref('stg_ssd__initial_cp_conference') }}

),

enquiries as (

    select * from {{ ref('stg_ssd__s47_enquiry') }}

),

years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

in_year as (

    select
        years.la_code,
        years.collection_year,
        years.year_start,
        years.year_end,
        referrals.person_id as child,
        referrals.referral_id,
        referrals.referral_date,
        referrals.referral_source_code,
        referrals.primary_need_code,
        case when referrals.close_date <= years.year_end then referrals.close_date end as closure_date,
        case when referrals.close_date <= years.year_end then referrals.close_reason end as reason_for_closure,
        coalesce(referrals.is_referral_nfa, false) as is_referral_nfa
    from referrals
    inner join years
        on
            referrals.la_code = years.la_code
            and referrals.referral_date <= years.year_end
            and (referrals.close_date is null or referrals.close_date >= years.year_start)

),

first_conferences as (

    select
        in_year.la_code,
        in_year.collection_year,
        in_year.referral_id,
        min(conferences.icpc_date) as initial_cpc_date
    from in_year
    inner join conferences
        on
            in_year.la_code = conferences.la_code
            and in_year.referral_id = conferences.referral_id
            and in_year.year_end >= conferences.icpc_date
    left join enquiries
        on
            conferences.la_code = enquiries.la_code
            and conferences.s47_enquiry_id = enquiries.s47_enquiry_id
    -- the conference of an enquiry open in the year is written at the enquiry (cin_census_section47)
    where
        not coalesce(
            enquiries.s47_start_date <= in_year.year_end
            and (enquiries.s47_end_date is null or enquiries.s47_end_date >= in_year.year_start),
            false
        )
    group by in_year.la_code, in_year.collection_year, in_year.referral_id

),

final as (

    select
        in_year.la_code,
        in_year.collection_year,
        in_year.child,
        in_year.referral_id,
        in_year.referral_date,
        in_year.referral_source_code,
        in_year.primary_need_code,
        in_year.closure_date,
        in_year.reason_for_closure,
        first_conferences.initial_cpc_date,
        in_year.is_referral_nfa,
        row_number() over (
            partition by in_year.la_code, in_year.collection_year
            order by in_year.child, in_year.referral_date, in_year.referral_id
        ) as row_number
    from in_year
    left join first_conferences
        on
            in_year.la_code = first_conferences.la_code
            and in_year.collection_year = first_conferences.collection_year
            and in_year.referral_id = first_conferences.referral_id

)

select * from final
