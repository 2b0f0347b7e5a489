"""The report card's generated sentence (csc.report.sentence) and card figures (csc.report.cards) at their edges:
above, below and exactly on target, high and low polarity, percentages, counts, rates and averages, no target,
an empty denominator, singular and plural, and the published report's suppression. Pure Python: no warehouse."""

from __future__ import annotations

import re
from datetime import date

import pytest

from csc.report.cards import build_card
from csc.report.cells import Figure, figure, part
from csc.report.sentence import CardFigures, card_sentence

DEC = date(2019, 12, 31)


def card_row(**kw) -> dict:
    """A performance_cards row (the columns build_card reads)."""
    row = {
        "indicator_id": "X",
        "period_end": DEC,
        "type": "percentage",
        "basis": "IM",
        "polarity": "high",
        "target_value": 90.0,
        "tolerance_green": "90%+",
        "target_direction": "high",
        "target_count": 181.0,
        "count_variance": -15.0,
        "variance": 82.587 - 90,
        "rag": "red",
        "value_change": 5.0,
        "direction_of_travel": "better",
        "worsening_months": 0,
        "exception_worsening_months": 3,
        "is_red": True,
        "is_worsening": False,
    }
    row.update(kw)
    return row


def make(row: dict, numerator, denominator, value, previous=None, publish=False, name="Assessments in time"):
    kind = row["type"]
    return build_card(
        row,
        name,
        figure(kind, value, numerator, denominator, publish),
        part(numerator, publish),
        part(denominator, publish),
        Figure(previous, kind),
        Figure(None, kind),
        None,
        publish,
    )


def numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?%?", text)


def shown(card) -> set[str]:
    """Every number text the card shows (value, target, parts, variances), as the sentence may quote it."""
    f = card.figures
    texts = {f.numerator.text, f.denominator.text, f.value.text, f.target_count.text, f.target_text or ""}
    texts |= {f.count_variance.signed_text.lstrip("+-"), f.variance.signed_text.lstrip("+-").removesuffix(" pts")}
    texts |= set(numbers(f.target_text or "")) | {
        "10,000",
        "0",
        "17",
        "12",
        "2019",
    }  # per 10,000 aged 0-17; 12 months; the year
    return texts


def test_percentage_below_a_high_target_in_peterboroughs_words():
    card = make(card_row(), 166, 201, 100 * 166 / 201)
    assert card.sentence == (
        "During the month of December 2019, 166 out of 201 were counted for “Assessments in time”: a ratio of "
        "82.6%. This is 15 fewer than the 181 of 201 the target (90%+) stands for: the target is not met."
    )
    assert set(numbers(card.sentence)) <= shown(card)
    assert card.reasons == ["Red against target"]


def test_count_one_above_its_target_is_met_and_exactly_on_target_says_so():
    row = card_row(type="count", target_value=108.0, tolerance_green="108", target_count=108.0, count_variance=1.0)
    card = make(row, 109, None, 109, name="Early Help Assessments started")
    assert card.sentence == (
        "During the month of December 2019, “Early Help Assessments started” stood at 109. "
        "This is 1 more than the target (108): the target is met."
    )
    exact = make({**row, "count_variance": 0.0}, 108, None, 108, name="Early Help Assessments started")
    assert exact.sentence.endswith("This is exactly the target (108): the target is met.")


@pytest.mark.parametrize(
    ("direction", "gap", "verdict"),
    [
        ("high", 2.0, "met"),
        ("high", -2.0, "not met"),
        ("low", 2.0, "not met"),
        ("low", -2.0, "met"),
        ("low", 0.0, "met"),
    ],
)
def test_polarity_decides_whether_more_meets_the_target(direction, gap, verdict):
    row = card_row(target_direction=direction, count_variance=gap, target_count=40.0, target_value=25.0)
    card = make(row, 40 + gap, 160, 100 * (40 + gap) / 160)
    assert card.sentence.endswith(f"the target is {verdict}.")
    if gap:
        assert f"This is 2 {'more' if gap > 0 else 'fewer'} than" in card.sentence


def test_low_polarity_percentage_over_target_in_the_rereferral_wording():
    row = card_row(
        target_value=23.0, tolerance_green="23%<", target_direction="low", target_count=37.0, count_variance=24.0
    )
    card = make(row, 61, 161, 100 * 61 / 161)
    assert "61 out of 161 were counted" in card.sentence
    assert "This is 24 more than the 37 of 161 the target (23%<) stands for: the target is not met." in card.sentence


def test_singular_and_plural():
    one = make(card_row(count_variance=-1.0, target_count=2.0), 1, 1, 100.0)
    assert "1 out of 1 was counted" in one.sentence and "This is 1 fewer than" in one.sentence
    two = make(card_row(count_variance=-1.0, target_count=3.0), 2, 3, 200 / 3)
    assert "2 out of 3 were counted" in two.sentence
    none = make(card_row(count_variance=-4.0, target_count=4.0), 0, 4, 0.0)
    assert "0 out of 4 were counted" in none.sentence and "This is 4 fewer than" in none.sentence


def test_rate_sentence_gives_the_count_and_population_without_a_noun():
    """A rate's numerator counts children, plans, enquiries or referrals: the sentence names none of them."""
    rate = card_row(type="rate", basis="SNAP", target_value=1.0, tolerance_green="1", target_direction="low")
    below = make({**rate, "target_count": 5.0, "count_variance": -4.0}, 1, 57000, 10000 / 57000)
    assert "was 0.2 per 10,000 children aged 0-17 (1 against a population of 57,000)" in below.sentence
    assert "4 fewer than the 5 the target (1) stands for at this population: the target is met" in below.sentence
    above = make({**rate, "target_count": 1.0, "count_variance": 1.0}, 2, 57000, 20000 / 57000)
    assert "1 more than the 1 the target (1) stands for at this population: the target is not met" in above.sentence
    assert above.sentence.startswith("At the end of December 2019,")


def test_empty_denominator_and_missing_value_state_no_number():
    empty = make(card_row(target_count=None, count_variance=None, variance=None), 0, 0, None)
    assert empty.sentence == (
        "During the month of December 2019, there was nothing to measure for “Assessments in time” (the denominator "
        "was 0), so no value is given. The target is 90%+; with no figure this month it cannot be compared."
    )
    unknown = make(card_row(target_count=None, count_variance=None, variance=None), None, None, None)
    assert "no figure is available" in unknown.sentence


def test_missing_target_range_target_and_average_target():
    row = card_row(target_value=None, tolerance_green=None, target_direction=None, target_count=None)
    none = make({**row, "count_variance": None, "variance": None}, 50, 100, 50.0)
    assert none.sentence.endswith("No target is set for this indicator.")
    rng = card_row(type="average", target_direction="range", tolerance_green="16-22", target_value=19.0, rag="amber")
    card = make({**rng, "target_count": None, "count_variance": None, "variance": 4.0}, 230, 10, 23.0)
    assert card.sentence.endswith("The target range is 16-22; this month's figure is 23.0 and is rated amber.")
    avg = card_row(
        type="average", basis="YTD", target_value=426.0, tolerance_green="426", target_direction="low", variance=4.0
    )
    card = make({**avg, "target_count": None, "count_variance": None}, 4300, 10, 430.0)
    assert card.sentence == (
        "From 1 April to the end of December 2019, “Assessments in time” was 430.0 on average (4,300 over 10). "
        "This is 4.0 above the target of 426: the target is not met."
    )


def test_every_number_in_a_sentence_is_a_figure_the_card_shows():
    cases = [
        (card_row(count_variance=7.0, target_count=181.0), 188, 201),
        (
            card_row(type="count", target_value=50.0, tolerance_green="50", target_count=50.0, count_variance=-3.0),
            47,
            None,
        ),
        (card_row(basis="R12", count_variance=-1234.0, target_count=9000.0), 7766, 10000),
    ]
    for row, n, d in cases:
        value = n if d is None else 100 * n / d
        card = make(row, n, d, value)
        assert set(numbers(card.sentence)) <= shown(card), card.sentence


@pytest.mark.parametrize(("numerator", "denominator"), [(3, 200), (150, 4), (0, 4)])
def test_published_card_reveals_no_suppressed_figure(numerator, denominator):
    row = card_row(target_count=denominator * 0.9, count_variance=numerator - denominator * 0.9)
    card = make(row, numerator, denominator, 100 * numerator / denominator, previous=50.0, publish=True)
    f = card.figures
    assert f.value.text == "c"
    assert f.variance.signed_text == f.count_variance.signed_text == card.change.signed_text == "c"
    assert card.dot is None and f.rag is None
    assert numbers(card.sentence.replace("1 to 5", "")) == ["2019"]
    internal = make(row, numerator, denominator, 100 * numerator / denominator, previous=50.0)
    assert str(numerator) in internal.sentence


def test_published_card_keeps_figures_that_are_not_small():
    row = card_row(target_count=181.0, count_variance=-15.0)
    card = make(row, 166, 201, 100 * 166 / 201, previous=80.0, publish=True)
    assert "166 out of 201" in card.sentence and card.change.signed_text == "+5.0 pts"


def test_worsening_reason_names_the_months():
    card = make(card_row(is_red=False, is_worsening=True, worsening_months=4, rag="amber"), 170, 201, 84.6)
    assert card.reasons == ["Worse than the month before for 4 consecutive months"]
    assert card.is_exception
    calm = make(card_row(is_red=False, rag="amber"), 170, 201, 84.6)
    assert not calm.is_exception and calm.reasons == []


def test_sentence_figures_are_the_cards_own():
    figures = CardFigures(
        name="N",
        month=DEC,
        kind="percentage",
        basis="IM",
        numerator=Figure(5, "number"),
        denominator=Figure(10, "number"),
        value=Figure(50.0, "percentage"),
        target=Figure(60.0, "percentage"),
        target_text="60%+",
        direction="high",
        target_count=Figure(6, "number"),
        count_variance=Figure(-1, "number"),
        variance=Figure(-10.0, "percentage"),
        rag="red",
    )
    assert card_sentence(figures) == (
        "During the month of December 2019, 5 out of 10 were counted for “N”: a ratio of 50.0%. "
        "This is 1 fewer than the 6 of 10 the target (60%+) stands for: the target is not met."
    )


def test_published_exception_rests_only_on_published_figures():
    red_small = card_row(is_red=True, is_worsening=True, worsening_months=3)
    hidden = make(red_small, 2, 3, 100 * 2 / 3, previous=50.0, publish=True)
    assert hidden.reasons == [] and hidden.withheld and not hidden.is_exception
    internal = make(red_small, 2, 3, 100 * 2 / 3, previous=50.0)
    assert len(internal.reasons) == 2 and not internal.withheld
    shown_red = make(red_small, 166, 201, 100 * 166 / 201, previous=80.0, publish=True)
    assert shown_red.is_exception and not shown_red.withheld
