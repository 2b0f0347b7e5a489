"""What the report shows, figure by figure, with the small-number convention applied once for both the
HTML document and the Excel workbook."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from csc.report.cards import CARD_MONTHS, Card, Commentary, build_card
from csc.report.cells import Figure, figure, is_small, part, row_figure
from csc.report.data import ReportData
from csc.report.revisions import ExtractStatus, Revision, extract_status, revisions
from csc.report.rug import Rug

POLARITY_LABEL = {"high": "High", "low": "Low", "info": "Info", "within_limits": "Within limits"}
BASIS_LABEL = {"IM": "in month", "R12": "rolling 12 months", "YTD": "year to date", "SNAP": "month end"}
TYPE_LABEL = {"count": "Count", "percentage": "Percentage", "rate": "Rate per 10,000", "average": "Average"}
DOT_SYMBOL = {"better": "↑", "worse": "↓", "same": "→", "up": "↑", "down": "↓"}
BENCHMARKS = [
    ("stat_neighbour_average", "Stat neigh avg"),
    ("best_stat_neighbour", "Best stat neigh"),
    ("national_average", "Nat avg"),
    ("national_top_quartile", "Nat top quartile"),
]


def month_label(d: date) -> str:
    return d.strftime("%b-%y")


@dataclass
class MonthCell:
    month: date
    value: Figure
    numerator: Figure
    denominator: Figure
    rag: str | None
    target: float | None
    revision: Revision | None = None  # the council figure moved since first published


@dataclass(frozen=True)
class LocalityCell:
    """One locality's figures of the month, RAG-rated against the council's target."""

    name: str
    numerator: Figure
    denominator: Figure
    value: Figure
    rag: str | None  # None with no target, no value, or a suppressed value (published)


@dataclass
class SummaryRow:
    indicator_id: str
    ref: int
    area: str
    name: str
    type: str
    polarity: str
    data_note: str
    unit: str
    months: list[MonthCell]
    ytd: Figure
    ytd_method: str
    dot: str | None
    rag: str | None
    target_scheme: str | None
    target_value: float | None
    tolerances: tuple[str | None, str | None, str | None]
    outturn_labels: list[str]
    outturns: list[Figure]
    benchmark_year: str | None
    benchmarks: list[float | None]
    region_average: float | None
    definition: str
    series: list[MonthCell] = field(default_factory=list)  # the 24 months, oldest first
    localities: list[LocalityCell] = field(default_factory=list)
    commentary: Commentary | None = None  # the analysts' commentary of the month
    card: Card | None = None  # the report card, when a target is in force


@dataclass
class RegionRow:
    indicator_id: str
    name: str
    type: str
    polarity: str
    by_council: list[Figure]
    region: Figure
    best: tuple[str | None, Figure]
    worst: tuple[str | None, Figure]


@dataclass
class Report:
    data: ReportData
    publish: bool
    rows: list[SummaryRow]
    vital_signs: list[SummaryRow]
    vital_months: list[date]
    region_rows: list[RegionRow]
    revisions: list[Revision] | None = None  # None: the warehouse keeps no earlier extracts' figures
    extract: ExtractStatus | None = None
    rug: Rug | None = None  # the quarterly regional rug (csc.report.rug), set by csc.report.run

    @property
    def cards(self) -> list[SummaryRow]:
        """The rows with a report card, in report order."""
        return [row for row in self.rows if row.card is not None]

    @property
    def exceptions(self) -> list[SummaryRow]:
        """The rows whose card goes to committee (red, or worsening for the council's number of months)."""
        return [row for row in self.cards if row.card is not None and row.card.is_exception]

    @property
    def withheld_exceptions(self) -> int:
        """Published: how many exceptions rest on a suppressed figure and are not listed."""
        return sum(1 for row in self.cards if row.card is not None and row.card.withheld)

    @property
    def locality_names(self) -> list[str]:
        """Every locality with a figure this month, in name order (the locality RAG table's columns)."""
        return sorted({cell.name for row in self.rows for cell in row.localities})

    @property
    def locality_rag_rows(self) -> list[SummaryRow]:
        """The rows with a target and locality figures (the locality RAG table); none when the warehouse does not
        rate localities."""
        if not self.data.localities_rated:
            return []
        return [row for row in self.rows if row.target_scheme and row.localities]

    @property
    def areas(self) -> list[tuple[str, list[SummaryRow]]]:
        out: list[tuple[str, list[SummaryRow]]] = []
        for row in self.rows:
            if not out or out[-1][0] != row.area:
                out.append((row.area, []))
            out[-1][1].append(row)
        return out


def _month_cell(kind: str, r: dict | None, month: date, publish: bool, revision: Revision | None) -> MonthCell:
    if r is None:
        return MonthCell(
            month, Figure(None, kind), Figure(None, "number"), Figure(None, "number"), None, None, revision
        )
    value = row_figure(kind, r, publish)
    rag = None if value.suppressed else r["rag"]
    return MonthCell(
        month, value, part(r["numerator"], publish), part(r["denominator"], publish), rag, r["target_value"], revision
    )


def _count_variance(data: ReportData, indicator_id: str, cell: MonthCell, publish: bool) -> Figure:
    """A month's variance in counts from its target (Peterborough's "monthly variance from target"), suppressed
    with the month's figures."""
    hidden = publish and (cell.value.suppressed or cell.numerator.suppressed or cell.denominator.suppressed)
    return Figure(data.card_variances.get((indicator_id, cell.month)), "number", hidden)


def _locality(kind: str, loc: dict, publish: bool) -> LocalityCell:
    value = row_figure(kind, loc, publish)
    return LocalityCell(
        loc["locality"],
        part(loc["numerator"], publish),
        part(loc["denominator"], publish),
        value,
        None if value.suppressed else loc["rag"],
    )


def _ytd(data: ReportData, r: dict, publish: bool) -> Figure:
    """The year-to-date figure; an average of monthly values is suppressed when any of its months is."""
    kind = r["type"]
    if r["ytd_method"] != "average of months":
        return figure(kind, r["ytd_value"], r["ytd_numerator"], r["ytd_denominator"], publish)
    months = [
        h
        for m in data.months
        if (h := data.history.get((r["indicator_id"], m))) and h["financial_year"] == r["financial_year"]
    ]
    small = is_small(kind, None, None, r["ytd_value"]) or any(
        is_small(kind, h["numerator"], h["denominator"], h["value"]) for h in months
    )
    return Figure(r["ytd_value"], kind, publish and small)


def build(data: ReportData, publish: bool) -> Report:
    revised = revisions(data, publish)
    council_revised = {(v.indicator_id, v.month): v for v in revised or [] if v.breakdown == "all"}
    rows: list[SummaryRow] = []
    for r in data.summary:
        ind = r["indicator_id"]
        kind = r["type"]
        series = [
            _month_cell(kind, data.history.get((ind, m)), m, publish, council_revised.get((ind, m)))
            for m in data.months
        ]
        months = series[-3:]
        labels = [r[f"fy_minus_{k}_label"] for k in range(5, 0, -1)]
        outturns = [row_figure(kind, data.outturns.get((ind, label)), publish) for label in labels]
        current = series[-1]
        previous = series[-2] if len(series) > 1 else None
        hide_dot = publish and (current.value.suppressed or (previous is not None and previous.value.suppressed))
        localities = [_locality(kind, loc, publish) for loc in data.localities.get(ind, [])]
        note = data.commentary.get(ind)
        commentary = Commentary(note["commentary"], note["author"]) if note else None
        rows.append(
            SummaryRow(
                indicator_id=ind,
                ref=r["report_order"],
                area=r["area"],
                name=r["indicator_name"],
                type=kind,
                polarity=r["polarity"],
                data_note=f"{TYPE_LABEL[kind]}, {BASIS_LABEL[r['basis']]}",
                unit=r["unit"],
                months=months,
                ytd=_ytd(data, r, publish),
                ytd_method=r["ytd_method"],
                dot=None if hide_dot else r["direction_of_travel"],
                rag=current.rag,
                target_scheme=r["target_scheme"],
                target_value=r["target_value"],
                tolerances=(r["tolerance_red"], r["tolerance_amber"], r["tolerance_green"]),
                outturn_labels=labels,
                outturns=outturns,
                benchmark_year=r["benchmark_year"],
                benchmarks=[r[key] for key, _ in BENCHMARKS],
                region_average=r["region_average"],
                definition=data.indicators[ind]["definition"],
                series=series,
                localities=localities,
                commentary=commentary,
            )
        )
    targeted = [row for row in rows if row.target_scheme]
    vital = targeted or [row for row in rows if row.type == "percentage"]
    report = Report(
        data=data,
        publish=publish,
        rows=rows,
        vital_signs=vital,
        vital_months=data.months[-13:],
        region_rows=_region(data, rows, publish),
        revisions=revised,
        extract=extract_status(data),
    )
    attach_cards(report)
    return report


def attach_cards(report: Report) -> None:
    """Each targeted row's report card, from the figures the row shows (the same Figure objects: the card cannot
    disagree with the summary). Called again after secondary suppression (csc.report.disclosure) has hidden
    figures, so that a card never shows a figure hidden elsewhere."""
    data, publish = report.data, report.publish
    summaries = {r["indicator_id"]: r for r in data.summary}
    for row in report.rows:
        card_row = data.cards.get(row.indicator_id)
        if card_row is None:
            row.card = None
            continue
        current = row.series[-1]
        previous = row.series[-2] if len(row.series) > 1 else None
        row.card = build_card(
            card_row,
            summaries[row.indicator_id]["indicator_name"],
            current.value,
            current.numerator,
            current.denominator,
            previous.value if previous is not None else Figure(None, row.type),
            row.ytd,
            row.commentary,
            publish,
        )
        row.card.monthly_count_variance = [
            _count_variance(data, row.indicator_id, c, publish) for c in row.series[-CARD_MONTHS:]
        ]


def _region(data: ReportData, rows: list[SummaryRow], publish: bool) -> list[RegionRow]:
    names = {c["la_code"]: c["la_name"] for c in data.councils}
    out = []
    for row in rows:
        kind = row.type
        reg = data.region.get(row.indicator_id)
        if reg is None:
            continue
        by_council = [
            row_figure(kind, data.council_values.get((row.indicator_id, c["la_code"])), publish) for c in data.councils
        ]

        out.append(
            RegionRow(
                indicator_id=row.indicator_id,
                name=row.name,
                type=kind,
                polarity=data.indicators[row.indicator_id]["polarity"],
                by_council=by_council,
                region=row_figure(kind, reg, publish),
                best=_council_figure(data, row, reg["best_la_code"], names, publish),
                worst=_council_figure(data, row, reg["worst_la_code"], names, publish),
            )
        )
    return out


def _council_figure(
    data: ReportData, row: SummaryRow, code: str | None, names: dict[str, str], publish: bool
) -> tuple[str | None, Figure]:
    v = data.council_values.get((row.indicator_id, code)) if code else None
    name = names.get(code, code) if code and v else None
    return name, row_figure(row.type, v, publish)
