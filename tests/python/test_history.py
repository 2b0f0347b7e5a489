"""The history of landed extracts (csc.history): stored as changes, keyed by record, only moving forward."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from csc import history
from csc.contract import load_tables
from csc.gate.landing import create_raw_schema

LA, OTHER = "E10000020", "E06000031"
MARCH, APRIL, MAY = date(2021, 3, 31), date(2021, 4, 30), date(2021, 5, 31)


@pytest.fixture
def con():
    con = duckdb.connect()
    create_raw_schema(con)
    history.create_schema(con)
    yield con
    con.close()


def land(con, rows: list[tuple[str, str, str | None]], extract_date: date, la_code: str = LA) -> None:
    """Replace the council's raw care-leaver rows with (id, person, in-touch code)."""
    con.execute("delete from raw.ssd_care_leavers where la_code = ?", [la_code])
    con.execute("delete from raw.quarantine where la_code = ?", [la_code])
    con.execute("delete from raw.manifests where la_code = ?", [la_code])
    con.execute("insert into raw.manifests values (?, 'x', ?, null, '1.4.5', ?)", [la_code, extract_date, la_code])
    for n, (row_id, person, in_touch) in enumerate(rows, start=1):
        con.execute(
            """insert into raw.ssd_care_leavers (la_code, extract_date, _row_id, clea_table_id, clea_person_id,
               clea_care_leaver_in_touch) values (?, ?, ?, ?, ?, ?)""",
            [la_code, extract_date, n, row_id, person, in_touch],
        )


def versions(con, la_code: str = LA) -> list[tuple]:
    return con.execute(
        """select record_key, clea_care_leaver_in_touch, valid_from, valid_to from history.ssd_care_leavers
           where la_code = ? order by record_key, valid_from""",
        [la_code],
    ).fetchall()


def test_an_unchanged_record_is_stored_once_across_extracts(con):
    for d in (MARCH, APRIL, MAY):
        land(con, [("1", "p1", "YES")], d)
        history.merge_extracts(con, [(LA, d)])
    assert versions(con) == [("1", "YES", MARCH, None)]
    assert [r[1] for r in con.execute("select la_code, extract_date from history.extracts").fetchall()] == [
        MARCH,
        APRIL,
        MAY,
    ]


def test_a_changed_record_closes_its_version_and_opens_another(con):
    land(con, [("1", "p1", "YES"), ("2", "p2", "NO")], MARCH)
    history.merge_extracts(con, [(LA, MARCH)])
    land(con, [("1", "p1", "NO"), ("2", "p2", "NO")], APRIL)
    counts = {c.table: c for c in history.merge_extracts(con, [(LA, APRIL)])}
    assert versions(con) == [("1", "YES", MARCH, APRIL), ("1", "NO", APRIL, None), ("2", "NO", MARCH, None)]
    assert (counts["ssd_care_leavers"].new_versions, counts["ssd_care_leavers"].closed_versions) == (1, 1)
    in_touch = load_tables()["ssd_care_leavers"].column_names.index("clea_care_leaver_in_touch")
    assert history.as_at(con, "ssd_care_leavers", LA, MARCH)[0][in_touch] == "YES"
    assert history.as_at(con, "ssd_care_leavers", LA, MAY)[0][in_touch] == "NO"


def test_a_record_gone_from_a_later_extract_is_closed_and_can_come_back(con):
    land(con, [("1", "p1", "YES"), ("2", "p2", "NO")], MARCH)
    history.merge_extracts(con, [(LA, MARCH)])
    land(con, [("1", "p1", "YES")], APRIL)
    history.merge_extracts(con, [(LA, APRIL)])
    land(con, [("1", "p1", "YES"), ("2", "p2", "NO")], MAY)
    history.merge_extracts(con, [(LA, MAY)])
    assert versions(con) == [("1", "YES", MARCH, None), ("2", "NO", MARCH, APRIL), ("2", "NO", MAY, None)]
    assert len(history.as_at(con, "ssd_care_leavers", LA, APRIL)) == 1


def test_rejected_rows_never_enter_the_history(con):
    land(con, [("1", "p1", "YES"), ("2", "p2", "NO")], MARCH)
    con.execute(
        """insert into raw.quarantine (la_code, table_name, _row_id, action)
           values (?, 'ssd_care_leavers', 2, 'rejected'), (?, 'ssd_care_leavers', 1, 'blanked')""",
        [LA, LA],
    )
    history.merge_extracts(con, [(LA, MARCH)])
    assert [v[0] for v in versions(con)] == ["1"]


def test_rows_without_a_key_are_keyed_by_their_values_and_repeats_are_numbered(con):
    land(con, [(None, "p1", "YES"), (None, "p1", "YES"), (None, "p2", "NO")], MARCH)
    history.merge_extracts(con, [(LA, MARCH)])
    keys = [v[0] for v in versions(con)]
    assert len(keys) == 3 and len(set(keys)) == 3
    assert all(k.startswith("row:") for k in keys)
    assert sum(k.endswith(":2") for k in keys) == 1
    # the same rows in the next extract: nothing changes
    land(con, [(None, "p2", "NO"), (None, "p1", "YES"), (None, "p1", "YES")], APRIL)
    history.merge_extracts(con, [(LA, APRIL)])
    assert [v[0] for v in versions(con)] == keys and all(v[3] is None for v in versions(con))


def test_the_history_only_moves_forward_and_councils_are_independent(con):
    land(con, [("1", "p1", "YES")], APRIL)
    land(con, [("9", "p9", "NO")], APRIL, OTHER)
    history.merge_extracts(con, [(LA, APRIL), (OTHER, APRIL)])
    land(con, [("1", "p1", "NO")], MARCH)  # an older extract landed late is not merged over a newer one
    assert history.merge_extracts(con, [(LA, MARCH)]) == []
    assert versions(con) == [("1", "YES", APRIL, None)]
    land(con, [], MAY, OTHER)  # the other council's next extract closes only its own records
    history.merge_extracts(con, [(OTHER, MAY)])
    assert versions(con) == [("1", "YES", APRIL, None)]
    assert versions(con, OTHER) == [("9", "NO", APRIL, MAY)]


def test_history_is_carried_from_another_warehouse_for_the_councils_asked(con, tmp_path):
    land(con, [("1", "p1", "YES")], MARCH)
    land(con, [("9", "p9", "NO")], MARCH, OTHER)
    history.merge_extracts(con, [(LA, MARCH), (OTHER, MARCH)])
    con.execute(f"attach '{tmp_path / 'old.duckdb'}' as old")
    con.execute("copy from database memory to old")
    con.execute("detach old")
    fresh = duckdb.connect()
    history.create_schema(fresh)
    fresh.execute(f"attach '{tmp_path / 'old.duckdb'}' as old (read_only)")
    history.carry_history(fresh, "old", [OTHER])
    assert versions(fresh, OTHER) == [("9", "NO", MARCH, None)]
    assert versions(fresh, LA) == []
    assert fresh.execute("select la_code from history.extracts").fetchall() == [(OTHER,)]


def test_the_newest_extract_landed_again_replaces_its_merge(con):
    land(con, [("1", "p1", "YES"), ("2", "p2", "NO")], MARCH)
    history.merge_extracts(con, [(LA, MARCH)])
    land(con, [("1", "p1", "NO")], APRIL)
    history.merge_extracts(con, [(LA, APRIL)], {LA: "first landing"})
    land(con, [("1", "p1", "YES"), ("2", "p2", "YES")], APRIL)  # April corrected and landed again
    history.merge_extracts(con, [(LA, APRIL)], {LA: "second landing"})
    assert versions(con) == [("1", "YES", MARCH, None), ("2", "NO", MARCH, APRIL), ("2", "YES", APRIL, None)]
    assert con.execute("select extract_date, folder_signature from history.extracts order by 1").fetchall() == [
        (MARCH, None),
        (APRIL, "second landing"),
    ]
