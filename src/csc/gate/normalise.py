"""Set-based passes over `raw` right after loading, before any check: what real exports write for
"no value" becomes NULL, and keys a script fills from another id space are resolved.

- `1900-01-01` in a date column is a placeholder (SystemC writes it for a missing pathway-plan
  review date and foster-carer date): the value is blanked and each one is recorded in
  `raw.quarantine` (rule placeholder_date, action blanked), so the report counts them.
- A JSON value that is not valid JSON (SystemC's legacy string-built JSON with unescaped comments,
  Mosaic's plain-text ICPC outcome) is blanked and recorded, without its text.
- A column with `legacy_key` (SystemC fills perm_person_id with the person's legacy id) is
  resolved to pers_person_id through the legacy id of the landed ssd_person file, read for that
  join only and never loaded.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from csc.contract import load_tables
from csc.db import scalar
from csc.gate.issues import Issue, info
from csc.gate.sqlexpr import INVALID_JSON, PLACEHOLDER_DATE, clean_text, parse_date, quote


def _record_and_blank(
    con: duckdb.DuckDBPyConnection, table: str, column: str, where: str, rule: str, reason: str, keep_value: bool
) -> None:
    t = load_tables()[table]
    key = f"cast({quote(t.primary_key)} as varchar)"
    value = quote(column) if keep_value else "cast(null as varchar)"
    n = scalar(
        con.execute(
            f"""insert into raw.quarantine
            select la_code, extract_date, '{table}', _source_file, _row_id, {key}, '{column}', '{rule}',
                   {value}, 'blanked', '{reason}'
            from raw.{table} where {where}"""
        )
    )
    if n:
        con.execute(f"update raw.{table} set {quote(column)} = null where {where}")


def blank_placeholders(con: duckdb.DuckDBPyConnection) -> None:
    """Placeholder dates and invalid JSON, in every table, over every council at once."""
    for t in load_tables().values():
        for c in t.columns:
            q = quote(c.name)
            if c.kind == "date":
                _record_and_blank(
                    con,
                    t.name,
                    c.name,
                    # the text of a placeholder holds its year: a cheap test first, the parse on those rows only
                    f"{q} like '%{PLACEHOLDER_DATE[:4]}%' and {parse_date(q)} = date '{PLACEHOLDER_DATE}'",
                    "placeholder_date",
                    f"{PLACEHOLDER_DATE} is a placeholder for no date: read as no date",
                    keep_value=True,
                )
            elif c.kind == "json":
                _record_and_blank(
                    con,
                    t.name,
                    c.name,
                    f"{q} = '{INVALID_JSON}'",
                    "json_parses",
                    "not valid JSON: blanked, and its text was not loaded",
                    keep_value=False,
                )


def resolve_legacy_keys(con: duckdb.DuckDBPyConnection, extracts, landing: Path, issues: list[Issue]) -> None:
    """Person ids written as the person's legacy id, resolved through ssd_person's legacy id."""
    from csc.gate.load import _reader

    for t in load_tables().values():
        for c in t.columns:
            if not c.legacy_key:
                continue
            for ext in extracts:
                person = ext.files.get("ssd_person")
                if person is None or t.name not in ext.files:
                    continue
                cols = {
                    r[0].replace("\ufeff", "").strip().lower(): r[0]
                    for r in con.execute(f"describe select * from {_reader(person)}").fetchall()
                }
                if c.legacy_key not in cols or "pers_person_id" not in cols:
                    continue
                n = scalar(
                    con.execute(
                        f"""with legacy as (
                            select {clean_text(quote(cols[c.legacy_key]))} as legacy_id,
                                   {clean_text(quote(cols["pers_person_id"]))} as person_id
                            from {_reader(person)}),
                        unresolved as (
                            select r._row_id, l.person_id from raw.{t.name} r
                            join legacy l on l.legacy_id = r.{quote(c.name)}
                            where r.la_code = $1 and not exists (
                                select 1 from raw.ssd_person p
                                where p.la_code = r.la_code and p.pers_person_id = r.{quote(c.name)}))
                        update raw.{t.name} r set {quote(c.name)} = u.person_id
                        from unresolved u where r.la_code = $1 and r._row_id = u._row_id""",
                        [ext.la_code],
                    )
                )
                if n:
                    issues.append(
                        info(
                            t.name,
                            str(ext.files[t.name].relative_to(landing)),
                            "legacy_key",
                            f"{n:,} {c.name} value(s) were the person's legacy id ({c.legacy_key}) and were resolved "
                            "to pers_person_id (the legacy id itself is not loaded)",
                            column=c.name,
                            rows=n,
                        )
                    )
