-- Indicators that split a whole into parts, each record in exactly one part (docs/indicators.md sections 3.1 to
-- 3.4, readings 4.38 to 4.40, 4.42): the parts' numerators add up to the whole's numerator, for every council, month
-- and breakdown, and a percentage part's denominator is the whole. The seven contact source groups add up to the
-- contacts and to the contacts progressing to referral; the four referral outcomes to the referrals; the four
-- assessment and the four S47 outcomes to the assessments completed and the enquiries completed. A locality row of
-- a part exists only where the part has members there, so every part is required in the council rows only. Returns
-- the council-months where they do not add up.
with

indicator_values as (

    select * from {{ ref('indicator_values') }}

),

parts (whole_id, part_id) as (

    select * from (
        values
        ('CON_N_IM', 'CON_SRC_POLICE_N_IM'),
        ('CON_N_IM', 'CON_SRC_EDUCATION_N_IM'),
        ('CON_N_IM', 'CON_SRC_HEALTH_N_IM'),
        ('CON_N_IM', 'CON_SRC_INTERNAL_N_IM'),
        ('CON_N_IM', 'CON_SRC_PUBLIC_N_IM'),
        ('CON_N_IM', 'CON_SRC_OTHER_LA_N_IM'),
        ('CON_N_IM', 'CON_SRC_OTHER_N_IM'),
        ('CON_TO_REF_PCT_IM', 'CON_SRC_POLICE_TO_REF_PCT_IM'),
        ('CON_TO_REF_PCT_IM', 'CON_SRC_EDUCATION_TO_REF_PCT_IM'),
        ('CON_TO_REF_PCT_IM', 'CON_SRC_HEALTH_TO_REF_PCT_IM'),
        ('CON_TO_REF_PCT_IM', 'CON_SRC_INTERNAL_TO_REF_PCT_IM'),
        ('CON_TO_REF_PCT_IM', 'CON_SRC_PUBLIC_TO_REF_PCT_IM'),
        ('CON_TO_REF_PCT_IM', 'CON_SRC_OTHER_LA_TO_REF_PCT_IM'),
        ('CON_TO_REF_PCT_IM', 'CON_SRC_OTHER_TO_REF_PCT_IM'),
        ('REF_N_IM', 'REF_OUT_ASSESS_N_IM'),
        ('REF_N_IM', 'REF_OUT_STRATEGY_N_IM'),
        ('REF_N_IM', 'REF_OUT_CLOSE_N_IM'),
        ('REF_N_IM', 'REF_OUT_OTHER_N_IM'),
        ('ASM_COMPLETED_N_IM', 'ASM_OUT_ONGOING_PCT_IM'),
        ('ASM_COMPLETED_N_IM', 'ASM_OUT_NFA_PCT_IM'),
        ('ASM_COMPLETED_N_IM', 'ASM_OUT_STEPDOWN_PCT_IM'),
        ('ASM_COMPLETED_N_IM', 'ASM_OUT_OTHER_PCT_IM'),
        ('S47_COMPLETED_N_IM', 'S47_OUT_CONT_RISK_PCT_IM'),
        ('S47_COMPLETED_N_IM', 'S47_OUT_SUBST_PCT_IM'),
        ('S47_COMPLETED_N_IM', 'S47_OUT_NOT_SUBST_PCT_IM'),
        ('S47_COMPLETED_N_IM', 'S47_OUT_NOT_REC_PCT_IM')
    )

),

wholes as (

    select distinct
        parts.whole_id,
        indicator_values.la_code,
        indicator_values.period_end,
        indicator_values.breakdown,
        indicator_values.breakdown_value,
        indicator_values.numerator as whole_numerator,
        indicator_values.denominator as whole_denominator
    from indicator_values
    inner join parts on indicator_values.indicator_id = parts.whole_id

),

summed as (

    select
        parts.whole_id,
        indicator_values.la_code,
        indicator_values.period_end,
        indicator_values.breakdown,
        indicator_values.breakdown_value,
        sum(indicator_values.numerator) as parts_numerator,
        sum(indicator_values.denominator) as parts_denominator,
        count(*) as part_count,
        min(indicator_values.denominator) as min_part_denominator,
        max(indicator_values.denominator) as max_part_denominator
    from indicator_values
    inner join parts on indicator_values.indicator_id = parts.part_id
    group by all

),

expected_parts as (

    select
        whole_id,
        count(*) as part_count
    from parts
    group by whole_id

),

final as (

    select
        wholes.*,
        summed.parts_numerator,
        summed.parts_denominator,
        summed.part_count,
        summed.min_part_denominator,
        summed.max_part_denominator
    from wholes
    inner join expected_parts on wholes.whole_id = expected_parts.whole_id
    inner join summed
        on
            wholes.whole_id = summed.whole_id
            and wholes.la_code = summed.la_code
            and wholes.period_end = summed.period_end
            and wholes.breakdown = summed.breakdown
            and wholes.breakdown_value = summed.breakdown_value
    where
        (wholes.breakdown = 'all' and summed.part_count != expected_parts.part_count)
        or summed.parts_numerator != wholes.whole_numerator
        or (
            wholes.whole_id in ('ASM_COMPLETED_N_IM', 'S47_COMPLETED_N_IM')
            and (
                summed.min_part_denominator != wholes.whole_numerator
                or summed.max_part_denominator != wholes.whole_numerator
            )
        )
        or (
            wholes.whole_id = 'CON_TO_REF_PCT_IM'
            and summed.parts_denominator != wholes.whole_denominator
        )

)

select * from final
