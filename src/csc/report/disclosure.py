"""Secondary suppression of the published report (docs/performance_report.md section 7): the report's figures
as cells and equations (csc.report.secondary), then every figure `protect` hides shown as `c` in the HTML and
the workbook alike.

The equations a reader of the published report knows:

- a month's value, numerator and denominator determine one another (a count is its numerator);
- the council figure of the report month is the sum of its localities (numerators, and denominators of
  percentages and averages), when they add up exactly;
- the year to date of an activity measure is the sum of the year's months (its numerator, and denominator of a
  percentage or average); a year-to-date average of monthly values is their sum divided by the months;
- an earlier year's outturn is the sum of its twelve months (activity) or its March figure (positions);
- the region is the sum of the councils (the regional comparison); a council's figure shown there is the same
  number as its own month.

The report month's council figure is shown in every council's report (the regional comparison), so the
equations inside one report never hide it when another cell will do, and the regional comparison hides the
region's figure, not another council's: every council's report then hides the same cells of the shared table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from csc.report.cells import Figure
from csc.report.model import MonthCell, RegionRow, Report, SummaryRow, attach_cards
from csc.report.rug import Rug, RugRow
from csc.report.secondary import Cells, Key, Ratio, Sum, protect

Setter = Callable[[], None]


class _Book:
    """Cells, equations, and where each cell is shown (to hide it there)."""

    def __init__(self) -> None:
        self.cells = Cells()
        self.places: dict[Key, list[Setter]] = {}

    def figure(self, key: Key, fig: Figure, hide: Setter) -> Key:
        self.cells.add(key, fig.value, fig.suppressed)
        self.places.setdefault(key, []).append(hide)
        return key

    def hidden(self, key: Key, value: float | None) -> Key:
        return self.cells.add(key, value, hidden=True)

    def ratio(self, value: Key, numerator: Key, denominator: Key | None) -> None:
        self.cells.relations.append(Ratio(value, numerator, denominator))

    def sum(self, total: Key, parts: list[Key], protect_total: bool = False) -> None:
        """total = sum(parts), added only when the numbers add up (otherwise no reader can use it)."""
        values = [self.cells.cells[k].value for k in [total, *parts]]
        if parts and all(v is not None for v in values):
            t, *ps = values
            if abs(sum(ps) - t) < 1e-6:  # type: ignore[arg-type,operator]
                self.cells.relations.append(Sum(total, tuple(parts), protect_total))


def _hide(fig: Figure) -> Figure:
    return replace(fig, suppressed=True)


def _bind(f: Callable[[int, int], None], i: int, part: int) -> Setter:
    return lambda: f(i, part)


def _month(book: _Book, ind: str, kind: str, c: MonthCell) -> tuple[Key, Key, Key | None]:
    base = ("month", ind, c.month)

    def hide_value() -> None:
        c.value, c.rag = _hide(c.value), None

    def hide_numerator() -> None:
        c.numerator = _hide(c.numerator)

    def hide_denominator() -> None:
        c.denominator = _hide(c.denominator)

    v = book.figure((*base, "value"), c.value, hide_value)
    n = book.figure((*base, "numerator"), c.numerator, hide_numerator)
    d = None if kind == "count" else book.figure((*base, "denominator"), c.denominator, hide_denominator)
    book.ratio(v, n, d)
    return v, n, d


def _localities(book: _Book, row: SummaryRow, council: tuple[Key, Key, Key | None]) -> None:
    nums, dens = [], []
    for i, cell in enumerate(row.localities):
        name, n, dd, v = cell.name, cell.numerator, cell.denominator, cell.value
        base = ("locality", row.indicator_id, name)

        def hide(i: int, part: int) -> None:
            c = row.localities[i]
            figs = [c.numerator, c.denominator, c.value]
            figs[part - 1] = _hide(figs[part - 1])
            # a hidden value takes its RAG with it (the colour would tell which side of the target it is)
            rag = None if part == 3 else c.rag
            row.localities[i] = replace(c, numerator=figs[0], denominator=figs[1], value=figs[2], rag=rag)

        vk = book.figure((*base, "value"), v, _bind(hide, i, 3))
        nk = book.figure((*base, "numerator"), n, _bind(hide, i, 1))
        dk = None if row.type == "count" else book.figure((*base, "denominator"), dd, _bind(hide, i, 2))
        book.ratio(vk, nk, dk)
        nums.append(nk)
        if dk is not None:
            dens.append(dk)
    book.sum(council[1], nums)
    if row.type in ("percentage", "average") and council[2] is not None:
        book.sum(council[2], dens)


def _year(
    book: _Book,
    key: Key,
    fig: Figure,
    hide: Setter,
    kind: str,
    method: str,
    months: list[tuple[Key, Key, Key | None]],
    numerator: float | None,
    denominator: float | None,
) -> None:
    """A year-to-date or outturn figure and the months it is built from."""
    yk = book.figure(key, fig, hide)
    if method == "average of months":
        total = book.hidden((key, "sum"), sum(book.cells.cells[v].value or 0 for v, _, _ in months))
        book.sum(total, [v for v, _, _ in months])
        book.ratio(yk, total, None)
        return
    nk = book.hidden((key, "numerator"), numerator)
    book.sum(nk, [n for _, n, _ in months])
    dk = None
    if kind in ("percentage", "average"):
        dk = book.hidden((key, "denominator"), denominator)
        book.sum(dk, [d for _, _, d in months if d is not None])
    book.ratio(yk, nk, dk)


def _financial_year(d: date) -> str:
    start = d.year if d.month >= 4 else d.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def _row(book: _Book, report: Report, row: SummaryRow, summary: dict) -> None:
    ind, kind = row.indicator_id, row.type
    months = {c.month: _month(book, ind, kind, c) for c in row.series}
    current = months.get(report.data.period_end)
    if current is not None:
        _localities(book, row, current)
    fy = summary["financial_year"]
    this_year = [m for c, m in months.items() if _financial_year(c) == fy]

    def hide_ytd() -> None:
        row.ytd = _hide(row.ytd)

    if row.ytd_method in ("year total", "average of months"):
        _year(
            book,
            ("ytd", ind),
            row.ytd,
            hide_ytd,
            kind,
            row.ytd_method,
            this_year,
            summary["ytd_numerator"],
            summary["ytd_denominator"],
        )
    for i, label in enumerate(row.outturn_labels):
        out = report.data.outturns.get((ind, label))
        year = [m for c, m in months.items() if _financial_year(c) == label]
        if out is None or len(year) != 12:
            continue

        def hide_outturn(i: int = i) -> None:
            row.outturns[i] = _hide(row.outturns[i])

        if out["outturn_method"] == "year total":
            _year(
                book,
                ("outturn", ind, label),
                row.outturns[i],
                hide_outturn,
                kind,
                "year total",
                year,
                out["numerator"],
                out["denominator"],
            )
        else:
            march = [m for c, m in months.items() if _financial_year(c) == label and c.month == 3]
            ok = book.figure(("outturn", ind, label), row.outturns[i], hide_outturn)
            book.sum(ok, [march[0][0]])


def _region(book: _Book, report: Report, g: RegionRow) -> None:
    d = report.data
    ind, kind = g.indicator_id, g.type
    reg = d.region[ind]
    public_denominator = kind in ("count", "rate")  # a count has none; a rate's is the 0-17 population
    nums, dens = [], []
    for i, (council, fig) in enumerate(zip(d.councils, g.by_council, strict=True)):
        la = council["la_code"]
        own = la == d.la_code

        def hide(i: int = i, la: str = la) -> None:
            g.by_council[i] = _hide(g.by_council[i])
            if g.best[0] is not None and reg["best_la_code"] == la:
                g.best = (g.best[0], _hide(g.best[1]))
            if g.worst[0] is not None and reg["worst_la_code"] == la:
                g.worst = (g.worst[0], _hide(g.worst[1]))

        base = ("month", ind, d.period_end) if own else ("council", ind, la)
        vk = book.figure((*base, "value"), fig, hide)
        values = d.council_values.get((ind, la)) or {}
        nk = (*base, "numerator") if own else book.hidden((*base, "numerator"), values.get("numerator"))
        if own and nk not in book.cells.cells:
            book.hidden(nk, values.get("numerator"))
        dk = None
        if not public_denominator:
            dk = (*base, "denominator") if own else book.hidden((*base, "denominator"), values.get("denominator"))
            if own and dk not in book.cells.cells:
                book.hidden(dk, values.get("denominator"))
        book.ratio(vk, nk, dk)
        nums.append(nk)
        if dk is not None:
            dens.append(dk)

    def hide_region() -> None:
        g.region = _hide(g.region)

    rk = book.figure(("region", ind, "value"), g.region, hide_region)
    if reg.get("numerator") is None or d.indicators[ind]["numerator_aggregation"] == "max":
        return
    rn = book.hidden(("region", ind, "numerator"), reg["numerator"])
    book.sum(rn, nums, protect_total=True)
    rd = None
    if not public_denominator:
        rd = book.hidden(("region", ind, "denominator"), reg["denominator"])
        book.sum(rd, dens, protect_total=True)
    book.ratio(rk, rn, rd)


def _rug(book: _Book, report: Report, rug: Rug, g: RugRow) -> None:
    """The rug's councils and region, and the report council's quarter-to-date figure from its months."""
    ind, kind = g.indicator_id, g.kind
    public_denominator = kind in ("count", "rate")
    nums, dens = [], []
    for cell in g.cells:
        base = ("rug", ind, cell.la_code)
        vk = book.figure((*base, "value"), cell.figure, cell.hide)
        nk = book.hidden((*base, "numerator"), cell.numerator)
        dk = None if public_denominator else book.hidden((*base, "denominator"), cell.denominator)
        book.ratio(vk, nk, dk)
        nums.append(nk)
        if dk is not None:
            dens.append(dk)
        if cell.la_code == report.data.la_code:
            start = date(rug.quarter_end.year - (rug.quarter_end.month <= 3), 4, 1)
            months = [
                m
                for m in report.data.months
                if (start <= m <= rug.quarter_end if g.basis == "IM" else m == rug.quarter_end)
            ]
            book.sum(
                nk,
                [("month", ind, m, "numerator") for m in months if ("month", ind, m, "numerator") in book.cells.cells],
            )
            if dk is not None:
                book.sum(
                    dk,
                    [
                        ("month", ind, m, "denominator")
                        for m in months
                        if ("month", ind, m, "denominator") in book.cells.cells
                    ],
                )
    rk = book.figure(("rug region", ind, "value"), g.region, g.hide_region)
    if g.numerator_aggregation == "max":
        return
    rn = book.hidden(("rug region", ind, "numerator"), g.region_numerator)
    book.sum(rn, nums, protect_total=True)
    rd = None
    if not public_denominator:
        rd = book.hidden(("rug region", ind, "denominator"), g.region_denominator)
        book.sum(rd, dens, protect_total=True)
    book.ratio(rk, rn, rd)


def apply(report: Report) -> set[Key]:
    """Hide in `report` (published) every figure secondary suppression needs; returns their keys."""
    if not report.publish:
        return set()
    book = _Book()
    summaries = {r["indicator_id"]: r for r in report.data.summary}
    for row in report.rows:
        _row(book, report, row, summaries[row.indicator_id])
    for g in report.region_rows:
        _region(book, report, g)
    if report.rug is not None:
        for rr in report.rug.rows:
            _rug(book, report, report.rug, rr)
    keep = {
        k
        for k in book.cells.cells
        if isinstance(k, tuple) and k[:1] == ("month",) and k[2:3] == (report.data.period_end,)
    }
    added = protect(book.cells, keep)
    for key in added:
        for hide in book.places.get(key, []):
            hide()
    _after(report)
    attach_cards(report)  # the cards again, from the figures as now shown
    return added


def _after(report: Report) -> None:
    """What follows from a hidden month: its RAG and direction of travel, and its revision's current value."""
    hidden = {(row.indicator_id, c.month, "all", "") for row in report.rows for c in row.series if c.value.suppressed}
    hidden |= {
        (row.indicator_id, report.data.period_end, "locality", cell.name)
        for row in report.rows
        for cell in row.localities
        if cell.value.suppressed
    }
    for row in report.rows:
        current = row.series[-1] if row.series else None
        if current is not None:
            row.rag = current.rag
            previous = row.series[-2] if len(row.series) > 1 else None
            if current.value.suppressed or (previous is not None and previous.value.suppressed):
                row.dot = None
        for c in row.series:
            if c.revision is not None and c.value.suppressed and not c.revision.current.suppressed:
                c.revision = replace(c.revision, current=_hide(c.revision.current), change=_hide(c.revision.change))
    if report.revisions:
        report.revisions = [
            replace(v, current=_hide(v.current), change=_hide(v.change))
            if (v.indicator_id, v.month, v.breakdown, "" if v.breakdown == "all" else v.breakdown_value) in hidden
            else v
            for v in report.revisions
        ]
