-- What the landing gate set aside, per council, table and rule (run with `dbt compile` and paste,
-- or query raw.quarantine directly). Rejected rows are not in staging; blanked values are null there.
select
    la_code,
    table_name,
    column_name,
    rule,
    action,
    count(*) as n_rows,
    min(reason) as reason
from {{ source('landing', 'quarantine') }}
group by all
order by la_code asc, n_rows desc
