{#- The audit table of the SSDA903 validation rules (docs/returns.md section 4): one row per rule, council,
    collection year and return row that breaks it, with the table, the row's number in the file
    `csc returns 903` writes, the child and the field, and the rule's severity and message from
    seeds/ssda903_rules.csv. Each rule is a select below named by its DfE number; the tests in
    _returns__models.yml fail the build on an error rule's failures (a query rule only warns). -#}
with

rules as (

    select * from {{ ref('ssda903_rules') }}

),

female_sex_codes as (

    -- the 903 code of a girl (2) up to var ssda903_sex_letters_from_year, the letter (F) from it
    select code as sex from {{ ref('code_lists') }}
    where code_list = '903_sex' and category = 'F'
    union all
    select category as sex from {{ ref('code_lists') }}
    where code_list = '903_sex' and category = 'F'

),

header as (

    select * from {{ ref('ssda903_header') }}

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

episodes_in_order as (

    select
        episodes.*,
        header.dob,
        lag(episodes.ceased_date) over child_episodes as previous_ceased_date,
        lag(episodes.rec) over child_episodes as previous_rec,
        lag(episodes.ls) over child_episodes as previous_ls,
        lag(episodes.cin) over child_episodes as previous_cin,
        lag(episodes.place) over child_episodes as previous_place,
        lag(episodes.place_provider) over child_episodes as previous_place_provider,
        lag(episodes.urn) over child_episodes as previous_urn,
        row_number() over child_episodes as child_episode_number,
        years.year_start
    from episodes
    inner join years on episodes.la_code = years.la_code and episodes.collection_year = years.collection_year
    left join header
        on
            episodes.la_code = header.la_code
            and episodes.collection_year = header.collection_year
            and episodes.child = header.child
    window
        child_episodes as (
            partition by episodes.la_code, episodes.collection_year, episodes.child order by episodes.decom
        )

),

failures as (

    -- Header
    select
        '101' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from header
    where
        sex is null
        or (
            collection_year < {{ var('ssda903_sex_letters_from_year') }}
            and not {{ in_code_list('903_sex', 'sex') }}
        )
        or (
            collection_year >= {{ var('ssda903_sex_letters_from_year') }}
            and not {{ in_code_list('sex', 'sex') }}
        )
    union all
    select
        '102' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from header
    where dob is null
    union all
    select
        '103' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from header
    where ethnic is null or not {{ in_code_list('ethnicity', 'ethnic') }}
    union all
    select
        '393' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from header
    where
        sex in (select female_sex_codes.sex from female_sex_codes)
        and mother is null
        and exists (
            select 1 from episodes
            where
                episodes.la_code = header.la_code
                and episodes.collection_year = header.collection_year
                and episodes.child = header.child
                and not coalesce(
                    {{ in_category('903_ls', 'episodes.ls', 'short_break') }},
                    false
                )
        )

    -- Episodes: codes
    union all
    select
        '143' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes
    where rne is null or not {{ in_code_list('903_rne', 'rne') }}
    union all
    select
        '144' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes
    where ls is null or not {{ in_code_list('903_ls', 'ls') }}
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
    where place is null or not {{ in_code_list('903_place', 'place') }}
    union all
    select
        '149' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes
    where rec is not null and not {{ in_code_list('903_rec', 'rec') }}
    union all
    select
        '178' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes
    where place_provider is not null and not {{ in_code_list('903_place_provider', 'place_provider') }}
    union all
    select
        '1009' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from episodes
    where reason_place_change is not null and not {{ in_code_list('903_reason_place_change', 'reason_place_change') }}

    -- Episodes: dates, ages and the sequence of episodes
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

    -- Reviews
    union all
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

    -- Missing, UASC, adoption
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

),

final as (

    select
        failures.la_code,
        failures.collection_year,
        failures.rule_code as rule_number,
        rules.severity,
        rules.table_name,
        failures.row_number,
        failures.child,
        rules.field,
        rules.message
    from failures
    inner join rules on failures.rule_code = rules.rule_number

)

select * from final
