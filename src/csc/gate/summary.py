"""After the checks: the gate's findings per council (quarantine turned into issues, the quarantine threshold),
the blanking of values the gate could not accept, and the per-file and per-column records of `raw`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from csc.contract import Table, load_tables
from csc.gate.issues import blocking, warning
from csc.gate.sqlexpr import quote

if TYPE_CHECKING:
    from csc.gate.run import GateResult


def summarise_extract(
    con,
    ext,
    landed_rows: dict[str, int],
    landing: Path,
    limits: tuple[float, int],
    result: GateResult,
    tables: dict[str, Table],
) -> None:
    """Turn quarantine rows into issues (one per table, column and rule) and apply the threshold:
    a file blocks when more than pct % of its rows and at least min_rows rows would be rejected
    (`tables`: the contract the gate runs with, whose tables may set their own threshold)."""
    rows = con.execute(
        """
        select table_name, column_name, rule, action, any_value(reason), count(*),
               list(coalesce(record_key, 'row ' || _row_id) order by _row_id)[1:5],
               any_value(source_file)
        from raw.quarantine where la_code = ? group by all order by 1, 2, 3""",
        [ext.la_code],
    ).fetchall()
    verbs = {
        "rejected": "rows rejected into quarantine",
        "blanked": "values blanked (rows kept)",
        "kept": "rows kept and reported as a query",
    }
    for table, column, rule, action, reason, n, examples, source in rows:
        if rule == "code_list":
            # the values themselves (codes and descriptions, never child-level) so that the council
            # can add them to seeds/value_mappings.csv; they also reach the report's data-quality page
            examples = unmapped_values(con, ext.la_code, table, column)
            reason += f"; unmapped values: {', '.join(examples)} (add each to seeds/value_mappings.csv to map it)"
        result.issues.append(
            warning(
                table,
                source,
                rule,
                f"{reason}: {verbs[action]}",
                column=column,
                rows=n,
                examples=[str(e) for e in examples],
            )
        )
    rejected = dict(
        con.execute(
            """
        select table_name, count(distinct _row_id) from raw.quarantine
        where la_code = ? and action = 'rejected' group by 1""",
            [ext.la_code],
        ).fetchall()
    )
    for table, landed in landed_rows.items():
        bad = rejected.get(table, 0)
        own = tables[table].threshold
        max_pct = own.pct if own.pct is not None else limits[0]
        min_rows = own.min_rows if own.min_rows is not None else limits[1]
        if landed and 100.0 * bad / landed > max_pct and bad >= min_rows:
            result.issues.append(
                blocking(
                    table,
                    str(ext.files[table].relative_to(landing)),
                    "quarantine_threshold",
                    f"{100.0 * bad / landed:.1f}% of {landed:,} rows would be quarantined (limit {max_pct}% "
                    f"and at least {min_rows} rows): fix the extract, or raise --max-quarantine-pct / "
                    "--min-quarantine-rows if this is expected",
                    rows=bad,
                )
            )
    result.councils.append(
        {
            "la_code": ext.la_code,
            "la_name": ext.manifest["la_name"],
            "extract_date": ext.extract_date.isoformat(),
            "period_start": ext.period_start.isoformat(),
            "folder": ext.rel,
        }
    )


def unmapped_values(con, la_code: str, table: str, column: str) -> list[str]:
    """The values that did not map, most frequent first, with their row counts."""
    return [
        f"{value!r} x {n:,}"
        for value, n in con.execute(
            """select bad_value, count(*) from raw.quarantine
               where la_code = ? and table_name = ? and column_name = ? and rule = 'code_list'
               group by 1 order by 2 desc, 1 limit 10""",
            [la_code, table, column],
        ).fetchall()
    ]


def apply_blanking(con) -> None:
    """Blank values the gate could not accept in columns where that keeps the row usable: one update per table
    (each blanked column set to null in the rows quarantined for it)."""
    blanked: dict[str, list[str]] = {}
    for table, column in con.execute("""
            select distinct table_name, column_name from raw.quarantine where action = 'blanked' order by all
            """).fetchall():
        blanked.setdefault(table, []).append(column)
    for table, columns in blanked.items():
        flags = ", ".join(f"bool_or(column_name = '{c}') as {quote('__' + c)}" for c in columns)
        sets = ", ".join(f"{quote(c)} = case when b.{quote('__' + c)} then null else r.{quote(c)} end" for c in columns)
        con.execute(f"""
            update raw.{table} as r set {sets}
            from (select la_code, _row_id, {flags} from raw.quarantine
                  where table_name = '{table}' and action = 'blanked' group by all) as b
            where b.la_code = r.la_code and b._row_id = r._row_id""")


def count_values(con) -> None:
    """raw.landed_columns.n_values: the values each column holds after the gate (loaded rows, blanked
    values removed), so that a column landed empty in every row (a script's placeholder) counts as
    not landed for the indicators that need it. One grouped query per table over every council."""
    for t in load_tables().values():
        counts = ", ".join(f"count({quote(c)}) as {quote(c)}" for c in t.column_names)
        con.execute(f"""
            update raw.landed_columns as lc set n_values = v.n_values
            from (
                unpivot (select la_code, {counts} from raw.{t.name} group by la_code)
                on columns(* exclude (la_code)) into name column_name value n_values
            ) as v
            where lc.table_name = '{t.name}' and lc.la_code = v.la_code and lc.column_name = v.column_name""")
        con.execute(f"update raw.landed_columns set n_values = 0 where table_name = '{t.name}' and n_values is null")


def record_files(con, result: GateResult) -> None:
    """raw.landed_files: rows landed, quarantined and loaded per council and table (one query)."""
    names = list(load_tables())
    landed = " union all ".join(
        f"select '{n}' as table_name, la_code, count(*) as n, any_value(_source_file) as source "
        f"from raw.{n} group by la_code"
        for n in names
    )
    con.execute(
        f"""
        insert into raw.landed_files
        with landed as ({landed}),
        tables as (select unnest($1) as table_name, generate_subscripts($1, 1) as ord),
        bad as (select la_code, table_name, count(distinct _row_id) as n from raw.quarantine
                where action = 'rejected' group by all)
        select m.la_code, m.extract_date, t.table_name, l.source,
               regexp_extract(l.source, '\\.(\\w+)$', 1), l.source is not null,
               coalesce(l.n, 0), coalesce(b.n, 0), coalesce(l.n, 0) - coalesce(b.n, 0)
        from raw.manifests m
        cross join tables t
        left join landed l on l.la_code = m.la_code and l.table_name = t.table_name
        left join bad b on b.la_code = m.la_code and b.table_name = t.table_name
        order by m.la_code, t.ord""",
        [names],
    )
    for row in con.execute(
        """select la_code, table_name, source_file, file_format, rows_landed, rows_quarantined, rows_loaded
           from raw.landed_files"""
    ).fetchall():
        keys = ("la_code", "table", "file", "format", "rows_landed", "rows_quarantined", "rows_loaded")
        result.files.append(dict(zip(keys, row, strict=True)))
