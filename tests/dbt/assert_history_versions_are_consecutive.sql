{#- The versions of each record in the history (source history) the build reads are well formed: a version ends
    after it starts, the versions of a record do not overlap (each starts on or after the end of the one before),
    at most one is current (valid_to NULL) and it is the last, and every valid_from and valid_to is the date of an
    extract of the council (history.extracts). -#}
{%- set tables = ssd_history_table_names() %}

with

versions as (
    {% for t in tables %}
        select
            'ssd_{{ t }}' as table_name,
            la_code,
            record_key,
            valid_from,
            valid_to
        from {{ source('history', 'ssd_' ~ t) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

extracts as (

    select * from {{ source('history', 'extracts') }}

),

ordered as (

    select
        *,
        lead(valid_from) over (
            partition by table_name, la_code, record_key order by valid_from, valid_to nulls last
        ) as next_valid_from
    from versions

),

final as (

    select
        ordered.*,
        case
            when ordered.valid_to <= ordered.valid_from then 'ends before it starts'
            when ordered.next_valid_from is not null and ordered.valid_to is null
                then 'a current version is not the last'
            when ordered.next_valid_from < ordered.valid_to then 'overlaps the next version'
            when from_extract.la_code is null then 'valid_from is not an extract date'
            when ordered.valid_to is not null and to_extract.la_code is null then 'valid_to is not an extract date'
        end as problem
    from ordered
    left join extracts as from_extract
        on ordered.la_code = from_extract.la_code and ordered.valid_from = from_extract.extract_date
    left join extracts as to_extract
        on ordered.la_code = to_extract.la_code and ordered.valid_to = to_extract.extract_date

)

select * from final
where problem is not null
