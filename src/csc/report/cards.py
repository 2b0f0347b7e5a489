"""Report cards (Peterborough's layout) and the exception report's selection (Norfolk's committee papers), from
marts.performance_cards with the small-number convention applied once (docs/performance_report.md section 10).

A card's variance, count variance and change are suppressed whenever a figure they are computed from is, so that
no suppressed value can be recovered from them (docs/performance_report.md section 10.2).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from csc.report.cells import Figure
from csc.report.sentence import CardFigures, card_sentence

CARD_MONTHS = 13  # the chart: the month and the twelve before, as Peterborough's cards draw it


@dataclass(frozen=True)
class Commentary:
    text: str
    author: str | None


@dataclass
class Card:
    indicator_id: str
    figures: CardFigures
    previous: Figure  # the previous month's value
    change: Figure  # value - previous value
    dot: str | None
    polarity: str
    ytd: Figure
    worsening_months: int
    exception_worsening_months: int
    is_red: bool
    is_worsening: bool
    commentary: Commentary | None
    sentence: str = ""
    reasons: list[str] = field(default_factory=list)
    withheld: bool = False  # published: an exception that rests on a suppressed figure (not listed)
    monthly_count_variance: list[Figure] = field(default_factory=list)  # the chart's months, oldest first

    @property
    def is_exception(self) -> bool:
        return bool(self.reasons)


def _f(value: float | None, kind: str, hidden: bool) -> Figure:
    return Figure(value, kind, hidden)


def build_card(
    c: dict,
    name: str,
    value: Figure,
    numerator: Figure,
    denominator: Figure,
    previous: Figure,
    ytd: Figure,
    commentary: Commentary | None,
    publish: bool,
) -> Card:
    """One card from its performance_cards row and the figures the report already shows for the month (the same
    Figure objects: the card cannot disagree with the summary)."""
    kind = c["type"]
    hidden = publish and (value.suppressed or numerator.suppressed or denominator.suppressed)
    figures = CardFigures(
        name=name,
        month=c["period_end"],
        kind=kind,
        basis=c["basis"],
        numerator=numerator,
        denominator=denominator,
        value=value,
        target=Figure(c["target_value"], kind) if c["target_value"] is not None else None,
        target_text=c["tolerance_green"],
        direction=c["target_direction"],
        target_count=_f(c["target_count"], "number", publish and denominator.suppressed),
        count_variance=_f(c["count_variance"], "number", hidden),
        variance=_f(c["variance"], kind, hidden),
        rag=None if value.suppressed else c["rag"],
    )
    change_hidden = publish and (value.suppressed or previous.suppressed)
    card = Card(
        indicator_id=c["indicator_id"],
        figures=figures,
        previous=previous,
        change=_f(c["value_change"], kind, change_hidden),
        dot=None if change_hidden else c["direction_of_travel"],
        polarity=c["polarity"],
        ytd=ytd,
        worsening_months=c["worsening_months"],
        exception_worsening_months=c["exception_worsening_months"],
        # published: only what the published figures show (a suppressed value has no RAG and no direction)
        is_red=c["is_red"] and figures.rag is not None,
        is_worsening=c["is_worsening"] and not change_hidden,
        commentary=commentary,
    )
    card.sentence = card_sentence(figures)
    card.reasons = exception_reasons(card)
    card.withheld = (c["is_red"] or c["is_worsening"]) and not card.reasons
    return card


def exception_reasons(card: Card) -> list[str]:
    """Why the card goes to committee: red against its target, or worse than the month before for the council's
    number of consecutive months (Norfolk: "deteriorated for three consecutive months")."""
    reasons = []
    if card.is_red:
        reasons.append("Red against target")
    if card.is_worsening:
        reasons.append(f"Worse than the month before for {card.worsening_months} consecutive months")
    return reasons
