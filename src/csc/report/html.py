"""The report as one self-contained HTML file: inline CSS and SVG, no scripts, fonts or images."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from csc import __version__
from csc.report.cells import fmt, part
from csc.report.chart import line_chart
from csc.report.model import BENCHMARKS, DOT_SYMBOL, POLARITY_LABEL, Report, month_label
from csc.report.revisions import date_text

TEMPLATES = Path(__file__).with_name("templates")


def _charts(report: Report) -> dict[str, str]:
    out = {}
    for row in report.rows:
        benchmarks = []
        for (key, name), value in zip(BENCHMARKS, row.benchmarks, strict=True):
            if value is not None and key in ("stat_neighbour_average", "national_average"):
                benchmarks.append((name, value))
        out[row.indicator_id] = line_chart(
            f"{row.name}: last {len(row.series)} months",
            [month_label(c.month) for c in row.series],
            [None if c.value.suppressed else c.value.value for c in row.series],
            row.type,
            [c.target for c in row.series],
            benchmarks,
        )
    return out


def render(report: Report) -> str:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    d = report.data
    publish = report.publish
    files = [
        {
            "table_name": f["table_name"],
            "file_format": f["file_format"] if f["is_present"] else None,
            "landed": part(f["rows_landed"], publish),
            "quarantined": part(f["rows_quarantined"], publish),
            "loaded": part(f["rows_loaded"], publish),
        }
        for f in d.landed_files
    ]
    quarantine = [{**q, "rows": part(q["n_rows"], publish)} for q in d.quarantine]
    issues = [{**i, "rows": part(i["n_rows"], publish)} for i in d.gate_issues]
    return env.get_template("report.html.j2").render(
        r=report,
        d=d,
        month_long=d.period_end.strftime("%B %Y"),
        label=month_label,
        date_text=date_text,
        fmt=fmt,
        benchmarks=BENCHMARKS,
        polarity_label=POLARITY_LABEL,
        dot_symbol=DOT_SYMBOL,
        charts=_charts(report),
        files=files,
        quarantine=quarantine,
        issues=issues,
        version=__version__,
    )
