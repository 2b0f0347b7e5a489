"""`csc land SOURCE --la CODE`: a folder of exported SSD tables into the landing layout.

SOURCE holds one file per table, `ssd_<table>.csv` or `.parquet`, names in any case (`SSD_Person.CSV`),
as a council exports them from SSMS, bcp, sqlcmd or a script. Each table of the contract is written as
Parquet under `<landing>/<ONS code>/<extract date>/` with a manifest:

- CSV: every value as text, verbatim (csvfile.py), after checking the export kept its header and quoting;
- Parquet: strings, integers, dates, timestamps and booleans as they are; floats and decimals as text
  (an id held in a FLOAT column lands as `123`, never `123.0`; see values.py).

Only contract columns are read (columns.py): personal identifiers and unknown columns are reported, not
landed. `ssd_*` files of tables the warehouse does not read are reported with their row count and the
reason; other files are listed as ignored. The extract date and SSD version come from the options, else
from `ssd_version_log` when the folder has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from csc.contract import Table, find_table, load_tables, other_ssd_tables
from csc.db import scalar
from csc.intake import versionlog
from csc.intake.columns import ColumnPlan, plan_columns
from csc.intake.csvfile import ExportShapeError, inspect_csv, read_csv_relation, shape_error
from csc.intake.errors import IntakeError, first_line
from csc.intake.layout import IntakeOptions, LandingWriter, council
from csc.intake.result import IntakeResult, LandedTable, NotLanded
from csc.intake.values import landed_array, landed_type

SSD_FILE = re.compile(r"(ssd_\w+)\.(csv|parquet)", re.IGNORECASE)
UNKNOWN_TABLE = "not an SSD table the warehouse knows"


@dataclass
class FolderInventory:
    """The files of a source folder: contract tables, other ssd_* tables, and everything else."""

    tables: dict[str, Path] = field(default_factory=dict)  # contract table -> file
    others: dict[str, Path] = field(default_factory=dict)  # other ssd_* table (lower case) -> file
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (file name, why)


def scan_folder(source: Path) -> FolderInventory:
    """Sort the files of `source` (not its subfolders). Parquet wins over CSV for the same table; two
    files of one table in the same format (names differing only in case) are an error."""
    found: dict[str, dict[str, Path]] = {}
    inventory = FolderInventory()
    for path in sorted(source.iterdir()):
        m = SSD_FILE.fullmatch(path.name)
        if path.is_dir():
            inventory.ignored.append((path.name + "/", "a folder (not searched)"))
        elif m is None:
            why = "not CSV or Parquet" if path.name.lower().startswith("ssd_") else "not an ssd_* table file"
            inventory.ignored.append((path.name, why))
        else:
            name, fmt = m.group(1).lower(), m.group(2).lower()
            held = found.setdefault(name, {})
            if fmt in held:
                raise IntakeError(f"{source} has two {fmt} files of {name}: {held[fmt].name} and {path.name}")
            held[fmt] = path
    for name, by_format in found.items():
        path = by_format.get("parquet") or by_format["csv"]
        if len(by_format) > 1:
            inventory.ignored.append((by_format["csv"].name, f"{path.name} is used (Parquet wins over CSV)"))
        table = find_table(name)
        if table is not None:
            inventory.tables[table.name] = path
        else:
            inventory.others[name] = path
    return inventory


def land_folder(source: Path, options: IntakeOptions) -> IntakeResult:
    """Land the exported tables in `source` for the council of `options`; see the module docstring."""
    ref = council(options.la)
    source = Path(source)
    if not source.is_dir():
        raise IntakeError(f"{source} is not a folder: give the folder that holds the exported ssd_*.csv/.parquet files")
    inventory = scan_folder(source)
    log_file = inventory.others.get(versionlog.TABLE)
    info = _read_version_log(log_file) if log_file and options.needs_version_log else None
    spec = options.spec(ref, str(source.resolve()), info)
    tables = load_tables()
    con = duckdb.connect()
    try:
        with LandingWriter(options.landing, spec, options.replace, landed_with="csc land") as writer:
            landed = [
                _land_table(con, writer, tables[name], inventory.tables[name], spec.ssd_version, options.batch_rows)
                for name in tables
                if name in inventory.tables
            ]
            manifest = writer.commit()
        not_landed = [_not_landed(con, name, path) for name, path in inventory.others.items()]
    finally:
        con.close()
    return IntakeResult(
        folder=writer.folder,
        manifest=manifest,
        landed=landed,
        not_landed=not_landed,
        ignored=inventory.ignored,
        missing_required=[t.name for t in tables.values() if t.required and t.name not in inventory.tables],
        missing_optional=[t.name for t in tables.values() if not t.required and t.name not in inventory.tables],
    )


def _land_table(
    con: duckdb.DuckDBPyConnection, writer: LandingWriter, table: Table, path: Path, version: str, batch_rows: int
) -> LandedTable:
    if path.suffix.lower() == ".csv":
        plan, rows = _land_csv(con, writer, table, path, version, batch_rows)
    else:
        plan, rows = _land_parquet(writer, table, path, version, batch_rows)
    return LandedTable(table.name, path.name, rows, plan.not_read)


def _check_plan(plan: ColumnPlan, path: Path, columns: list[str] | tuple[str, ...]) -> None:
    if not plan.read:
        shown = ", ".join(columns[:8]) + (", ..." if len(columns) > 8 else "")
        raise IntakeError(f"{path}: none of its columns is a column of {plan.table} (it has {shown}): is it the table?")


def _land_csv(
    con: duckdb.DuckDBPyConnection, writer: LandingWriter, table: Table, path: Path, version: str, batch_rows: int
) -> tuple[ColumnPlan, int]:
    layout = inspect_csv(path, table)
    plan = plan_columns(table, layout.columns, version)
    _check_plan(plan, path, layout.columns)
    sink = writer.table(table.name, pa.schema([(name, pa.string()) for name in plan.contract_names]))
    try:
        reader = con.execute(layout.select_sql(list(plan.read))).to_arrow_reader(batch_rows)
        for batch in reader:
            sink.write(batch)
    except duckdb.Error as exc:
        raise shape_error(layout, exc) from None
    return plan, sink.rows


def _land_parquet(
    writer: LandingWriter, table: Table, path: Path, version: str, batch_rows: int
) -> tuple[ColumnPlan, int]:
    try:
        parquet = pq.ParquetFile(path)
        plan = plan_columns(table, parquet.schema_arrow.names, version)
        _check_plan(plan, path, parquet.schema_arrow.names)
        schema = pa.schema([(name, landed_type(parquet.schema_arrow.field(src).type)) for src, name in plan.read])
        sink = writer.table(table.name, schema)
        for batch in parquet.iter_batches(batch_size=batch_rows, columns=plan.source_names):
            arrays = [landed_array(batch.column(src), schema.field(i).type) for i, (src, _) in enumerate(plan.read)]
            sink.write(pa.RecordBatch.from_arrays(arrays, schema=schema))
    except (pa.ArrowException, OSError) as exc:
        raise IntakeError(f"{path}: cannot be read as Parquet: {first_line(exc)}") from None
    return plan, sink.rows


def _not_landed(con: duckdb.DuckDBPyConnection, name: str, path: Path) -> NotLanded:
    reason = other_ssd_tables().get(name, UNKNOWN_TABLE)
    return NotLanded(name, path.name, _count_rows(con, path), reason)


def _count_rows(con: duckdb.DuckDBPyConnection, path: Path) -> int | None:
    try:
        if path.suffix.lower() == ".csv":
            return scalar(con.sql(f"select count(*) from ({inspect_csv(path).select_sql([])})"))
        return pq.ParquetFile(path).metadata.num_rows
    except (ExportShapeError, duckdb.Error, pa.ArrowException, OSError):
        return None


def _read_version_log(path: Path) -> versionlog.VersionInfo | None:
    """The current row of an exported ssd_version_log (CSV or Parquet)."""
    if path.suffix.lower() == ".csv":
        con = duckdb.connect()
        try:
            rel = read_csv_relation(con, path)
            wanted = [c for c in rel.columns if c in versionlog.COLUMNS]
            rows = [dict(zip(wanted, r, strict=True)) for r in rel.select(*wanted).fetchall()] if wanted else []
        finally:
            con.close()
    else:
        try:
            parquet = pq.ParquetFile(path)
            wanted = [c for c in parquet.schema_arrow.names if c.strip().lower() in versionlog.COLUMNS]
            rows = parquet.read(columns=wanted).to_pylist() if wanted else []
        except (pa.ArrowException, OSError) as exc:
            raise IntakeError(f"{path}: cannot be read as Parquet: {first_line(exc)}") from None
    return versionlog.current_version(rows)
