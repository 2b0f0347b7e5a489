"""Loading one landed file into `raw.<table>`, as text, in one statement.

Every value is loaded as text: NUL bytes removed, trimmed, blank strings and NULL literals (`NULL`, `null`, `\\N`)
become NULL (`clean_text`; a typed Parquet column, a number or a date, is only cast to text: cleaning would not
change it). Columns renamed by an older SSD release take the contract name; personal identifiers and columns the
contract does not know are never loaded; JSON values keep only their flag keys (`json_kept`, run once per distinct
value). `_row_id` is the row's number in its file, 1-based (Parquet's file_row_number + 1; a CSV's row number),
since quarantine reports it.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from csc.contract import Table
from csc.db import scalar
from csc.gate.issues import Issue, blocking, info
from csc.gate.landing import Extract
from csc.gate.sqlexpr import DEFAULT_JSON_KEYS, clean_text, json_kept, quote
from csc.intake.columns import NOT_IN_CONTRACT, PERSONAL, normalise, plan_columns
from csc.intake.csvfile import ExportShapeError, inspect_csv, shape_error


def _unreadable(table: str, rel: str, verb: str, exc: Exception) -> Issue:
    """A file DuckDB could not read or load: blocking, with the first line of DuckDB's message."""
    return blocking(table, rel, "file_readable", f"the file cannot be {verb}: {str(exc).splitlines()[0]}")


def _reader(path: Path) -> str:
    """SQL reading a Parquet file, or a CSV file as text under its normalised column names."""
    if path.suffix.lower() == ".parquet":
        p = str(path).replace("'", "''")
        return f"read_parquet('{p}')"
    return f"({inspect_csv(path).select_sql()})"


def _shape_message(path: Path, exc: ExportShapeError) -> str:
    text = str(exc)
    prefix = f"{path}: "
    return text[len(prefix) :] if text.startswith(prefix) else text


def load_file(
    con: duckdb.DuckDBPyConnection,
    ext: Extract,
    table: Table,
    path: Path,
    landing: Path,
    issues: list[Issue],
) -> tuple[int, set[str]] | None:
    """Load one landed file into raw.<table>; returns (rows, columns present) or None if it could
    not be read (a blocking issue is recorded)."""
    rel = str(path.relative_to(landing))
    if path.stat().st_size == 0:
        issues.append(
            blocking(
                table.name,
                rel,
                "file_not_empty",
                "the file is empty (0 bytes): re-export it with a header row",
            )
        )
        return None
    layout = None
    try:
        if path.suffix.lower() == ".parquet":
            source = _reader(path)
            types = {row[0]: row[1] for row in con.execute(f"describe select * from {source}").fetchall()}
            names = list(types)
            # the row's number in the file, 1-based, without a window over the whole file
            row_id = "file_row_number + 1"
            source = source[:-1] + ", file_row_number = true)"
        else:
            layout = inspect_csv(path, table)
            source, names = f"({layout.select_sql()})", list(layout.columns)
            types = dict.fromkeys(names, "VARCHAR")
            row_id = "row_number() over ()"
    except ExportShapeError as exc:
        issues.append(blocking(table.name, rel, "csv_shape", _shape_message(path, exc)))
        return None
    except duckdb.Error as exc:
        issues.append(_unreadable(table.name, rel, "read", exc))
        return None
    plan = plan_columns(table, names, ext.ssd_version)
    landed = {contract: source_name for source_name, contract in plan.read}
    renamed = sorted(f"{s} as {c}" for s, c in plan.read if normalise(s) != c)
    if renamed:
        issues.append(
            info(
                table.name,
                rel,
                "renamed_columns",
                f"column(s) of another SSD release read under the contract name: {', '.join(renamed)}",
            )
        )
    present = set(landed)
    missing = [c.name for c in table.columns if c.required and not c.derived_from and c.name not in present]
    if missing:
        issues.append(
            blocking(
                table.name,
                rel,
                "required_columns",
                f"required column(s) missing: {', '.join(missing)}",
                column=", ".join(missing),
            )
        )
        return None
    for c in table.columns:
        if c.derived_from and c.name not in present:
            issues.append(
                info(
                    table.name,
                    rel,
                    "derived_column",
                    f"column {c.name} is not in the file: staging derives it from {c.derived_from}",
                    column=c.name,
                )
            )
    for rule, reason, what in (
        ("unknown_columns", NOT_IN_CONTRACT, "column(s) not in the contract were ignored"),
        ("personal_identifiers", PERSONAL, "personal identifier column(s) not loaded"),
    ):
        cols = sorted(normalise(name) for name, why in plan.not_read if why == reason)
        if cols:
            issues.append(info(table.name, rel, rule, f"{len(cols)} {what}: {', '.join(cols)}", column=", ".join(cols)))
    rel_sql = rel.replace("'", "''")
    try:
        rows = scalar(con.execute(_insert_sql(table, ext, rel_sql, source, row_id, landed, types)))
    except duckdb.Error as exc:
        if layout is not None:
            issues.append(blocking(table.name, rel, "csv_shape", _shape_message(path, shape_error(layout, exc))))
        else:
            issues.append(_unreadable(table.name, rel, "loaded", exc))
        return None
    return rows, present


# Parquet types whose text (DuckDB's cast to VARCHAR) has no NUL, no padding and is never blank or a NULL
# literal: clean_text would return it unchanged, so it is not run.
TYPED = re.compile(r"^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|FLOAT|DOUBLE|DECIMAL\(.*\)|DATE|TIME|TIMESTAMP.*|BOOLEAN)$")


def _text(source_column: str, source_type: str) -> str:
    """A landed column as the text `raw` keeps (see clean_text)."""
    if TYPED.match(source_type):
        return f"cast({quote(source_column)} as varchar)"
    return clean_text(quote(source_column))


def _insert_sql(
    table: Table, ext: Extract, rel_sql: str, source: str, row_id: str, landed: dict[str, str], types: dict[str, str]
) -> str:
    """One statement loading a file: its columns as text under their contract names (in a CTE read once);
    each JSON column reduced to its kept keys once per distinct value (a JSON column repeats few values),
    joined back by value."""
    read = [f"{row_id} as _row_id"] + [
        f"{_text(landed[c], types[landed[c]])} as {quote(c)}" for c in table.column_names if c in landed
    ]
    ctes = [f"src as materialized (select {', '.join(read)} from {source})"]
    out, joins = [], []
    for c in table.column_names:
        col = table.column(c)
        if c not in landed:
            out.append(f"cast(null as varchar) as {quote(c)}")
        elif col.kind == "json":
            j = f"__json{len(joins)}"
            kept = json_kept("v", col.json_keys or DEFAULT_JSON_KEYS)
            ctes.append(f"{j} as (select v, {kept} as kept from (select distinct {quote(c)} as v from src))")
            joins.append(f"left join {j} on {j}.v = src.{quote(c)}")
            out.append(f"{j}.kept as {quote(c)}")
        else:
            out.append(f"src.{quote(c)}")
    return f"""
        insert into raw.{table.name} by name
        with {", ".join(ctes)}
        select '{ext.la_code}' as la_code, date '{ext.extract_date}' as extract_date, src._row_id,
               '{rel_sql}' as _source_file, {", ".join(out)}
        from src {" ".join(joins)}"""
