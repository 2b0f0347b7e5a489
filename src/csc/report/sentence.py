"""The plain-English sentence of a report card (Peterborough's cards, docs/performance_report.md section 10.3:
"During the month of December, an Early Help Assessment was started for 109 children. This is 1 more than the
monthly target.").

Every number in the sentence is the text of a figure the card shows (`Figure.text`), never a number computed
here: the sentence cannot state a figure the card does not. In the published report a sentence whose figures
include a suppressed one says so and gives no number that could reveal it (the count variance plus the
target's count would give the numerator back).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from csc.report.cells import Figure

PERIOD = {
    "IM": "During the month of {month}",
    "SNAP": "At the end of {month}",
    "R12": "In the 12 months to the end of {month}",
    "YTD": "From 1 April to the end of {month}",
}


@dataclass(frozen=True)
class CardFigures:
    """The figures of one card that its sentence is made of."""

    name: str
    month: date
    kind: str  # count | percentage | rate | average
    basis: str  # IM | SNAP | R12 | YTD
    numerator: Figure
    denominator: Figure
    value: Figure
    target: Figure | None  # None: no target in force
    target_text: str | None  # the target as the council prints it ("95%+", "+/-5 of 158.8")
    direction: str | None  # high | low | range: which side of the target meets it
    target_count: Figure  # the numerator the target stands for at this denominator (none for averages, ranges)
    count_variance: Figure  # numerator - target_count
    variance: Figure  # value - target
    rag: str | None


def _known(f: Figure) -> bool:
    return f.value is not None and f.value == f.value  # not None, not NaN


def _plural(f: Figure, one: str, many: str) -> str:
    return one if f.value == 1 else many


def _absolute(f: Figure) -> Figure:
    assert f.value is not None
    return Figure(abs(f.value), f.kind, f.suppressed)


def figures_sentence(c: CardFigures) -> str:
    """What the month's figures were."""
    period = PERIOD.get(c.basis, "In {month}").format(month=c.month.strftime("%B %Y"))
    name = f"“{c.name}”"
    if c.kind == "count":
        if not _known(c.value):
            return f"{period}, no figure is available for {name}."
        return f"{period}, {name} stood at {c.value.text}."
    if not _known(c.value):
        if _known(c.denominator) and c.denominator.value == 0:
            return f"{period}, there was nothing to measure for {name} (the denominator was 0), so no value is given."
        return f"{period}, no figure is available for {name}."
    if c.kind == "percentage":
        verb = _plural(c.numerator, "was", "were")
        return (
            f"{period}, {c.numerator.text} out of {c.denominator.text} {verb} counted for {name}: "
            f"a ratio of {c.value.text}."
        )
    if c.kind == "rate":
        # the numerator counts children, plans, enquiries or referrals depending on the indicator: no noun
        return (
            f"{period}, {name} was {c.value.text} per 10,000 children aged 0-17 "
            f"({c.numerator.text} against a population of {c.denominator.text})."
        )
    return f"{period}, {name} was {c.value.text} on average ({c.numerator.text} over {c.denominator.text})."


def target_sentence(c: CardFigures) -> str:
    """How the month compares with its target, in the numerator's own units where the target stands for a count."""
    if c.target is None:
        return "No target is set for this indicator."
    target = c.target_text or c.target.text
    if not _known(c.value):
        return f"The target is {target}; with no figure this month it cannot be compared."
    if c.direction == "range":
        rated = f" and is rated {c.rag}" if c.rag else ""
        return f"The target range is {target}; this month's figure is {c.value.text}{rated}."
    if _known(c.count_variance) and _known(c.target_count):
        gap = c.count_variance.value
        assert gap is not None
        if c.kind == "percentage":
            stands = f"the {c.target_count.text} of {c.denominator.text} the target ({target}) stands for"
        elif c.kind == "rate":
            stands = f"the {c.target_count.text} the target ({target}) stands for at this population"
        else:
            stands = f"the target ({target})"
        if gap == 0:
            where = f"This is exactly {stands}"
        else:
            side = "more" if gap > 0 else "fewer"
            where = f"This is {_absolute(c.count_variance).text} {side} than {stands}"
        met = gap >= 0 if c.direction == "high" else gap <= 0
        return f"{where}: the target is {'met' if met else 'not met'}."
    if _known(c.variance):
        gap = c.variance.value
        assert gap is not None
        if gap == 0:
            return f"This is exactly the target of {target}."
        side = "above" if gap > 0 else "below"
        met = gap > 0 if c.direction == "high" else gap < 0
        verdict = "met" if met else "not met"
        return f"This is {_absolute(c.variance).text} {side} the target of {target}: the target is {verdict}."
    return f"The target is {target}."


def card_sentence(c: CardFigures) -> str:
    """The card's sentence. A suppressed figure (published report) leaves no number in it at all."""
    parts = [c.numerator, c.denominator, c.value, c.count_variance, c.target_count, c.variance]
    if any(f.suppressed for f in parts):
        return (
            f"The figures for {c.month.strftime('%B %Y')} include small numbers (1 to 5) and are suppressed in "
            "the published report."
        )
    return f"{figures_sentence(c)} {target_sentence(c)}"
