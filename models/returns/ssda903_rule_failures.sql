{#- The audit table of the SSDA903 validation rules (docs/returns.md section 4): one row per rule, council,
    collection year and return row that breaks it, with the table, the row's number in the file
    `csc returns 903` writes, the child and the field, and the rule's severity and message from
    seeds/ssda903_rules.csv. Each rule is a select below named by its DfE number; the tests in
    _returns__models.yml fail the build on an error rule's failures (a query rule only warns). -#}
with

rules as (

    select * from {{ ref('ssda903_rules') }}

),

code_lists as (

    select * from {{ ref('code_lists') }}

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
        lag(episodes.dec) over child_episodes as previous_dec,
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
    window child_episodes as (partition by episodes.la_code, episodes.collection_year, episodes.child order by episodes.decom)

),

failures as (

    -- Header
    select '101' as rule, la_code, collection_year, row_number, child from header
    where
        sex is null
        or (
            collection_year < {{ var('ssda903_sex_letters_from_year') }}
            and sex not in (select code from code_lists where code_list = '903_sex')
        )
        or (
            collection_year >= {{ var('ssda903_sex_letters_from_year') }}
            and sex not in (select code from code_lists where code_list = 'sex')
        )
    union all
    select '102', la_code, collection_year, row_number, child from header where dob is null
    union all
    select '103', la_code, collection_year, row_number, child from header
    where ethnic is null or ethnic not in (select code from code_lists where code_list = 'ethnicity')
    union all
    select '393', la_code, collection_year, row_number, child from header
    where
        sex in (
            select code from code_lists where code_list = '903_sex' and category = 'F'
            union all
            select category from code_lists where code_list = '903_sex' and category = 'F'
        )
        and mother is null
        and exists (
            select 1 from episodes
            where
                episodes.la_code = header.la_code
                and episodes.collection_year = header.collection_year
                and episodes.child = header.child
                and not coalesce(
                    episodes.ls in (select code from code_lists where code_list = '903_ls' and category = 'short_break'),
                    false
                )
        )

    -- Episodes: codes
    union all
    select '143', la_code, collection_year, row_number, child from episodes
    where rne is null or rne not in (select code from code_lists where code_list = '903_rne')
    union all
    select '144', la_code, collection_year, row_number, child from episodes
    where ls is null or ls not in (select code from code_lists where code_list = '903_ls')
    union all
    select '145', la_code, collection_year, row_number, child from episodes
    where
        cin is null
        or cin not in (select code from code_lists where code_list = 'primary_need' and category = 'in_need')
    union all
    select '146', la_code, collection_year, row_number, child from episodes
    where place is null or place not in (select code from code_lists where code_list = '903_place')
    union all
    select '149', la_code, collection_year, row_number, child from episodes
    where rec not in (select code from code_lists where code_list = '903_rec')
    union all
    select '178', la_code, collection_year, row_number, child from episodes
    where place_provider not in (select code from code_lists where code_list = '903_place_provider')
    union all
    select '1009', la_code, collection_year, row_number, child from episodes
    where reason_place_change not in (select code from code_lists where code_list = '903_reason_place_change')

    -- Episodes: dates, ages and the sequence of episodes
    union all
    select '352', la_code, collection_year, row_number, child from episodes_in_order
    where
        rne in (select code from code_lists where code_list = '903_rne' and category = 'start')
        and cast(dob + interval 18 year as date) <= decom
    union all
    select '356', la_code, collection_year, row_number, child from episodes_in_order where dec < decom
    union all
    select '357', la_code, collection_year, row_number, child from episodes_in_order
    where
        child_episode_number = 1
        and decom >= year_start
        and rne not in (select code from code_lists where code_list = '903_rne' and category = 'start')
    union all
    select '386', la_code, collection_year, row_number, child from episodes_in_order
    where
        rec in (select code from code_lists where code_list = '903_rec' and category = 'adopted')
        and cast(dob + interval 18 year as date) <= dec
    union all
    select '434', la_code, collection_year, row_number, child from episodes_in_order
    where
        child_episode_number > 1
        and rne in (select code from code_lists where code_list = '903_rne' and category = 'legal')
        and (
            ls = previous_ls
            or coalesce(place, '') != coalesce(previous_place, '')
            or coalesce(urn, '') != coalesce(previous_urn, '')
            or coalesce(place_provider, '') != coalesce(previous_place_provider, '')
        )
    union all
    select '501', la_code, collection_year, row_number, child from episodes_in_order
    where decom < previous_dec
    union all
    select '504', la_code, collection_year, row_number, child from episodes_in_order
    where
        previous_rec in (select code from code_lists where code_list = '903_rec' and category = 'continuation')
        and previous_dec = decom
        and cin is distinct from previous_cin

    -- Reviews
    union all
    select '166', la_code, collection_year, row_number, child from reviews where review is null
    union all
    select '167', la_code, collection_year, row_number, child from reviews
    where review_code is null or review_code not in (select code from code_lists where code_list = '903_review_code')
    union all
    select '440', la_code, collection_year, row_number, child from reviews
    where
        review_code in (select code from code_lists where code_list = '903_review_code' and category = 'under_4')
        and review > cast(dob + interval 4 year as date)
    union all
    select '441', la_code, collection_year, row_number, child from reviews
    where
        review_code in (select code from code_lists where code_list = '903_review_code' and category = 'aged_4_plus')
        and review < cast(dob + interval 4 year as date)

    -- Missing, UASC, adoption
    union all
    select '1004', la_code, collection_year, row_number, child from missing where mis_start is null
    union all
    select '1006', la_code, collection_year, row_number, child from missing
    where missing not in (select code from code_lists where code_list = 'missing_type')
    union all
    select '304', la_code, collection_year, row_number, child from uasc
    where duc > cast(dob + interval 18 year as date)
    union all
    select '333', la_code, collection_year, row_number, child from ad1
    where date_match is not null and (date_int is null or date_int > date_match)
    union all
    select '175', la_code, collection_year, row_number, child from ad1 where nb_adoptr not in ('1', '2')
    union all
    select '176', la_code, collection_year, row_number, child from ad1
    where sex_adoptr not in (select code from code_lists where code_list = '903_sex_adoptr')
    union all
    select '177', la_code, collection_year, row_number, child from ad1
    where ls_adoptr not in (select code from code_lists where code_list = '903_ls_adoptr')
    union all
    select '511', la_code, collection_year, row_number, child from ad1
    where
        nb_adoptr = '2'
        and sex_adoptr in (select code from code_lists where code_list = '903_sex_adoptr' and category = 'single')
    union all
    select '514', la_code, collection_year, row_number, child from ad1
    where
        ls_adoptr in (select code from code_lists where code_list = '903_ls_adoptr' and category = 'single')
        and sex_adoptr not in (select code from code_lists where code_list = '903_sex_adoptr' and category = 'single')
    union all
    select '119', la_code, collection_year, row_number, child from placed_adoption
    where (date_placed_ceased is null) != (reason_placed_ceased is null)

),

final as (

    select
        failures.la_code,
        failures.collection_year,
        failures.rule,
        rules.severity,
        rules.table_name,
        failures.row_number,
        failures.child,
        rules.field,
        rules.message
    from failures
    inner join rules on failures.rule = rules.rule

)

select * from final
