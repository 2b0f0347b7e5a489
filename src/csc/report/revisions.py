"""Figures revised since first published, and which extract the council's figures come from.

Every build recomputes every month from each extract landed, so a month's figure can change after it was first
published (late recording, corrections). The warehouse keeps every extract's figure
(`marts.indicator_value_vintages`) and lists those that moved by more than the council's tolerance for the
indicator, or became known or unknown (`marts.indicator_restatements`); `audit.council_extracts` says which extract
a council's figures come from and why a newer one was held back. This module turns those rows into what the report
shows, with the small-number convention applied to both values and to the change
(docs/performance_report.md section 9).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from csc.report.cells import Figure, is_small
from csc.report.data import ReportData


def date_text(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


@dataclass(frozen=True)
class Revision:
    """One figure of one month and breakdown as first published and as it stands now."""

    indicator_id: str
    name: str
    ref: int
    month: date
    breakdown: str  # all | locality
    breakdown_value: str
    first_extract_date: date
    first: Figure
    extract_date: date
    current: Figure
    change: Figure  # current - first; suppressed when either figure is
    relative_change: float | None  # |change| / |first|; None when either is unknown or the first was zero
    tolerance: float | None

    @property
    def breakdown_label(self) -> str:
        return "Council" if self.breakdown == "all" else f"{self.breakdown.title()}: {self.breakdown_value}"

    @property
    def note(self) -> str:
        """The marker's tooltip: both values and their extracts."""
        return (
            f"Revised: first published {self.first.text} (extract of {date_text(self.first_extract_date)}); "
            f"now {self.current.text} (extract of {date_text(self.extract_date)})"
        )


@dataclass(frozen=True)
class ExtractStatus:
    """Which extract the council's figures come from, and the newest landed."""

    extract_date: date
    newest_extract_date: date
    status: str  # current | held_back | new_council_blocked
    reason: str | None

    @property
    def held_back(self) -> bool:
        return self.status != "current" and self.newest_extract_date != self.extract_date


def _known(x: float | None) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x))


def _vintage(
    kind: str, value: float | None, numerator: float | None, denominator: float | None, found: bool, publish: bool
) -> Figure:
    """A vintage's figure. When the vintage row behind a known value is missing its parts are unknown, and the
    published report suppresses it rather than guess."""
    small = is_small(kind, numerator, denominator, value) or (not found and _known(value))
    return Figure(value, kind, publish and small)


def _relative(first: float | None, current: float | None) -> float | None:
    if not (_known(first) and _known(current)) or first == 0:
        return None
    assert first is not None and current is not None
    return abs(current - first) / abs(first)


def revisions(data: ReportData, publish: bool) -> list[Revision] | None:
    """The council's revised figures, most recent month first; within a month the largest relative change first
    (a figure that became known or unknown, or moved from zero, counts as the largest). In the published report
    the figures whose change is suppressed follow the others in report order, so that the order says nothing about
    them. None when the warehouse keeps no earlier extracts' figures."""
    if data.revisions is None:
        return None
    out = []
    for r in data.revisions:
        ind = data.indicators.get(r["indicator_id"])
        if ind is None:
            continue
        kind = ind["type"]
        first = _vintage(
            kind, r["first_value"], r["first_numerator"], r["first_denominator"], r["first_found"], publish
        )
        current = _vintage(kind, r["value"], r["numerator"], r["denominator"], r["current_found"], publish)
        change = r["value_change"]
        if change is None and _known(r["first_value"]) and _known(r["value"]):
            change = r["value"] - r["first_value"]
        out.append(
            Revision(
                indicator_id=r["indicator_id"],
                name=ind["name"],
                ref=ind["report_order"],
                month=r["period_end"],
                breakdown=r["breakdown"],
                breakdown_value=r["breakdown_value"],
                first_extract_date=r["first_extract_date"],
                first=first,
                extract_date=r["extract_date"],
                current=current,
                change=Figure(change, kind, first.suppressed or current.suppressed),
                relative_change=_relative(r["first_value"], r["value"]),
                tolerance=r["tolerance"],
            )
        )

    def order(v: Revision) -> tuple:
        hidden = v.change.suppressed
        size = 0.0 if hidden else -(math.inf if v.relative_change is None else v.relative_change)
        return (-v.month.toordinal(), hidden, size, v.ref, v.breakdown != "all", v.breakdown_value)

    return sorted(out, key=order)


def extract_status(data: ReportData) -> ExtractStatus | None:
    s = data.extract_status
    if s is None:
        return None
    return ExtractStatus(s["extract_date"], s["newest_extract_date"], s["status"], s["reason"])
