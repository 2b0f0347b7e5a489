"""The optional SSD tables of looked-after children's outcomes and history (903 OC2 and PrevPerm):
ssd_cla_previous_permanence, ssd_cla_immunisations, ssd_cla_convictions and ssd_cla_substance_misuse.

Derived from the canonical persons and CLA episodes `OptionalTables` observed, with their own
`random.Random(f"{seed}:{la_code}:outcomes")`, so that neither the canonical tables nor the other optional
tables move. Values are the SSD's (data-to-insight/ssd-data-model data/objects/ssd_cla_*.yml): PREV_PERM codes
P1-P3 / P4 / Z1, the order date in the 903's text form (zz for an unknown day or month), the arranging council by
name, Y / N flags.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from csc.councils import by_la_code, statistical_neighbours
from csc.generate.workcal import age_at

D = timedelta
PREVIOUS = [("P1", 30), ("P2", 45), ("P3", 25)]  # adoption, SGO, RO / CAO: their weights among previous orders


@dataclass(frozen=True)
class CarePeriod:
    person_id: int
    start: date
    end: date  # the period's end, or the extract date while it is open


def care_periods(episodes: list[dict], extract: date) -> list[CarePeriod]:
    """One period of care per clae_cla_id: its entry date and its last episode's end."""
    periods: dict[int, CarePeriod] = {}
    for ep in episodes:
        start = ep["clae_entered_care_date"]
        if start is None:
            continue
        end = ep["clae_cla_episode_ceased_date"] or extract
        old = periods.get(ep["clae_cla_id"])
        periods[ep["clae_cla_id"]] = CarePeriod(ep["clae_person_id"], start, max(end, old.end) if old else end)
    return list(periods.values())


@dataclass
class OutcomeTables:
    seed: int
    la_code: str
    extract: date
    people: dict[int, dict]
    periods: list[CarePeriod]
    nid: Callable[[str], int]

    def rows(self, period_start: date) -> Iterator[tuple[str, dict]]:
        rng = random.Random(f"{self.seed}:{self.la_code}:outcomes")
        yield from self.previous_permanence(rng, period_start)
        yield from self.immunisations(rng, period_start)
        yield from self.convictions(rng, period_start)
        yield from self.substance_misuse(rng, period_start)

    def _dob(self, pid: int) -> date | None:
        person = self.people.get(pid)
        return person["pers_dob"] if person else None

    def _council_names(self) -> tuple[str, list[str]]:
        own = by_la_code(self.la_code)
        others = [c.la_name for c in statistical_neighbours(self.la_code)] if own else []
        return (own.la_name if own else self.la_code), others

    def previous_permanence(self, rng: random.Random, period_start: date) -> Iterator[tuple[str, dict]]:
        """For each child entering care in the window (first entry only): ~5% had an adoption, SGO or CAO
        before, ~4% not known (P4), most others recorded as none (Z1), a few not recorded."""
        own, others = self._council_names()
        done: set[int] = set()
        for period in sorted(self.periods, key=lambda p: (p.start, p.person_id)):
            dob = self._dob(period.person_id)
            if dob is None or period.start < period_start or period.person_id in done:
                continue
            done.add(period.person_id)
            draw = rng.random()
            row: tuple[str, str | None, str | None]
            if draw < 0.05 and period.start - dob > D(days=400):
                ordered = dob + D(days=rng.randint(180, (period.start - dob).days - 180))
                row = (
                    rng.choices([p[0] for p in PREVIOUS], weights=[p[1] for p in PREVIOUS])[0],
                    own if not others or rng.random() < 0.7 else rng.choice(others),
                    _order_date_903(rng, ordered),
                )
            elif draw < 0.09:
                row = ("P4", None, None)
            elif draw < 0.95:
                row = ("Z1", None, None)
            else:
                continue
            yield (
                "ssd_cla_previous_permanence",
                {
                    "lapp_table_id": self.nid("ssd_cla_previous_permanence"),
                    "lapp_person_id": period.person_id,
                    "lapp_previous_permanence_option": row[0],
                    "lapp_previous_permanence_la": row[1],
                    "lapp_previous_permanence_order_date": row[2],
                },
            )

    def immunisations(self, rng: random.Random, period_start: date) -> Iterator[tuple[str, dict]]:
        """One row per child looked after in the window: the status as last updated (~85% up to date), on a
        day in the last 200 days of their latest care (up to the extract date)."""
        latest: dict[int, CarePeriod] = {}
        for period in self.periods:
            if period.end >= period_start and (
                period.person_id not in latest or period.end > latest[period.person_id].end
            ):
                latest[period.person_id] = period
        for pid in sorted(latest):
            period = latest[pid]
            updated = max(period.start, min(period.end, self.extract) - D(days=rng.randint(0, 200)))
            yield (
                "ssd_cla_immunisations",
                {
                    "clai_person_id": pid,
                    "clai_immunisations_status": "Y" if rng.random() < 0.85 else "N",
                    "clai_immunisations_status_date": updated,
                },
            )

    def _care_years(self, period_start: date, min_age: int) -> Iterator[tuple[CarePeriod, date, date]]:
        """Each child's care in the window cut into spells of up to a year, from their `min_age`th birthday."""
        for period in sorted(self.periods, key=lambda p: (p.person_id, p.start)):
            dob = self._dob(period.person_id)
            if dob is None:
                continue
            lo = max(period.start, period_start)
            hi = min(period.end, self.extract)
            while lo < hi:
                spell_end = min(hi, lo + D(days=365))
                if age_at(dob, lo) >= min_age:
                    yield period, lo, spell_end
                lo = spell_end

    def convictions(self, rng: random.Random, period_start: date) -> Iterator[tuple[str, dict]]:
        """Rare: ~5% of each year of care of a child aged 10 or over has a conviction or youth caution."""
        for period, lo, hi in self._care_years(period_start, 10):
            if rng.random() < 0.05 * (hi - lo).days / 365:
                yield (
                    "ssd_cla_convictions",
                    {
                        "clac_cla_conviction_id": self.nid("ssd_cla_convictions"),
                        "clac_person_id": period.person_id,
                        "clac_cla_conviction_date": lo + D(days=rng.randrange(max(1, (hi - lo).days))),
                        "clac_cla_conviction_offence": "Synthetic offence",
                    },
                )

    def substance_misuse(self, rng: random.Random, period_start: date) -> Iterator[tuple[str, dict]]:
        """~8% of each year of care of a child aged 12 or over has a substance misuse problem identified; about
        two in three of them receive an intervention."""
        for period, lo, hi in self._care_years(period_start, 12):
            if rng.random() < 0.08 * (hi - lo).days / 365:
                yield (
                    "ssd_cla_substance_misuse",
                    {
                        "clas_substance_misuse_id": self.nid("ssd_cla_substance_misuse"),
                        "clas_person_id": period.person_id,
                        "clas_substance_misuse_date": lo + D(days=rng.randrange(max(1, (hi - lo).days))),
                        "clas_substance_misused": rng.choice(["Alcohol", "Cannabis", "Solvents", "Other"]),
                        "clas_intervention_received": "Y" if rng.random() < 0.65 else "N",
                    },
                )


def _order_date_903(rng: random.Random, ordered: date) -> str:
    """The order date as the 903 writes it: mostly known, sometimes only the month and year or the year."""
    draw = rng.random()
    if draw < 0.8:
        return ordered.strftime("%d/%m/%Y")
    if draw < 0.95:
        return ordered.strftime("zz/%m/%Y")
    return ordered.strftime("zz/zz/%Y")
