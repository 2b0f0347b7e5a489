-- Which records make up a figure: the conferences in ICPC_15WD_PCT_IM for one council and month that
-- were not held within 15 working days of the S47 start, with the dates to check against the case file.
select
    members.record_id as icpc_id,
    members.person_id,
    conferences.s47_enquiry_id,
    conferences.s47_start_date,
    conferences.icpc_date,
    conferences.working_days_from_s47_start,
    members.locality_name
from {{ ref('indicator_members') }} as members
inner join {{ ref('fct_initial_cp_conferences') }} as conferences
    on
        members.la_code = conferences.la_code
        and members.record_id = conferences.icpc_id
where
    members.indicator_id = 'ICPC_15WD_PCT_IM'
    and members.la_code = '{{ var("la_code", "E08000018") }}'
    and members.period_end = date '{{ var("period_end", "2020-12-31") }}'
    and not members.is_in_numerator
order by conferences.working_days_from_s47_start desc
