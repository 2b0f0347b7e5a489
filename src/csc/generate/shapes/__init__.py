"""The canonical extract as each CMS script x SSD release x export tool would write it.

`write_shaped_extract(canonical, out, cms, ssd_version, export)` reads a canonical extract folder (what
`csc generate` writes: manifest.json + ssd_*.parquet with contract columns, 903 codes, Y/N flags) and writes
`out/ssd_*.csv` or `.parquet` the way a council's SSD would land: the script's columns and values
(systemc.py, mosaic.py, eclipse.py, releases.py, descriptions.py) and the export tool's conventions
(export.py). No manifest.json is written: the SSD writes none. Each table is one DuckDB SELECT.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb

from csc.contract import load_tables
from csc.generate.shapes import eclipse, mosaic, systemc
from csc.generate.shapes.export import write_table
from csc.generate.shapes.model import Shape
from csc.generate.shapes.releases import version_log
from csc.generate.writer import arrow_schema

CMS = ("systemc", "mosaic", "eclipse")
RELEASES = ("1.2.4", "1.4.5")
EXPORTS = ("ssms", "clean", "parquet")
BROKEN_EXPORTS = ("bcp", "unquoted")  # for error tests only (export.py)
ROW_POSITION = "_canonical_row"  # a canonical row's position in its file (the order every shaped table keeps)

BUILDERS: dict[str, Callable[[str, date], Shape]] = {
    "systemc": systemc.shape,
    "mosaic": mosaic.shape,
    "eclipse": eclipse.shape,
}

__all__ = ["BROKEN_EXPORTS", "CMS", "EXPORTS", "RELEASES", "get_shape", "supported_shapes", "write_shaped_extract"]


def supported_shapes() -> list[tuple[str, str]]:
    """(cms, release) pairs a script exists for: every one but Eclipse 1.2.4 (no Eclipse script before 1.4.x)."""
    return [(c, r) for c in CMS for r in RELEASES if not (c == "eclipse" and r == "1.2.4")]


def get_shape(cms: str, ssd_version: str, extract_date: date) -> Shape:
    if cms not in BUILDERS:
        raise ValueError(f"unknown CMS {cms!r}; choose from {', '.join(CMS)}")
    if ssd_version not in RELEASES:
        raise ValueError(f"unknown SSD release {ssd_version!r}; choose from {', '.join(RELEASES)}")
    return BUILDERS[cms](ssd_version, extract_date)


def _register_canonical(con: duckdb.DuckDBPyConnection, canonical: Path) -> dict[str, list[str]]:
    """A view c_<table> per canonical Parquet file, with each row's position in its file as ROW_POSITION (an
    empty table for a contract table without one, so that cross-table expressions always resolve); returns the
    canonical columns of each file."""
    found: dict[str, list[str]] = {}
    for path in sorted(canonical.glob("ssd_*.parquet")):
        quoted = str(path).replace("'", "''")
        source = (
            f"SELECT * EXCLUDE (file_row_number), file_row_number AS {ROW_POSITION} "
            f"FROM read_parquet('{quoted}', file_row_number = true)"
        )
        if path.stem == "ssd_care_leavers":
            # The SSD holds each care leaver's current state only; the canonical extract's month-end history
            # (the local extension clea_as_at_date) is reduced to the rows of the latest month end.
            source += f" WHERE clea_as_at_date = (SELECT max(clea_as_at_date) FROM read_parquet('{quoted}'))"
        con.execute(f"CREATE VIEW c_{path.stem} AS {source}")
        found[path.stem] = [r[0] for r in con.execute(f"DESCRIBE c_{path.stem}").fetchall() if r[0] != ROW_POSITION]
    for name, table in load_tables().items():
        if name not in found:
            con.register(f"empty_{name}", arrow_schema(table).empty_table())
            con.execute(f"CREATE VIEW c_{name} AS SELECT * FROM empty_{name}")
    return found


def write_shaped_extract(canonical: Path, out: Path, cms: str, ssd_version: str, export: str) -> dict[str, int]:
    """Write the canonical extract in `canonical` to `out` shaped as `cms`'s SSD script of release
    `ssd_version` exported with `export` (ssms, clean, parquet); returns rows written per table."""
    if export not in EXPORTS + BROKEN_EXPORTS:
        raise ValueError(f"unknown export {export!r}; choose from {', '.join(EXPORTS)}")
    manifest = json.loads((canonical / "manifest.json").read_text())
    extract_date = date.fromisoformat(manifest["extract_date"])
    shape = get_shape(cms, ssd_version, extract_date)
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    columns = _register_canonical(con, canonical)
    for statement in shape.prepare:
        con.execute(statement)
    counts: dict[str, int] = {}
    for name, canonical_columns in columns.items():
        table = shape.table(name)
        if table is None:  # the script creates no such table
            continue
        # in the canonical rows' order, whatever order the expressions' joins leave them in (same seed, same files)
        select = f"{table.select_sql(canonical_columns)} ORDER BY t.{ROW_POSITION}"
        con.execute(f"CREATE OR REPLACE TEMP TABLE out_{name} AS {select}")
        (counts[name],) = con.execute(f"SELECT count(*) FROM out_{name}").fetchall()[0]
        write_table(con, f"out_{name}", out, name, shape.engine, export)
        con.execute(f"DROP TABLE out_{name}")
    if shape.version_log:
        log = version_log(ssd_version, extract_date)
        con.register("out_ssd_version_log", log)
        write_table(con, "out_ssd_version_log", out, "ssd_version_log", shape.engine, export)
        counts["ssd_version_log"] = log.num_rows
    return counts
