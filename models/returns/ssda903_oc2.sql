{#- The SSDA903 OC2 table of each collection year: each child of the year's Episodes looked after continuously
    for 12 months at 31 March (the DfE's definition: a period of care that started on or before 1 April and
    had not ended by 31 March), with the outcome items of the year (1 April to 31 March; ages at 31 March):
    - SDQ_SCORE / SDQ_REASON for children aged 4 to 16 at some time in the year (4 or over on 31 March, 16 or
      under on 1 April: 903 rule 186, and 197B for those who turn 4 or 17 in the year), blank otherwise: the score of the latest SDQ completed in the year; without one, the reason of the latest
      reason recorded in the year, or of the latest undated reason (systems record a reason without a date).
    - CONVICTED for children aged 10 or over (903 rule 542: blank under 10): 1 when a conviction is dated in
      the year, else 0.
    - HEALTH_ASSESSMENT / TEETH_CHECK: 1 when a health assessment / dental check was done in the year, else 0
      (done: status of category done, or no status recorded, as the indicators read ssd_cla_health).
      HEALTH_CHECK (health surveillance checks, the 903's "health promotion") for children under 5 at 31 March
      only (903 rule 546): 1 when a health assessment was done in the year, else 0 (the SSD does not record
      surveillance checks apart); blank from 5.
    - IMMUNISATIONS: the status as last recorded on or before 31 March (1 up to date, 0 not); blank when none
      is recorded by then (the SSD keeps only the latest status).
    - SUBSTANCE_MISUSE: 1 when a substance misuse problem is dated in the year, else 0. INTERVENTION_RECEIVED
      when it is 1: 1 when any of the year's problems had an intervention, 0 when all record none, blank when
      unknown. INTERVENTION_OFFERED is not held by the SSD: always blank.
    An item whose SSD table the council's extract did not land is blank, not 0: a file landed with a header and
    no rows (stg_landing__landed_columns) is landed, and says the council recorded none. -#}
with

episodes as (

    select * from {{ ref('ssda903_episodes') }}

),

header as (

    select * from {{ ref('ssda903_header') }}

),

years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

landed_columns as (

    select * from {{ ref('stg_landing__landed_columns') }}

),

sdq_scores as (

    select * from {{ ref('stg_ssd__sdq_scores') }}

),

convictions as (

    select * from {{ ref('stg_ssd__cla_convictions') }}

),

health_checks as (

    select * from {{ ref('stg_ssd__cla_health') }}

),

immunisations as (

    select * from {{ ref('stg_ssd__cla_immunisations') }}

),

substance_misuse as (

    select * from {{ ref('stg_ssd__cla_substance_misuse') }}

),

code_lists as (

    select * from {{ ref('code_lists') }}

),

landed_tables as (

    select
        la_code,
        bool_or(table_name = 'ssd_sdq_scores' and is_present) as has_sdq,
        bool_or(table_name = 'ssd_cla_convictions' and is_present) as has_convictions,
        bool_or(table_name = 'ssd_cla_health' and is_present) as has_health,
        bool_or(table_name = 'ssd_cla_immunisations' and is_present) as has_immunisations,
        bool_or(table_name = 'ssd_cla_substance_misuse' and is_present) as has_substance_misuse
    from landed_columns
    group by la_code

),

periods_in_year as (

    select
        la_code,
        collection_year,
        child,
        cla_period_id,
        min(decom) as first_decom,
        bool_or(ceased_date is null) as is_open_at_year_end
    from episodes
    group by la_code, collection_year, child, cla_period_id

),

cohort as (

    select distinct
        periods_in_year.la_code,
        periods_in_year.collection_year,
        periods_in_year.child,
        header.dob,
        years.year_start,
        years.year_end,
        {{ age_at('header.dob', 'years.year_start') }} as age_at_start,
        {{ age_at('header.dob', 'years.year_end') }} as age_at_end
    from periods_in_year
    inner join years
        on periods_in_year.la_code = years.la_code and periods_in_year.collection_year = years.collection_year
    inner join header
        on
            periods_in_year.la_code = header.la_code
            and periods_in_year.collection_year = header.collection_year
            and periods_in_year.child = header.child
    where periods_in_year.first_decom <= years.year_start and periods_in_year.is_open_at_year_end

),

sdq_of_year as (

    select
        cohort.la_code,
        cohort.collection_year,
        cohort.child,
        arg_max(sdq_scores.sdq_score, (sdq_scores.sdq_completed_date, sdq_scores.sdq_id)) filter (
            where
            sdq_scores.sdq_score is not null
            and sdq_scores.sdq_completed_date between cohort.year_start and cohort.year_end
        ) as sdq_score,
        arg_max(sdq_scores.sdq_reason_code, (sdq_scores.sdq_completed_date, sdq_scores.sdq_id)) filter (
            where
            sdq_scores.sdq_reason_code is not null
            and sdq_scores.sdq_completed_date between cohort.year_start and cohort.year_end
        ) as dated_reason,
        arg_max(sdq_scores.sdq_reason_code, sdq_scores.sdq_id) filter (
            where sdq_scores.sdq_reason_code is not null and sdq_scores.sdq_completed_date is null
        ) as undated_reason
    from cohort
    inner join sdq_scores on cohort.la_code = sdq_scores.la_code and cohort.child = sdq_scores.person_id
    group by cohort.la_code, cohort.collection_year, cohort.child

),

done_checks as (

    select
        health_checks.la_code,
        health_checks.person_id,
        health_checks.health_check_date,
        check_types.category as health_check_type_category
    from health_checks
    inner join code_lists as check_types
        on
            check_types.code_list = 'health_check_type'
            and health_checks.health_check_type = check_types.code
    left join code_lists as check_statuses
        on
            check_statuses.code_list = 'health_check_status'
            and health_checks.health_check_status = check_statuses.code
    where
        coalesce(check_statuses.category = 'done', false)
        or (health_checks.health_check_status is null and not coalesce(health_checks.has_health_check_status, false))

),

checks_of_year as (

    select
        cohort.la_code,
        cohort.collection_year,
        cohort.child,
        bool_or(done_checks.health_check_type_category = 'health_assessment') as had_health_check,
        bool_or(done_checks.health_check_type_category = 'dental_check') as had_dental_check
    from cohort
    inner join done_checks
        on
            cohort.la_code = done_checks.la_code
            and cohort.child = done_checks.person_id
            and done_checks.health_check_date between cohort.year_start and cohort.year_end
    group by cohort.la_code, cohort.collection_year, cohort.child

),

convictions_of_year as (

    select distinct
        cohort.la_code,
        cohort.collection_year,
        cohort.child
    from cohort
    inner join convictions
        on
            cohort.la_code = convictions.la_code
            and cohort.child = convictions.person_id
            and convictions.conviction_date between cohort.year_start and cohort.year_end

),

immunisations_at_end as (

    select
        cohort.la_code,
        cohort.collection_year,
        cohort.child,
        immunisations.is_immunisations_up_to_date
    from cohort
    inner join immunisations
        on
            cohort.la_code = immunisations.la_code
            and cohort.child = immunisations.person_id
            and cohort.year_end >= immunisations.immunisations_status_date

),

misuse_of_year as (

    select
        cohort.la_code,
        cohort.collection_year,
        cohort.child,
        bool_or(substance_misuse.is_intervention_received) as is_intervention_received
    from cohort
    inner join substance_misuse
        on
            cohort.la_code = substance_misuse.la_code
            and cohort.child = substance_misuse.person_id
            and substance_misuse.substance_misuse_date between cohort.year_start and cohort.year_end
    group by cohort.la_code, cohort.collection_year, cohort.child

),

return_rows as (

    select
        cohort.la_code,
        cohort.collection_year,
        cohort.child,
        cohort.dob,
        case
            when cohort.age_at_end >= 4 and cohort.age_at_start <= 16 then sdq_of_year.sdq_score
        end as sdq_score,
        case
            when cohort.age_at_end >= 4 and cohort.age_at_start <= 16 and sdq_of_year.sdq_score is null
                then coalesce(sdq_of_year.dated_reason, sdq_of_year.undated_reason)
        end as sdq_reason,
        case
            when cohort.age_at_end >= 10 and landed_tables.has_convictions
                then case when convictions_of_year.child is not null then '1' else '0' end
        end as convicted,
        case
            when cohort.age_at_end < 5 and landed_tables.has_health
                then case when checks_of_year.had_health_check then '1' else '0' end
        end as health_check,
        case
            when immunisations_at_end.is_immunisations_up_to_date then '1'
            when not immunisations_at_end.is_immunisations_up_to_date then '0'
        end as immunisations,
        case
            when landed_tables.has_health then case when checks_of_year.had_dental_check then '1' else '0' end
        end as teeth_check,
        case
            when landed_tables.has_health then case when checks_of_year.had_health_check then '1' else '0' end
        end as health_assessment,
        case
            when landed_tables.has_substance_misuse
                then case when misuse_of_year.child is not null then '1' else '0' end
        end as substance_misuse,
        case
            when misuse_of_year.is_intervention_received then '1'
            when not misuse_of_year.is_intervention_received then '0'
        end as intervention_received,
        cast(null as varchar) as intervention_offered
    from cohort
    left join landed_tables on cohort.la_code = landed_tables.la_code
    left join sdq_of_year
        on
            cohort.la_code = sdq_of_year.la_code
            and cohort.collection_year = sdq_of_year.collection_year
            and cohort.child = sdq_of_year.child
    left join convictions_of_year
        on
            cohort.la_code = convictions_of_year.la_code
            and cohort.collection_year = convictions_of_year.collection_year
            and cohort.child = convictions_of_year.child
    left join checks_of_year
        on
            cohort.la_code = checks_of_year.la_code
            and cohort.collection_year = checks_of_year.collection_year
            and cohort.child = checks_of_year.child
    left join immunisations_at_end
        on
            cohort.la_code = immunisations_at_end.la_code
            and cohort.collection_year = immunisations_at_end.collection_year
            and cohort.child = immunisations_at_end.child
    left join misuse_of_year
        on
            cohort.la_code = misuse_of_year.la_code
            and cohort.collection_year = misuse_of_year.collection_year
            and cohort.child = misuse_of_year.child

),

final as (

    select
        *,
        row_number() over (partition by la_code, collection_year order by child) as row_number
    from return_rows

)

select * from final
