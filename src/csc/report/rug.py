"""The regional rug of the report: marts.performance_region_quarterly at the latest quarter end on or before the
report month (the Eastern Region "tartan rug"; docs/performance_report.md section 6.1).

One row per indicator, one column per council in the warehouse and one for the region; each council's cell is
shaded by its quartile (1 best for high- and low-is-good measures, neutral shades for info measures). In the
published report a figure is suppressed as any other (csc.report.cells, on the rug's numerator and
denominator), and csc.report.disclosure adds the equations the rug brings (the region from the councils, and
the report council's quarter-to-date figure from its months)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import duckdb

from csc.report.cells import Figure, figure

TABLE = "performance_region_quarterly"


@dataclass
class RugCell:
    la_code: str
    figure: Figure
    rank: int | None
    quartile: int | None
    numerator: float | None
    denominator: float | None

    @property
    def shade(self) -> int | None:
        """The quartile shown as shading: none for a suppressed figure (its place would hint at its size)."""
        return None if self.figure.suppressed else self.quartile

    def hide(self) -> None:
        self.figure = replace(self.figure, suppressed=True)


@dataclass
class RugRow:
    indicator_id: str
    area: str
    name: str
    kind: str  # the rug's type: rate | percentage | average | count
    basis: str
    polarity: str
    numerator_aggregation: str
    cells: list[RugCell]
    region: Figure
    region_numerator: float | None
    region_denominator: float | None

    def hide_region(self) -> None:
        self.region = replace(self.region, suppressed=True)


@dataclass
class Rug:
    quarter_end: date
    months: int  # months from 1 April to the quarter end
    councils: list[tuple[str, str]]  # (la_code, name), the rug's columns
    rows: list[RugRow]

    @property
    def quarter_label(self) -> str:
        start = self.quarter_end.year if self.quarter_end.month > 3 else self.quarter_end.year - 1
        return f"{start}/{(start + 1) % 100:02d} Q{self.months // 3}"


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def load(warehouse: Path, la_code: str, period_end: date, publish: bool) -> Rug | None:
    """The rug at the council's latest quarter end on or before `period_end`; None when there is none (a
    warehouse built before the rug, or no complete quarter)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        exists = con.execute(
            "select count(*) from information_schema.tables where table_schema = 'marts' and table_name = ?", [TABLE]
        ).fetchone()
        if not exists or not exists[0]:
            return None
        found = con.execute(
            f"select max(period_end) from marts.{TABLE} where la_code = ? and period_end <= ?", [la_code, period_end]
        ).fetchone()
        if not found or found[0] is None:
            return None
        quarter_end = found[0]
        rows = _rows(
            con,
            f"""select q.*, i.area, i.name, i.report_order, i.numerator_aggregation, c.la_name
                from marts.{TABLE} q
                join marts.indicators i using (indicator_id)
                left join marts.dim_council c using (la_code)
                where q.period_end = ?
                order by i.report_order, q.la_code""",
            [quarter_end],
        )
    finally:
        con.close()
    return build(quarter_end, rows, publish)


def build(quarter_end: date, rows: list[dict], publish: bool) -> Rug:
    """The rug from rows of performance_region_quarterly (one quarter end) with the indicator's area, name,
    report_order and numerator_aggregation and the council's la_name."""
    councils = sorted({(r["la_code"], r["la_name"] or r["la_code"]) for r in rows})
    by_indicator: dict[str, dict[str, dict]] = {}
    for r in rows:
        by_indicator.setdefault(r["indicator_id"], {})[r["la_code"]] = r
    out = []
    for ind, per_council in by_indicator.items():
        first = next(iter(per_council.values()))
        kind = first["rug_type"]
        cells = []
        for code, _ in councils:
            c = per_council.get(code)
            if c is None:
                cells.append(RugCell(code, Figure(None, kind), None, None, None, None))
                continue
            fig = figure(kind, c["value"], c["numerator"], c["denominator"], publish)
            cells.append(RugCell(code, fig, c["rank_in_region"], c["quartile"], c["numerator"], c["denominator"]))
        region = figure(kind, first["region_value"], first["region_numerator"], first["region_denominator"], publish)
        out.append(
            RugRow(
                indicator_id=ind,
                area=first["area"],
                name=first["name"],
                kind=kind,
                basis=first["basis"],
                polarity=first["polarity"],
                numerator_aggregation=first["numerator_aggregation"],
                cells=cells,
                region=region,
                region_numerator=first["region_numerator"],
                region_denominator=first["region_denominator"],
            )
        )
    months = rows[0]["months_in_quarter_to_date"] if rows else 0
    return Rug(quarter_end, int(months), councils, out)
