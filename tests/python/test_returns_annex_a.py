"""Ofsted's Annex A (docs/annex_a.md): the inspection windows and ages at their edges, and `csc returns annex-a`
writing the workbook of both demo councils from the small extract's warehouse (built once, shared with the other
return tests)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook

from csc.cli import main
from csc.returns.annex_a import UPN_HEADER, headers
from csc.returns.annex_a_lists import (
    ANNEX_A_LISTS,
    Latest,
    Window,
    age_on,
    in_window,
    latest_month_end,
    latest_value,
    window_start,
)
from csc.returns.identifiers import upns

AS_AT = date(2021, 3, 31)
COUNCILS = ("E10000020", "E08000018")

# Each list's window as SQL over its model, written independently of annex_a_lists (? = first day, ? = as-at)
WINDOW_SQL = {
    1: "contact_date between ? and ?",
    2: "episode_start_date <= $2 and (episode_end_date is null or episode_end_date >= $1)",
    3: "referral_date between ? and ?",
    4: "assessment_start_date <= $2 and (assessment_auth_date is null or assessment_auth_date >= $1)",
    5: "s47_start_date between ? and ?",
    6: "cin_start_date <= $2 and (cin_closure_date is null or cin_closure_date >= $1)",
    7: "cp_plan_start_date <= $2 and (cp_plan_end_date is null or cp_plan_end_date >= $1)",
    8: "period_start_date <= $2 and (period_end_date is null or period_end_date >= $1)",
    9: "period_end = $1 and $1 <= $2",
    10: "adm_decision_date <= $2 and coalesce(adoption_date, decision_reversed_date, $1) >= $1",
}


# --- the windows and the age, at their edges (no warehouse) ---


def test_window_starts_the_day_after_the_same_day_months_before():
    assert window_start(date(2021, 3, 31), 6) == date(2020, 10, 1)
    assert window_start(date(2021, 3, 31), 12) == date(2020, 4, 1)
    assert window_start(date(2021, 8, 31), 6) == date(2021, 3, 1)  # 28 February + 1 day
    assert window_start(date(2024, 8, 31), 6) == date(2024, 3, 1)  # 29 February (leap year) + 1 day
    assert window_start(date(2021, 1, 15), 12) == date(2020, 1, 16)


@pytest.mark.parametrize(
    ("day", "inside"),
    [
        (date(2020, 9, 30), False),  # the day before the window's first day
        (date(2020, 10, 1), True),  # its first day
        (date(2021, 3, 31), True),  # its last day: the as-at date
        (date(2021, 4, 1), False),  # the day after
        (None, False),
    ],
)
def test_a_dated_item_is_in_the_window_from_its_first_to_its_last_day(day, inside):
    assert in_window(Window(6, "dated", "d"), {"d": day}, AS_AT) is inside


@pytest.mark.parametrize(
    ("start", "end", "inside"),
    [
        (date(2019, 1, 1), None, True),  # open at the as-at date
        (date(2019, 1, 1), date(2020, 3, 31), False),  # closed the day before the 12-month window
        (date(2019, 1, 1), date(2020, 4, 1), True),  # closed on its first day
        (date(2021, 3, 31), None, True),  # started on the as-at date
        (date(2021, 4, 1), None, False),  # started after it
        (date(2021, 2, 1), date(2021, 4, 30), True),  # closed after the as-at date: open at it
    ],
)
def test_an_open_item_is_in_when_it_started_by_the_as_at_date_and_had_not_closed_before_the_window(start, end, inside):
    window = Window(12, "open", "start", ("end",))
    assert in_window(window, {"start": start, "end": end}, AS_AT) is inside


def test_an_open_item_ends_at_its_first_end_column_that_is_filled():
    window = Window(12, "open", "decided", ("adopted", "reversed"))
    row = {"decided": date(2019, 1, 1), "adopted": None, "reversed": date(2020, 3, 31)}
    assert not in_window(window, row, AS_AT)
    assert in_window(window, {**row, "reversed": None}, AS_AT)


def test_a_month_end_list_takes_the_latest_month_end_on_or_before_the_as_at_date():
    assert latest_month_end(date(2021, 3, 31)) == date(2021, 3, 31)
    assert latest_month_end(date(2021, 3, 30)) == date(2021, 2, 28)
    window = Window(12, "month_end", "m")
    assert in_window(window, {"m": date(2021, 2, 28)}, date(2021, 3, 30))
    assert not in_window(window, {"m": date(2021, 3, 31)}, date(2021, 3, 30))
    assert not in_window(window, {"m": date(2021, 1, 31)}, date(2021, 3, 30))


@pytest.mark.parametrize(
    ("birth", "age"),
    [
        (date(2003, 3, 31), 18),  # 18th birthday on the as-at date
        (date(2003, 4, 1), 17),  # the day after: still 17
        (date(2021, 3, 31), 0),  # born on the as-at date
        (date(2021, 4, 1), None),  # not yet born
        (None, None),
    ],
)
def test_age_is_whole_years_on_the_as_at_date(birth, age):
    assert age_on(birth, AS_AT) == age


def test_latest_visit_is_the_last_on_or_before_the_as_at_date_and_seen_alone_is_at_that_visit():
    visits = {"v": [date(2021, 3, 1), date(2021, 3, 31), date(2021, 4, 1)], "alone": [date(2021, 3, 1)]}
    assert latest_value(Latest("v"), visits, AS_AT) == date(2021, 3, 31)  # on the as-at date; not the day after
    assert latest_value(Latest("v", among="alone"), visits, AS_AT) is False  # seen alone at an earlier visit only
    assert latest_value(Latest("v", among="alone"), visits, date(2021, 3, 30)) is True
    assert latest_value(Latest("v"), visits, date(2021, 2, 28)) is None  # no visit yet
    assert latest_value(Latest("v", among="alone"), visits, date(2021, 2, 28)) is None


# --- the workbook of both demo councils ---


@pytest.fixture(scope="module")
def workbooks(returns_warehouse, small_landing, tmp_path_factory) -> dict[str, Path]:
    """`csc returns annex-a` at 31 March 2021 for both councils, without identifiers (Norfolk by its DfE code)."""
    out = tmp_path_factory.mktemp("annex_a")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CSC_WAREHOUSE", str(returns_warehouse))
        mp.setenv("CSC_LANDING", str(small_landing))
        mp.setenv("CSC_REPORTS", str(out / "reports"))
        for la in ("926", "E08000018"):
            assert main(["returns", "annex-a", "--la", la, "--as-at", "2021-03-31", "--out", str(out)]) == 0
    return {la_code: out / la_code / "annex_a_2021-03-31.xlsx" for la_code in COUNCILS}


@pytest.mark.parametrize("la_code", COUNCILS)
def test_one_sheet_per_list_with_ofsteds_headers(workbooks, la_code):
    book = load_workbook(workbooks[la_code])
    assert book.sheetnames == [annex_list.sheet for annex_list in ANNEX_A_LISTS]
    assert not any("Adopters" in name for name in book.sheetnames)  # List 11: not in the SSD
    for annex_list in ANNEX_A_LISTS:
        first = next(book[annex_list.sheet].iter_rows(max_row=1, values_only=True))
        assert list(first) == headers(annex_list, with_identifiers=False)
        assert UPN_HEADER not in first


@pytest.mark.parametrize("la_code", COUNCILS)
def test_rows_are_the_model_rows_in_each_window(workbooks, returns_warehouse, la_code):
    book = load_workbook(workbooks[la_code])
    with duckdb.connect(str(returns_warehouse), read_only=True) as con:
        for annex_list in ANNEX_A_LISTS:
            first = latest_month_end(AS_AT) if annex_list.window.kind == "month_end" else None
            first = first or window_start(AS_AT, annex_list.window.months)
            where = WINDOW_SQL[annex_list.number]
            sql = f"select child from returns.{annex_list.model} where la_code = $3 and ({where})"
            if "?" in where:
                sql = sql.replace("between ? and ?", "between $1 and $2")
            expected = sorted(child for (child,) in con.execute(sql, [first, AS_AT, la_code]).fetchall())
            written = sorted(str(r[0]) for r in book[annex_list.sheet].iter_rows(min_row=2, values_only=True))
            assert written == expected, annex_list.sheet
    rows = {annex_list.number: book[annex_list.sheet].max_row - 1 for annex_list in ANNEX_A_LISTS}
    assert all(rows[n] > 0 for n in (1, 2, 3, 4, 5, 6, 7, 8, 9)), rows  # the demo has each kind of item


def test_dates_are_dates_shown_dd_mm_yyyy_and_ages_are_on_the_as_at_date(workbooks):
    sheet = load_workbook(workbooks["E10000020"])["List 1 Contacts"]
    header = [cell.value for cell in sheet[1]]
    birth, age, contact = (header.index(h) for h in ("Date of Birth", "Age of Child (Years)", "Date of Contact"))
    for row in sheet.iter_rows(min_row=2):
        assert row[contact].is_date and row[contact].number_format == "dd/mm/yyyy"
        assert window_start(AS_AT, 6) <= row[contact].value.date() <= AS_AT
        if row[birth].value is not None:
            assert row[birth].number_format == "dd/mm/yyyy"
            assert row[age].value == age_on(row[birth].value.date(), AS_AT)


def test_as_at_dependent_columns_are_the_latest_on_or_before_the_as_at_date(workbooks):
    book = load_workbook(workbooks["E10000020"])
    sheet = book["List 7 Child Protection"]
    header = [cell.value for cell in sheet[1]]
    visit, alone, review = (
        header.index(h)
        for h in ("Date of the Last Statutory Visit", "Was the Child Seen Alone?", "Date of latest review conference")
    )
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert any(row[visit] for row in rows) and any(row[review] for row in rows)
    for row in rows:
        assert row[visit] is None or row[visit].date() <= AS_AT
        assert row[review] is None or row[review].date() <= AS_AT
        assert (row[alone] is None) == (row[visit] is None) and row[alone] in (None, "Yes", "No")
    looked_after = book["List 8 Children Looked After"]
    header = [cell.value for cell in looked_after[1]]
    latest = header.index("Date of Latest Statutory Review")
    dates = [row[latest] for row in looked_after.iter_rows(min_row=2, values_only=True) if row[latest]]
    assert dates and all(d.date() <= AS_AT for d in dates)


def test_no_upn_without_identifiers_and_a_upn_column_with_them(
    workbooks, returns_warehouse, small_landing, tmp_path, monkeypatch
):
    landed = upns(small_landing, "E10000020", date(2021, 3, 31))
    assert landed
    values = {
        str(v)
        for ws in load_workbook(workbooks["E10000020"]).worksheets
        for r in ws.iter_rows(values_only=True)
        for v in r
    }
    assert not values & set(landed.values())  # no UPN anywhere without --with-identifiers
    monkeypatch.setenv("CSC_WAREHOUSE", str(returns_warehouse))
    monkeypatch.setenv("CSC_LANDING", str(small_landing))
    monkeypatch.setenv("CSC_REPORTS", str(tmp_path / "reports"))
    args = ["returns", "annex-a", "--la", "E10000020", "--as-at", "2021-03-31", "--out", str(tmp_path)]
    assert main([*args, "--with-identifiers"]) == 0
    book = load_workbook(tmp_path / "E10000020" / "annex_a_2021-03-31.xlsx")
    filled = 0
    for annex_list in ANNEX_A_LISTS:
        sheet = book[annex_list.sheet]
        assert [c.value for c in sheet[1]] == headers(annex_list, with_identifiers=True)
        for row in sheet.iter_rows(min_row=2, values_only=True):
            assert row[-1] == landed.get(str(row[0]))
            filled += row[-1] is not None
    assert filled


def test_an_as_at_date_the_extract_does_not_cover_is_refused(returns_warehouse, tmp_path, monkeypatch):
    monkeypatch.setenv("CSC_WAREHOUSE", str(returns_warehouse))
    monkeypatch.setenv("CSC_REPORTS", str(tmp_path / "reports"))
    base = ["returns", "annex-a", "--la", "E10000020", "--out", str(tmp_path / "out")]
    assert main([*base, "--as-at", "2021-04-01"]) == 1  # after the extract date
    assert main([*base, "--as-at", "2019-06-30"]) == 1  # its 12 months start before the extract's history
    assert not (tmp_path / "out").exists()
    with pytest.raises(SystemExit) as missing:
        main(base)  # no --as-at
    assert missing.value.code == 2
    with pytest.raises(SystemExit) as published:
        main(["returns", "annex-a", "--la", "E10000020", "--as-at", "2021-03-31", "--out", str(tmp_path / "reports")])
    assert published.value.code == 2  # never beside the published reports
