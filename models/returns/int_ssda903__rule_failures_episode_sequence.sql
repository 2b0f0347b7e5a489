{#- SSDA903 validation rules (docs/returns.md section 4), part of returns.ssda903_rule_failures: The sequence of
    each child's episodes in the year, and the first episode against the year before's return (502, NoE).
    One row per rule, council, collection year and failing return row (rule_code, la_code, collection_year,
    row_number, child); a rule is checked when it is in seeds/ssda903_rules.csv, and the codes it names are in
    seeds/ssda903_rule_codes.csv or are a category of seeds/code_lists.csv, never in SQL. -#}
with

rules as (

    select * from {{ ref('ssda903_rules') }}
),

episodes as (

    select * from {{ ref('ssda903_episodes') }}
),

years as (

    select * from {{ ref('int_ssda903__collection_years') }}
),

previous_episodes as (

    select
        episodes.*,
        episodes.collection_year + 1 as next_collection_year
    from episodes
),

episodes_in_order as (

    select * from {{ ref('int_ssda903__episodes_in_order') }}

),

failures as (

    select
        '357' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        child_episode_number = 1
        and decom >= year_start
        and not {{ in_category('903_rne', 'rne', 'start') }}
    union all
    select
        '434' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        child_episode_number > 1
        and {{ in_category('903_rne', 'rne', 'legal') }}
        and (
            ls = previous_ls
            or coalesce(place, '') != coalesce(previous_place, '')
            or coalesce(urn, '') != coalesce(previous_urn, '')
            or coalesce(place_provider, '') != coalesce(previous_place_provider, '')
        )
    union all
    select
        '501' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where decom < previous_ceased_date
    union all
    select
        '504' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        {{ in_category('903_rec', 'previous_rec', 'continuation') }}
        and previous_ceased_date = decom
        and cin is distinct from previous_cin
    union all
    select
        '388' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        {{ in_category('903_rec', 'rec', 'continuation') }}
        and ceased_date is not null
        and next_decom is distinct from ceased_date
    union all
    select
        '431' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where {{ in_category('903_rne', 'rne', 'start') }} and previous_ceased_date = decom
    union all
    select
        '432' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        previous_rec is not null
        and not {{ in_category('903_rec', 'previous_rec', 'continuation') }}
        and not {{ in_category('903_rne', 'rne', 'start') }}
    union all
    select
        '433' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        child_episode_number > 1
        and not {{ in_category('903_rne', 'rne', 'start') }}
        and previous_ceased_date is distinct from decom
    union all
    select
        '435' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        child_episode_number > 1
        and rne in {{ rule_codes('435', '903_rne') }}
        and ls is distinct from previous_ls
    union all
    select
        '436' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        child_episode_number > 1
        and rne in {{ rule_codes('436', '903_rne') }}
        and ls is not distinct from previous_ls
    union all
    select
        '437' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where rec in {{ rule_codes('437', '903_rec') }} and next_decom is not null
    union all
    select
        '366' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where ls in {{ rule_codes('366', '903_ls') }} and not {{ in_category('903_rne', 'rne', 'start') }}
    union all
    select
        '426' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        (ls in {{ rule_codes('426', '903_ls') }} or ls in {{ rule_codes('426', '903_ls', 'other') }})
        and exists (
            select 1 from episodes as short_breaks
            where
                short_breaks.la_code = episodes_in_order.la_code
                and short_breaks.collection_year = episodes_in_order.collection_year
                and short_breaks.child = episodes_in_order.child
                and short_breaks.ls in {{ rule_codes('426', '903_ls') }}
        )
        and exists (
            select 1 from episodes as short_breaks
            where
                short_breaks.la_code = episodes_in_order.la_code
                and short_breaks.collection_year = episodes_in_order.collection_year
                and short_breaks.child = episodes_in_order.child
                and short_breaks.ls in {{ rule_codes('426', '903_ls', 'other') }}
        )
    union all
    select
        '217' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where place in {{ rule_codes('217', '903_place') }} and rne not in {{ rule_codes('217', '903_rne', 'allowed') }}
    union all
    select
        '336' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        child_episode_number > 1
        and place in {{ rule_codes('336', '903_place') }}
        and coalesce(previous_place not in {{ rule_codes('336', '903_place', 'allowed') }}, true)
    union all
    select
        '225' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        {{ in_category('903_rec', 'rec', 'continuation') }}
        and reason_place_change is null
        and not {{ in_category('903_place', 'place', 'temporary') }}
        and next_rne in {{ rule_codes('225', '903_rne') }}
        and not {{ in_category('903_place', 'next_place', 'temporary') }}
    union all
    select
        '226' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        {{ in_category('903_place', 'place', 'temporary') }}
        and (reason_place_change is not null or previous_reason_place_change is not null)
    union all
    select
        '502' as rule_code,
        episodes_in_order.la_code,
        episodes_in_order.collection_year,
        episodes_in_order.row_number,
        episodes_in_order.child
    from episodes_in_order
    inner join previous_episodes
        on
            episodes_in_order.la_code = previous_episodes.la_code
            and episodes_in_order.collection_year = previous_episodes.next_collection_year
            and episodes_in_order.child = previous_episodes.child
    where
        episodes_in_order.child_episode_number = 1
        and previous_episodes.ceased_date is null
        and episodes_in_order.decom != previous_episodes.decom
    union all
    select
        'NoE' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        decom < year_start
        and exists (
            select 1 from years as previous_years
            where
                previous_years.la_code = episodes_in_order.la_code
                and previous_years.collection_year = episodes_in_order.collection_year - 1
        )
        and not exists (
            select 1 from previous_episodes
            where
                previous_episodes.la_code = episodes_in_order.la_code
                and previous_episodes.next_collection_year = episodes_in_order.collection_year
                and previous_episodes.child = episodes_in_order.child
                and previous_episodes.decom = episodes_in_order.decom
        )

),

final as (

    select failures.*
    from failures
    where failures.rule_code in (select rules.rule_number from rules)

)

select * from final
