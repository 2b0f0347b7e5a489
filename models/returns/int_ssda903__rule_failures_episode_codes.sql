{#- SSDA903 validation rules (docs/returns.md section 4), part of returns.ssda903_rule_failures: The Episodes' codes
    (valid for the collection year), dates and ages, and the legal status, placement and provider of each episode.
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

episodes_in_order as (

    select * from {{ ref('int_ssda903__episodes_in_order') }}

),

failures as (

    select
        '143' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes
    where rne is null or not {{ valid_in_year('903_rne', 'rne', 'collection_year') }}
    union all
    select
        '144' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes
    where ls is null or not {{ valid_in_year('903_ls', 'ls', 'collection_year') }}
    union all
    select
        '145' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes
    where
        cin is null
        or not {{ in_category('primary_need', 'cin', 'in_need') }}
    union all
    select
        '146' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes
    where place is null or not {{ valid_in_year('903_place', 'place', 'collection_year') }}
    union all
    select
        '149' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes
    where rec is not null and not {{ valid_in_year('903_rec', 'rec', 'collection_year') }}
    union all
    select
        '178' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes
    where
        place_provider is not null
        and (
            not {{ valid_in_year('903_place_provider', 'place_provider', 'collection_year') }}
            or place in {{ rule_codes('178', '903_place', 'exempt') }}
        )
    union all
    select
        '213' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes
    where place in {{ rule_codes('213', '903_place') }} and place_provider is not null
    union all
    select
        '214' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes
    where ls in {{ rule_codes('214', '903_ls') }} and (urn is not null or pl_post is not null)
    union all
    select
        '1009' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes
    where
        reason_place_change is not null
        and not {{ valid_in_year('903_reason_place_change', 'reason_place_change', 'collection_year') }}
    union all
    select
        '352' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        {{ in_category('903_rne', 'rne', 'start') }}
        and cast(dob + interval 18 year as date) <= decom
    union all
    select
        '356' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where ceased_date < decom
    union all
    select
        '386' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        {{ in_category('903_rec', 'rec', 'adopted') }}
        and cast(dob + interval 18 year as date) <= ceased_date
    union all
    select
        '141' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where decom is null
    union all
    select
        '148' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where (ceased_date is null) != (rec is null)
    union all
    select
        '302' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where decom < dob
    union all
    select
        '354' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where decom > year_end
    union all
    select
        '385' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where ceased_date > year_end
    union all
    select
        '355' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where decom = ceased_date
    union all
    select
        '358' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where ls in {{ rule_codes('358', '903_ls') }} and decom < cast(dob + interval 10 year as date)
    union all
    select
        '359' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        cast(dob + interval 18 year as date) < year_end
        and ceased_date is null
        and not (
            coalesce(ls in {{ rule_codes('359', '903_ls', 'exempt') }}, false)
            and coalesce(place in {{ rule_codes('359', '903_place', 'exempt') }}, false)
        )
    union all
    select
        '365' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where ls in {{ rule_codes('365', '903_ls') }} and coalesce(ceased_date, year_end) > decom + 17
    union all
    select
        '387' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where rec in {{ rule_codes('387', '903_rec') }} and ceased_date < cast(dob + interval 14 year as date)
    union all
    select
        '389' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where rec in {{ rule_codes('389', '903_rec') }} and ceased_date < cast(dob + interval 16 year as date)
    union all
    select
        '407' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where rec in {{ rule_codes('407', '903_rec') }} and ceased_date > cast(dob + interval 18 year as date)
    union all
    select
        '460' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where rec in {{ rule_codes('460', '903_rec') }} and ceased_date < cast(dob + interval 18 year as date)
    union all
    select
        '378' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where ls in {{ rule_codes('378', '903_ls') }} and place in {{ rule_codes('378', '903_place') }}
    union all
    select
        '380' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where {{ in_category('903_rne', 'rne', 'start') }} and {{ in_category('903_place', 'place', 'temporary') }}
    union all
    select
        '381' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        rec is not null
        and not {{ in_category('903_rec', 'rec', 'continuation') }}
        and {{ in_category('903_place', 'place', 'temporary') }}
    union all
    select
        '382' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where {{ in_category('903_ls', 'ls', 'short_break') }} and {{ in_category('903_place', 'place', 'temporary') }}
    union all
    select
        '384' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where {{ in_category('903_ls', 'ls', 'short_break') }} and place in {{ rule_codes('384', '903_place') }}
    union all
    select
        '390' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        {{ in_category('903_rec', 'rec', 'adopted') }}
        and not coalesce({{ in_category('903_place', 'place', 'adoption') }}, false)
    union all
    select
        '408' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        place in {{ rule_codes('408', '903_place') }}
        and coalesce(ls not in {{ rule_codes('408', '903_ls', 'allowed') }}, true)
    union all
    select
        '526' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where place_provider is null and coalesce(place not in {{ rule_codes('526', '903_place', 'exempt') }}, true)
    union all
    select
        '527' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        place_provider in {{ rule_codes('527', '903_place_provider') }}
        and place in {{ rule_codes('527', '903_place') }}
    union all
    select
        '528' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        place_provider in {{ rule_codes('528', '903_place_provider') }}
        and place in {{ rule_codes('528', '903_place') }}
    union all
    select
        '529' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        place_provider in {{ rule_codes('529', '903_place_provider') }}
        and place in {{ rule_codes('529', '903_place') }}
    union all
    select
        '530' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        place_provider in {{ rule_codes('530', '903_place_provider') }}
        and place in {{ rule_codes('530', '903_place') }}
    union all
    select
        '531' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        place_provider in {{ rule_codes('531', '903_place_provider') }}
        and place in {{ rule_codes('531', '903_place') }}
    union all
    select
        '550' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        place_provider in {{ rule_codes('550', '903_place_provider') }}
        and coalesce(place not in {{ rule_codes('550', '903_place', 'allowed') }}, true)

),

final as (

    select failures.*
    from failures
    where failures.rule_code in (select rules.rule_number from rules)

)

select * from final
