{#- SSDA903 validation rules (docs/returns.md section 4), part of returns.ssda903_rule_failures: The Header's rules,
    and the Header against the year before's (202, 203, 204).
    One row per rule, council, collection year and failing return row (rule_code, la_code, collection_year,
    row_number, child); a rule is checked when it is in seeds/ssda903_rules.csv, and the codes it names are in
    seeds/ssda903_rule_codes.csv or are a category of seeds/code_lists.csv, never in SQL. -#}
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

years as (

    select * from {{ ref('int_ssda903__collection_years') }}
),

header_in_year as (

    select
        header.*,
        years.year_start,
        years.year_end
    from header
    inner join years on header.la_code = years.la_code and header.collection_year = years.collection_year
),

-- the year before each year's return, when the council's extract covers it (the year-on-year rules)
previous_header as (

    select
        header.*,
        header.collection_year + 1 as next_collection_year
    from header
),

sex_categories as (

    -- a child's sex as the category of its code (903_sex 1 / 2 up to 2023/24, the letters M / F / U from 2024/25)
    select
        code,
        category
    from {{ ref('code_lists') }}
    where code_list = '903_sex'
    union all
    select
        code,
        code as category
    from {{ ref('code_lists') }}
    where code_list = 'sex'
),

failures as (

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
    union all
    select
        '399' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from header
    where
        mother is not null
        and not exists (
            select 1 from episodes
            where
                episodes.la_code = header.la_code
                and episodes.collection_year = header.collection_year
                and episodes.child = header.child
                and not coalesce(episodes.ls in {{ rule_codes('399', '903_ls') }}, false)
        )
    union all
    select
        '301' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from header_in_year
    where dob > year_end
    union all
    select
        '351' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from header_in_year
    where year_start > cast(dob + interval 21 year as date)
    union all
    select
        '620' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from header_in_year
    where mother in {{ rule_codes('620', '903_mother') }} and cast(dob + interval 11 year as date) > year_start
    union all
    select
        '612' as rule_code,
        la_code,
        collection_year,
        row_number,
        child
    from header
    where mc_dob is not null and coalesce(mother not in {{ rule_codes('612', '903_mother') }}, true)
    union all
    select
        '202' as rule_code,
        header.la_code,
        header.collection_year,
        header.row_number,
        header.child
    from header
    inner join previous_header
        on
            header.la_code = previous_header.la_code
            and header.collection_year = previous_header.next_collection_year
            and header.child = previous_header.child
    left join sex_categories as this_sex on header.sex = this_sex.code
    left join sex_categories as previous_sex on previous_header.sex = previous_sex.code
    where coalesce(this_sex.category, header.sex) is distinct from coalesce(previous_sex.category, previous_header.sex)
    union all
    select
        '203' as rule_code,
        header.la_code,
        header.collection_year,
        header.row_number,
        header.child
    from header
    inner join previous_header
        on
            header.la_code = previous_header.la_code
            and header.collection_year = previous_header.next_collection_year
            and header.child = previous_header.child
    where header.dob is distinct from previous_header.dob
    union all
    select
        '204' as rule_code,
        header.la_code,
        header.collection_year,
        header.row_number,
        header.child
    from header
    inner join previous_header
        on
            header.la_code = previous_header.la_code
            and header.collection_year = previous_header.next_collection_year
            and header.child = previous_header.child
    where upper(header.ethnic) is distinct from upper(previous_header.ethnic)

),

final as (

    select failures.*
    from failures
    where failures.rule_code in (select rules.rule_number from rules)

)

select * from final
