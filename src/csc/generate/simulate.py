"""Month-by-month simulation of child journeys for one council.

Each referral is simulated as a whole journey when it happens (contact -> referral -> assessment ->
S47 -> ICPC -> CP plan -> CIN plan / step-down / care), so later referrals can look back at what
earlier journeys left behind (re-referrals, repeat plans, re-entries to care). Looked-after
children are simulated as periods of care made of 903 episodes, legal statuses and placements;
those who leave care as young adults get one care-leaver status row per month end.

The simulation starts before the extract's history window (a burn-in, so that stocks such as
children in care and care leavers are realistic on its first day) and writes what an SSD extract
would hold: records open or ended inside the window (with the records they link to), dates after
the extract date blanked as not yet happened.

This module is the month loop; the journeys are in `csc.generate.journeys`, the state they share in
`world`, the way out in `output`, calibration in `profiles.Profile` and code lists in `reference`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from csc.generate.journeys import care, early_help, front_door, protection
from csc.generate.output import Sink
from csc.generate.profiles import Council
from csc.generate.rand import poisson
from csc.generate.workcal import add_months, month_end
from csc.generate.world import World

D = timedelta


class Simulation:
    """One council's simulation: `run()` writes its canonical extract rows to `sink(table, row)`."""

    def __init__(self, council: Council, seed: int, extract_date: date, years: int, sink: Sink):
        self.world = World(council, seed, extract_date, years, sink)
        self.period_start = self.world.period_start

    @property
    def months(self) -> int:
        """Months the simulation steps through (burn-in included), for progress bars."""
        w = self.world
        return (w.extract.year - w.cla_start.year) * 12 + w.extract.month - w.cla_start.month + 1

    def run(self, on_month: Callable[[], object] | None = None) -> None:
        w = self.world
        month = date(w.cla_start.year, w.cla_start.month, 1)
        while month <= w.extract:
            self.month(month, in_main=month >= w.sim_start)
            month = add_months(month, 1)
            if on_month is not None:
                on_month()
        for row in w.person_rows():
            w.out.write("ssd_person", row)
        for row in w.staff.professional_rows():
            w.out.write("ssd_professionals", row)

    def month(self, month: date, in_main: bool) -> None:
        """The journeys that start in `month`. Before the main simulation (`in_main`) only periods of care
        are simulated, the CP route into care among them."""
        w = self.world
        p, rng, s = w.p, w.rng, w.scale
        days = (month_end(month) - month).days + 1

        def day() -> date:
            return month + D(days=rng.randrange(days))

        cp_route = p.referral_rate * p.p_s47 * (p.p_s47_to_cla + p.p_icpc * p.p_cpp * p.p_cp_to_cla)
        rate = p.cla_direct_rate + (0 if in_main else cp_route)
        for _ in range(poisson(rng, rate * s / 12)):
            care.direct_admission(w, day())
        for _ in range(poisson(rng, p.short_break_rate * s / 12)):  # agreed series of short breaks
            care.short_break_series(w, day())
        if not in_main:
            return
        refs = poisson(rng, p.referral_rate * s / 12)
        linked = 0
        for d in sorted(day() for _ in range(refs)):
            linked += front_door.referral(w, d)
        for _ in range(poisson(rng, p.referral_rate * p.p_s47 * p.p_icpc * p.p_icpc_transfer_in * s / 12)):
            protection.transfer_in(w, day())
        other = max(0, poisson(rng, p.contacts_rate * s / 12) - linked)
        for _ in range(other):
            front_door.contact_only(w, day())
        for _ in range(poisson(rng, p.eh_rate * s / 12)):
            early_help.episode(w, day(), None)
