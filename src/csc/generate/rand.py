"""Random helpers the journeys draw with. Each takes the `random.Random` to draw from, so a helper's draws
are its caller's stream's, in the caller's order."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

GAUSS_ABOVE = 50  # a Poisson mean above this is drawn from its normal approximation (one draw)


def pick(rng: random.Random, weighted: Sequence[tuple[str, int]]) -> str:
    """One code of (code, weight) pairs, with probability proportional to its weight."""
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def lognormal_days(rng: random.Random, median: float, sigma: float, lo: int, hi: int) -> int:
    """A whole number of days from a lognormal distribution with this median, clamped to [lo, hi]."""
    return int(min(hi, max(lo, rng.lognormvariate(math.log(median), sigma))))


def poisson(rng: random.Random, lam: float) -> int:
    """A Poisson count of mean `lam` (Knuth's multiplication method; a rounded normal draw for a large mean)."""
    if lam <= 0:
        return 0
    if lam > GAUSS_ABOVE:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    limit, k, prod = math.exp(-lam), 0, rng.random()
    while prod > limit:
        k += 1
        prod *= rng.random()
    return k
