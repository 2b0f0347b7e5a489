-- Referrals per council and month, with the share that were no further action, straight from
-- staging (the marts will carry the official indicator values).
select
    referrals.la_code,
    dim_date.month_end,
    count(*) as referrals,
    round(100.0 * avg(case when referrals.is_referral_nfa then 1 else 0 end), 1) as pct_nfa
from {{ ref('stg_ssd__cin_episodes') }} as referrals
inner join {{ ref('dim_date') }} as dim_date on referrals.referral_date = dim_date.date_day
group by all
order by referrals.la_code, dim_date.month_end
