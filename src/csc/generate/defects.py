"""Deliberately malformed extracts, for testing the landing gate (`csc generate --defects ...`).

Each defect rewrites one council's extract folder in place. Defects that put text where a typed
value belongs rewrite the table as CSV (as a SQL Server export would arrive).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq


def _find(folder: Path, table: str) -> Path:
    for ext in (".parquet", ".csv"):
        p = folder / f"{table}{ext}"
        if p.exists():
            return p
    raise FileNotFoundError(f"{table} not in {folder}")


def read_rows(folder: Path, table: str) -> tuple[list[str], list[list[str]]]:
    """A landed table as text rows (ISO dates), whatever its format."""
    path = _find(folder, table)
    if path.suffix == ".parquet":
        t = pq.read_table(path)
        cols = t.column_names
        data = [[None if v is None else str(v) for v in t.column(c).to_pylist()] for c in cols]
        return cols, [list(r) for r in zip(*data, strict=True)] if data else []
    with path.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def write_csv(
    folder: Path,
    table: str,
    cols: list[str],
    rows: list[list],
    delimiter: str = ",",
    bom: bool = False,
) -> Path:
    for ext in (".parquet", ".csv"):
        (folder / f"{table}{ext}").unlink(missing_ok=True)
    path = folder / f"{table}.csv"
    with path.open("w", newline="", encoding="utf-8-sig" if bom else "utf-8") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\n")
        w.writerow(cols)
        w.writerows([["" if v is None else v for v in r] for r in rows])
    return path


def _edit(folder: Path, table: str, column: str, values: list, first: int = 0) -> None:
    cols, rows = read_rows(folder, table)
    i = cols.index(column)
    for k, v in enumerate(values):
        rows[first + k][i] = v
    write_csv(folder, table, cols, rows)


def missing_table(folder: Path) -> str:
    _find(folder, "ssd_cin_assessments").unlink()
    return "required table ssd_cin_assessments removed"


def missing_column(folder: Path) -> str:
    cols, rows = read_rows(folder, "ssd_cin_episodes")
    i = cols.index("cine_referral_date")
    write_csv(folder, "ssd_cin_episodes", cols[:i] + cols[i + 1 :], [r[:i] + r[i + 1 :] for r in rows])
    return "required column ssd_cin_episodes.cine_referral_date removed"


def extra_column(folder: Path) -> str:
    path = _find(folder, "ssd_contacts")
    t = pq.read_table(path) if path.suffix == ".parquet" else pacsv.read_csv(path)
    t = t.append_column("local_notes", pa.array(["free text"] * t.num_rows))
    path.unlink()
    pq.write_table(t, folder / "ssd_contacts.parquet")
    return "unknown column ssd_contacts.local_notes added"


def bad_date(folder: Path) -> str:
    _edit(folder, "ssd_contacts", "cont_contact_date", ["not a date", "31/02/2020", "2020-13-01"])
    return "3 unparseable ssd_contacts.cont_contact_date values"


def mixed_date_formats(folder: Path) -> str:
    cols, rows = read_rows(folder, "ssd_cin_episodes")
    for c in ("cine_referral_date", "cine_close_date"):
        i = cols.index(c)
        for r in rows[::2]:
            if r[i]:
                y, m, d = r[i][:10].split("-")
                r[i] = f"{d}/{m}/{y}"
    write_csv(folder, "ssd_cin_episodes", cols, rows)
    return "half of ssd_cin_episodes dates written as DD/MM/YYYY"


def duplicate_pk(folder: Path) -> str:
    cols, rows = read_rows(folder, "ssd_cp_plans")
    write_csv(folder, "ssd_cp_plans", cols, rows + rows[:2])
    return "2 ssd_cp_plans rows duplicated"


def null_person_id(folder: Path) -> str:
    _edit(folder, "ssd_contacts", "cont_person_id", [None, None, None])
    return "3 ssd_contacts rows without cont_person_id"


def end_before_start(folder: Path) -> str:
    cols, rows = read_rows(folder, "ssd_cp_plans")
    s, e = cols.index("cppl_cp_plan_start_date"), cols.index("cppl_cp_plan_end_date")
    done = 0
    for r in rows:
        if r[s] and r[s] > "2000-01-10" and done < 2:
            y, m, d = (int(x) for x in r[s][:10].split("-"))
            r[e] = f"{y - 1:04d}-{m:02d}-{min(d, 28):02d}"
            done += 1
    write_csv(folder, "ssd_cp_plans", cols, rows)
    return "2 ssd_cp_plans end a year before they start"


def unknown_code(folder: Path) -> str:
    _edit(folder, "ssd_cla_placement", "clap_cla_placement_type", ["XX", "Q9"])
    _edit(folder, "ssd_person", "pers_ethnicity", ["ZZZZ"])
    return "2 unknown placement types (rows rejected), 1 unknown ethnicity (value blanked)"


def orphan_fk(folder: Path) -> str:
    _edit(folder, "ssd_cin_assessments", "cina_referral_id", ["999999999", "999999998"])
    _edit(folder, "ssd_cp_plans", "cppl_person_id", ["999999997"])
    return "2 assessments with an unknown referral (link blanked), 1 plan of an unknown person (rejected)"


def empty_file(folder: Path) -> str:
    for ext in (".parquet", ".csv"):
        (folder / f"ssd_cp_visits{ext}").unlink(missing_ok=True)
    (folder / "ssd_cp_visits.csv").write_bytes(b"")
    return "ssd_cp_visits.csv is empty (0 bytes)"


def no_manifest(folder: Path) -> str:
    (folder / "manifest.json").unlink()
    return "manifest.json removed"


def csv_semicolon_bom(folder: Path) -> str:
    cols, rows = read_rows(folder, "ssd_contacts")
    write_csv(folder, "ssd_contacts", cols, rows, delimiter=";", bom=True)
    return "ssd_contacts written as CSV with ';' delimiters and a byte-order mark"


DEFECTS: dict[str, Callable[[Path], str]] = {
    f.__name__: f
    for f in (
        missing_table,
        missing_column,
        extra_column,
        bad_date,
        mixed_date_formats,
        duplicate_pk,
        null_person_id,
        end_before_start,
        unknown_code,
        orphan_fk,
        empty_file,
        no_manifest,
        csv_semicolon_bom,
    )
}


def apply_defects(folder: Path, names: list[str]) -> list[str]:
    unknown = [n for n in names if n not in DEFECTS]
    if unknown:
        raise ValueError(f"unknown defect(s) {unknown}; choose from {sorted(DEFECTS)}")
    return [f"{n}: {DEFECTS[n](folder)}" for n in names]
