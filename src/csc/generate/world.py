"""The state every journey reads and changes: the council's profile, the random streams, the calendar and
windows, the output, the workforce, and the children met so far (with the lists later journeys draw from)."""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Iterator
from datetime import date, timedelta

from csc.generate.entities import Child
from csc.generate.journeys.workforce import Workforce
from csc.generate.outcomes import comment
from csc.generate.output import Ids, Output, Row, Sink, yn
from csc.generate.profiles import Council
from csc.generate.rand import pick
from csc.generate.reference import CHILD_AGE_WEIGHTS, ETHNICITY, FORENAMES, GENDER, SEX, SURNAMES
from csc.generate.workcal import WorkCalendar, add_months, age_at

D = timedelta
BURN_IN_MONTHS = 24  # journeys simulated before the history window, so its first day has realistic stocks
CARE_BURN_IN_YEARS = 14  # periods of care simulated before the window (children in care, care leavers)


class World:
    """One council's simulation state. `rng` is the stream of every journey draw, `text_rng` that of free
    text (so that comments never move a journey draw)."""

    def __init__(self, council: Council, seed: int, extract_date: date, years: int, sink: Sink):
        self.council = council
        self.p = council.profile
        self.rng = random.Random(f"{seed}:{council.la_code}")
        self.text_rng = random.Random(f"{seed}:{council.la_code}:comments")
        self.extract = extract_date
        self.period_start = add_months(extract_date, -12 * years) + D(days=1)
        self.sim_start = add_months(self.period_start, -BURN_IN_MONTHS)
        self.cla_start = add_months(self.period_start, -12 * CARE_BURN_IN_YEARS)
        self.cal = WorkCalendar(self.cla_start - D(days=400), extract_date + D(days=6 * 366))
        self.scale = council.current_population / 10_000  # rates are per 10,000 children
        self.ids = Ids()
        self.out = Output(sink, extract_date)
        self.children: dict[int, Child] = {}
        self.recent_refs: deque[tuple[date, int]] = deque()  # (referral date, pid), last 3 years
        self.recent_eh: deque[tuple[date, int]] = deque()  # (early help start, pid), last year
        self.known: list[int] = []  # children known to the service, for repeat contacts
        self.had_cp: list[int] = []  # children who have had a CP plan, for repeat plans
        self.staff = Workforce(self.p, self.scale, self.rng, self.ids, self.out)

    def new_child(self, at: date, age: int | None = None) -> Child:
        """A child first met on `at` (aged `age`, else drawn)."""
        rng = self.rng
        if age is None:
            age = rng.choices(range(18), weights=CHILD_AGE_WEIGHTS)[0]
        dob = at - D(days=age * 365 + rng.randrange(365))
        pid = self.ids.next("ssd_person")
        ch = Child(pid, dob, rng.randrange(len(self.p.localities)))
        self.children[pid] = ch
        return ch

    def mark_known(self, ch: Child) -> None:
        if not ch.known:
            ch.known = True
            self.known.append(ch.pid)

    def comment(self) -> str:
        return comment(self.text_rng, self.p.p_comment)

    def person_rows(self) -> Iterator[Row]:
        """ssd_person rows of the children written to the extract, in the order they were met."""
        rng, p = self.rng, self.p
        for ch in self.children.values():
            if ch.pid not in self.out.written:
                continue
            sex = pick(rng, SEX)
            if sex == "U" and ch.looked_after:  # a looked-after child's sex is known (903 rule 101); no extra draw
                sex = "F" if ch.pid % 2 else "M"
            death = None
            if rng.random() < p.p_death:
                death = ch.dob + D(days=rng.randrange(30, 6000))
                # no activity after death: not before the end of the child's last episode of need (CIN census
                # rules 8555, 4008, 4009, 8915, 8920); a child still open at the extract date has not died
                if ch.open_until is not None:
                    death = max(death, ch.open_until)
                death = death if death <= self.extract else None
            yield {
                "pers_person_id": ch.pid,
                "pers_forename": rng.choice(FORENAMES),
                "pers_surname": rng.choice(SURNAMES),
                "pers_sex": sex,
                "pers_gender": GENDER[sex],
                "pers_ethnicity": pick(rng, ETHNICITY),
                "pers_dob": ch.dob,
                "pers_common_child_id": f"{rng.randrange(10**9, 10**10)}",
                "pers_legacy_id": f"L{ch.pid}",
                "pers_upn": f"A{rng.randrange(10**11, 10**12)}",
                "pers_upn_unknown": None,
                "pers_send_flag": yn(rng.random() < p.p_send),
                "pers_expected_dob": None,
                "pers_death_date": death,
                # a mother is a girl of 12 or over at the extract's start (903 rule 620: never under 11 in a year)
                "pers_is_mother": yn(
                    rng.random() < p.p_is_mother and sex == "F" and age_at(ch.dob, self.period_start) >= 12
                ),
                "pers_nationality": "British" if rng.random() < p.p_british else "Other",
            }
