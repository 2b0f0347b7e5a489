{#- Children adopted (docs/indicators.md section 3.10): periods of care (not short breaks) that ended with
    E11 or E12, with the child's ssd_permanence record (the row with the highest id when a child has more
    than one) and the national timeliness measures (docs/data_standards.md section 4):
      - A10: days from entering care (the period's start) to moving in with the adoptive family
        (perm_placed_for_adoption_date) or, when the foster carers adopt (perm_adopted_by_carer_flag), to
        the start of the foster placement (perm_placed_foster_carer_date); null when that date is missing;
      - A2: days from the placement order to the match, 0 when the match came first; null unless both dates
        are known;
      - AD2: placed for adoption (perm_placed_for_adoption_date) no later than 12 months after the decision that
        the child should be placed for adoption (perm_adm_decision_date, the SHOBPA), with the month-offset rule of
        docs/indicators.md section 1.3; null unless both dates are known;
      - AD5: moved in with the adoptive family (the A10 date) less than 14 months after entering care (strictly
        before the start plus 14 months); null when the A10 date is missing. -#}
with

periods as (

    select * from {{ ref('int_cla_periods_of_care') }}
    where not is_short_break and is_ended_by_adoption

),

permanence as (

    select * from {{ ref('stg_ssd__permanence') }}

),

latest_permanence as (

    select
        *,
        row_number() over (partition by la_code, person_id order by permanence_id desc) as row_rank
    from permanence

),

final as (

    select
        periods.la_code,
        periods.cla_period_id,
        periods.person_id,
        periods.period_start_date as entered_care_date,
        periods.period_end_date as adoption_date,
        periods.end_reason_code,
        latest_permanence.permanence_id,
        latest_permanence.adm_decision_date,
        latest_permanence.placement_order_date,
        latest_permanence.matched_date,
        latest_permanence.placed_for_adoption_date,
        latest_permanence.placed_foster_carer_date,
        coalesce(latest_permanence.is_adopted_by_carer, false) as is_adopted_by_carer,
        case
            when coalesce(latest_permanence.is_adopted_by_carer, false)
                then latest_permanence.placed_foster_carer_date
            else latest_permanence.placed_for_adoption_date
        end as moved_in_with_adopters_date,
        case
            when coalesce(latest_permanence.is_adopted_by_carer, false)
                then latest_permanence.placed_foster_carer_date - periods.period_start_date
            else latest_permanence.placed_for_adoption_date - periods.period_start_date
        end as a10_days,
        -- greatest() skips NULLs in DuckDB, so A2 is only computed when both dates are known.
        case
            when latest_permanence.matched_date is not null and latest_permanence.placement_order_date is not null
                then greatest(0, latest_permanence.matched_date - latest_permanence.placement_order_date)
        end as a2_days,
        -- a comparison with a NULL date is NULL: AD2 is only known with both dates, AD5 with the A10 date
        latest_permanence.placed_for_adoption_date
        <= cast(latest_permanence.adm_decision_date + interval 12 month as date)
            as is_placed_within_12_months_of_decision,
        case
            when coalesce(latest_permanence.is_adopted_by_carer, false)
                then latest_permanence.placed_foster_carer_date
            else latest_permanence.placed_for_adoption_date
        end
        < cast(periods.period_start_date + interval 14 month as date) as is_moved_in_within_14_months
    from periods
    left join latest_permanence
        on
            periods.la_code = latest_permanence.la_code
            and periods.person_id = latest_permanence.person_id
            and latest_permanence.row_rank = 1

)

select * from final
