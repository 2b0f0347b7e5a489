{#- The SSDA903 PrevPerm table of each collection year: each child of the year's Episodes who started to be
    looked after in the year (an episode whose RNE is of category start, dated 1 April to 31 March), once, with
    their previous permanence option (stg_ssd__cla_previous_permanence). A child with several records shows
    the most informative: an order (category previous: P1-P3) before not known (P4) before none (Z1), then
    the latest record. A child with no record is Z1 (no previous permanence option) when the council landed
    ssd_cla_previous_permanence (a file with a header and no rows included), and blank when it did not.
    LA_PERM (the DfE code of the council that arranged the order) and DATE_PERM (the 903's text form, zz for
    what is not known; zz/zz/zzzz when no date is recorded) are completed for an order only. -#}
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

previous_permanence as (

    select * from {{ ref('stg_ssd__cla_previous_permanence') }}

),

prev_perm_codes as (

    select
        code,
        category
    from {{ ref('code_lists') }}
    where code_list = '903_prev_perm'

),

start_codes as (

    select code from {{ ref('code_lists') }}
    where code_list = '903_rne' and category = 'start'

),

no_previous_code as (

    select min(code) as code from prev_perm_codes
    where category = 'none'

),

landed_tables as (

    select
        la_code,
        bool_or(table_name = 'ssd_cla_previous_permanence' and is_present) as has_previous_permanence
    from landed_columns
    group by la_code

),

starters as (

    select distinct
        episodes.la_code,
        episodes.collection_year,
        episodes.child
    from episodes
    inner join years
        on episodes.la_code = years.la_code and episodes.collection_year = years.collection_year
    inner join start_codes on episodes.rne = start_codes.code
    where episodes.decom between years.year_start and years.year_end

),

ranked_records as (

    select
        previous_permanence.la_code,
        previous_permanence.person_id,
        previous_permanence.previous_permanence_code,
        prev_perm_codes.category,
        previous_permanence.previous_permanence_la_dfe_code,
        previous_permanence.previous_permanence_order_date_903,
        row_number() over (
            partition by previous_permanence.la_code, previous_permanence.person_id
            order by
                case prev_perm_codes.category when 'previous' then 1 when 'unknown' then 2 else 3 end,
                previous_permanence.previous_permanence_id desc
        ) as record_rank
    from previous_permanence
    inner join prev_perm_codes on previous_permanence.previous_permanence_code = prev_perm_codes.code

),

return_rows as (

    select
        starters.la_code,
        starters.collection_year,
        starters.child,
        header.dob,
        case
            when ranked_records.previous_permanence_code is not null then ranked_records.previous_permanence_code
            when landed_tables.has_previous_permanence then no_previous_code.code
        end as prev_perm,
        case
            when ranked_records.category = 'previous' then ranked_records.previous_permanence_la_dfe_code
        end as la_perm,
        case
            when ranked_records.category = 'previous'
                then coalesce(ranked_records.previous_permanence_order_date_903, 'zz/zz/zzzz')
        end as date_perm
    from starters
    cross join no_previous_code
    inner join header
        on
            starters.la_code = header.la_code
            and starters.collection_year = header.collection_year
            and starters.child = header.child
    left join landed_tables on starters.la_code = landed_tables.la_code
    left join ranked_records
        on
            starters.la_code = ranked_records.la_code
            and starters.child = ranked_records.person_id
            and ranked_records.record_rank = 1

),

final as (

    select
        *,
        row_number() over (partition by la_code, collection_year order by child) as row_number
    from return_rows

)

select * from final
