"""The optional SSD tables (ssd_missing, ssd_immigration_status, ssd_cin_visits, ssd_sdq_scores,
ssd_assessment_factors, ssd_disability, ssd_pre_proceedings; and, from outcome_tables.py with a random stream
of their own, ssd_cla_previous_permanence, ssd_cla_immunisations, ssd_cla_convictions, ssd_cla_substance_misuse),
derived from the canonical rows the simulation writes: `OptionalTables.observe` sees every canonical row on its
way to the writer; `rows()` then yields the optional rows. It draws from its own
`random.Random(f"{seed}:{la_code}:optional")`, so no other figure moves.

Values are the SSD's (data-to-insight/ssd-data-model data/objects/ssd_*.yml and categories): 903 MISSING M/A,
SDQ_REASON SDQ1-SDQ5, CIN census assessment factors (as a JSON array, the SSD's current form) and disability
codes, immigration statuses from categories__future_release/immigration_status.yml, pre-proceedings options as
the ssd_pre_proceedings.yml guidance lists them.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from csc.contract import load_tables
from csc.generate.outcome_tables import OutcomeTables, care_periods
from csc.generate.workcal import age_at, birthday

D = timedelta
OPTIONAL_TABLES = (
    "ssd_missing",
    "ssd_immigration_status",
    "ssd_cin_visits",
    "ssd_sdq_scores",
    "ssd_assessment_factors",
    "ssd_disability",
    "ssd_pre_proceedings",
    "ssd_cla_previous_permanence",
    "ssd_cla_immunisations",
    "ssd_cla_convictions",
    "ssd_cla_substance_misuse",
)
SHORT_NOTICE_A = "(A) Applications where without such an order a child’s immediate safety would be compromised"
UASC = "Unaccompanied Asylum Seeking Child"
REFUGEE = "Refugee Status"
FACTORS = [  # CIN census factor codes with a weight per assessment
    ("3A", 14), ("3B", 10), ("4B", 16), ("2B", 9), ("1B", 8), ("16A", 14), ("17A", 10), ("18C", 5), ("5B", 3),
    ("6B", 3), ("4A", 6), ("14A", 4), ("10A", 3), ("11A", 2), ("24A", 2), ("15A", 3), ("13A", 1), ("20", 4),
]  # fmt: skip
DISABILITY = [("LD", 20), ("AUT", 22), ("COMM", 14), ("BEH", 12), ("CON", 8), ("MOB", 7), ("HAND", 4), ("PC", 4),
              ("HEAR", 3), ("VIS", 3), ("INC", 2), ("DDA", 1)]  # fmt: skip


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


@dataclass
class OptionalTables:
    seed: int
    la_code: str
    extract: date
    rng: random.Random = field(init=False)
    people: dict[int, dict] = field(default_factory=dict)
    seen: dict[str, list[dict]] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)

    KEEP = ("ssd_cla_placement", "ssd_cla_episodes", "ssd_legal_status", "ssd_cin_episodes", "ssd_cin_assessments",
            "ssd_cin_plans", "ssd_cp_plans")  # fmt: skip

    def __post_init__(self) -> None:
        self.rng = random.Random(f"{self.seed}:{self.la_code}:optional")

    def observe(self, table: str, row: dict) -> None:
        if table == "ssd_person":
            self.people[row["pers_person_id"]] = row
        elif table in self.KEEP:
            self.seen.setdefault(table, []).append(row)

    def tee(self, sink: Callable[[str, dict], None]) -> Callable[[str, dict], None]:
        """A sink that passes every canonical row on to `sink` and observes it."""

        def both(table: str, row: dict) -> None:
            sink(table, row)
            self.observe(table, row)

        return both

    def write(self, sink: Callable[[str, dict], None], period_start: date) -> None:
        """Send the optional rows of every optional table the contract has to `sink`."""
        contract = load_tables()
        for table, row in self.rows(period_start):
            if table in contract:
                sink(table, row)

    def nid(self, table: str) -> int:
        self.ids[table] = self.ids.get(table, 1_000_000) + 1
        return self.ids[table]

    def clip(self, d: date | None) -> date | None:
        return d if d is not None and d <= self.extract else None

    def rows(self, period_start: date) -> Iterator[tuple[str, dict]]:
        yield from self.missing(period_start)
        yield from self.immigration()
        yield from self.cin_visits()
        yield from self.sdq(period_start)
        yield from self.assessment_factors()
        yield from self.disability()
        yield from self.pre_proceedings()
        outcomes = OutcomeTables(
            self.seed,
            self.la_code,
            self.extract,
            self.people,
            care_periods(self.seen.get("ssd_cla_episodes", []), self.extract),
            self.nid,
        )
        yield from outcomes.rows(period_start)

    # ------------------------------------------------------------------ looked after
    def missing(self, period_start: date) -> Iterator[tuple[str, dict]]:
        """Missing / away episodes of looked-after teenagers, inside their placements (903 MISSING M / A). A child
        is never missing twice at once: an episode starting on or before the day the child's previous one ended is
        drawn but not written (903 rule 574)."""
        rng = self.rng
        back_by_person: dict[object, date | None] = {}
        for pl in self.seen.get("ssd_cla_placement", []):
            person = self.people.get(pl["clap_person_id"])
            start, end = pl["clap_cla_placement_start_date"], pl["clap_cla_placement_end_date"] or self.extract
            if start is None or person is None:
                continue
            lo, hi = max(start, period_start), min(end, self.extract)
            if (hi - lo).days < 14 or age_at(person["pers_dob"], lo) < 11:
                continue
            for _ in range(rng.choices([0, 1, 2, 4], weights=[80, 11, 6, 3])[0]):
                gone = lo + D(days=rng.randrange((hi - lo).days))
                back = gone + D(days=rng.choice([0, 0, 1, 1, 2, 3, 6]))
                offered = rng.random() < 0.85
                missing_type = "M" if rng.random() < 0.8 else "A"
                accepted = ("Y" if rng.random() < 0.6 else "N") if offered else None
                person_id = pl["clap_person_id"]
                if person_id in back_by_person and (back_by_person[person_id] or date.max) >= gone:
                    continue
                back_by_person[person_id] = self.clip(back)
                yield (
                    "ssd_missing",
                    {
                        "miss_table_id": self.nid("ssd_missing"),
                        "miss_person_id": pl["clap_person_id"],
                        "miss_missing_episode_start_date": gone,
                        "miss_missing_episode_type": missing_type,
                        "miss_missing_episode_end_date": self.clip(back),
                        "miss_missing_rhi_offered": "Y" if offered else "N",
                        "miss_missing_rhi_accepted": accepted,
                    },
                )

    def immigration(self) -> Iterator[tuple[str, dict]]:
        """UASC status for children who start care aged 14+ after an absent-parenting (N8) referral."""
        rng = self.rng
        need = {r["cine_referral_id"]: r["cine_cin_primary_need_code"] for r in self.seen.get("ssd_cin_episodes", [])}
        for ep in self.seen.get("ssd_cla_episodes", []):
            person = self.people.get(ep["clae_person_id"])
            entered = ep["clae_entered_care_date"]
            if (
                person is None
                or entered is None
                or ep["clae_cla_episode_start_date"] != entered
                or ep["clae_cla_episode_start_reason"] != "S"
            ):
                continue
            if (
                need.get(ep["clae_referral_id"]) != "N8"
                or age_at(person["pers_dob"], entered) < 14
                or rng.random() > 0.9
            ):
                continue
            eighteen = birthday(person["pers_dob"], 18)
            granted = entered + D(days=rng.randint(200, 900)) if rng.random() < 0.35 else None
            uasc_end = min(d for d in (eighteen, granted) if d is not None)
            yield "ssd_immigration_status", self._status(ep["clae_person_id"], UASC, entered, self.clip(uasc_end))
            if granted is not None and granted < eighteen and granted <= self.extract:
                yield "ssd_immigration_status", self._status(ep["clae_person_id"], REFUGEE, granted, None)

    def _status(self, pid: int, status: str, start: date, end: date | None) -> dict:
        return {
            "immi_immigration_status_id": self.nid("ssd_immigration_status"),
            "immi_person_id": pid,
            "immi_immigration_status": status,
            "immi_immigration_status_start_date": start,
            "immi_immigration_status_end_date": end,
        }

    def sdq(self, period_start: date) -> Iterator[tuple[str, dict]]:
        """A yearly SDQ for children looked after for a year or more, aged 4-16 (903 OC2; SDQ1-SDQ5 reasons)."""
        rng = self.rng
        periods: dict[int, tuple[int, date, date]] = {}
        for ep in self.seen.get("ssd_cla_episodes", []):
            end = ep["clae_cla_episode_ceased_date"] or self.extract
            pid, start = ep["clae_person_id"], ep["clae_entered_care_date"]
            if start is None:
                continue
            old = periods.get(ep["clae_cla_id"])
            periods[ep["clae_cla_id"]] = (pid, start, max(end, old[2]) if old else end)
        for pid, start, end in periods.values():
            person = self.people.get(pid)
            due = start + D(days=365)
            while person is not None and due <= min(end, self.extract):
                age = age_at(person["pers_dob"], due)
                if due >= period_start and 4 <= age <= 16:
                    done = rng.random() < 0.82
                    yield (
                        "ssd_sdq_scores",
                        {
                            "csdq_table_id": self.nid("ssd_sdq_scores"),
                            "csdq_person_id": pid,
                            "csdq_sdq_completed_date": due - D(days=rng.randint(0, 40)) if done else None,
                            "csdq_sdq_reason": None if done else rng.choice(["SDQ2", "SDQ4", "SDQ5", "SDQ3"]),
                            "csdq_sdq_score": float(min(40, max(0, round(rng.gauss(14, 6))))) if done else None,
                        },
                    )
                due += D(days=365)

    def pre_proceedings(self) -> Iterator[tuple[str, dict]]:
        """Pre-proceedings (PLO) for some children who later enter care on an interim care order."""
        rng = self.rng
        cp_plans: dict[int, int] = {}
        for plan in self.seen.get("ssd_cp_plans", []):
            cp_plans[plan["cppl_person_id"]] = cp_plans.get(plan["cppl_person_id"], 0) + 1
        done: set[int] = set()
        for ls in self.seen.get("ssd_legal_status", []):
            pid, start = ls["lega_person_id"], ls["lega_legal_status_start_date"]
            if start is None or ls["lega_legal_status"] != "C1" or pid in done or rng.random() > 0.4:
                continue
            done.add(pid)
            decision = start - D(days=rng.randint(60, 200))
            meeting = decision + D(days=rng.randint(7, 21))
            issue = start - D(days=rng.randint(1, 14))
            short = rng.random() < 0.15
            yield (
                "ssd_pre_proceedings",
                {
                    "prep_table_id": self.nid("ssd_pre_proceedings"),
                    "prep_person_id": pid,
                    "prep_plo_family_id": 5_000_000 + pid,
                    "prep_pre_pro_decision_date": decision,
                    "prep_initial_pre_pro_meeting_date": meeting,
                    "prep_pre_pro_outcome": "Decision to Issue Care Proceedings",
                    "prep_agree_stepdown_issue_date": issue,
                    "prep_cp_plans_referral_period": float(cp_plans.get(pid, 0)),
                    "prep_legal_gateway_outcome": "B – Start pre-proceedings",
                    "prep_prev_pre_proc_child": 0.0,
                    "prep_prev_care_proc_child": 0.0,
                    "prep_pre_pro_letter_date": decision + D(days=rng.randint(1, 6)),
                    "prep_care_pro_letter_date": issue,
                    "prep_pre_pro_meetings_num": float(rng.randint(0, 3)),
                    "prep_pre_pro_parents_legal_rep": "Y" if rng.random() < 0.9 else "N",
                    "prep_parents_legal_rep_point_of_issue": "Y" if rng.random() < 0.95 else "N",
                    "prep_court_reference": f"ZC{rng.randint(10, 99)}C{rng.randrange(10**5):05d}",
                    "prep_care_proc_court_hearings": float(rng.randint(2, 6)),
                    "prep_care_proc_short_notice": "Y" if short else "N",
                    "prep_proc_short_notice_reason": SHORT_NOTICE_A if short else None,
                    "prep_la_inital_plan_approved": "Y" if rng.random() < 0.85 else "N",
                    "prep_la_initial_care_plan": "A – Interim / Care Order",
                    "prep_la_final_plan_approved": None,
                    "prep_la_final_care_plan": None,
                },
            )

    # ------------------------------------------------------------------ children in need
    def cin_visits(self) -> Iterator[tuple[str, dict]]:
        """Visits to children on a CIN plan, every 2-6 weeks while the plan is open."""
        rng = self.rng
        for plan in self.seen.get("ssd_cin_plans", []):
            if plan["cinp_cin_plan_start_date"] is None:
                continue
            visit = plan["cinp_cin_plan_start_date"] + D(days=rng.randint(3, 15))
            stop = min(plan["cinp_cin_plan_end_date"] or self.extract, self.extract)
            while visit <= stop:
                seen = rng.random() < 0.95
                yield (
                    "ssd_cin_visits",
                    {
                        "cinv_cin_visit_id": self.nid("ssd_cin_visits"),
                        "cinv_person_id": plan["cinp_person_id"],
                        "cinv_cin_visit_date": visit,
                        "cinv_cin_visit_seen": "Y" if seen else "N",
                        "cinv_cin_visit_seen_alone": ("Y" if rng.random() < 0.55 else "N") if seen else "N",
                        "cinv_cin_visit_bedroom": "Y" if rng.random() < 0.5 else "N",
                    },
                )
                visit += D(days=rng.randint(14, 42))

    def assessment_factors(self) -> Iterator[tuple[str, dict]]:
        """Factors identified at each authorised assessment: a JSON array of CIN census codes ("21": none)."""
        rng = self.rng
        for asm in self.seen.get("ssd_cin_assessments", []):
            if asm["cina_assessment_auth_date"] is None:
                continue
            nfa = asm["cina_assessment_outcome_nfa"] == "Y"
            if nfa and rng.random() < 0.35:
                factors = ["21"]
            else:
                factors = sorted({_pick(rng, FACTORS) for _ in range(rng.choice([1, 1, 2, 2, 3, 4]))})
            yield (
                "ssd_assessment_factors",
                {
                    "cinf_table_id": self.nid("ssd_assessment_factors"),
                    "cinf_assessment_id": asm["cina_assessment_id"],
                    "cinf_assessment_factors_json": json.dumps(factors),
                },
            )

    def disability(self) -> Iterator[tuple[str, dict]]:
        """Disability codes (CIN census) for a few % of persons, most children referred for their disability; every
        other child with a CIN episode has NONE recorded, as the CIN census asks (DfE rule 8540)."""
        rng = self.rng
        episodes = self.seen.get("ssd_cin_episodes", [])
        referred = {r["cine_person_id"] for r in episodes}
        disabled = {r["cine_person_id"] for r in episodes if r["cine_cin_primary_need_code"] == "N2"}
        for pid in self.people:
            if rng.random() < (0.8 if pid in disabled else 0.03):
                codes = sorted({_pick(rng, DISABILITY) for _ in range(rng.choice([1, 1, 1, 2]))})
            else:
                codes = ["NONE"] if pid in referred else []
            for code in codes:
                yield (
                    "ssd_disability",
                    {
                        "disa_table_id": self.nid("ssd_disability"),
                        "disa_person_id": pid,
                        "disa_disability_code": code,
                    },
                )
