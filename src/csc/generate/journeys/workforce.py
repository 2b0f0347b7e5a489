"""Workforce: departments (a locality per profile locality, plus council-wide services), teams of workers
sized to the caseloads they carry, and involvements (a worker allocated to a child for a while)."""

from __future__ import annotations

import random
from datetime import date

from csc.generate.entities import Child, Professional, Team
from csc.generate.output import Ids, Output
from csc.generate.profiles import Profile
from csc.generate.reference import (
    EARLY_HELP_TITLE,
    FORENAMES,
    FTE_VALUES,
    FTE_WEIGHTS,
    SOCIAL_WORK_TITLES,
    SURNAMES,
)

COUNCIL_WIDE = "Council-wide services"
MIN_TEAM = 2  # workers in the smallest team


class Workforce:
    """Departments, teams and professionals of one council, set up (and written) when created; `team` and
    `involvement` allocate workers to children."""

    def __init__(self, profile: Profile, scale: float, rng: random.Random, ids: Ids, out: Output):
        self.p = profile
        self.rng = rng
        self.ids = ids
        self.out = out
        self.departments = (*profile.localities, COUNCIL_WIDE)
        self.central = len(profile.localities)  # department index of the council-wide teams
        self.locality_ids: list[int] = []
        self.teams: dict[tuple[str, int], Team] = {}
        self.professionals: list[Professional] = []
        self._setup(scale)

    def _setup(self, s: float) -> None:
        p = self.p
        n_loc = len(p.localities)
        for name in self.departments:
            lid = self.ids.next("ssd_department")
            self.locality_ids.append(lid)
            self.out.write(
                "ssd_department",
                {
                    "dept_team_id": lid,
                    "dept_team_name": name,
                    "dept_team_parent_id": None,
                    "dept_team_parent_name": None,
                },
            )
        stock = {  # expected open cases per team type, for sizing worker pools
            "Assessment": p.referral_rate / 12 * p.assessment_open_months * s / n_loc,
            "Safeguarding and Family Support": p.sfs_cases_per_10k * s / n_loc,
            "Children in Care": p.cic_cases_per_10k * s / n_loc,
            "Early Help": p.eh_cases_per_10k * s / n_loc,
        }
        for loc in range(n_loc):
            for team, cases in stock.items():
                self._add_team(team, loc, max(MIN_TEAM, round(cases / p.caseload_target)))
        central = {  # council-wide teams: the workers they need
            "Front Door (MASH)": p.mash_workers_per_100k * s / 10,
            "Leaving Care": p.leaving_care_cases_per_10k * s / (p.caseload_target + p.pa_caseload_extra),
            "Disabled Children": p.disabled_cases_per_10k * s / p.caseload_target,
            "Child Protection Conference Service": s / p.children_10k_per_chair,
        }
        for team, workers in central.items():
            self._add_team(team, self.central, max(MIN_TEAM, round(workers)))

    def _add_team(self, team: str, loc: int, n_workers: int) -> None:
        rng = self.rng
        tid = self.ids.next("ssd_department")
        lname = self.departments[loc]
        full = f"{team} - {lname}" if loc < self.central else team
        self.out.write(
            "ssd_department",
            {
                "dept_team_id": tid,
                "dept_team_name": full,
                "dept_team_parent_id": self.locality_ids[loc],
                "dept_team_parent_name": lname,
            },
        )
        workers = []
        for _ in range(n_workers):
            wid = self.ids.next("ssd_professionals")
            workers.append(wid)
            fte = rng.choices(FTE_VALUES, weights=FTE_WEIGHTS)[0]
            name = f"{rng.choice(FORENAMES)} {rng.choice(SURNAMES)}"
            registration = f"SW{rng.randrange(10**6):06d}"
            title = EARLY_HELP_TITLE if team == "Early Help" else rng.choice(SOCIAL_WORK_TITLES)
            agency = rng.random() < self.p.p_agency
            self.professionals.append(Professional(wid, name, registration, title, full, fte, agency))
        self.teams[(team, loc)] = Team(tid, tuple(workers))

    def team(self, team: str, child: Child | None) -> tuple[int, int]:
        """(team id, worker id): a worker of the child's locality team (council-wide when there is none)."""
        key = (team, child.locality if child is not None else self.central)
        if key not in self.teams:
            key = (team, self.central)
        chosen = self.teams[key]
        return chosen.team_id, self.rng.choice(chosen.workers)

    def involvement(
        self,
        child: Child,
        team: str,
        start: date,
        end: date | None,
        ref_id: int | None,
        role: str,
        reason: str | None = None,
    ) -> None:
        """Allocate a worker of `team` to `child` from `start` to `end` (none when it would end before it starts)."""
        if end is not None and end < start:
            return
        tid, wid = self.team(team, child)
        self.out.emit(
            "ssd_involvements",
            {
                "invo_involvements_id": self.ids.next("ssd_involvements"),
                "invo_professional_id": wid,
                "invo_professional_role_id": role,
                "invo_professional_team": tid,
                "invo_involvement_start_date": start,
                "invo_involvement_end_date": end,
                "invo_worker_change_reason": reason if end else None,
                "invo_person_id": child.pid,
                "invo_referral_id": ref_id,
            },
        )

    def professional_rows(self) -> list[dict[str, object]]:
        return [p.row() for p in self.professionals]
