{#- A looked-after child's permanence order before care (903 PrevPerm). The option is mapped to the
    903_prev_perm code list (P1 adoption, P2 SGO, P3 RO / CAO, P4 unknown, Z1 none; SystemC writes the form's
    description, which maps through seeds/value_mappings.csv); an option written but not mapped is P4 (not
    known), an option not written is NULL. The order date is kept as the 903 writes it (dd/mm/yyyy, zz for an
    unknown day or month, zzzz for an unknown year: zz/05/2020, zz/zz/2021, zz/zz/zzzz); an ISO date is
    rewritten that way, anything else (an impossible date, a known day in an unknown month) is NULL.
    The council that arranged it is written as a name or a code: it is resolved through the councils seed
    (DfE code, ONS code or name) to the DfE 3-digit code (903 LA_PERM), else NULL. -#}
with

source as (

    select * from {{ source('ssd', 'ssd_cla_previous_permanence') }}

),

landed as (

    select * from source
    where {{ not_quarantined('ssd_cla_previous_permanence') }}

),

councils as (

    select * from {{ ref('councils') }}

),

renamed as (

    select
        landed.la_code,
        landed.extract_date,
        landed.lapp_table_id as previous_permanence_id,
        landed.lapp_person_id as person_id,
        {{ map_code('903_prev_perm', 'landed.lapp_previous_permanence_option') }} as mapped_option_code,
        landed.lapp_previous_permanence_option as previous_permanence_option_as_landed,
        nullif(trim(landed.lapp_previous_permanence_la), '') as previous_permanence_la_as_landed,
        lower(trim(landed.lapp_previous_permanence_order_date)) as order_date_text
    from landed

),

date_parts as (

    select
        *,
        {{ parse_date('order_date_text') }} as parsed_order_date,
        regexp_full_match(order_date_text, '(\d{1,2}|zz)/(\d{1,2}|zz)/(\d{4}|zzzz)') as is_903_form,
        lpad(split_part(order_date_text, '/', 1), 2, '0') as day_part,
        lpad(split_part(order_date_text, '/', 2), 2, '0') as month_part,
        split_part(order_date_text, '/', 3) as year_part
    from renamed

),

la_codes as (

    select
        date_parts.previous_permanence_id,
        date_parts.la_code,
        min(councils.dfe_code) as previous_permanence_la_dfe_code
    from date_parts
    inner join councils
        on
            upper(date_parts.previous_permanence_la_as_landed) = upper(councils.dfe_code)
            or upper(date_parts.previous_permanence_la_as_landed) = upper(councils.la_code)
            or {{ normalise_value('date_parts.previous_permanence_la_as_landed') }}
            = {{ normalise_value('councils.la_name') }}
    where councils.dfe_code is not null
    group by date_parts.previous_permanence_id, date_parts.la_code

),

final as (

    select
        date_parts.la_code,
        date_parts.extract_date,
        date_parts.previous_permanence_id,
        date_parts.person_id,
        case
            when date_parts.mapped_option_code is not null then date_parts.mapped_option_code
            when nullif(trim(date_parts.previous_permanence_option_as_landed), '') is not null then 'P4'
        end as previous_permanence_code,
        date_parts.previous_permanence_option_as_landed,
        date_parts.parsed_order_date as previous_permanence_order_date,
        case
            when date_parts.parsed_order_date is not null then strftime(date_parts.parsed_order_date, '%d/%m/%Y')
            when not coalesce(date_parts.is_903_form, false) then null
            when date_parts.day_part = 'zz' and date_parts.month_part = 'zz'
                then 'zz/zz/' || date_parts.year_part
            when
                date_parts.day_part = 'zz' and date_parts.year_part != 'zzzz'
                and date_parts.month_part between '01' and '12'
                then 'zz/' || date_parts.month_part || '/' || date_parts.year_part
        end as previous_permanence_order_date_903,
        la_codes.previous_permanence_la_dfe_code,
        date_parts.previous_permanence_la_as_landed
    from date_parts
    left join la_codes
        on
            date_parts.la_code = la_codes.la_code
            and date_parts.previous_permanence_id = la_codes.previous_permanence_id

)

select * from final
