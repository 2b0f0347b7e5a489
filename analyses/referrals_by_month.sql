-- Referrals per council and month with re-referrals and NFA, from the referral fact (the same records
-- that make up REF_N_IM, REF_REREF_PCT_IM and REF_NFA_PCT_IM in marts.indicator_values).
select
    referrals.la_code,
    dim_date.month_end,
    count(*) as referrals,
    count(*) filter (where referrals.is_rereferral_within_365_days) as rereferrals,
    round(100.0 * avg(case when referrals.is_referral_nfa then 1 else 0 end), 1) as pct_nfa
from {{ ref('fct_referrals') }} as referrals
inner join {{ ref('dim_date') }} as dim_date on referrals.referral_date = dim_date.date_day
group by all
order by referrals.la_code, dim_date.month_end
