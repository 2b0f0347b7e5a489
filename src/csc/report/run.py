"""`csc report`: one council-month report as HTML and Excel."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from csc.report import data as report_data
from csc.report import excel, html, model


@dataclass
class ReportFiles:
    la_code: str
    period_end: date
    publish: bool
    html: Path
    xlsx: Path
    seconds: float


def make_report(
    warehouse: Path, la_code: str, period_end: date | None, out_dir: Path, publish: bool = False
) -> ReportFiles:
    """Read the warehouse and write <out_dir>/<la_code>_<YYYY-MM>_performance_report[_published].html/.xlsx."""
    started = time.perf_counter()
    d = report_data.load(warehouse, la_code, period_end)
    report = model.build(d, publish)
    stem = f"{la_code}_{d.period_end:%Y-%m}_performance_report" + ("_published" if publish else "")
    out_dir.mkdir(parents=True, exist_ok=True)
    html_path = out_dir / f"{stem}.html"
    tmp = html_path.with_suffix(".html.tmp")
    tmp.write_text(html.render(report), encoding="utf-8")
    tmp.replace(html_path)
    xlsx_path = excel.write(report, out_dir / f"{stem}.xlsx")
    return ReportFiles(la_code, d.period_end, publish, html_path, xlsx_path, time.perf_counter() - started)
