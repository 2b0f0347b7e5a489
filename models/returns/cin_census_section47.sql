{#- The CIN census Section47 of each collection year: every section 47 enquiry of a CINdetails of the year open at
    any time in the year (started on or before 31 March, not ended before 1 April). InitialCPCtarget and
    DateOfInitialCPC come from the enquiry's initial child protection conference (a conference after 31 March is
    blank); ICPCnotRequired is true when the enquiry ended in the year with no conference held and none decided on
    (whatever its other outcome: no further action, services, monitoring). -#}
with

details as (

    select * from {{ ref('cin_census_cin_details') }}

),

enquiries as (

    select * from {{ ref('stg_ssd__s47_enquiry') }}

),

conferences as (

    select * from {{ ref('stg_ssd__initial_cp_conference') }}

),

years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

first_conferences as (

    select
        la_code,
        s47_enquiry_id,
        min(icpc_target_date) as icpc_target_date,
        min(icpc_date) as icpc_date
    from conferences
    where s47_enquiry_id is not null
    group by la_code, s47_enquiry_id

),

final as (

    select
        details.la_code,
        details.collection_year,
        details.child,
        details.referral_id,
        enquiries.s47_enquiry_id,
        enquiries.s47_start_date,
        first_conferences.icpc_target_date as initial_cpc_target,
        case
            when first_conferences.icpc_date <= years.year_end then first_conferences.icpc_date
        end as initial_cpc_date,
        coalesce(
            enquiries.s47_end_date <= years.year_end
            and not coalesce(enquiries.outcome_cp_conference_flag, false)
            and first_conferences.icpc_date is null,
            false
        ) as is_icpc_not_required
    from details
    inner join years
        on
            details.la_code = years.la_code
            and details.collection_year = years.collection_year
    inner join enquiries
        on
            details.la_code = enquiries.la_code
            and details.referral_id = enquiries.referral_id
            and years.year_end >= enquiries.s47_start_date
            and (enquiries.s47_end_date is null or years.year_start <= enquiries.s47_end_date)
    left join first_conferences
        on
            enquiries.la_code = first_conferences.la_code
            and enquiries.s47_enquiry_id = first_conferences.s47_enquiry_id

)

select * from final
