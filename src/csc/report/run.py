"""`csc report`: council-month reports as HTML and Excel."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from csc.councils import resolve_council
from csc.report import data as report_data
from csc.report import disclosure, excel, html, model, rug


@dataclass
class ReportFiles:
    la_code: str
    period_end: date
    publish: bool
    html: Path
    xlsx: Path
    seconds: float


def make_report(
    warehouse: Path,
    la_code: str,
    period_end: date | None,
    out_dir: Path,
    publish: bool = False,
    exceptions: bool = False,
) -> ReportFiles:
    """Read the warehouse and write <out_dir>/<la_code>_<YYYY-MM>_performance_report[_published].html/.xlsx, or
    with `exceptions` the committee version <la_code>_<YYYY-MM>_exception_report[_published].html/.xlsx (only the
    indicators red or worsening for the council's number of months, each with its report card)."""
    started = time.perf_counter()
    d = report_data.load(warehouse, la_code, period_end)
    report = model.build(d, publish)
    report.rug = rug.load(warehouse, la_code, d.period_end, publish)
    disclosure.apply(report)  # secondary suppression (published only)
    kind = "exception_report" if exceptions else "performance_report"
    stem = f"{la_code}_{d.period_end:%Y-%m}_{kind}" + ("_published" if publish else "")
    out_dir.mkdir(parents=True, exist_ok=True)
    html_path = out_dir / f"{stem}.html"
    tmp = html_path.with_suffix(".html.tmp")
    tmp.write_text(html.render_exceptions(report) if exceptions else html.render(report), encoding="utf-8")
    tmp.replace(html_path)
    xlsx = out_dir / f"{stem}.xlsx"
    xlsx_path = excel.write_exceptions(report, xlsx) if exceptions else excel.write(report, xlsx)
    return ReportFiles(la_code, d.period_end, publish, html_path, xlsx_path, time.perf_counter() - started)


def make_reports(
    warehouse: Path,
    out_dir: Path,
    la: str | None = None,
    month: str | None = None,
    modes: Sequence[bool] = (False,),
    exceptions: bool = False,
) -> Iterator[ReportFiles]:
    """The reports of council `la` (DfE or ONS code; default every council in the warehouse) for `month`
    (YYYY-MM; default each council's latest month), one per mode (False internal, True published), each
    yielded once written; with `exceptions` the exception reports instead. Raises ReportError, or UnknownCouncil
    (a ValueError) when `la` names no council."""
    code = resolve_council(la).la_code if la else None
    period_end = report_data.month_end(month) if month else None
    councils = [code] if code else [c for c, _ in report_data.councils_in(warehouse)]
    for la_code in councils:
        for publish in modes:
            yield make_report(warehouse, la_code, period_end, out_dir, publish, exceptions)
