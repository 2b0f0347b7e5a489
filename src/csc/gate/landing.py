"""Finding extracts under the landing root and loading them into the `raw` schema.

Layout: <landing root>/<la_code>/<extract_date>/manifest.json and ssd_<table>.parquet|.csv.
The newest extract of each council is loaded; older ones stay where they are (restatements).
Every value is loaded as text (blank strings become NULL); personal identifiers and columns the
contract does not know are never loaded.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

from csc.contract import SYSTEM_COLUMNS, Table, load_tables
from csc.gate.issues import Issue, blocking, info, warning
from csc.gate.sqlexpr import quote

LA_CODE = re.compile(r"^[EWSN]\d{8}$")
MANIFEST_KEYS = ("la_code", "la_name", "extract_date", "period_start", "ssd_version")


@dataclass
class Extract:
    la_code: str
    folder: Path
    manifest: dict
    extract_date: date
    period_start: date
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def rel(self) -> str:
        return f"{self.la_code}/{self.folder.name}"


def discover(landing: Path, issues: list[Issue]) -> list[Extract]:
    """The newest extract of every council folder, with blocking issues for what cannot be read."""
    if not landing.is_dir():
        issues.append(blocking("landing", str(landing), "landing_root", f"landing root {landing} does not exist"))
        return []
    extracts: list[Extract] = []
    councils = sorted(p for p in landing.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not councils:
        issues.append(blocking("landing", str(landing), "landing_root", f"no council folders under {landing}"))
    for council in councils:
        if not LA_CODE.match(council.name):
            issues.append(
                warning(
                    "landing",
                    council.name,
                    "council_folder",
                    "folder name is not a 9-character ONS council code; skipped",
                )
            )
            continue
        dated = []
        for sub in council.iterdir():
            if not sub.is_dir():
                continue
            try:
                dated.append((date.fromisoformat(sub.name), sub))
            except ValueError:
                issues.append(
                    warning(
                        "landing",
                        f"{council.name}/{sub.name}",
                        "extract_folder",
                        "folder name is not an ISO extract date; skipped",
                    )
                )
        if not dated:
            issues.append(
                blocking(
                    "landing",
                    council.name,
                    "extract_folder",
                    "council folder has no extract folder (<la_code>/<YYYY-MM-DD>/)",
                )
            )
            continue
        extract_date, folder = max(dated)
        rel = f"{council.name}/{folder.name}"
        manifest_path = folder / "manifest.json"
        if not manifest_path.is_file():
            issues.append(
                blocking(
                    "manifest",
                    f"{rel}/manifest.json",
                    "manifest_present",
                    "extract folder has no manifest.json: add one with " + ", ".join(MANIFEST_KEYS),
                )
            )
            continue
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8-sig"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            issues.append(
                blocking(
                    "manifest",
                    f"{rel}/manifest.json",
                    "manifest_json",
                    f"manifest.json is not valid JSON: {exc}",
                )
            )
            continue
        missing = [k for k in MANIFEST_KEYS if not manifest.get(k)]
        problems = []
        if missing:
            problems.append("missing " + ", ".join(missing))
        if manifest.get("la_code") and manifest["la_code"] != council.name:
            problems.append(f"la_code {manifest['la_code']!r} does not match the folder {council.name!r}")
        period_start = None
        try:
            if manifest.get("extract_date") and date.fromisoformat(manifest["extract_date"]) != extract_date:
                problems.append(f"extract_date {manifest['extract_date']} does not match the folder {folder.name}")
            if manifest.get("period_start"):
                period_start = date.fromisoformat(manifest["period_start"])
                if period_start >= extract_date:
                    problems.append("period_start is not before the extract date")
        except ValueError as exc:
            problems.append(f"a date is not ISO YYYY-MM-DD ({exc})")
        if problems:
            issues.append(blocking("manifest", f"{rel}/manifest.json", "manifest_fields", "; ".join(problems)))
            continue
        ext = Extract(council.name, folder, manifest, extract_date, period_start)
        for t in load_tables():
            pq_file, csv_file = folder / f"{t}.parquet", folder / f"{t}.csv"
            if pq_file.is_file():
                ext.files[t] = pq_file
                if csv_file.is_file():
                    issues.append(
                        warning(
                            t,
                            f"{rel}/{csv_file.name}",
                            "duplicate_file",
                            "both Parquet and CSV landed; the Parquet file is used",
                        )
                    )
            elif csv_file.is_file():
                ext.files[t] = csv_file
        extracts.append(ext)
    return extracts


def create_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("create schema if not exists raw")
    for t in load_tables().values():
        cols = ", ".join(
            [f"{quote(c)} varchar" for c in ("la_code",)]
            + ["extract_date date", "_row_id bigint", "_source_file varchar"]
            + [f"{quote(c)} varchar" for c in t.column_names]
        )
        con.execute(f"create or replace table raw.{t.name} ({cols})")
    con.execute("""
        create or replace table raw.manifests (la_code varchar, la_name varchar, extract_date date,
            period_start date, ssd_version varchar, landing_path varchar);
        create or replace table raw.landed_files (la_code varchar, extract_date date, table_name varchar,
            source_file varchar, file_format varchar, is_present boolean, rows_landed bigint,
            rows_quarantined bigint, rows_loaded bigint);
        create or replace table raw.landed_columns (la_code varchar, table_name varchar,
            column_name varchar, is_present boolean);
        create or replace table raw.quarantine (la_code varchar, extract_date date, table_name varchar,
            source_file varchar, _row_id bigint, record_key varchar, column_name varchar, rule varchar,
            bad_value varchar, action varchar, reason varchar);
    """)


def _unreadable(table: str, rel: str, verb: str, exc: Exception) -> Issue:
    """A file DuckDB could not read or load: blocking, with the first line of DuckDB's message."""
    return blocking(table, rel, "file_readable", f"the file cannot be {verb}: {str(exc).splitlines()[0]}")


def _reader(path: Path) -> str:
    p = str(path).replace("'", "''")
    if path.suffix == ".parquet":
        return f"read_parquet('{p}')"
    return f"read_csv('{p}', all_varchar = true, header = true, auto_detect = true, sample_size = -1)"


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
    try:
        described = con.execute(f"describe select * from {_reader(path)}").fetchall()
    except duckdb.Error as exc:
        issues.append(_unreadable(table.name, rel, "read", exc))
        return None
    # column names as landed -> normalised (trimmed, lower case, byte-order mark removed)
    landed = {}
    for row in described:
        name = row[0]
        landed[name.replace("\ufeff", "").strip().lower()] = name
    contract = set(table.column_names)
    present = contract & set(landed)
    missing = [c for c in table.required_columns if c not in landed]
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
    extra = sorted(set(landed) - contract - set(table.dropped_columns) - set(SYSTEM_COLUMNS))
    if extra:
        issues.append(
            info(
                table.name,
                rel,
                "unknown_columns",
                f"{len(extra)} column(s) not in the contract were ignored: {', '.join(extra)}",
                column=", ".join(extra),
            )
        )
    dropped = sorted(set(landed) & set(table.dropped_columns))
    if dropped:
        issues.append(
            info(
                table.name,
                rel,
                "personal_identifiers",
                f"personal identifier column(s) not loaded: {', '.join(dropped)}",
                column=", ".join(dropped),
            )
        )
    select = [
        f"nullif(trim(cast({quote(landed[c])} as varchar)), '') as {quote(c)}"
        if c in present
        else f"cast(null as varchar) as {quote(c)}"
        for c in table.column_names
    ]
    rel_sql = rel.replace("'", "''")
    try:
        rows = con.execute(f"""
            insert into raw.{table.name} by name
            select '{ext.la_code}' as la_code, date '{ext.extract_date}' as extract_date,
                   row_number() over () as _row_id, '{rel_sql}' as _source_file, {", ".join(select)}
            from {_reader(path)}
        """).fetchone()[0]
    except duckdb.Error as exc:
        issues.append(_unreadable(table.name, rel, "loaded", exc))
        return None
    return rows, present
