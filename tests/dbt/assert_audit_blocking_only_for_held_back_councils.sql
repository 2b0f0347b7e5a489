{#- A published warehouse holds a blocking gate finding, or a blocked verdict, only for a council whose newest
    extract was held back (audit.council_extracts status held_back or new_council_blocked): every council whose
    figures are current passed the gate. Returns the offending rows. -#}
with

council_extracts as (

    select * from {{ source('audit', 'council_extracts') }}

),

findings as (

    select * from {{ source('audit', 'landing_gate_issues') }}

),

verdicts as (

    select * from {{ source('audit', 'landing_gate') }}

),

held_back as (

    select la_code from council_extracts
    where status in ('held_back', 'new_council_blocked')

),

final as (

    select
        'landing_gate_issues' as audit_table,
        la_code,
        rule as what
    from findings
    where severity = 'blocking' and la_code not in (select held_back.la_code from held_back)

    union all

    select
        'landing_gate' as audit_table,
        la_code,
        status as what
    from verdicts
    where status = 'blocked' and la_code not in (select held_back.la_code from held_back)

)

select * from final
