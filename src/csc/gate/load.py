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
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from csc.contract import Table
from csc.db import scalar
from csc.gate.issues import Issue, blocking, info
from csc.gate.landing import Extract
from csc.gate.sqlexpr import DEFAULT_JSON_KEYS, clean_text, json_kept, quote
from csc.intake.columns import NOT_IN_CONTRACT, PERSONAL, normalise, plan_columns
from csc.intake.csvfile import CsvLayout, ExportShapeError, inspect_csv, shape_error


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


# Parquet files of a table loaded by one statement: at most this many bytes of files (bounds the memory of the
# statement's materialised rows).
BATCH_BYTES = 256 * 1024 * 1024


@dataclass
class FilePlan:
    """A landed file ready to load: how to read it, which source column is which contract column (and its type),
    and the file's own findings (`issues`, in the order the gate reports them)."""

    ext: Extract
    table: Table
    path: Path
    rel: str
    landed: dict[str, str]  # contract column -> source column
    types: dict[str, str]  # source column -> DuckDB type
    layout: CsvLayout | None  # a CSV file's layout; None for Parquet
    issues: list[Issue] = field(default_factory=list)
    rows: int | None = None  # rows loaded; None until loaded (or when it could not be)

    @property
    def signature(self) -> tuple:
        """Files with the same signature load in one statement (same table, same columns and types)."""
        return (self.table.name, tuple(sorted((c, s, self.types[s]) for c, s in self.landed.items())))


def plan_file(
    con: duckdb.DuckDBPyConnection, ext: Extract, table: Table, path: Path, landing: Path, issues: list[Issue]
) -> FilePlan | None:
    """Read a landed file's header (Parquet schema or CSV layout) and plan its columns; records the file's
    findings in `issues` and returns None when it cannot be loaded (a blocking issue is recorded)."""
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
            types = {row[0]: row[1] for row in con.execute(f"describe select * from {_reader(path)}").fetchall()}
            names = list(types)
        else:
            layout = inspect_csv(path, table)
            names = list(layout.columns)
            types = dict.fromkeys(names, "VARCHAR")
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
    return FilePlan(ext, table, path, rel, landed, types, layout, issues)


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
    plan = plan_file(con, ext, table, path, landing, issues)
    if plan is None or _insert_one(con, plan) is None:
        return None
    return plan.rows or 0, set(plan.landed)


def load_files(con: duckdb.DuckDBPyConnection, plans: list[FilePlan]) -> None:
    """Load planned files: Parquet files of the same table and columns in one statement per batch (per-file
    statements cost more than the rows), CSV files one by one. Sets each plan's rows; a file that cannot be
    loaded gets a blocking issue (a failed batch is retried file by file, to name the file)."""
    groups: dict[tuple, list[FilePlan]] = {}
    for plan in plans:
        if plan.layout is None:
            groups.setdefault(plan.signature, []).append(plan)
        else:
            _insert_one(con, plan)
    for group in groups.values():
        batch: list[FilePlan] = []
        size = 0
        pending: list[FilePlan | None] = [*group, None]
        for next_plan in pending:
            if next_plan is not None and (not batch or size + next_plan.path.stat().st_size <= BATCH_BYTES):
                batch.append(next_plan)
                size += next_plan.path.stat().st_size
                continue
            _insert_batch(con, batch)
            batch, size = ([next_plan], next_plan.path.stat().st_size) if next_plan is not None else ([], 0)


def _insert_one(con: duckdb.DuckDBPyConnection, plan: FilePlan) -> int | None:
    if plan.layout is None:
        return _insert_batch(con, [plan])
    source = (
        f"(select '{plan.ext.la_code}' as __la, date '{plan.ext.extract_date}' as __date, {_sql(plan.rel)} as __file, "
    )
    source += f"row_number() over () as __row, * from ({plan.layout.select_sql()}))"
    try:
        plan.rows = scalar(con.execute(_insert_sql(plan, source)))
    except duckdb.Error as exc:
        message = _shape_message(plan.path, shape_error(plan.layout, exc))
        plan.issues.append(blocking(plan.table.name, plan.rel, "csv_shape", message))
    return plan.rows


def _insert_batch(con: duckdb.DuckDBPyConnection, plans: list[FilePlan]) -> int | None:
    """Parquet files of one signature in one statement; each row's council, extract date and file from a small
    table of the files (joined on DuckDB's filename column), its row id from file_row_number."""
    files = [str(p.path) for p in plans]
    con.execute(
        "create or replace temp table __load_files as select unnest($1) as __path, unnest($2) as __la, "
        "unnest($3) as __date, unnest($4) as __file",
        [files, [p.ext.la_code for p in plans], [p.ext.extract_date for p in plans], [p.rel for p in plans]],
    )
    source = (
        f"(select m.__la, m.__date, m.__file, r.file_row_number + 1 as __row, r.* "
        f"from read_parquet([{', '.join(_sql(f) for f in files)}], filename = '__path', file_row_number = true) r "
        "join __load_files m using (__path))"
    )
    try:
        con.execute(_insert_sql(plans[0], source))
    except duckdb.Error as exc:
        if len(plans) > 1:  # retry one by one, to name the file that fails
            for plan in plans:
                _insert_batch(con, [plan])
            return None
        plans[0].issues.append(_unreadable(plans[0].table.name, plans[0].rel, "loaded", exc))
        return None
    counts = dict(con.execute("select file_name, num_rows from parquet_file_metadata($1)", [files]).fetchall())
    for plan, f in zip(plans, files, strict=True):
        plan.rows = int(counts.get(f, 0))
    return plans[0].rows


def _sql(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# Parquet types whose text (DuckDB's cast to VARCHAR) has no NUL, no padding and is never blank or a NULL
# literal: clean_text would return it unchanged, so it is not run.
TYPED = re.compile(r"^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|FLOAT|DOUBLE|DECIMAL\(.*\)|DATE|TIME|TIMESTAMP.*|BOOLEAN)$")


def _text(source_column: str, source_type: str) -> str:
    """A landed column as the text `raw` keeps (see clean_text)."""
    if TYPED.match(source_type):
        return f"cast({quote(source_column)} as varchar)"
    return clean_text(quote(source_column))


def _insert_sql(plan: FilePlan, source: str) -> str:
    """One statement loading files of one signature (`source`: their rows with __la, __date, __file and __row):
    the columns as text under their contract names; each JSON column reduced to its kept
    keys once per distinct value (a JSON column repeats few values), joined back by value."""
    table, landed, types = plan.table, plan.landed, plan.types
    read = ["__la as la_code", "__date as extract_date", "__file as _source_file", "__row as _row_id"] + [
        f"{_text(landed[c], types[landed[c]])} as {quote(c)}" for c in table.column_names if c in landed
    ]
    # materialised (read once) only for a JSON column's distinct values; else inlined, which writes faster
    has_json = any(c.kind == "json" and c.name in landed for c in table.columns)
    ctes = [f"src as {'' if has_json else 'not '}materialized (select {', '.join(read)} from {source})"]
    out: list[str] = []
    joins: list[str] = []
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
        select src.la_code, src.extract_date, src._row_id, src._source_file, {", ".join(out)}
        from src {" ".join(joins)}"""
