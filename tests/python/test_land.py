"""`csc land`: a folder of exported SSD tables (CSV as SSMS or bcp writes them, or Parquet) into the landing layout."""

from __future__ import annotations

import csv
import json
from datetime import date
from decimal import Decimal

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from helpers import EXTRACT_DATE, extract_folder

from csc.cli import main
from csc.contract import load_tables
from csc.intake.csvfile import ExportShapeError, inspect_csv, read_csv_relation
from csc.intake.layout import default_period_start
from csc.intake.versionlog import current_version

LA = "E10000020"
OPTIONS = ("--extract-date", "2021-03-31", "--ssd-version", "1.4.5", "--period-start", "2019-04-01")
HEADER_FIX = 'Query > Query Options > Results > Grid/Text: "Include column headers when copying or saving the results"'
QUOTE_FIX = (
    'Tools > Options > Query Results > SQL Server > Results to Grid: "Quote strings containing list separators '
    'when saving .csv results"'
)


def export_name(i: int, table: str) -> str:
    """Names as councils' exports spell them: SSD_PERSON.CSV, Ssd_Department.csv, ssd_contacts.csv, ..."""
    return [f"{table.upper()}.CSV", f"{table.title()}.csv", f"{table}.csv"][i % 3]


@pytest.fixture
def exported(small_landing, tmp_path):
    """Norfolk's canonical extract exported the SSMS way: one CSV per table, names in mixed case, a UTF-8
    byte-order mark and header names in mixed case with spaces; `NULL` written for every null of ssd_person
    and its dates in UK form; plus ssd_address.csv (not read by the warehouse) and a stray README."""
    folder = tmp_path / "export"
    folder.mkdir()
    con = duckdb.connect()
    counts = {}
    for i, path in enumerate(sorted(extract_folder(small_landing, LA).glob("ssd_*.parquet"))):
        table = path.stem
        counts[table] = pq.ParquetFile(path).metadata.num_rows
        target = folder / export_name(i, table)
        if table == "ssd_person":
            _ssms_csv(pq.read_table(path), target)
        else:
            con.execute(f"copy (select * from read_parquet('{path}')) to '{target}' (header, delimiter ',')")
    with (folder / "ssd_address.csv").open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["addr_table_id", "addr_person_id", "addr_address_postcode"], ["1", "2", "NR1 1AA"]])
    (folder / "README.txt").write_text("exported from SSMS\n")
    return folder, counts


def _ssms_csv(table: pa.Table, target) -> None:
    with target.open("w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow([f" {name.title()} " if i % 2 else name.upper() for i, name in enumerate(table.column_names)])
        for row in table.to_pylist():
            writer.writerow([_ssms_value(v) for v in row.values()])


def _ssms_value(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def land(capsys, *argv: str) -> tuple[int, str]:
    code = main(["land", *argv])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def one_line_error(code: int, output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert code == 1, output
    assert "Traceback" not in output
    assert len(lines) == 1, output
    assert lines[0].startswith("csc land: ")
    return lines[0]


def test_land_csv_folder_with_dfe_code(exported, tmp_path, capsys):
    source, counts = exported
    landing = tmp_path / "landing"
    code, out = land(capsys, str(source), "--la", "926", "--landing", str(landing), *OPTIONS)
    assert code == 0, out
    folder = landing / LA / "2021-03-31"
    assert [p.name for p in landing.iterdir()] == [LA]  # nothing else, no temporary folder left
    assert [p.name for p in (landing / LA).iterdir()] == ["2021-03-31"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(["manifest.json", *(f"{t}.parquet" for t in counts)])
    manifest = json.loads((folder / "manifest.json").read_text())
    assert {k: manifest[k] for k in ("la_code", "la_name", "extract_date", "period_start", "ssd_version")} == {
        "la_code": LA,
        "la_name": "Norfolk",
        "extract_date": "2021-03-31",
        "period_start": "2019-04-01",
        "ssd_version": "1.4.5",
    }
    assert manifest["dfe_code"] == "926" and manifest["source"] == str(source.resolve())
    assert manifest["landed_at"][:4] >= "2024" and manifest["tables"] == counts
    for table, rows in counts.items():
        landed = pq.read_table(folder / f"{table}.parquet")
        assert landed.num_rows == rows, table
        assert all(f.type == pa.string() for f in landed.schema), table  # CSV: every value as text
        never_read = set(load_tables()[table].dropped_columns) - set(load_tables()[table].join_only)
        assert not set(landed.column_names) & never_read, table
    flat = " ".join(out.split())
    assert "not landed ssd_address.csv (1 row): personal data (addresses), kept out by design" in flat
    assert "ignored README.txt" in flat and f"into {folder}" in flat
    assert "pers_forename" in flat and "personal identifier, never read" in flat
    assert f"{sum(counts.values()):,} rows" in flat


def test_csv_values_are_kept_verbatim(exported, tmp_path, capsys):
    source, _ = exported
    code, out = land(capsys, str(source), "--la", "926", "--landing", str(tmp_path), *OPTIONS)
    assert code == 0, out
    landed = pq.read_table(tmp_path / LA / "2021-03-31" / "ssd_person.parquet").to_pylist()
    person = next(p for p in source.iterdir() if p.name.lower() == "ssd_person.csv")
    with person.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = [h.strip().lower() for h in next(reader)]
        exported_rows = [dict(zip(header, row, strict=True)) for row in reader]
    assert len(landed) == len(exported_rows)
    for got, sent in zip(landed, exported_rows, strict=True):
        assert got == {k: sent[k] for k in got}  # every value exactly as written: text, 'NULL', 03/10/2003
    assert any(r["pers_death_date"] == "NULL" for r in landed)
    assert any("/" in (r["pers_dob"] or "") for r in landed)


def test_version_and_date_from_ssd_version_log(exported, tmp_path, capsys):
    source, _ = exported
    with (source / "SSD_VERSION_LOG.csv").open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows(
            [
                ["version_number", "release_date", "description", "is_current", "created_at", "created_by"],
                ["1.2.3", "2024-11-20", "non-core ssd_flag field removal", "0", "2021-03-31 06:10:01.000", "admin"],
                ["1.2.4", "2021-03-31 06:10:01.000", "legacy json support", "1", "2021-03-31 06:10:01.000", "admin"],
            ]
        )
    code, out = land(capsys, str(source), "--la", "E10000020", "--landing", str(tmp_path))
    assert code == 0, out
    manifest = json.loads((tmp_path / LA / "2021-03-31" / "manifest.json").read_text())
    assert (manifest["ssd_version"], manifest["extract_date"]) == ("1.2.4", "2021-03-31")
    assert manifest["period_start"] == "2015-04-01"  # the SSD's six years
    assert "not landed SSD_VERSION_LOG.csv (2 rows): SSD administration table" in " ".join(out.split())


def test_missing_extract_date_and_version_is_one_line(exported, tmp_path, capsys):
    source, _ = exported
    line = one_line_error(*land(capsys, str(source), "--la", "926", "--landing", str(tmp_path)))
    assert "the extract date (give --extract-date YYYY-MM-DD) and the SSD version (give --ssd-version" in line
    assert "has no ssd_version_log" in line
    line = one_line_error(
        *land(capsys, str(source), "--la", "926", "--landing", str(tmp_path), "--extract-date", "2021-03-31")
    )
    assert "the SSD version (give --ssd-version" in line and "--extract-date" not in line
    assert not tmp_path.joinpath(LA).exists()


def test_headerless_csv_says_how_to_export_with_a_header(exported, tmp_path, capsys):
    source, _ = exported
    contacts = next(p for p in source.iterdir() if p.name.lower() == "ssd_contacts.csv")
    contacts.write_text("".join(contacts.read_text().splitlines(keepends=True)[1:]))  # as bcp writes it
    line = one_line_error(*land(capsys, str(source), "--la", "926", "--landing", str(tmp_path / "l"), *OPTIONS))
    assert str(contacts) in line and "the first line holds values, not columns of ssd_contacts" in line
    assert HEADER_FIX in line and 'sqlcmd -s"," -W' in line and "`csc extract`" in line
    assert not (tmp_path / "l").exists() or not any((tmp_path / "l").iterdir())  # nothing half-written


def test_unquoted_json_says_how_to_export_with_quotes(exported, tmp_path, capsys):
    source, _ = exported
    path = next(p for p in source.iterdir() if p.name.lower() == "ssd_cin_episodes.csv")
    lines = path.read_text().splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    json_at = header.index("cine_referral_outcome_json")
    row = next(csv.reader([lines[5]]))
    row[json_at] = '{"NFA_FLAG": "N", "COMMENTS": "seen at home, mother present"}'  # SSMS without quoting
    lines[5] = ",".join(row) + "\n"
    path.write_text("".join(lines))
    line = one_line_error(*land(capsys, str(source), "--la", "926", "--landing", str(tmp_path / "l"), *OPTIONS))
    assert str(path) in line and f"line 6 has {len(header) + 2} fields but the header has {len(header)}" in line
    assert QUOTE_FIX in line and "mother present" not in line  # the message never shows a value
    assert not (tmp_path / "l").exists() or not any((tmp_path / "l").iterdir())


def test_errors_are_one_line(exported, tmp_path, capsys):
    source, _ = exported
    line = one_line_error(*land(capsys, str(source), "--la", "999", "--landing", str(tmp_path), *OPTIONS))
    assert "unknown council '999'" in line
    line = one_line_error(*land(capsys, str(tmp_path / "nowhere"), "--la", "926", "--landing", str(tmp_path)))
    assert "is not a folder" in line
    assert land(capsys, str(source), "--la", "926", "--landing", str(tmp_path), *OPTIONS)[0] == 0
    line = one_line_error(*land(capsys, str(source), "--la", "926", "--landing", str(tmp_path), *OPTIONS))
    assert line == f"csc land: {tmp_path / LA / '2021-03-31'} already exists: give --replace to overwrite that extract"


def test_replace_swaps_the_extract_and_a_failed_replace_keeps_the_old_one(exported, tmp_path, capsys):
    source, counts = exported
    landing = tmp_path / "landing"
    folder = landing / LA / "2021-03-31"
    assert land(capsys, str(source), "--la", "926", "--landing", str(landing), *OPTIONS)[0] == 0
    departments = next(p for p in source.iterdir() if p.name.lower() == "ssd_department.csv")
    departments.write_text("".join(departments.read_text().splitlines(keepends=True)[:3]))
    code, out = land(capsys, str(source), "--la", "926", "--landing", str(landing), *OPTIONS, "--replace")
    assert code == 0, out
    assert json.loads((folder / "manifest.json").read_text())["tables"]["ssd_department"] == 2
    assert pq.read_metadata(folder / "ssd_department.parquet").num_rows == 2
    before = (folder / "manifest.json").read_text()
    departments.write_text("1,Team,2,Area\n")  # broken: no header
    code, out = land(capsys, str(source), "--la", "926", "--landing", str(landing), *OPTIONS, "--replace")
    assert code == 1 and (folder / "manifest.json").read_text() == before
    assert sorted(p.name for p in landing.iterdir()) == [LA]
    assert counts["ssd_department"] > 2


def test_parquet_floats_holding_ids_are_not_written_as_123_0(tmp_path, capsys):
    source = tmp_path / "export"
    source.mkdir()
    person = pa.table(
        {
            "PERS_PERSON_ID": pa.array([1000009.0, 12345678901.0, None], pa.float64()),  # ids in a FLOAT column
            "pers_sex": ["F", "M", "U"],
            "pers_dob": pa.array([date(2010, 1, 2), None, date(2020, 2, 29)], pa.date32()),
            "pers_legacy_id": pa.array([Decimal("7"), Decimal("123456789012345678"), None], pa.decimal128(18, 0)),
            "pers_upn": ["A1", "A2", "A3"],
        }
    )
    pq.write_table(person, source / "SSD_Person.parquet")
    professionals = pa.table(
        {
            "prof_professional_id": pa.array([1, 2, 3], pa.int64()),
            "prof_full_time_equivalency": pa.array(
                [Decimal("1.00"), Decimal("0.50"), Decimal("0.125")], pa.decimal128(5, 3)
            ),
            "prof_professional_caseload": pa.array([12.0, 0.5, None], pa.float64()),
        }
    )
    pq.write_table(professionals, source / "ssd_professionals.parquet")
    code, out = land(capsys, str(source), "--la", LA, "--landing", str(tmp_path / "l"), *OPTIONS)
    assert code == 0, out
    folder = tmp_path / "l" / LA / "2021-03-31"
    landed = pq.read_table(folder / "ssd_person.parquet")
    # identifiers never landed, but the legacy id other tables' keys may hold (for the gate's join)
    assert landed.column_names == ["pers_person_id", "pers_sex", "pers_dob", "pers_legacy_id"]
    assert landed.column("pers_person_id").to_pylist() == ["1000009", "12345678901", None]
    assert landed.column("pers_legacy_id").to_pylist() == ["7", "123456789012345678", None]  # DECIMAL(18, 0)
    assert landed.schema.field("pers_dob").type == pa.date32()  # dates kept as dates
    prof = pq.read_table(folder / "ssd_professionals.parquet")
    assert prof.schema.field("prof_professional_id").type == pa.int64()  # integers kept
    assert prof.column("prof_full_time_equivalency").to_pylist() == ["1", "0.5", "0.125"]
    assert prof.column("prof_professional_caseload").to_pylist() == ["12", "0.5", None]
    assert "missing required table(s)" in " ".join(out.split())


def test_read_csv_relation_for_the_gate(tmp_path):
    con = duckdb.connect()
    table = load_tables()["ssd_department"]
    good = tmp_path / "ssd_department.csv"
    good.write_bytes(b"\xef\xbb\xbf Dept_Team_ID ,DEPT_TEAM_NAME\r\n0012, North \r\n2,NULL\r\n")
    rel = read_csv_relation(con, good, table)
    assert rel.columns == ["dept_team_id", "dept_team_name"]
    assert rel.fetchall() == [("0012", " North "), ("2", "NULL")]
    utf16 = tmp_path / "utf16.csv"
    utf16.write_text("dept_team_id;dept_team_name\n1;Équipe\n", encoding="utf-16")
    assert read_csv_relation(con, utf16, table).fetchall() == [("1", "Équipe")]
    sqlcmd = tmp_path / "sqlcmd.csv"
    sqlcmd.write_text("dept_team_id,dept_team_name\n------------,--------------\n1,North\n")
    assert read_csv_relation(con, sqlcmd, table).fetchall() == [("1", "North")]
    sqlcmd.write_text("dept_team_id,dept_team_name\n------------,--------------\n1,North\n\n(1 rows affected)\n")
    with pytest.raises(ExportShapeError, match=r"line 5 is sqlcmd's row count.*SET NOCOUNT ON"):
        read_csv_relation(con, sqlcmd, table)
    headerless = tmp_path / "bcp.csv"
    headerless.write_text("1,North\n2,South\n")
    with pytest.raises(ExportShapeError, match=r"bcp\.csv: the first line holds values"):
        inspect_csv(headerless, table)
    with pytest.raises(ExportShapeError, match=r"the first line holds values, not column names"):
        inspect_csv(headerless)  # without a table: an id first
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("dept_team_id,dept_team_name\n1,\xc9quipe\n".encode("latin-1"))
    with pytest.raises(ExportShapeError, match=r"line 2 is not UTF-8 text"):
        read_csv_relation(con, latin1, table)


def test_default_period_and_current_version():
    assert default_period_start(EXTRACT_DATE) == date(2015, 4, 1)
    assert default_period_start(date(2024, 2, 29)) == date(2018, 3, 1)
    rows = [
        {"version_number": "1.10.0", "is_current": False, "created_at": "2025-01-02"},
        {"VERSION_NUMBER": "1.9.9", "IS_CURRENT": 1, "CREATED_AT": "03/04/2025 10:00"},
    ]
    info = current_version(rows)
    assert (info.ssd_version, info.run_date) == ("1.9.9", date(2025, 4, 3))
    info = current_version([{"version_number": "1.9.9"}, {"version_number": "1.10.0"}])
    assert (info.ssd_version, info.run_date) == ("1.10.0", None)  # none flagged: the latest
    assert current_version([]) is None
