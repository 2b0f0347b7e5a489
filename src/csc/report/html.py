"""The report as one self-contained HTML file: inline CSS and SVG, no scripts, fonts or images."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from csc import __version__
from csc.report.cards import CARD_MONTHS
from csc.report.cells import fmt, part
from csc.report.chart import line_chart
from csc.report.model import BENCHMARKS, DOT_SYMBOL, POLARITY_LABEL, Report, SummaryRow, month_label
from csc.report.revisions import date_text

TEMPLATES = Path(__file__).with_name("templates")


def _chart(row: SummaryRow, months: int) -> str:
    """The row's line chart over its last `months` months (suppressed values left as gaps)."""
    series = row.series[-months:]
    benchmarks = []
    for (key, name), value in zip(BENCHMARKS, row.benchmarks, strict=True):
        if value is not None and key in ("stat_neighbour_average", "national_average"):
            benchmarks.append((name, value))
    return line_chart(
        f"{row.name}: last {len(series)} months",
        [month_label(c.month) for c in series],
        [None if c.value.suppressed else c.value.value for c in series],
        row.type,
        [c.target for c in series],
        benchmarks,
    )


def _charts(report: Report) -> dict[str, str]:
    """The indicator pages' 24-month charts by indicator, and the cards' 13-month charts as card-<indicator>."""
    out = {row.indicator_id: _chart(row, len(row.series)) for row in report.rows}
    out.update({f"card-{row.indicator_id}": _chart(row, CARD_MONTHS) for row in report.cards})
    return out


def _env() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _common(report: Report) -> dict:
    """What every template of the report uses."""
    d = report.data
    return {
        "r": report,
        "d": d,
        "month_long": d.period_end.strftime("%B %Y"),
        "label": month_label,
        "date_text": date_text,
        "fmt": fmt,
        "benchmarks": BENCHMARKS,
        "polarity_label": POLARITY_LABEL,
        "dot_symbol": DOT_SYMBOL,
        "version": __version__,
    }


def render_exceptions(report: Report) -> str:
    """The committee version (Norfolk's report by exception, docs/performance_report.md section 10.5): only the
    indicators whose card is red or has worsened for the council's number of consecutive months, each with its
    card."""
    charts = {f"card-{row.indicator_id}": _chart(row, CARD_MONTHS) for row in report.exceptions}
    return _env().get_template("exceptions.html.j2").render(**_common(report), charts=charts)


def render(report: Report) -> str:
    env = _env()
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
    return_rules = [{**f, "rows": part(f["n_rows"], publish)} for f in d.return_rule_failures]
    cin_rules = [{**f, "rows": part(f["n_rows"], publish)} for f in d.cin_rule_failures]
    return env.get_template("report.html.j2").render(
        **_common(report),
        charts=_charts(report),
        files=files,
        quarantine=quarantine,
        issues=issues,
        return_rules=return_rules,
        cin_rules=cin_rules,
    )
