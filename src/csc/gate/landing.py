"""Finding extracts under the landing root, and the `raw` schema they load into (load.py loads them).

Layout: <landing root>/<la_code>/<extract_date>/manifest.json and ssd_<table>.parquet|.csv.
The newest extract of each council is loaded; older ones stay where they are (restatements).
Council folders are named by ONS code and must name a council of seeds/councils.csv (`csc land`
writes this layout from a council's exported SSD tables). File names are matched case-insensitively.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

from csc.contract import OTHER_SSD_TABLES, load_tables
from csc.gate.issues import Issue, blocking, info, warning
from csc.gate.sqlexpr import quote

LA_CODE = re.compile(r"^[EWSN]\d{8}$")
DFE_CODE = re.compile(r"^\d{3}$")
SSD_FILE = re.compile(r"^(ssd_\w+)\.(parquet|csv)$", re.IGNORECASE)
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

    @property
    def ssd_version(self) -> str:
        return str(self.manifest.get("ssd_version") or "")


def _council_folder_problem(name: str) -> str | None:
    """Why a folder under the landing root is not a known council's ONS-coded folder, or None."""
    from csc.councils import by_dfe_code, by_la_code

    if LA_CODE.match(name):
        if by_la_code(name) is None:
            return (
                f"folder {name!r} is not the ONS code of a council in seeds/councils.csv: "
                "land the extract with `csc land SOURCE --la CODE`, which names the folder"
            )
        return None
    if DFE_CODE.match(name):
        ref = by_dfe_code(name)
        if ref is not None:
            return (
                f"folder {name!r} is the DfE code of {ref.la_name}; the landing layout is named by ONS code: "
                f"land the exported tables with `csc land SOURCE --la {name}` (writes {ref.la_code}/<extract date>/ "
                f"with a manifest), or rename the folder to {ref.la_code}"
            )
    return (
        f"folder {name!r} names no known council: council folders are ONS codes (e.g. E10000020); "
        "use `csc land SOURCE --la CODE` with the DfE or ONS code"
    )


def landed_extract_dates(landing: Path) -> dict[str, list[date]]:
    """Every ISO-dated extract folder of every council folder (ONS-coded, known council), oldest first; the
    problems of other folders are reported by `discover`."""
    if not landing.is_dir():
        return {}
    found: dict[str, list[date]] = {}
    for council in sorted(p for p in landing.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if _council_folder_problem(council.name):
            continue
        dates = []
        for sub in council.iterdir():
            try:
                dates.append(date.fromisoformat(sub.name))
            except ValueError:
                continue
            if not sub.is_dir():
                dates.pop()
        if dates:
            found[council.name] = sorted(dates)
    return found


def folder_signature(folder: Path) -> str:
    """What an extract folder holds, cheaply: sha256 of each file's name, size and modification time (as rsync's
    quick check). A re-landed extract (`csc land --replace`, a file rewritten) gets a new signature."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        stat = path.stat()
        digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def discover(landing: Path, issues: list[Issue], select: Mapping[str, date] | None = None) -> list[Extract]:
    """The newest extract of every council folder, with blocking issues for what cannot be read. With `select`
    (council -> extract date), exactly those extracts: other council folders are left alone."""
    if not landing.is_dir():
        issues.append(blocking("landing", str(landing), "landing_root", f"landing root {landing} does not exist"))
        return []
    extracts: list[Extract] = []
    councils = sorted(p for p in landing.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not councils:
        issues.append(blocking("landing", str(landing), "landing_root", f"no council folders under {landing}"))
    if select is not None:
        councils = [c for c in councils if c.name in select]
    for council in councils:
        problem = _council_folder_problem(council.name)
        if problem:
            issues.append(blocking("landing", council.name, "council_folder", problem))
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
        if select is not None:
            extract_date, folder = next(((d, f) for d, f in dated if d == select[council.name]), (extract_date, folder))
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
        period_start: date | None = None
        try:
            if manifest.get("extract_date") and date.fromisoformat(manifest["extract_date"]) != extract_date:
                problems.append(f"extract_date {manifest['extract_date']} does not match the folder {folder.name}")
            if manifest.get("period_start"):
                period_start = date.fromisoformat(manifest["period_start"])
                if period_start >= extract_date:
                    problems.append("period_start is not before the extract date")
        except ValueError as exc:
            problems.append(f"a date is not ISO YYYY-MM-DD ({exc})")
        if problems or period_start is None:  # a missing period_start is one of the problems
            issues.append(blocking("manifest", f"{rel}/manifest.json", "manifest_fields", "; ".join(problems)))
            continue
        ext = Extract(council.name, folder, manifest, extract_date, period_start)
        _find_files(ext, rel, issues)
        extracts.append(ext)
    return extracts


def _find_files(ext: Extract, rel: str, issues: list[Issue]) -> None:
    """The landed file of each contract table (names case-insensitive; Parquet wins over CSV);
    an ssd_* file of a table the contract does not read is reported, never silently ignored."""
    tables = load_tables()
    found: dict[str, dict[str, Path]] = {}
    for path in sorted(ext.folder.iterdir()):
        m = SSD_FILE.match(path.name)
        if not m or not path.is_file():
            continue
        found.setdefault(m.group(1).lower(), {})[m.group(2).lower()] = path
    for name, by_format in found.items():
        if name not in tables:
            reason = OTHER_SSD_TABLES.get(name, "not an SSD table the warehouse knows")
            issues.append(
                info(
                    name,
                    f"{rel}/{next(iter(by_format.values())).name}",
                    "table_not_read",
                    f"{name} is not read by the warehouse: {reason}",
                )
            )
            continue
        ext.files[name] = by_format.get("parquet") or by_format["csv"]
        if len(by_format) > 1:
            issues.append(
                warning(
                    name,
                    f"{rel}/{by_format['csv'].name}",
                    "duplicate_file",
                    "both Parquet and CSV landed; the Parquet file is used",
                )
            )


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
            column_name varchar, is_present boolean, n_values bigint);
        create or replace table raw.quarantine (la_code varchar, extract_date date, table_name varchar,
            source_file varchar, _row_id bigint, record_key varchar, column_name varchar, rule varchar,
            bad_value varchar, action varchar, reason varchar);
    """)
