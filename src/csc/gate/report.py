"""The gate's readable report: reports/landing_gate.json and reports/landing_gate.html, and the Great
Expectations result of each table's suite as reports/validations/<table>.json."""

from __future__ import annotations

import html
import json
from datetime import datetime
from pathlib import Path

from csc.gate.validations import write_validations


def write_reports(result, reports: Path, landing: Path, when: datetime) -> tuple[Path, Path]:
    reports.mkdir(parents=True, exist_ok=True)
    doc = {
        "generated_at": when.isoformat(timespec="seconds"),
        "landing_root": str(landing),
        "status": "blocked" if result.blocking else "passed",
        "seconds": round(result.seconds, 2),
        "phase_seconds": result.phase_seconds,
        "councils": result.councils,
        "files": result.files,
        "issues": [i.as_dict() for i in result.issues],
        "expectations": [
            {"table": table, **v.statistics, "success": v.success} for table, v in result.validations.items()
        ],
    }
    if result.validations:
        write_validations(result.validations, reports)
    json_path = reports / "landing_gate.json"
    json_path.write_text(json.dumps(doc, indent=2, default=str) + "\n")
    html_path = reports / "landing_gate.html"
    html_path.write_text(_html(doc))
    return json_path, html_path


def _html(doc: dict) -> str:
    e = html.escape
    colour = {"blocking": "#c0392b", "warning": "#b9770e", "info": "#555"}
    issue_rows = "".join(
        f"<tr><td style='color:{colour[i['severity']]}'><b>{e(i['severity'])}</b></td><td>{e(i['location'])}</td>"
        f"<td>{e(i['column'] or '')}</td><td>{e(i['rule'])}</td><td class=n>{i['rows']:,}</td>"
        f"<td>{e(i['message'])}</td><td>{e(', '.join(i['examples'][:5]))}</td></tr>"
        for i in sorted(doc["issues"], key=lambda i: ["blocking", "warning", "info"].index(i["severity"]))
    )
    file_rows = "".join(
        f"<tr><td>{e(f['la_code'])}</td><td>{e(f['table'])}</td><td>{e(f['file'] or 'not landed')}</td>"
        f"<td class=n>{f['rows_landed']:,}</td><td class=n>{f['rows_quarantined']:,}</td>"
        f"<td class=n>{f['rows_loaded']:,}</td></tr>"
        for f in doc["files"]
    )
    councils = "".join(
        f"<li>{e(c['la_code'])} {e(c['la_name'])}: extract {e(c['extract_date'])}, history from "
        f"{e(c['period_start'])} ({e(c['folder'])})</li>"
        for c in doc["councils"]
    )
    suites = "".join(
        f"<tr><td>{e(s['table'])}</td><td class=n>{s['evaluated_expectations']}</td>"
        f"<td class=n>{s['unsuccessful_expectations']}</td></tr>"
        for s in doc["expectations"]
    )
    status = doc["status"].upper()
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Landing gate report</title><style>
body{{font-family:system-ui,sans-serif;margin:2em;color:#222}} table{{border-collapse:collapse;margin:1em 0}}
td,th{{border:1px solid #ccc;padding:4px 8px;font-size:13px;text-align:left;vertical-align:top}}
th{{background:#f0f0f0}} .n{{text-align:right}} .status{{font-size:20px;font-weight:bold}}
</style></head><body>
<h1>Landing gate report</h1>
<p class=status style="color:{"#c0392b" if status == "BLOCKED" else "#1e8449"}">{status}</p>
<p>Generated {e(doc["generated_at"])} from {e(doc["landing_root"])} in {doc["seconds"]} s.</p>
<h2>Extracts</h2><ul>{councils or "<li>none</li>"}</ul>
<h2>Issues</h2><table><tr><th>severity</th><th>file</th><th>column</th><th>rule</th><th>rows</th>
<th>message</th><th>examples</th></tr>{issue_rows or "<tr><td colspan=7>none</td></tr>"}</table>
<h2>Files</h2><table><tr><th>council</th><th>table</th><th>file</th><th>rows landed</th>
<th>rows quarantined</th><th>rows loaded</th></tr>{file_rows}</table>
<h2>Expectation suites</h2><p>Great Expectations results per table: validations/&lt;table&gt;.json.</p>
<table><tr><th>table</th><th>expectations evaluated</th><th>failed</th></tr>
{suites or "<tr><td colspan=3>none</td></tr>"}</table>
</body></html>
"""
