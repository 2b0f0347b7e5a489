{#- Children looked after at each month end D (CLA_N_SNAP) with their current period of care, current
    placement and placement count (docs/indicators.md section 3.8):
      - current period of care: the child's period (not a short break) open at D;
      - current placement: the child's placement open at D with the latest start (any type);
      - placements in the 12 months ending D: distinct placements that are not temporary (is_temporary_placement:
        category temporary, T0-T4) with start <= D and (end null or end > the first day of the window, the first
        day of the month 11 months before D's month); a placement with no type is not counted;
      - age at D, for the long-term stability cohort (under 16, in care since D minus 30 months);
      - the type of the current placement, by the categories of 903_place in seeds/code_lists.csv:
        family-based = kinship (U1-U3), foster (U4-U6), adoption (A3-A6) or parents (P1); placed with parents =
        parents; foster, not kin = foster; residential = residential (K1, K2, K3, R1, R2, R5, S1). -#}
with

looked_after as (

    select * from {{ ref('int_looked_after_children_at_month_end') }}

),

months as (

    select * from {{ ref('int_council_months') }}

),

periods as (

    select * from {{ ref('int_cla_periods_of_care') }}
    where not is_short_break

),

placements as (

    select
        *,
        {{ is_temporary_placement('placement_type_code') }} as is_temporary_placement
    from {{ ref('stg_ssd__cla_placement') }}

),

people as (

    select * from {{ ref('stg_ssd__person') }}

),

children as (

    select
        looked_after.la_code,
        looked_after.period_end,
        looked_after.person_id,
        months.rolling_12_start
    from looked_after
    inner join months
        on
            looked_after.la_code = months.la_code
            and looked_after.period_end = months.period_end

),

current_periods as (

    select
        children.la_code,
        children.period_end,
        children.person_id,
        max(periods.period_start_date) as current_period_start_date
    from children
    inner join periods
        on
            children.la_code = periods.la_code
            and children.person_id = periods.person_id
            and {{ is_open_at('periods.period_start_date', 'periods.period_end_date', 'children.period_end') }}
    group by children.la_code, children.period_end, children.person_id

),

placement_history as (

    select
        children.la_code,
        children.period_end,
        children.person_id,
        arg_max(
            placements.placement_id, (placements.placement_start_date, placements.placement_id)
        ) filter (
            where {{ is_open_at('placements.placement_start_date', 'placements.placement_end_date',
                'children.period_end') }}
        ) as current_placement_id,
        max(placements.placement_start_date) filter (
            where {{ is_open_at('placements.placement_start_date', 'placements.placement_end_date',
                'children.period_end') }}
        ) as current_placement_start_date,
        count(distinct placements.placement_id) filter (
            where
            not placements.is_temporary_placement
            and placements.placement_start_date <= children.period_end
            and (
                placements.placement_end_date is null
                or placements.placement_end_date > children.rolling_12_start
            )
        ) as placements_in_12_months
    from children
    inner join placements
        on
            children.la_code = placements.la_code
            and children.person_id = placements.person_id
            and children.period_end >= placements.placement_start_date
    group by children.la_code, children.period_end, children.person_id

),

described as (

    select
        children.la_code,
        children.period_end,
        children.person_id,
        {{ age_at('people.date_of_birth', 'children.period_end') }} as age_at_period_end,
        current_periods.current_period_start_date,
        placement_history.current_placement_id,
        placement_history.current_placement_start_date,
        current_placements.placement_type_code as current_placement_type_code,
        current_placements.placement_provider_code as current_placement_provider_code,
        coalesce(placement_history.placements_in_12_months, 0) as placements_in_12_months
    from children
    left join people
        on
            children.la_code = people.la_code
            and children.person_id = people.person_id
    left join current_periods
        on
            children.la_code = current_periods.la_code
            and children.period_end = current_periods.period_end
            and children.person_id = current_periods.person_id
    left join placement_history
        on
            children.la_code = placement_history.la_code
            and children.period_end = placement_history.period_end
            and children.person_id = placement_history.person_id
    left join placements as current_placements
        on
            placement_history.la_code = current_placements.la_code
            and placement_history.current_placement_id = current_placements.placement_id

),

final as (

    select
        *,
        placements_in_12_months >= 3 as has_3_or_more_placements,
        coalesce(
            age_at_period_end < 16
            and current_period_start_date <= cast(period_end - interval 30 month as date),
            false
        ) as is_long_term_cohort,
        coalesce(current_placement_start_date <= cast(period_end - interval 24 month as date), false)
            as is_in_placement_24_months_or_more,
        coalesce(
            {{ in_category('903_place', 'current_placement_type_code', ['kinship', 'foster', 'adoption', 'parents']) }},
            false
        ) as is_family_based,
        coalesce({{ in_category('903_place', 'current_placement_type_code', 'parents') }}, false)
            as is_placed_with_parents,
        coalesce({{ in_category('903_place', 'current_placement_type_code', 'foster') }}, false) as is_foster_non_kin,
        coalesce({{ in_category('903_place', 'current_placement_type_code', 'residential') }}, false) as is_residential,
        coalesce(
            {{ in_category('903_place', 'current_placement_type_code', ['kinship', 'foster', 'residential']) }}
            and {{ in_category('903_place_provider', 'current_placement_provider_code', 'commissioned') }},
            false
        ) as is_commissioned_placement
    from described

)

select * from final
