"""Secondary suppression (csc.report.secondary): the rule at its edges, and a property check over random
tables shaped like the report's (localities under a council month, months under a year to date, councils
under a region) that no suppressed cell can be solved for by linear algebra once `protect` has run."""

from __future__ import annotations

import random

import numpy as np
import pytest

from csc.report.secondary import Cells, Ratio, Sum, derived, protect


def table(total: float, parts: list[float], small: set[int], total_small: bool = False) -> Cells:
    cells = Cells()
    cells.add("T", total, total_small)
    for i, v in enumerate(parts):
        cells.add(i, v, i in small)
    cells.relations.append(Sum("T", tuple(range(len(parts)))))
    return cells


def test_a_lone_suppressed_part_takes_the_next_smallest_non_zero_sibling_with_it():
    cells = table(40, [3, 0, 9, 8, 20], {0})
    assert derived(cells) == {0}
    assert protect(cells) == {3}  # 8, not the zero (shown, it discloses nothing) nor 9 or 20
    assert derived(cells) == set()


def test_two_suppressed_parts_are_already_safe():
    cells = table(40, [3, 4, 13, 20], {0, 1})
    assert protect(cells) == set()


def test_a_suppressed_total_takes_a_part_with_it():
    cells = table(5, [0, 2, 3], {1, 2}, total_small=True)
    assert protect(cells) == set()
    cells = table(12, [6, 6], set(), total_small=True)
    assert protect(cells) == {0}  # equal parts: the first by key


def test_only_zero_siblings_left_a_zero_is_hidden():
    cells = table(7, [3, 0, 4], {0})
    cells.cells[2].suppressed = False
    cells.cells[2].value = 4
    assert protect(cells) == {2}
    cells = table(13, [3, 0, 10], {0}, total_small=False)
    cells.cells[2].suppressed = True  # 10 hidden too: both unknown already
    assert protect(cells) == set()


def test_protect_total_hides_the_total_and_keep_is_respected():
    cells = table(40, [3, 17, 20], {0})
    cells.relations = [Sum("T", (0, 1, 2), protect_total=True)]
    assert protect(cells) == {"T"}
    cells = table(40, [3, 17, 20], {0})
    assert protect(cells, keep={1}) == {2}


def test_a_percentage_from_its_numerator_and_denominator():
    cells = Cells()
    cells.add("v", 60.0, True)
    cells.add("n", 3, False)  # secondary-suppressed value whose parts are still shown
    cells.add("d", 5, False)
    cells.relations.append(Ratio("v", "n", "d"))
    assert derived(cells) == {"v"}
    assert protect(cells) == {"n"}
    assert derived(cells) == set()


def test_a_zero_percentage_gives_away_its_numerator():
    cells = Cells()
    cells.add("v", 0.0, False)
    cells.add("n", 0, True)
    cells.add("d", 4, True)
    cells.relations.append(Ratio("v", "n", "d"))
    assert derived(cells) == {"n"}


def test_a_chain_through_a_hidden_year_total():
    """YTD count shown; its numerator (hidden) follows; with it, the one suppressed month."""
    cells = Cells()
    cells.add("ytd", 30, False)
    cells.add("ytd_n", 30, hidden=True)
    for m, v in enumerate([4, 12, 14]):
        cells.add(m, v, v <= 5)
    cells.relations += [Ratio("ytd", "ytd_n"), Sum("ytd_n", (0, 1, 2))]
    assert derived(cells) == {0}
    assert protect(cells) == {1}
    assert derived(cells) == set()


def _solvable(cells: Cells) -> set:
    """Independent check: the suppressed cells that the linear equations (the sums, and each ratio with a
    public or shown denominator read as value ~ numerator) pin down, by rank."""
    unknown = sorted((k for k, c in cells.cells.items() if c.suppressed), key=str)
    col = {k: i for i, k in enumerate(unknown)}
    rows = []
    for rel in cells.relations:
        coeff = np.zeros(len(unknown))
        if isinstance(rel, Sum):
            if rel.total in col:
                coeff[col[rel.total]] = -1
            for p in rel.parts:
                if p in col:
                    coeff[col[p]] = 1
        else:
            assert rel.denominator is None or rel.denominator not in col
            for k, c in ((rel.value, 1), (rel.numerator, -1)):
                if k in col:
                    coeff[col[k]] = c
        if coeff.any():
            rows.append(coeff)
    if not rows:
        return set()
    a = np.array(rows)
    rank = np.linalg.matrix_rank(a)
    out = set()
    for k, i in col.items():
        e = np.zeros(len(unknown))
        e[i] = 1
        if np.linalg.matrix_rank(np.vstack([a, e])) == rank and not cells.cells[k].hidden:
            out.add(k)
    return out


def _random_report(rng: random.Random) -> Cells:
    """A council month with localities, the months of a year to date, and the councils of a region, all
    counts (values 0-40, many small), primary-suppressed from 1 to 5."""
    cells = Cells()

    def count(key, value):
        cells.add(key, value, 0 < value <= 5)
        return key

    months = [rng.choice([0, 1, 2, 3, 4, 6, 9, 15, 30]) for _ in range(rng.randint(1, 12))]
    localities = [rng.choice([0, 1, 2, 3, 5, 7, 12]) for _ in range(rng.randint(1, 6))]
    months[-1] = sum(localities)  # the report month is the sum of its localities
    for i, v in enumerate(months):
        count(("m", i), v)
    for i, v in enumerate(localities):
        count(("l", i), v)
    cells.relations.append(Sum(("m", len(months) - 1), tuple(("l", i) for i in range(len(localities)))))
    count("ytd", sum(months))
    cells.relations.append(Sum("ytd", tuple(("m", i) for i in range(len(months)))))
    others = [rng.choice([0, 2, 4, 8, 25, 60]) for _ in range(rng.randint(1, 5))]
    for i, v in enumerate(others):
        count(("c", i), v)
    count("region", sum(others) + months[-1])
    parts = (*(("c", i) for i in range(len(others))), ("m", len(months) - 1))
    cells.relations.append(Sum("region", parts, protect_total=True))
    return cells


@pytest.mark.parametrize("seed", range(8))
def test_no_suppressed_cell_of_a_random_report_can_be_solved_for(seed):
    rng = random.Random(seed)
    for _ in range(60):
        cells = _random_report(rng)
        primary = cells.suppressed()
        keep = {("m", max(k[1] for k in cells.cells if isinstance(k, tuple) and k[0] == "m"))}
        added = protect(cells, keep)
        assert primary <= cells.suppressed()
        assert added == cells.suppressed() - primary
        assert derived(cells) == set()
        assert _solvable(cells) == set(), (primary, added)
