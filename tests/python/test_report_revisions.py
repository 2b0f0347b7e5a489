"""The report's figures revised since first published, its markers on revised months, and the extract a
council's figures come from (issue 12, parts 2 and 3; docs/performance_report.md section 9).

The relations the report reads for this (marts.indicator_value_vintages, marts.indicator_restatements,
audit.council_extracts) are built by `csc build`; `add_revision_relations` gives a copy of a built warehouse an
earlier extract whose figures differ in three chosen places (so that the report's edge cases, a suppressed small
count among them, are there to test), as a build that had published that extract first would: the earlier
vintage in indicator_value_vintages, first_value / first_extract_date in indicator_values, the council's
tolerance in the seed. The real view indicator_restatements then lists them. tests/python/test_refresh.py
checks that real builds produce these relations from real extracts.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import date
from html import unescape
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook

from csc.cli import main
from csc.report.cells import fmt
from csc.report.data import ReportError
from csc.report.run import ReportFiles, make_report

ROTHERHAM, NORFOLK, PETERBOROUGH = "E08000018", "E10000020", "E06000031"
EXTRACT, EARLIER, NEWER = date(2021, 3, 31), date(2021, 2, 28), date(2021, 4, 30)
HELD_BACK_REASON = "blocking gate findings: ssd_person person_id not unique (12 rows)"
BLOCKED_REASON = "blocking gate findings: ssd_cin_episodes missing"
TOLERANCE = 0.01


@dataclass(frozen=True)
class Crafted:
    """A figure given a different first published value in the fixture."""

    indicator_id: str
    month: date
    breakdown: str
    breakdown_value: str
    kind: str
    first: float  # value in the earlier extract
    current: float  # value now (indicator_values)


def add_revision_relations(path: Path) -> dict[str, Crafted]:
    """An earlier extract on a built warehouse (module docstring): it (28 Feb 2021) held the months up to
    January 2021 with the same figures except three crafted ones, so the restatements are the figures whose first
    and current values differ by more than TOLERANCE. Norfolk's newer extract was held back; Peterborough's first
    extract was blocked."""
    con = duckdb.connect(str(path))
    try:
        pick = """select v.indicator_id, v.period_end, v.breakdown, v.breakdown_value, v.numerator, v.denominator,
                         v.value from marts.indicator_values v join marts.indicators i using (indicator_id)
                  where v.la_code = ? and {} order by i.report_order, v.breakdown_value limit 1"""
        pct = con.execute(
            pick.format(
                "i.type = 'percentage' and breakdown = 'all' and period_end = '2021-01-31' and numerator >= 10"
            ),
            [ROTHERHAM],
        ).fetchone()
        small = con.execute(
            pick.format(
                "i.type = 'count' and breakdown = 'all' and period_end = '2020-12-31' and value between 1 and 5"
            ),
            [ROTHERHAM],
        ).fetchone()
        loc = con.execute(
            pick.format("i.type = 'count' and breakdown = 'locality' and period_end = '2021-01-31' and value >= 6"),
            [ROTHERHAM],
        ).fetchone()
        assert pct and small and loc, "the small extract no longer has the figures this fixture revises"
        crafted = {
            # a percentage first published with 3 fewer in the numerator (a relative change below 0.5)
            "percentage": (pct, pct[4] - 3, pct[5]),
            # a small count first published 6 higher: now 1 to 5, suppressed when published
            "small count": (small, small[4] + 6, None),
            # a locality count first published three times as large (relative change 2/3)
            "locality": (loc, loc[4] * 3, None),
        }
        con.execute(
            f"""insert into marts.indicator_value_vintages
                select la_code, indicator_id, period_end, breakdown, breakdown_value,
                       date '{EARLIER}', numerator, denominator, value
                from marts.indicator_values where period_end < date_trunc('month', date '{EARLIER}')"""
        )
        out = {}
        for name, (row, numerator, denominator) in crafted.items():
            ind, month, breakdown, value_of_breakdown, _, _, value = row
            first = numerator if denominator is None else 100.0 * numerator / denominator
            con.execute(
                """update marts.indicator_value_vintages set numerator = ?, denominator = coalesce(?, denominator),
                   value = ? where la_code = ? and indicator_id = ? and period_end = ? and breakdown = ?
                   and breakdown_value = ? and extract_date = ?""",
                [numerator, denominator, first, ROTHERHAM, ind, month, breakdown, value_of_breakdown, EARLIER],
            )
            kind = "percentage" if name == "percentage" else "count"
            out[name] = Crafted(ind, month, breakdown, value_of_breakdown, kind, first, value)
        # the figure as first published is the earlier extract's (indicator_values' rule), and the council's
        # tolerance is set in the seed
        con.execute(
            f"""update marts.indicator_values as v set first_value = e.value, first_extract_date = e.extract_date
                from marts.indicator_value_vintages as e
                where e.extract_date = date '{EARLIER}' and e.la_code = v.la_code and e.indicator_id = v.indicator_id
                  and e.period_end = v.period_end and e.breakdown = v.breakdown
                  and e.breakdown_value = v.breakdown_value"""
        )
        con.execute("update reference.restatement_tolerances set tolerance = ?", [TOLERANCE])
        con.execute("delete from audit.council_extracts")
        con.executemany(
            "insert into audit.council_extracts values (?, ?, ?, ?, ?, ?)",
            [
                [ROTHERHAM, "Rotherham", EXTRACT, EXTRACT, "current", None],
                [NORFOLK, "Norfolk", EXTRACT, NEWER, "held_back", HELD_BACK_REASON],
                [PETERBOROUGH, "Peterborough", None, NEWER, "new_council_blocked", BLOCKED_REASON],
            ],
        )
    finally:
        con.close()
    return out


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


@pytest.fixture(scope="module")
def built(small_landing, tmp_path_factory, monkeypatch_module) -> Path:
    """The small extract built into a warehouse."""
    root = tmp_path_factory.mktemp("revisions")
    monkeypatch_module.setenv("CSC_WAREHOUSE", str(root / "csc.duckdb"))
    monkeypatch_module.setenv("CSC_REPORTS", str(root / "reports"))
    assert main(["build", "--landing", str(small_landing)]) == 0
    return root / "csc.duckdb"


@dataclass
class Revised:
    warehouse: Path
    crafted: dict[str, Crafted]
    reports: dict[tuple[str, bool], ReportFiles]


@pytest.fixture(scope="module")
def revised(built) -> Revised:
    """A copy of the warehouse with the relations added, and both councils' internal and published reports."""
    warehouse = built.parent / "revised" / "csc.duckdb"  # the file name is the catalog dbt's views name
    warehouse.parent.mkdir()
    shutil.copy(built, warehouse)
    crafted = add_revision_relations(warehouse)
    out = warehouse.parent / "revised-reports"
    reports = {
        (la, publish): make_report(warehouse, la, None, out, publish)
        for la in (ROTHERHAM, NORFOLK)
        for publish in (False, True)
    }
    return Revised(warehouse, crafted, reports)


def _text(fragment: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _section(html: str, section_id: str) -> str:
    found = re.search(rf'<section id="{section_id}".*?</section>', html, re.S)
    assert found, section_id
    return found.group(0)


def revision_rows(html: str) -> list[list[str]]:
    """The cells of each row of the revisions table, as text."""
    body = _section(html, "revisions")
    return [
        [_text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr data-indicator=.*?</tr>", body, re.S)
    ]


def _html(revised: Revised, la: str, publish: bool = False) -> str:
    return revised.reports[(la, publish)].html.read_text(encoding="utf-8")


def _names(warehouse: Path) -> dict[str, str]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return dict(con.execute("select indicator_id, name from marts.indicators").fetchall())
    finally:
        con.close()


def _change(value: float, kind: str) -> str:
    text = fmt(abs(value), kind)
    return ("+" if value > 0 else "-") + (text.removesuffix("%") + " pts" if kind == "percentage" else text)


def test_a_revised_figure_shows_both_values_and_the_change(revised):
    names = _names(revised.warehouse)
    rows = revision_rows(_html(revised, ROTHERHAM))
    assert len(rows) == 3
    pct = revised.crafted["percentage"]
    assert pct.first != pct.current
    assert [
        names[pct.indicator_id],
        "Jan-21",
        "Council",
        fmt(pct.first, "percentage"),
        "28 February 2021",
        fmt(pct.current, "percentage"),
        "31 March 2021",
        _change(pct.current - pct.first, "percentage"),
    ] in rows
    loc = revised.crafted["locality"]
    assert [names[loc.indicator_id], "Jan-21", f"Locality: {loc.breakdown_value}"] in [r[:3] for r in rows]

    wb = load_workbook(revised.reports[(ROTHERHAM, False)].xlsx, read_only=True)
    lines = list(wb["Revisions"].iter_rows(values_only=True))
    header, body = lines[0], [dict(zip(lines[0], line, strict=True)) for line in lines[1:]]
    assert header[:3] == ("indicator_id", "indicator", "period_end")
    (got,) = [line for line in body if line["indicator_id"] == pct.indicator_id]
    assert got["first_value"] == pytest.approx(pct.first)
    assert got["value"] == pytest.approx(pct.current)
    assert got["change"] == pytest.approx(pct.current - pct.first)
    assert got["first_extract_date"].date() == EARLIER and got["extract_date"].date() == EXTRACT


def test_revisions_are_ordered_by_month_then_relative_change(revised):
    c = revised.crafted
    names = _names(revised.warehouse)
    order = [(r[0], r[2]) for r in revision_rows(_html(revised, ROTHERHAM))]
    assert order == [
        (names[c["locality"].indicator_id], f"Locality: {c['locality'].breakdown_value}"),  # Jan-21, changed by 2/3
        (names[c["percentage"].indicator_id], "Council"),  # Jan-21, changed by less than a half
        (names[c["small count"].indicator_id], "Council"),  # Dec-20
    ]


def test_revised_months_are_marked_with_the_first_published_value(revised):
    pct = revised.crafted["percentage"]
    note = (
        f"Revised: first published {fmt(pct.first, 'percentage')} (extract of 28 February 2021); "
        f"now {fmt(pct.current, 'percentage')} (extract of 31 March 2021)"
    )
    html = _html(revised, ROTHERHAM)
    page = re.search(rf'<article class="indicator" id="ind-{pct.indicator_id}".*?</article>', html, re.S)
    assert page and f'title="{note}"' in page.group(0)
    assert "Jan-21: first published" in _text(page.group(0))
    summary_row = re.search(rf'<tr data-indicator="{pct.indicator_id}">.*?</tr>', _section(html, "summary"), re.S)
    assert summary_row and f'title="{note}"' in summary_row.group(0)  # Jan-21 is one of the summary's months
    # the only revised council figure among the summary's three months (the small count's month, Dec-20, is not)
    assert _section(html, "summary").count('class="rev" href="#revisions" title=') == 1

    wb = load_workbook(revised.reports[(ROTHERHAM, False)].xlsx)
    comments = [
        (line[0].value, line[2].value.date(), line[5].comment.text)
        for line in wb["Indicator months"].iter_rows(min_row=2)
        if line[5].comment
    ]
    assert (pct.indicator_id, pct.month, note) in comments
    assert len(comments) == 2  # the two council figures revised; the locality is in the Revisions sheet only


def test_no_revision_gives_the_sentence(revised):
    for publish in (False, True):
        html = _html(revised, NORFOLK, publish)
        section = _text(_section(html, "revisions"))
        assert "No figure for April 2019 to March 2021 has been revised since it was first published" in section
        assert revision_rows(html) == [] and 'class="rev" href="#revisions" title=' not in html
    wb = load_workbook(revised.reports[(NORFOLK, False)].xlsx, read_only=True)
    assert "has been revised" in next(wb["Revisions"].iter_rows(values_only=True))[0]


def test_a_held_back_extract_is_dated_and_explained(revised):
    for publish in (False, True):
        html = _html(revised, NORFOLK, publish)
        top = re.search(r'<header class="top">.*?</header>', html, re.S)
        assert top
        header = _text(top.group(0))
        assert "extract of 31 March 2021 a newer extract (30 April 2021) was held back" in header
        quality = _text(_section(html, "data-quality"))
        assert f"30 April 2021: held back because {HELD_BACK_REASON}." in quality
        assert "come from the extract of 31 March 2021" in quality
    rotherham = _html(revised, ROTHERHAM)
    assert "held-back-note" not in rotherham and "31 March 2021 (in use)" in _text(rotherham)

    wb = load_workbook(revised.reports[(NORFOLK, True)].xlsx, read_only=True)
    sheet: dict = {line[0]: line[1] for line in wb["Data quality"].iter_rows(values_only=True) if line and line[0]}
    assert sheet["Newest extract status"] == "held back"
    assert sheet["Held back because"] == HELD_BACK_REASON
    assert sheet["Newest extract landed"].date() == NEWER
    assert "newer extract of 30 April 2021 was held back" in next(wb["Summary"].iter_rows(values_only=True))[0]


def test_published_report_suppresses_a_small_revised_count(revised):
    small = revised.crafted["small count"]
    assert 1 <= small.current <= 5 and small.first >= 6
    names = _names(revised.warehouse)
    internal = [r for r in revision_rows(_html(revised, ROTHERHAM)) if r[0] == names[small.indicator_id]]
    published = [r for r in revision_rows(_html(revised, ROTHERHAM, True)) if r[0] == names[small.indicator_id]]
    first, current = fmt(small.first, "count"), fmt(small.current, "count")
    assert [r[3:] for r in internal] == [[first, "28 February 2021", current, "31 March 2021", "-6"]]
    # the change would give the suppressed value away (first - 6): it is suppressed with it
    assert [r[3:] for r in published] == [[first, "28 February 2021", "c", "31 March 2021", "c"]]
    page = re.search(
        rf'<article class="indicator" id="ind-{small.indicator_id}".*?</article>', _html(revised, ROTHERHAM, True), re.S
    )
    assert page and "now c (extract of 31 March 2021)" in page.group(0)
    assert f"now {current} (" not in page.group(0)

    wb = load_workbook(revised.reports[(ROTHERHAM, True)].xlsx, read_only=True)
    lines = list(wb["Revisions"].iter_rows(values_only=True))
    body = [dict(zip(lines[0], line, strict=True)) for line in lines[1:]]
    (got,) = [line for line in body if line["indicator_id"] == small.indicator_id]
    assert (got["first_value"], got["value"], got["change"]) == (small.first, "c", "c")


def test_a_council_whose_first_extract_was_blocked_gets_the_reason(revised, tmp_path):
    with pytest.raises(ReportError, match=f"first extract \\(30 April 2021\\) was held back: {BLOCKED_REASON}"):
        make_report(revised.warehouse, PETERBOROUGH, None, tmp_path)


def test_a_warehouse_without_vintages_does_not_claim_none_were_revised(built, tmp_path):
    """A warehouse published before vintages were kept (as by an earlier release)."""
    older = tmp_path / "older" / "csc.duckdb"
    older.parent.mkdir()
    shutil.copy(built, older)
    with duckdb.connect(str(older)) as con:
        con.execute("drop view marts.indicator_restatements")
        con.execute("drop table marts.indicator_value_vintages")
        con.execute("drop table audit.council_extracts")
    html = make_report(older, ROTHERHAM, None, tmp_path).html.read_text(encoding="utf-8")
    section = _text(_section(html, "revisions"))
    assert "does not keep the figures of earlier extracts" in section and "No figure" not in section
    assert "Newest extract landed" not in html
