"""The report's tables as an Excel workbook (openpyxl): the same figures as the HTML document, unrounded
numbers with a 1 d.p. display format (or `c` when published and suppressed)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from csc.report.cells import Figure, part
from csc.report.model import BENCHMARKS, POLARITY_LABEL, MonthCell, Report, SummaryRow, month_label
from csc.report.revisions import Revision, date_text

FILLS = {
    "green": PatternFill("solid", fgColor="C8E6C9"),
    "amber": PatternFill("solid", fgColor="FFE0A3"),
    "red": PatternFill("solid", fgColor="F5B7B1"),
}
HEAD = Font(bold=True)
FORMATS = {"count": "#,##0.##", "percentage": '0.0"%"', "rate": "#,##0.0", "average": "#,##0.0", "number": "#,##0.##"}
CHANGE_FORMATS = {"count": "+#,##0.##;-#,##0.##;0", "percentage": '+0.0" pts";-0.0" pts";0'}
REVISION_COLUMNS = [
    "indicator_id",
    "indicator",
    "period_end",
    "breakdown",
    "breakdown_value",
    "first_extract_date",
    "first_value",
    "extract_date",
    "value",
    "change",
    "tolerance",
]

CARD_COLUMNS = [
    "indicator_id",
    "indicator",
    "period_end",
    "good_performance_is",
    "numerator",
    "denominator",
    "value",
    "target",
    "variance",
    "target_count",
    "count_variance",
    "previous_value",
    "change",
    "direction_of_travel",
    "rag",
    "exception",
    "sentence",
    "commentary",
]

SUMMARY_COLUMNS = (
    ["indicator_id", "ref", "area", "indicator", "good_performance_is", "data_note"]
    + ["value_two_months_before", "previous_value", "value", "ytd_value", "ytd_method"]
    + ["direction_of_travel", "rag", "tolerance_red", "tolerance_amber", "tolerance_green", "target_value"]
    + [f"fy_minus_{k}_value" for k in range(5, 0, -1)]
    + [key for key, _ in BENCHMARKS]
    + ["region_average", "benchmark_year"]
)


def _put(ws, row: int, col: int, fig: Figure) -> None:
    cell = ws.cell(row=row, column=col, value=fig.export_value)
    if isinstance(fig.export_value, float | int):
        cell.number_format = FORMATS.get(fig.kind, "General")
    else:
        cell.alignment = Alignment(horizontal="right")


def _mark(ws, row: int, col: int, cell: MonthCell) -> None:
    """A revised month's value carries a comment with the first published value and its extract."""
    if cell.revision:
        ws.cell(row=row, column=col).comment = Comment(cell.revision.note, "csc-warehouse", width=320, height=60)


def _header(ws, row: int, names: list[str]) -> None:
    for i, name in enumerate(names, 1):
        ws.cell(row=row, column=i, value=name).font = HEAD
    ws.freeze_panes = ws.cell(row=row + 1, column=1)


def write(report: Report, path: Path) -> Path:
    d = report.data
    wb = Workbook()
    ws = wb.active
    ws.title = "Summary"
    mode = "published (small numbers suppressed: c)" if report.publish else "internal (exact figures)"
    extract = f"figures from the extract of {date_text(d.extract_date)}"
    if report.extract and report.extract.held_back:
        extract += f" (a newer extract of {date_text(report.extract.newest_extract_date)} was held back)"
    ws.append([f"{d.la_name} ({d.la_code}) monthly performance summary, {d.period_end:%B %Y}; {mode}; {extract}"])
    ws.append([f"Months: {', '.join(month_label(m.month) for m in report.rows[0].months)}" if report.rows else ""])
    ws.append([f"Outturns: {', '.join(report.rows[0].outturn_labels)}" if report.rows else ""])
    _header(ws, 4, SUMMARY_COLUMNS)
    for i, row in enumerate(report.rows, 5):
        fixed = [row.indicator_id, row.ref, row.area, row.name, POLARITY_LABEL[row.polarity], row.data_note]
        for c, v in enumerate(fixed, 1):
            ws.cell(row=i, column=c, value=v)
        col = len(fixed) + 1
        for month in row.months:
            _put(ws, i, col, month.value)
            _mark(ws, i, col, month)
            col += 1
        _put(ws, i, col, row.ytd)
        col += 1
        ws.cell(row=i, column=col, value=row.ytd_method)
        ws.cell(row=i, column=col + 1, value=row.dot)
        rag = ws.cell(row=i, column=col + 2, value=row.rag)
        if row.rag:
            rag.fill = FILLS[row.rag]
        for k, t in enumerate(row.tolerances):
            ws.cell(row=i, column=col + 3 + k, value=t)
        ws.cell(row=i, column=col + 6, value=row.target_value)
        col += 7
        for fig in row.outturns:
            _put(ws, i, col, fig)
            col += 1
        for b in [*row.benchmarks, row.region_average]:
            ws.cell(row=i, column=col, value=b)
            col += 1
        ws.cell(row=i, column=col, value=row.benchmark_year)
    _widths(ws, {4: 60, 3: 26, 6: 26})

    vs = wb.create_sheet("Vital signs")
    months = report.vital_months
    _header(vs, 1, ["indicator_id", "indicator", "line"] + [m.isoformat() for m in months] + ["target"])
    r = 2
    for row in report.vital_signs:
        cells = row.series[-len(months) :]
        lines = [("value", [c.value for c in cells])]
        if row.type != "count":
            lines += [("numerator", [c.numerator for c in cells]), ("denominator", [c.denominator for c in cells])]
        for name, figs in lines:
            vs.cell(row=r, column=1, value=row.indicator_id)
            vs.cell(row=r, column=2, value=row.name)
            vs.cell(row=r, column=3, value=name)
            for k, (fig, cell) in enumerate(zip(figs, cells, strict=True)):
                _put(vs, r, 4 + k, fig)
                if name == "value" and cell.rag:
                    vs.cell(row=r, column=4 + k).fill = FILLS[cell.rag]
                if name == "value":
                    _mark(vs, r, 4 + k, cell)
            vs.cell(row=r, column=4 + len(figs), value=row.tolerances[2])
            r += 1
    _widths(vs, {2: 60})

    ms = wb.create_sheet("Indicator months")
    _header(ms, 1, ["indicator_id", "indicator", "period_end", "numerator", "denominator", "value", "target", "rag"])
    r = 2
    for row in report.rows:
        for cell in row.series:
            ms.cell(row=r, column=1, value=row.indicator_id)
            ms.cell(row=r, column=2, value=row.name)
            ms.cell(row=r, column=3, value=cell.month)
            _put(ms, r, 4, cell.numerator)
            _put(ms, r, 5, cell.denominator)
            _put(ms, r, 6, cell.value)
            _mark(ms, r, 6, cell)
            ms.cell(row=r, column=7, value=cell.target)
            ms.cell(row=r, column=8, value=cell.rag)
            r += 1
    _widths(ms, {2: 60, 3: 12})

    ls = wb.create_sheet("Localities")
    _header(ls, 1, ["indicator_id", "indicator", "locality", "numerator", "denominator", "value", "rag"])
    r = 2
    for row in report.rows:
        for loc in row.localities:
            for c, val in enumerate([row.indicator_id, row.name, loc.name], 1):
                ls.cell(row=r, column=c, value=val)
            _put(ls, r, 4, loc.numerator)
            _put(ls, r, 5, loc.denominator)
            _put(ls, r, 6, loc.value)
            rag = ls.cell(row=r, column=7, value=loc.rag)
            if loc.rag:
                rag.fill = FILLS[loc.rag]
            r += 1
    _widths(ls, {2: 60, 3: 24})

    rs = wb.create_sheet("Regional comparison")
    _header(
        rs,
        1,
        ["indicator_id", "indicator"]
        + [c["la_name"] for c in d.councils]
        + ["region", "polarity", "best", "best_value", "worst", "worst_value"],
    )
    for r, g in enumerate(report.region_rows, 2):
        rs.cell(row=r, column=1, value=g.indicator_id)
        rs.cell(row=r, column=2, value=g.name)
        col = 3
        for fig in [*g.by_council, g.region]:
            _put(rs, r, col, fig)
            col += 1
        rs.cell(row=r, column=col, value=POLARITY_LABEL[g.polarity])
        rs.cell(row=r, column=col + 1, value=g.best[0])
        _put(rs, r, col + 2, g.best[1])
        rs.cell(row=r, column=col + 3, value=g.worst[0])
        _put(rs, r, col + 4, g.worst[1])
    _widths(rs, {2: 60})

    cards_sheet(wb.create_sheet("Report cards"), report)
    _revisions_sheet(wb.create_sheet("Revisions"), report)

    dq = wb.create_sheet("Data quality")
    dq.append(["Landing gate", (d.gate or {}).get("status", "not recorded")])
    dq.append(["Extract date", d.extract_date])
    if report.extract:
        dq.append(["Newest extract landed", report.extract.newest_extract_date])
        dq.append(["Newest extract status", "held back" if report.extract.held_back else "in use"])
        if report.extract.held_back:
            dq.append(["Held back because", report.extract.reason])
    dq.append(["History from", d.period_start])
    dq.append([])
    dq.append(["table", "column", "rule", "action", "reason", "rows"])
    for q in d.quarantine:
        dq.append([q["table_name"], q["column_name"], q["rule"], q["action"], q["reason"]])
        _put(dq, dq.max_row, 6, part(q["n_rows"], report.publish))
    dq.append([])
    dq.append(["indicator not available", "why"])
    for u in d.unavailable:
        dq.append([u["indicator_id"], u["unavailable_reason"]])
    _widths(dq, {1: 28, 5: 60})

    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def write_exceptions(report: Report, path: Path) -> Path:
    """The exception report's workbook: one sheet with the card of every indicator reported by exception."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Exceptions"
    cards_sheet(ws, report, report.exceptions)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def cards_sheet(ws, report: Report, rows: list[SummaryRow] | None = None) -> None:
    """One line per report card (default every card; the exception report passes its own): the figures the card
    shows, its sentence and the analysts' commentary."""
    _header(ws, 1, CARD_COLUMNS)
    for r, row in enumerate(report.cards if rows is None else rows, 2):
        card = row.card
        assert card is not None
        f = card.figures
        fixed = [row.indicator_id, row.name, f.month, POLARITY_LABEL[card.polarity]]
        for c, value in enumerate(fixed, 1):
            ws.cell(row=r, column=c, value=value)
        col = len(fixed) + 1
        for fig in (f.numerator, f.denominator, f.value):
            _put(ws, r, col, fig)
            col += 1
        ws.cell(row=r, column=col, value=f.target_text)
        _put(ws, r, col + 1, f.variance)
        _put(ws, r, col + 2, f.target_count)
        _put(ws, r, col + 3, f.count_variance)
        _put(ws, r, col + 4, card.previous)
        _put(ws, r, col + 5, card.change)
        ws.cell(row=r, column=col + 6, value=card.dot)
        rag = ws.cell(row=r, column=col + 7, value=f.rag)
        if f.rag:
            rag.fill = FILLS[f.rag]
        ws.cell(row=r, column=col + 8, value="; ".join(card.reasons) or None)
        ws.cell(row=r, column=col + 9, value=card.sentence)
        ws.cell(row=r, column=col + 10, value=card.commentary.text if card.commentary else None)
    _widths(ws, {2: 50, 17: 80, 18: 80})


def _revisions_sheet(ws, report: Report) -> None:
    """Every figure revised since first published (report section "Figures revised since first published")."""
    if report.revisions is None:
        ws.append(["This warehouse does not keep the figures of earlier extracts, so revisions cannot be shown."])
        return
    if not report.revisions:
        ws.append([f"No figure up to {report.data.period_end:%B %Y} has been revised since it was first published."])
        return
    _header(ws, 1, REVISION_COLUMNS)
    for r, v in enumerate(report.revisions, 2):
        _revision_row(ws, r, v)
    _widths(ws, {2: 60, 5: 24, 6: 16, 8: 16})


def _revision_row(ws, r: int, v: Revision) -> None:
    fixed = [v.indicator_id, v.name, v.month, v.breakdown, v.breakdown_value, v.first_extract_date]
    for c, value in enumerate(fixed, 1):
        ws.cell(row=r, column=c, value=value)
    _put(ws, r, 7, v.first)
    ws.cell(row=r, column=8, value=v.extract_date)
    _put(ws, r, 9, v.current)
    _put(ws, r, 10, v.change)
    if isinstance(v.change.export_value, float | int):
        ws.cell(row=r, column=10).number_format = CHANGE_FORMATS.get(v.change.kind, "+#,##0.0;-#,##0.0;0")
    ws.cell(row=r, column=11, value=v.tolerance)


def _widths(ws, widths: dict[int, int]) -> None:
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
