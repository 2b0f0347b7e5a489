"""Everything one council-month report shows, read from the published warehouse (aggregates only: no
table the report reads holds a person id)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

from csc.db import scalar


class ReportError(Exception):
    """The report cannot be made (no warehouse, unknown council, month outside the extract)."""


@dataclass
class ReportData:
    la_code: str
    la_name: str
    period_end: date
    extract_date: date
    period_start: date
    built_at: object
    months: list[date]  # the 24 months ending with period_end that the extract covers, oldest first
    summary: list[dict]  # performance_summary rows of the month, in report order
    history: dict[tuple[str, date], dict]  # (indicator, month) -> performance_summary row
    outturns: dict[tuple[str, str], dict]  # (indicator, financial_year) -> performance_financial_years row
    localities: dict[str, list[dict]]  # indicator -> performance_locality_rag rows of the month (with RAG)
    councils: list[dict]  # every council in the warehouse (regional comparison columns)
    region: dict[str, dict]  # indicator -> performance_region row of the month
    council_values: dict[tuple[str, str], dict]  # (indicator, la_code) -> indicator_values row of the month
    indicators: dict[str, dict]  # indicator -> marts.indicators row
    unavailable: list[dict] = field(default_factory=list)
    gate: dict | None = None
    gate_issues: list[dict] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)
    landed_files: list[dict] = field(default_factory=list)
    # figures that moved since first published (indicator_restatements with the parts of both vintages), months up
    # to period_end; None when the warehouse keeps no earlier extracts' figures
    revisions: list[dict] | None = None
    extract_status: dict | None = None  # audit.council_extracts row: which extract, and any newer one held back
    cards: dict[str, dict] = field(default_factory=dict)  # indicator -> performance_cards row of the month
    # (indicator, month) -> count_variance of performance_cards, the months of `months` (the cards' monthly variance)
    card_variances: dict[tuple[str, date], float | None] = field(default_factory=dict)
    localities_rated: bool = True  # False: a warehouse published before locality RAG (localities shown unrated)
    commentary: dict[str, dict] = field(default_factory=dict)  # indicator -> performance_commentary row of the month
    # the DfE SSDA903 rules the council's returns break, by collection year and rule (returns.ssda903_rule_failures)
    return_rule_failures: list[dict] = field(default_factory=list)
    # the DfE CIN census rules the council's censuses break, by census year and rule (returns.cin_census_rule_failures)
    cin_rule_failures: list[dict] = field(default_factory=list)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _table_exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    """A table or view of that name exists (information_schema.tables lists both)."""
    return bool(
        scalar(
            con.execute(
                "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
                [schema, table],
            )
        )
    )


def month_end(month: str) -> date:
    """'YYYY-MM' -> the month's last day."""
    try:
        y, m = (int(p) for p in month.split("-"))
        first_next = date(y + (m == 12), m % 12 + 1, 1)
    except (ValueError, TypeError) as exc:
        raise ReportError(f"--month must be YYYY-MM, got {month!r}") from exc
    return date.fromordinal(first_next.toordinal() - 1)


def councils_in(warehouse: Path) -> list[tuple[str, date]]:
    """(la_code, latest month end) of every council in the warehouse."""
    con = _connect(warehouse)
    try:
        return [
            (r[0], r[1])
            for r in con.execute(
                "select la_code, max(period_end) from marts.performance_summary group by 1 order by 1"
            ).fetchall()
        ]
    finally:
        con.close()


def _connect(warehouse: Path) -> duckdb.DuckDBPyConnection:
    if not warehouse.exists():
        raise ReportError(f"No warehouse at {warehouse}: run `csc build` first.")
    return duckdb.connect(str(warehouse), read_only=True)


def load(warehouse: Path, la_code: str, period_end: date | None) -> ReportData:
    con = _connect(warehouse)
    try:
        return _load(con, la_code, period_end)
    finally:
        con.close()


def _extract_status(con: duckdb.DuckDBPyConnection, la_code: str) -> dict | None:
    """The council's audit.council_extracts row: the extract its figures come from, the newest landed, and
    why a newer one was held back (None when the warehouse does not record it)."""
    if not _table_exists(con, "audit", "council_extracts"):
        return None
    found = _rows(
        con,
        """select extract_date, newest_extract_date, status, reason from audit.council_extracts
           where la_code = ?""",
        [la_code],
    )
    return found[0] if found else None


def _revisions(con: duckdb.DuckDBPyConnection, la_code: str, period_end: date) -> list[dict] | None:
    """The council's figures of months up to period_end that moved since first published
    (marts.indicator_restatements), with the numerator and denominator of both vintages
    (marts.indicator_value_vintages) so that the published report can suppress them. None when the warehouse
    keeps no vintages."""
    vintages = _table_exists(con, "marts", "indicator_value_vintages")
    if not (vintages and _table_exists(con, "marts", "indicator_restatements")):
        return None
    return _rows(
        con,
        """select r.indicator_id, r.period_end, r.breakdown, r.breakdown_value,
                  r.first_extract_date, r.first_value, f.numerator as first_numerator,
                  f.denominator as first_denominator, f.la_code is not null as first_found,
                  r.extract_date, r.value, c.numerator, c.denominator, c.la_code is not null as current_found,
                  r.value_change, r.tolerance
           from marts.indicator_restatements r
           left join marts.indicator_value_vintages f
             on f.la_code = r.la_code and f.indicator_id = r.indicator_id and f.period_end = r.period_end
            and f.breakdown = r.breakdown and f.breakdown_value is not distinct from r.breakdown_value
            and f.extract_date = r.first_extract_date
           left join marts.indicator_value_vintages c
             on c.la_code = r.la_code and c.indicator_id = r.indicator_id and c.period_end = r.period_end
            and c.breakdown = r.breakdown and c.breakdown_value is not distinct from r.breakdown_value
            and c.extract_date = r.extract_date
           where r.la_code = ? and r.period_end <= ?
           order by r.period_end desc, r.indicator_id, r.breakdown, r.breakdown_value""",
        [la_code, period_end],
    )


def _load(con: duckdb.DuckDBPyConnection, la_code: str, period_end: date | None) -> ReportData:
    status = _extract_status(con, la_code)
    council = _rows(
        con,
        """select c.la_code, c.la_name, m.extract_date, m.period_start,
                  min(s.period_end) as first_month, max(s.period_end) as last_month
           from marts.dim_council c
           join raw.manifests m using (la_code)
           join marts.performance_summary s using (la_code)
           where c.la_code = ? group by all order by m.extract_date desc""",
        [la_code],
    )
    if not council:
        if status and status["status"] == "new_council_blocked":
            raise ReportError(
                f"Council {la_code} has no figures in the warehouse: its first extract "
                f"({status['newest_extract_date']:%d %B %Y}) was held back: {status['reason']}"
            )
        known = ", ".join(r[0] for r in con.execute("select la_code from marts.dim_council order by 1").fetchall())
        raise ReportError(f"Council {la_code} is not in the warehouse (it holds: {known or 'none'}).")
    # with several extracts landed, the one the council's figures come from (else the newest)
    used = [r for r in council if status and r["extract_date"] == status["extract_date"]]
    c = (used or council)[0]
    period_end = period_end or c["last_month"]
    if not (c["first_month"] <= period_end <= c["last_month"]):
        raise ReportError(
            f"{la_code}'s extract covers {c['first_month']:%b %Y} to {c['last_month']:%b %Y}; "
            f"there is no {period_end:%b %Y} report."
        )
    months = [
        r[0]
        for r in con.execute(
            """select distinct period_end from marts.performance_summary
               where la_code = ? and period_end <= ? order by period_end desc limit 24""",
            [la_code, period_end],
        ).fetchall()
    ][::-1]
    history_rows = _rows(
        con,
        "select * from marts.performance_summary where la_code = ? and period_end between ? and ? "
        "order by report_order, period_end",
        [la_code, months[0], period_end],
    )
    history = {(r["indicator_id"], r["period_end"]): r for r in history_rows}
    summary = [r for r in history_rows if r["period_end"] == period_end]
    outturns = {
        (r["indicator_id"], r["financial_year"]): r
        for r in _rows(con, "select * from marts.performance_financial_years where la_code = ?", [la_code])
    }
    localities: dict[str, list[dict]] = {}
    # a warehouse published before locality RAG was computed shows its localities unrated
    localities_rated = _table_exists(con, "marts", "performance_locality_rag")
    locality_sql = (
        """select indicator_id, locality, numerator, denominator, value, rag from marts.performance_locality_rag
           where la_code = ? and period_end = ? order by indicator_id, locality"""
        if localities_rated
        else """select indicator_id, breakdown_value as locality, numerator, denominator, value, null as rag
           from marts.indicator_values
           where la_code = ? and period_end = ? and breakdown = 'locality' order by indicator_id, locality"""
    )
    for r in _rows(con, locality_sql, [la_code, period_end]):
        localities.setdefault(r["indicator_id"], []).append(r)
    councils = _rows(
        con,
        """select c.la_code, c.la_name from marts.dim_council c
           where exists (select 1 from marts.indicator_values v where v.la_code = c.la_code and v.period_end = ?)
           order by c.la_name""",
        [period_end],
    )
    region = {
        r["indicator_id"]: r
        for r in _rows(con, "select * from marts.performance_region where period_end = ?", [period_end])
    }
    council_values = {
        (r["indicator_id"], r["la_code"]): r
        for r in _rows(
            con,
            "select * from marts.indicator_values where period_end = ? and breakdown = 'all'",
            [period_end],
        )
    }
    indicators = {r["indicator_id"]: r for r in _rows(con, "select * from marts.indicators order by report_order")}
    unavailable = _rows(
        con,
        """select a.indicator_id, i.name, a.unavailable_reason from marts.indicator_availability a
           join marts.indicators i using (indicator_id)
           where a.la_code = ? and not a.is_available order by i.report_order""",
        [la_code],
    )
    gate = None
    gate_issues: list[dict] = []
    if _table_exists(con, "audit", "landing_gate"):
        found = _rows(con, "select * from audit.landing_gate where la_code = ?", [la_code])
        gate = found[0] if found else None
        gate_issues = _rows(
            con,
            """select severity, table_name, column_name, rule, n_rows, message from audit.landing_gate_issues
               where la_code = ? order by case severity when 'blocking' then 0 when 'warning' then 1 else 2 end,
               table_name, rule""",
            [la_code],
        )
    quarantine = _rows(
        con,
        """select table_name, column_name, rule, action, min(reason) as reason, count(*) as n_rows
           from raw.quarantine where la_code = ? group by all order by n_rows desc, table_name""",
        [la_code],
    )
    landed_files = _rows(
        con,
        """select table_name, file_format, is_present, rows_landed, rows_quarantined, rows_loaded
           from raw.landed_files where la_code = ? order by table_name""",
        [la_code],
    )
    built_at = (
        scalar(con.execute("select max(built_at) from audit.build_info"))
        if _table_exists(con, "audit", "build_info")
        else None
    )
    return ReportData(
        la_code=la_code,
        la_name=c["la_name"],
        period_end=period_end,
        extract_date=c["extract_date"],
        period_start=c["period_start"],
        built_at=built_at,
        months=months,
        summary=summary,
        history=history,
        outturns=outturns,
        localities=localities,
        councils=councils,
        region=region,
        council_values=council_values,
        indicators=indicators,
        unavailable=unavailable,
        gate=gate,
        gate_issues=gate_issues,
        quarantine=quarantine,
        landed_files=landed_files,
        revisions=_revisions(con, la_code, period_end),
        extract_status=status,
        cards=_by_indicator(con, "marts.performance_cards", la_code, period_end),
        localities_rated=localities_rated,
        card_variances=_card_variances(con, la_code, months[0], period_end),
        commentary=_by_indicator(con, "marts.performance_commentary", la_code, period_end),
        return_rule_failures=_return_rule_failures(con, la_code),
        cin_rule_failures=_return_rule_failures(con, la_code, "returns.cin_census_rule_failures"),
    )


# the audit tables of the DfE return validation rules (docs/returns.md sections 4 and 7)
RETURN_AUDIT_TABLES = ("returns.ssda903_rule_failures", "returns.cin_census_rule_failures")


def _return_rule_failures(
    con: duckdb.DuckDBPyConnection, la_code: str, audit_table: str = "returns.ssda903_rule_failures"
) -> list[dict]:
    """Each DfE rule the council's returns break (docs/returns.md), from the return's audit table in schema returns
    (ssda903_rule_failures or cin_census_rule_failures): rule, severity, table, field, message and how many rows, per
    collection year; counts only (the rows themselves stay in the warehouse)."""
    if audit_table not in RETURN_AUDIT_TABLES:
        raise ValueError(f"not a return audit table: {audit_table}")
    schema, table = audit_table.split(".")
    if not _table_exists(con, schema, table):
        return []
    return _rows(
        con,
        f"""select collection_year, rule_number, severity, table_name, field, message, n_rows
           from (
               select collection_year, rule_number, severity, table_name, field, message, count(*) as n_rows
               from {audit_table} where la_code = ?
               group by collection_year, rule_number, severity, table_name, field, message
           )
           order by collection_year desc, severity, try_cast(rule_number as integer), rule_number""",
        [la_code],
    )


def _card_variances(
    con: duckdb.DuckDBPyConnection, la_code: str, first: date, last: date
) -> dict[tuple[str, date], float | None]:
    """Each card's variance in counts (numerator - target count) for the months from first to last."""
    if not _table_exists(con, "marts", "performance_cards"):
        return {}
    return {
        (r["indicator_id"], r["period_end"]): r["count_variance"]
        for r in _rows(
            con,
            """select indicator_id, period_end, count_variance from marts.performance_cards
               where la_code = ? and period_end between ? and ?""",
            [la_code, first, last],
        )
    }


def _by_indicator(con: duckdb.DuckDBPyConnection, relation: str, la_code: str, period_end: date) -> dict[str, dict]:
    """The council's rows of a per-indicator performance mart (`marts.<name>`) for the month, by indicator; none
    from a warehouse published before the mart existed."""
    if not _table_exists(con, *relation.split(".")):
        return {}
    return {
        r["indicator_id"]: r
        for r in _rows(con, f"select * from {relation} where la_code = ? and period_end = ?", [la_code, period_end])
    }
