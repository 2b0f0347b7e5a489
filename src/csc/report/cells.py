"""Formatting figures for the report, and the DfE small-number convention for published outputs.

Published outputs show counts from 1 to 5, and the rates, percentages and averages built on them, as `c`
(zero is shown: it discloses nothing). The decision is made from a figure's numerator and denominator:

- count:       the value (a count, or a year's average of monthly counts) is more than 0 and at most 5
- percentage:  numerator or denominator from 1 to 5
- rate:        numerator (the count) from 1 to 5; the denominator is the 0-17 population
- average:     denominator (children, cases or FTE) more than 0 and below 5.5
A figure whose parts are unknown (an average of monthly values) is suppressed when any month it is built
from would be.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SUPPRESSED = "c"
MISSING = "–"


def _small(x: float | None) -> bool:
    """From 1 to 5 for counts; a fractional part (an FTE total) below 5.5 is treated the same way."""
    return x is not None and not _nan(x) and 0 < round(x, 6) < 5.5


def _nan(x: float | None) -> bool:
    return isinstance(x, float) and math.isnan(x)


def is_small(kind: str, numerator: float | None, denominator: float | None, value: float | None) -> bool:
    """True when the DfE convention suppresses this figure in published outputs."""
    if kind == "count":
        return _small(value if value is not None and not _nan(value) else numerator)
    if kind == "percentage":
        return _small(numerator) or _small(denominator)
    if kind == "rate":
        return _small(numerator)
    if kind == "average":
        return _small(denominator)
    return False


@dataclass(frozen=True)
class Figure:
    """One figure as the report shows it."""

    value: float | None
    kind: str  # count | percentage | rate | average | number (numerator / denominator parts)
    suppressed: bool = False

    @property
    def text(self) -> str:
        if self.suppressed:
            return SUPPRESSED
        return fmt(self.value, self.kind)

    @property
    def signed_text(self) -> str:
        """The figure as a change: +1.5, -3; a percentage's change in percentage points (+1.5 pts)."""
        if self.suppressed:
            return SUPPRESSED
        if self.value is None or _nan(self.value):
            return MISSING
        sign = "+" if self.value > 0 else "-" if self.value < 0 else ""
        text = fmt(abs(self.value), self.kind)
        return sign + (text.removesuffix("%") + " pts" if self.kind == "percentage" else text)

    @property
    def export_value(self) -> float | str | None:
        """What a spreadsheet cell holds: the unrounded number, `c`, or empty."""
        if self.suppressed:
            return SUPPRESSED
        if self.value is None or _nan(self.value):
            return None
        return self.value


def fmt(value: float | None, kind: str) -> str:
    if value is None or _nan(value):
        return MISSING
    if kind == "percentage":
        return f"{value:,.1f}%"
    if kind in ("rate", "average"):
        return f"{value:,.1f}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def figure(kind: str, value: float | None, numerator: float | None, denominator: float | None, publish: bool) -> Figure:
    return Figure(value, kind, publish and is_small(kind, numerator, denominator, value))


def row_figure(kind: str, row: dict | None, publish: bool) -> Figure:
    """The figure of a row with value, numerator and denominator (indicator_values, performance_*), or
    an empty figure when there is no row."""
    if row is None:
        return Figure(None, kind)
    return figure(kind, row["value"], row["numerator"], row["denominator"], publish)


def part(x: float | None, publish: bool) -> Figure:
    """A numerator or denominator shown on its own (a count of records or children, or a population)."""
    return Figure(x, "number", publish and _small(x))
