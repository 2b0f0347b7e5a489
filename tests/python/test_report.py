"""The monthly performance report: `csc refresh` end to end, the HTML in a real headless browser, the Excel
workbook against marts.performance_summary, and the published version's small-number suppression."""

from __future__ import annotations

import math
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook

from csc.cli import main
from csc.config import PROJECT_DIR
from csc.report.cells import is_small

MONTH = "2021-03"
COUNCILS = ("E08000018", "E10000020")
SCREENSHOTS = PROJECT_DIR / "target" / "test-output"


@pytest.fixture(scope="module")
def refreshed(small_landing, tmp_path_factory, monkeypatch_module):
    """`csc refresh` on the small extract: gate, build, publish, then every council's two reports."""
    root = tmp_path_factory.mktemp("refresh")
    monkeypatch_module.setenv("CSC_WAREHOUSE", str(root / "csc.duckdb"))
    monkeypatch_module.setenv("CSC_REPORTS", str(root / "reports"))
    assert main(["refresh", "--landing", str(small_landing)]) == 0
    return root / "csc.duckdb", root / "reports" / "performance"


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def report_file(folder: Path, la_code: str, suffix: str, published: bool = False) -> Path:
    return folder / f"{la_code}_{MONTH}_performance_report{'_published' if published else ''}.{suffix}"


def test_refresh_writes_both_reports_for_every_council(refreshed):
    _, folder = refreshed
    for la_code in COUNCILS:
        for published in (False, True):
            for suffix in ("html", "xlsx"):
                assert report_file(folder, la_code, suffix, published).stat().st_size > 10_000


def test_report_renders_offline_in_headless_chromium(refreshed):
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    assert Path(chromium).exists(), "Debian's chromium is needed: `make browser` installs it"
    _, folder = refreshed
    page_file = report_file(folder, "E08000018", "html")
    errors, requests = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri(), wait_until="load")
            n_indicators = page.locator("#summary-table tbody tr[data-indicator]").count()
            n_charts = page.locator("article.indicator svg.chart").count()
            n_lines = page.locator("article.indicator svg.chart polyline.series").count()
            n_vital = page.locator("#vital-signs-table tbody tr").count()
            rag_cells = page.locator(
                "#summary-table td.rag-green, #summary-table td.rag-amber, #summary-table td.rag-red"
            ).count()
            region_columns = page.locator("#region-table thead th").count()
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "report_summary.png"))
            page.locator("#ind-REF_REREF_PCT_R12").scroll_into_view_if_needed()
            page.screenshot(path=str(SCREENSHOTS / "report_detail_page.png"))
        finally:
            browser.close()
    assert errors == []
    assert requests == [page_file.as_uri()], "the report must not load anything else"
    con = duckdb.connect(str(refreshed[0]), read_only=True)
    expected = con.execute(
        "select count(*) from marts.performance_summary where la_code = 'E08000018' and period_end = ?",
        [f"{MONTH}-31"],
    ).fetchone()[0]
    with_target = con.execute(
        "select count(*) from marts.performance_summary where la_code = 'E08000018' and period_end = ? "
        "and rag is not null",
        [f"{MONTH}-31"],
    ).fetchone()[0]
    assert n_indicators == expected == 107
    assert n_charts == expected and n_lines >= expected - 5  # a chart per indicator, nearly all with a line
    assert (
        n_vital
        == con.execute(
            "select count(*) from marts.performance_summary where la_code = 'E08000018' and period_end = ? "
            "and target_scheme is not null",
            [f"{MONTH}-31"],
        ).fetchone()[0]
    )
    assert rag_cells == with_target > 20
    assert region_columns == 1 + len(COUNCILS) + 4  # indicator, councils, region, polarity, best, worst
    assert (SCREENSHOTS / "report_summary.png").stat().st_size > 20_000


def test_excel_holds_the_values_of_performance_summary(refreshed):
    warehouse, folder = refreshed
    con = duckdb.connect(str(warehouse), read_only=True)
    for la_code in COUNCILS:
        wb = load_workbook(report_file(folder, la_code, "xlsx"), read_only=True)
        rows = list(wb["Summary"].iter_rows(min_row=4, values_only=True))
        header, body = rows[0], rows[1:]
        cur = con.execute(
            "select * from marts.performance_summary where la_code = ? and period_end = ?", [la_code, f"{MONTH}-31"]
        )
        names = [d[0] for d in cur.description]
        expected = {r[names.index("indicator_id")]: dict(zip(names, r, strict=True)) for r in cur.fetchall()}
        assert len(body) == len(expected) == 107
        compared = 0
        for line in body:
            got = dict(zip(header, line, strict=True))
            want = expected[got["indicator_id"]]
            for column in header:
                if column in want and column not in ("indicator_id",):
                    w, g = want[column], got[column]
                    if isinstance(w, float) and not math.isnan(w):
                        assert g == pytest.approx(w, rel=1e-12), (la_code, got["indicator_id"], column)
                    else:
                        assert g == w, (la_code, got["indicator_id"], column)
                    compared += 1
            assert got["direction_of_travel"] == want["direction_of_travel"]
        assert compared > 77 * 20


class _Cells(HTMLParser):
    """Collects the text of every element carrying data-kind, and all text."""

    def __init__(self):
        super().__init__()
        self.stack: list[str | None] = []
        self.cells: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(dict(attrs).get("data-kind"))
        if dict(attrs).get("data-kind"):
            self.cells.append((dict(attrs)["data-kind"], ""))

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        if self.stack and self.stack[-1] and self.cells:
            kind, text = self.cells[-1]
            self.cells[-1] = (kind, text + data)


def _number(text: str) -> float | None:
    t = text.strip().rstrip("%").replace(",", "")
    try:
        return float(t)
    except ValueError:
        return None


def _scan(path: Path) -> _Cells:
    p = _Cells()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_published_report_suppresses_small_numbers_and_holds_no_person_ids(refreshed):
    warehouse, folder = refreshed
    con = duckdb.connect(str(warehouse), read_only=True)
    person_ids = {r[0] for r in con.execute("select person_id from staging.stg_ssd__person").fetchall()}
    for la_code in COUNCILS:
        internal = _scan(report_file(folder, la_code, "html"))
        published = _scan(report_file(folder, la_code, "html", published=True))
        small = [
            t
            for k, t in internal.cells
            if k in ("count", "numerator", "denominator") and (v := _number(t)) is not None and 0 < v <= 5
        ]
        assert small, "the internal report should show small numbers, or this test proves nothing"
        leaked = [
            t
            for k, t in published.cells
            if k in ("count", "numerator", "denominator") and (v := _number(t)) is not None and 0 < v < 5.5
        ]
        assert leaked == []
        assert sum(1 for _, t in published.cells if t.strip() == "c") >= len(small)
        tokens = set(re.findall(r"\b\d{5,}\b", " ".join(published.text)))
        assert tokens & person_ids == set()

        wb = load_workbook(report_file(folder, la_code, "xlsx", published=True), read_only=True)
        ws = wb["Indicator months"]
        rows = list(ws.iter_rows(min_row=2, values_only=True))
        values = {
            (r[0], r[1]): r
            for r in con.execute(
                """select v.indicator_id, v.period_end, i.type, v.numerator, v.denominator, v.value
                   from marts.indicator_values v join marts.indicators i using (indicator_id)
                   where v.la_code = ? and v.breakdown = 'all'""",
                [la_code],
            ).fetchall()
        }
        suppressed = 0
        for ind, _name, month, num, den, value, _target, _rag in rows:
            _, _, kind, n, d, v = values[(ind, month.date())]
            if is_small(kind, n, d, v):
                assert value == "c", (la_code, ind, month)
                suppressed += 1
            else:
                assert value == (None if v is None or (isinstance(v, float) and math.isnan(v)) else pytest.approx(v))
            for part_value in (num, den):
                assert not (isinstance(part_value, float | int) and 0 < part_value <= 5), (la_code, ind, month)
        assert suppressed > 0
        small_parts = []
        for line in wb["Localities"].iter_rows(min_row=2, values_only=True):
            small_parts += [v for v in line[3:5] if isinstance(v, float | int) and 0 < v < 5.5]
        for line in wb["Vital signs"].iter_rows(min_row=2, values_only=True):
            if line[2] in ("numerator", "denominator"):
                small_parts += [v for v in line[3:-1] if isinstance(v, float | int) and 0 < v < 5.5]
        summary = list(wb["Summary"].iter_rows(min_row=4, values_only=True))
        kinds = {ind: kind for (ind, _), (_, _, kind, *_rest) in values.items()}
        count_columns = [i for i, name in enumerate(summary[0]) if name.endswith("value") and name != "target_value"]
        for line in summary[1:]:
            if kinds[line[0]] == "count":
                small_parts += [
                    line[i] for i in count_columns if isinstance(line[i], float | int) and 0 < line[i] < 5.5
                ]
        assert small_parts == []
        for sheet in wb.worksheets:
            for line in sheet.iter_rows(values_only=True):
                assert not any(str(cell) in person_ids for cell in line if cell is not None)


def test_report_refuses_an_unknown_council_or_month(refreshed, capsys):
    assert main(["report", "--la", "E99999999"]) == 1
    assert "unknown council 'E99999999'" in capsys.readouterr().out
    assert main(["report", "--la", "881"]) == 1  # Essex, by its DfE code: a council, not in this warehouse
    assert "not in the warehouse" in capsys.readouterr().out
    assert main(["report", "--la", "E08000018", "--month", "2030-01"]) == 1
    assert "there is no Jan 2030 report" in capsys.readouterr().out.replace("\n", " ")


@pytest.mark.parametrize(
    ("kind", "numerator", "denominator", "value", "expected"),
    [
        ("count", 5, None, 5, True),
        ("count", 6, None, 6, False),
        ("count", 0, None, 0, False),
        ("count", None, None, 5.4, True),  # a year's average of small monthly counts
        ("percentage", 3, 200, 1.5, True),
        ("percentage", 150, 4, 75.0, True),
        ("percentage", 0, 4, 0.0, True),
        ("percentage", 0, 0, None, False),
        ("percentage", 6, 6, 100.0, False),
        ("rate", 4, 57000, 0.7, True),
        ("rate", 60, 57000, 10.5, False),
        ("average", 2100, 5, 420.0, True),
        ("average", 2100, 6, 350.0, False),
    ],
)
def test_small_number_rule(kind, numerator, denominator, value, expected):
    assert is_small(kind, numerator, denominator, value) is expected
