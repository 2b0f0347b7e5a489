{#- SSDA903 validation rules (docs/returns.md section 4), part of returns.ssda903_rule_failures: The Reviews,
    Missing, UASC, AD1 and PlacedAdoption rules, those that compare them with the episodes, and PlacedAdoption
    against the year before's (560, 561).
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

reviews as (

    select * from {{ ref('ssda903_reviews') }}
),

missing as (

    select * from {{ ref('ssda903_missing') }}
),

uasc as (

    select * from {{ ref('ssda903_uasc') }}
),

ad1 as (

    select * from {{ ref('ssda903_ad1') }}
),

placed_adoption as (

    select * from {{ ref('ssda903_placed_adoption') }}
),

years as (

    select * from {{ ref('int_ssda903__collection_years') }}
),

missing_in_order as (

    select
        missing.*,
        years.year_start,
        years.year_end,
        lag(missing.mis_end) over child_missing as previous_mis_end,
        row_number() over child_missing as child_missing_number
    from missing
    inner join years on missing.la_code = years.la_code and missing.collection_year = years.collection_year
    window
        child_missing as (
            partition by missing.la_code, missing.collection_year, missing.child
            order by missing.mis_start, missing.mis_end
        )
),

previous_placed_adoption as (

    select
        placed_adoption.*,
        placed_adoption.collection_year + 1 as next_collection_year
    from placed_adoption
),

episodes_in_order as (

    select * from {{ ref('int_ssda903__episodes_in_order') }}

),

failures as (

    select
        '166' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from reviews
    where review is null
    union all
    select
        '167' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from reviews
    where review_code is null or not {{ in_code_list('903_review_code', 'review_code') }}
    union all
    select
        '440' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from reviews
    where
        {{ in_category('903_review_code', 'review_code', 'under_4') }}
        and review > cast(dob + interval 4 year as date)
    union all
    select
        '441' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from reviews
    where
        {{ in_code_list('903_review_code', 'review_code') }}
        and not {{ in_category('903_review_code', 'review_code', 'under_4') }}
        and review < cast(dob + interval 4 year as date)
    union all
    select
        '1004' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from missing
    where mis_start is null
    union all
    select
        '1006' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from missing
    where missing is not null and not {{ in_code_list('missing_type', 'missing') }}
    union all
    select
        '304' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from uasc
    where duc > cast(dob + interval 18 year as date)
    union all
    select
        '104' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from uasc
    where duc < make_date(collection_year - 1, 4, 1)
    union all
    select
        '333' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from ad1
    where date_match is not null and (date_int is null or date_int > date_match)
    union all
    select
        '175' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from ad1
    where nb_adoptr is not null and nb_adoptr not in ('1', '2')
    union all
    select
        '176' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from ad1
    where sex_adoptr is not null and not {{ in_code_list('903_sex_adoptr', 'sex_adoptr') }}
    union all
    select
        '177' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from ad1
    where ls_adoptr is not null and not {{ in_code_list('903_ls_adoptr', 'ls_adoptr') }}
    union all
    select
        '511' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from ad1
    where
        nb_adoptr = '2'
        and {{ in_category('903_sex_adoptr', 'sex_adoptr', 'single') }}
    union all
    select
        '514' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from ad1
    where
        {{ in_category('903_ls_adoptr', 'ls_adoptr', 'single') }}
        and not {{ in_category('903_sex_adoptr', 'sex_adoptr', 'single') }}
    union all
    select
        '119' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from placed_adoption
    where (date_placed_ceased is null) != (reason_placed_ceased is null)
    union all
    select
        '564' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from missing_in_order
    where missing is not null and mis_start is null
    union all
    select
        '565' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from missing_in_order
    where mis_start is not null and missing is null
    union all
    select
        '566' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from missing_in_order
    where missing is null and mis_end is not null
    union all
    select
        '567' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from missing_in_order
    where mis_start > mis_end
    union all
    select
        '570' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from missing_in_order
    where mis_start > year_end
    union all
    select
        '571' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from missing_in_order
    where mis_end < year_start or mis_end > year_end
    union all
    select
        '574' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from missing_in_order
    where child_missing_number > 1 and (previous_mis_end is null or mis_start < previous_mis_end)
    union all
    select
        '586' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from missing_in_order
    where mis_start <= dob
    union all
    select
        '517' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from ad1
    where
        ls_adoptr in {{ rule_codes('517', '903_ls_adoptr') }}
        and coalesce(sex_adoptr not in {{ rule_codes('517', '903_sex_adoptr', 'allowed') }}, true)
    union all
    select
        '518' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from ad1
    where
        ls_adoptr in {{ rule_codes('518', '903_ls_adoptr') }}
        and coalesce(sex_adoptr not in {{ rule_codes('518', '903_sex_adoptr', 'allowed') }}, true)
    union all
    select
        '519' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from ad1
    where
        ls_adoptr in {{ rule_codes('519', '903_ls_adoptr') }}
        and coalesce(sex_adoptr not in {{ rule_codes('519', '903_sex_adoptr', 'allowed') }}, true)
    union all
    select
        '520' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from ad1
    where
        ls_adoptr in {{ rule_codes('520', '903_ls_adoptr') }}
        and coalesce(sex_adoptr not in {{ rule_codes('520', '903_sex_adoptr', 'allowed') }}, true)
    union all
    select
        '524' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from ad1
    where
        ls_adoptr in {{ rule_codes('524', '903_ls_adoptr') }}
        and coalesce(sex_adoptr not in {{ rule_codes('524', '903_sex_adoptr', 'allowed') }}, true)
    union all
    select
        '184' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from placed_adoption
    where date_placed < dob
    union all
    select
        '522' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from placed_adoption
    where date_placed > date_placed_ceased
    union all
    select
        '563' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from placed_adoption
    where date_placed_ceased is not null and date_placed is null
    union all
    select
        '551' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        {{ in_category('903_place', 'place', 'adoption') }}
        and not exists (
            select 1 from placed_adoption
            where
                placed_adoption.la_code = episodes_in_order.la_code
                and placed_adoption.collection_year = episodes_in_order.collection_year
                and placed_adoption.child = episodes_in_order.child
                and placed_adoption.date_placed is not null
        )
    union all
    select
        '552' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        {{ in_category('903_place', 'place', 'adoption') }}
        and decom < (
            select min(placed_adoption.date_placed) from placed_adoption
            where
                placed_adoption.la_code = episodes_in_order.la_code
                and placed_adoption.collection_year = episodes_in_order.collection_year
                and placed_adoption.child = episodes_in_order.child
        )
    union all
    select
        '553' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        ls in {{ rule_codes('553', '903_ls') }}
        and not exists (
            select 1 from placed_adoption
            where
                placed_adoption.la_code = episodes_in_order.la_code
                and placed_adoption.collection_year = episodes_in_order.collection_year
                and placed_adoption.child = episodes_in_order.child
        )
    union all
    select
        '555' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        ls in {{ rule_codes('555', '903_ls') }}
        and not exists (
            select 1 from placed_adoption
            where
                placed_adoption.la_code = episodes_in_order.la_code
                and placed_adoption.collection_year = episodes_in_order.collection_year
                and placed_adoption.child = episodes_in_order.child
        )
    union all
    select
        '601' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes_in_order
    where
        {{ in_category('903_rec', 'rec', 'adopted') }}
        and ceased_date between year_start and year_end
        and not exists (
            select 1 from ad1
            where
                ad1.la_code = episodes_in_order.la_code
                and ad1.collection_year = episodes_in_order.collection_year
                and ad1.child = episodes_in_order.child
                and ad1.date_int is not null
                and ad1.date_match is not null
                and ad1.foster_care is not null
                and ad1.nb_adoptr is not null
                and ad1.sex_adoptr is not null
                and ad1.ls_adoptr is not null
        )
    union all
    select
        '602' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from ad1
    where
        not exists (
            select 1 from episodes_in_order
            where
                episodes_in_order.la_code = ad1.la_code
                and episodes_in_order.collection_year = ad1.collection_year
                and episodes_in_order.child = ad1.child
                and {{ in_category('903_rec', 'episodes_in_order.rec', 'adopted') }}
                and episodes_in_order.ceased_date between episodes_in_order.year_start and episodes_in_order.year_end
        )
    union all
    select
        '331' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from ad1
    where
        exists (
            select 1 from episodes
            where
                episodes.la_code = ad1.la_code
                and episodes.collection_year = ad1.collection_year
                and episodes.child = ad1.child
                and {{ in_category('903_rec', 'episodes.rec', 'adopted') }}
                and ad1.date_match > episodes.decom
        )
    union all
    select
        '334' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from ad1
    where
        date_int < (
            select max(episodes.decom) from episodes
            where
                episodes.la_code = ad1.la_code
                and episodes.collection_year = ad1.collection_year
                and episodes.child = ad1.child
                and {{ in_category('903_rne', 'episodes.rne', 'start') }}
        )
    union all
    select
        '1003' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from placed_adoption
    where
        date_placed < (
            select min(episodes.decom) from episodes
            where
                episodes.la_code = placed_adoption.la_code
                and episodes.collection_year = placed_adoption.collection_year
                and episodes.child = placed_adoption.child
                and {{ in_category('903_rne', 'episodes.rne', 'start') }}
        )
    union all
    select
        '560' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from placed_adoption
    where
        exists (
            select 1 from previous_placed_adoption
            where
                previous_placed_adoption.la_code = placed_adoption.la_code
                and previous_placed_adoption.next_collection_year = placed_adoption.collection_year
                and previous_placed_adoption.child = placed_adoption.child
                and previous_placed_adoption.date_placed is not null
                and previous_placed_adoption.date_placed_ceased is null
        )
        and not exists (
            select 1 from previous_placed_adoption
            where
                previous_placed_adoption.la_code = placed_adoption.la_code
                and previous_placed_adoption.next_collection_year = placed_adoption.collection_year
                and previous_placed_adoption.child = placed_adoption.child
                and previous_placed_adoption.date_placed_ceased is null
                and previous_placed_adoption.date_placed = placed_adoption.date_placed
        )
    union all
    select
        '561' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from placed_adoption
    where
        exists (
            select 1 from previous_placed_adoption
            where
                previous_placed_adoption.la_code = placed_adoption.la_code
                and previous_placed_adoption.next_collection_year = placed_adoption.collection_year
                and previous_placed_adoption.child = placed_adoption.child
                and previous_placed_adoption.date_placed = placed_adoption.date_placed
                and (
                    previous_placed_adoption.date_placed_ceased is not null
                    or previous_placed_adoption.reason_placed_ceased is not null
                )
        )

),

final as (

    select failures.*
    from failures
    where failures.rule_code in (select rules.rule_number from rules)

)

select * from final
