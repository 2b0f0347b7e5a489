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
"""

from __future__ import annotations

import json
import math
import random
from collections import deque
from dataclasses import dataclass, field
from datetime import date, timedelta

from csc.contract import load_tables
from csc.generate.profiles import Council
from csc.generate.workcal import WorkCalendar, add_months, month_end

D = timedelta

FORENAMES = [
    "Alex",
    "Sam",
    "Jordan",
    "Charlie",
    "Riley",
    "Jamie",
    "Casey",
    "Morgan",
    "Taylor",
    "Robin",
    "Frankie",
    "Ashley",
    "Harley",
    "Rowan",
    "Quinn",
    "Reese",
    "Skyler",
    "Avery",
]
SURNAMES = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Robinson",
    "Wright",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
]
ETHNICITY = [
    ("WBRI", 80),
    ("WOTH", 5),
    ("MWBC", 2),
    ("MOTH", 2),
    ("MWAS", 1),
    ("APKN", 2),
    ("AOTH", 1),
    ("BAFR", 2),
    ("BOTH", 1),
    ("OOTH", 2),
    ("WROM", 1),
    ("NOBT", 1),
]
SOURCES = [
    ("6", 33),
    ("2A", 14),
    ("2B", 2),
    ("3A", 3),
    ("3B", 3),
    ("3E", 3),
    ("3F", 4),
    ("5A", 3),
    ("5B", 3),
    ("5D", 2),
    ("1A", 8),
    ("1C", 2),
    ("1D", 4),
    ("9", 3),
    ("5C", 2),
    ("4", 3),
    ("7", 2),
    ("8", 4),
    ("10", 1),
]
SOURCE_DESC = {
    "6": "Police",
    "2A": "Schools",
    "2B": "Education services",
    "3A": "GP",
    "3B": "Health visitor",
    "3E": "A&E",
    "3F": "Other health services",
    "5A": "Adult social care",
    "5B": "Other internal",
    "5D": "Early help",
    "1A": "Family member",
    "1C": "Self",
    "1D": "Other individual",
    "9": "Anonymous",
    "5C": "Another local authority",
    "4": "Housing",
    "7": "Other legal agency",
    "8": "Other",
    "10": "Unknown",
}
CP_CATEGORIES = [
    ("Neglect", 50),
    ("Emotional Abuse", 34),
    ("Physical Abuse", 8),
    ("Sexual Abuse", 4),
    ("Multiple", 4),
]
EET = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"]
NEET = ["G4", "G5", "G6"]
ACCOM_LETTERS = ["B", "D", "E", "K", "U", "Z", "C", "T"]
EH_REASONS = [
    "Parenting support",
    "Domestic abuse",
    "School attendance",
    "Emotional wellbeing",
    "Behaviour",
    "Housing",
    "Parental mental health",
    "Substance misuse",
]
EH_ORGS = [
    "Family Support Service",
    "School",
    "Health visiting",
    "Children's centre",
    "Voluntary sector partner",
]
# When an end date is blanked because it is after the extract date, these go with it.
END_DEPENDENTS = {
    "cine_close_date": ["cine_close_reason"],
    "clae_cla_episode_ceased_date": ["clae_cla_episode_ceased_reason"],
    "clap_cla_placement_end_date": ["clap_cla_placement_change_reason"],
    "earl_episode_end_date": ["earl_episode_end_reason"],
    "invo_involvement_end_date": ["invo_worker_change_reason"],
    "perm_permanence_order_date": ["perm_permanence_order_type"],
    "s47e_s47_end_date": ["s47e_s47_nfa", "s47e_s47_outcome_json"],
    "cina_assessment_auth_date": ["cina_assessment_outcome_nfa", "cina_assessment_outcome_json"],
}


# Outcome JSON as the SSD writes it (keys from data-to-insight/ssd-data-model data/objects/ssd_contacts.yml,
# ssd_cin_episodes.yml, ssd_cin_assessments.yml, ssd_s47_enquiry.yml, ssd_initial_cp_conference.yml, in the
# order of the SystemC v1.4.5 script): every key present, "" when not recorded, a count of outcomes and the
# case worker's free-text comments (COMMENTS; OUTCOME_COMMENTS for S47), which must never reach the warehouse.
CONTACT_OUTCOME_KEYS = (
    "NEW_REFERRAL_FLAG",
    "EXISTING_REFERRAL_FLAG",
    "CP_ENQUIRY_FLAG",
    "NFA_FLAG",
    "NON_AGENCY_ADOPTION_FLAG",
    "PRIVATE_FOSTERING_FLAG",
    "ADVICE_FLAG",
    "MISSING_FLAG",
    "OLA_CP_FLAG",
    "OTHER_OUTCOMES_EXIST_FLAG",
)
REFERRAL_OUTCOME_KEYS = (
    "SINGLE_ASSESSMENT_FLAG",
    "NFA_FLAG",
    "STRATEGY_DISCUSSION_FLAG",
    "CLA_REQUEST_FLAG",
    "NON_AGENCY_ADOPTION_FLAG",
    "PRIVATE_FOSTERING_FLAG",
    "CP_TRANSFER_IN_FLAG",
    "CP_CONFERENCE_FLAG",
    "CARE_LEAVER_FLAG",
    "OTHER_OUTCOMES_EXIST_FLAG",
)
ASSESSMENT_OUTCOME_KEYS = (
    "NFA_FLAG",
    "NFA_S47_END_FLAG",
    "STRATEGY_DISCUSSION_FLAG",
    "CLA_REQUEST_FLAG",
    "PRIVATE_FOSTERING_FLAG",
    "LEGAL_ACTION_FLAG",
    "PROV_OF_SERVICES_FLAG",
    "PROV_OF_SB_CARE_FLAG",
    "SPECIALIST_ASSESSMENT_FLAG",
    "REFERRAL_TO_OTHER_AGENCY_FLAG",
    "OTHER_ACTIONS_FLAG",
    "OTHER_OUTCOMES_EXIST_FLAG",
)
S47_OUTCOME_KEYS = (
    "NFA_FLAG",
    "LEGAL_ACTION_FLAG",
    "PROV_OF_SERVICES_FLAG",
    "PROV_OF_SB_CARE_FLAG",
    "CP_CONFERENCE_FLAG",
    "NFA_CONTINUE_SINGLE_FLAG",
    "MONITOR_FLAG",
    "OTHER_OUTCOMES_EXIST_FLAG",
)
ICPC_OUTCOME_KEYS = (
    "NFA_FLAG",
    "REFERRAL_TO_OTHER_AGENCY_FLAG",
    "SINGLE_ASSESSMENT_FLAG",
    "PROV_OF_SERVICES_FLAG",
    "CP_FLAG",
    "OTHER_OUTCOMES_EXIST_FLAG",
)
# (flag keys, count key, comments key) per outcome column
OUTCOME_LAYOUT = {
    "contact": (CONTACT_OUTCOME_KEYS, "NUMBER_OF_OUTCOMES", "COMMENTS"),
    "referral": (REFERRAL_OUTCOME_KEYS, "NUMBER_OF_OUTCOMES", "COMMENTS"),
    "assessment": (ASSESSMENT_OUTCOME_KEYS, "TOTAL_NO_OF_OUTCOMES", "COMMENTS"),
    "s47": (S47_OUTCOME_KEYS, "TOTAL_NO_OF_OUTCOMES", "OUTCOME_COMMENTS"),
    "icpc": (ICPC_OUTCOME_KEYS, "TOTAL_NO_OF_OUTCOMES", "COMMENTS"),
}
# Fake case-note text for the comments keys: commas, quotes, apostrophes and a line break, as typed.
OUTCOME_COMMENTS = [
    "Discussed with team manager, no further concerns at this time.",
    'Mum said "we are fine" and declined support, school to monitor.',
    "Advice given to caller; GP and school informed.",
    "Strategy discussion held with police, health and education.",
    "Child's views recorded. Family agreed to a plan of support.",
    "Threshold not met.\nSignposted to the family hub, 0-19 service notified.",
    'Worker noted "home conditions poor" on the visit, follow up in 10 days.',
]


def outcome_json(layout: str, flags: dict[str, str | None], count: int | None, comment: str = "") -> str:
    """An outcome JSON value with the SSD's keys (see OUTCOME_LAYOUT)."""
    keys, count_key, comment_key = OUTCOME_LAYOUT[layout]
    out: dict[str, str | int | None] = {k: flags.get(k) or "" for k in keys}
    out[count_key] = count
    out[comment_key] = comment
    return json.dumps(out)


def yn(b: bool | None) -> str | None:
    return None if b is None else ("Y" if b else "N")


def pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def lognormal_days(rng: random.Random, median: float, sigma: float, lo: int, hi: int) -> int:
    return int(min(hi, max(lo, rng.lognormvariate(math.log(median), sigma))))


def birthday(dob: date, years: int) -> date:
    try:
        return dob.replace(year=dob.year + years)
    except ValueError:  # 29 February
        return date(dob.year + years, 3, 1)


def age_at(dob: date, d: date) -> int:
    return d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))


@dataclass
class Child:
    pid: int
    dob: date
    locality: int
    open_until: date | None = None  # end of the current episode of need (None: still open)
    last_referral: date | None = None
    cp_plans: int = 0
    last_eh: date | None = None
    written: bool = False
    known: bool = False
    attrs: dict = field(default_factory=dict)


class Simulation:
    def __init__(self, council: Council, seed: int, extract_date: date, years: int, sink):
        self.c = council
        self.p = council.profile
        self.rng = random.Random(f"{seed}:{council.la_code}")
        # its own stream, so that free text never moves a draw of `rng`
        self.text_rng = random.Random(f"{seed}:{council.la_code}:comments")
        self.extract = extract_date
        self.period_start = add_months(extract_date, -12 * years) + D(days=1)
        self.sim_start = add_months(self.period_start, -24)
        self.cla_start = add_months(self.period_start, -12 * 14)
        self.cal = WorkCalendar(self.cla_start - D(days=400), extract_date + D(days=6 * 366))
        self.scale = council.current_population / 10_000
        self.sink = sink
        self.tables = load_tables()
        self._ids: dict[str, int] = {}
        self.children: dict[int, Child] = {}
        self.recent_refs: deque[tuple[date, int]] = deque()  # (referral date, pid), last 3 years
        self.recent_eh: deque[tuple[date, int]] = deque()
        self.known: list[int] = []  # children known to the service, for repeat contacts
        self.had_cp: list[int] = []  # children who have had a CP plan, for repeat plans
        self.buffer: list[tuple[str, dict]] = []
        self._keep_journey = False
        self.teams: dict[tuple[str, int | None], tuple[int, list[int]]] = {}
        self.professionals: list[dict] = []
        self._setup_departments()

    # ------------------------------------------------------------------ identifiers and output
    def nid(self, table: str) -> int:
        base = {"ssd_person": 1_000_000, "ssd_department": 100}.get(table, 1_000_000)
        self._ids[table] = self._ids.get(table, base) + 1
        return self._ids[table]

    def comment(self) -> str:
        """Free text typed into an outcome's comments (about one outcome in ten), from its own stream."""
        r = self.text_rng
        return r.choice(OUTCOME_COMMENTS) if r.random() < 0.1 else ""

    def emit(self, table: str, row: dict) -> None:
        self.buffer.append((table, row))

    def commit(self, include: bool) -> None:
        """Write the buffered journey if it belongs in the extract, else drop it."""
        buf, self.buffer = self.buffer, []
        include = include or self._keep_journey
        self._keep_journey = False
        if not include:
            return
        for table, row in buf:
            row = self._clip(table, row)
            if row is not None:
                self.sink(table, row)

    def _clip(self, table: str, row: dict) -> dict | None:
        t = self.tables[table]
        x = self.extract
        if table in ("ssd_cp_reviews", "ssd_cla_reviews"):
            due = row.get("cppr_cp_review_due") or row.get("clar_cla_review_due_date")
            if due and due > x:
                return None
        elif t.event_date and row.get(t.event_date) and row[t.event_date] > x:
            return None
        for col in t.columns:
            if col.kind == "date" and not col.future_ok:
                v = row.get(col.name)
                if v is not None and v > x:
                    row[col.name] = None
                    for dep in END_DEPENDENTS.get(col.name, []):
                        row[dep] = None
        for pid_col in (
            "cont_person_id",
            "cine_person_id",
            "clae_person_id",
            "clea_person_id",
            "earl_person_id",
            "lega_person_id",
            "clap_person_id",
            "cppl_person_id",
        ):
            if pid_col in row:
                self.children[row[pid_col]].written = True
        return row

    # ------------------------------------------------------------------ reference: teams, workers
    def _setup_departments(self) -> None:
        p, s = self.p, self.scale
        n_loc = len(p.localities)
        self.locality_ids = []
        for name in p.localities + ("Council-wide services",):
            lid = self.nid("ssd_department")
            self.locality_ids.append(lid)
            self.sink(
                "ssd_department",
                {
                    "dept_team_id": lid,
                    "dept_team_name": name,
                    "dept_team_parent_id": None,
                    "dept_team_parent_name": None,
                },
            )
        stock = {  # expected open cases per team type, for sizing worker pools
            "Assessment": p.referral_rate / 12 * 1.3 * s / n_loc,
            "Safeguarding and Family Support": 120 * s / n_loc,
            "Children in Care": 80 * s / n_loc,
            "Early Help": 70 * s / n_loc,
        }
        for loc in range(n_loc):
            for team, cases in stock.items():
                self._add_team(team, loc, max(2, round(cases / p.caseload_target)))
        central = n_loc
        self._add_team("Front Door (MASH)", central, max(2, round(4 * s / 10)))
        self._add_team("Leaving Care", central, max(2, round(30 * s / (p.caseload_target + 4))))
        self._add_team("Disabled Children", central, max(2, round(6 * s / p.caseload_target)))
        self._add_team("Child Protection Conference Service", central, max(2, round(s / 3)))

    def _add_team(self, team: str, loc: int, n_workers: int) -> None:
        tid = self.nid("ssd_department")
        lname = (self.p.localities + ("Council-wide services",))[loc]
        full = f"{team} - {lname}" if loc < len(self.p.localities) else team
        self.sink(
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
            wid = self.nid("ssd_professionals")
            workers.append(wid)
            fte = self.rng.choices([1.0, 0.8, 0.6, 0.5], weights=[80, 10, 6, 4])[0]
            self.professionals.append(
                {
                    "prof_professional_id": wid,
                    "prof_staff_id": f"S{wid:07d}",
                    "prof_professional_name": f"{self.rng.choice(FORENAMES)} {self.rng.choice(SURNAMES)}",
                    "prof_social_worker_registration_no": f"SW{self.rng.randrange(10**6):06d}",
                    "prof_professional_job_title": "Family Support Worker"
                    if team == "Early Help"
                    else self.rng.choice(["Social Worker", "Senior Social Worker", "Advanced Practitioner"]),
                    "prof_professional_caseload": None,
                    "prof_professional_department": full,
                    "prof_full_time_equivalency": fte,
                    "prof_agency_worker_flag": yn(self.rng.random() < self.p.p_agency),
                }
            )
        self.teams[(team, loc)] = (tid, workers)

    def team(self, team: str, child: Child | None) -> tuple[int, int]:
        key = (team, child.locality if child is not None else len(self.p.localities))
        if key not in self.teams:
            key = (team, len(self.p.localities))
        tid, workers = self.teams[key]
        return tid, self.rng.choice(workers)

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
        if end is not None and end < start:
            return
        tid, wid = self.team(team, child)
        self.emit(
            "ssd_involvements",
            {
                "invo_involvements_id": self.nid("ssd_involvements"),
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

    # ------------------------------------------------------------------ people
    def new_child(self, at: date, age: int | None = None) -> Child:
        rng = self.rng
        if age is None:
            age = rng.choices(range(18), weights=[9, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7, 8, 8, 7, 4])[0]
        dob = at - D(days=age * 365 + rng.randrange(365))
        pid = self.nid("ssd_person")
        ch = Child(pid, dob, rng.randrange(len(self.p.localities)))
        self.children[pid] = ch
        return ch

    def person_rows(self):
        rng = self.rng
        for ch in self.children.values():
            if not ch.written:
                continue
            sex = rng.choices(["M", "F", "U"], weights=[51, 48, 1])[0]
            death = None
            if rng.random() < 0.001:
                death = ch.dob + D(days=rng.randrange(30, 6000))
                death = death if death <= self.extract else None
            yield {
                "pers_person_id": ch.pid,
                "pers_forename": rng.choice(FORENAMES),
                "pers_surname": rng.choice(SURNAMES),
                "pers_sex": sex,
                "pers_gender": {"M": "Male", "F": "Female", "U": "Not stated"}[sex],
                "pers_ethnicity": pick(rng, ETHNICITY),
                "pers_dob": ch.dob,
                "pers_common_child_id": f"{rng.randrange(10**9, 10**10)}",
                "pers_legacy_id": f"L{ch.pid}",
                "pers_upn": f"A{rng.randrange(10**11, 10**12)}",
                "pers_upn_unknown": None,
                "pers_send_flag": yn(rng.random() < 0.15),
                "pers_expected_dob": None,
                "pers_death_date": death,
                "pers_is_mother": yn(rng.random() < 0.01),
                "pers_nationality": "British" if rng.random() < 0.92 else "Other",
            }

    # ------------------------------------------------------------------ the main loop
    @property
    def months(self) -> int:
        """Months the simulation steps through (burn-in included), for progress bars."""
        return (self.extract.year - self.cla_start.year) * 12 + self.extract.month - self.cla_start.month + 1

    def run(self, on_month=None) -> None:
        p, rng, s = self.p, self.rng, self.scale
        month = date(self.cla_start.year, self.cla_start.month, 1)
        cp_route = p.referral_rate * p.p_s47 * (p.p_s47_to_cla + p.p_icpc * p.p_cpp * p.p_cp_to_cla)
        while month <= self.extract:
            mend = month_end(month)
            days = (mend - month).days + 1
            in_main = month >= self.sim_start
            # looked-after admissions that do not come through a simulated CP journey
            rate = p.cla_direct_rate + (0 if in_main else cp_route)
            for _ in range(self._poisson(rate * s / 12)):
                self.direct_admission(month + D(days=rng.randrange(days)))
            for _ in range(self._poisson(1.5 * s / 12)):  # agreed series of short breaks
                self.short_break_series(month + D(days=rng.randrange(days)))
            if in_main:
                refs = self._poisson(p.referral_rate * s / 12)
                ref_dates = sorted(month + D(days=rng.randrange(days)) for _ in range(refs))
                linked = 0
                for d in ref_dates:
                    linked += self.referral(d)
                for _ in range(self._poisson(p.referral_rate * p.p_s47 * p.p_icpc * p.p_icpc_transfer_in * s / 12)):
                    self.transfer_in(month + D(days=rng.randrange(days)))
                other = max(0, self._poisson(p.contacts_rate * s / 12) - linked)
                for _ in range(other):
                    self.contact_only(month + D(days=rng.randrange(days)))
                for _ in range(self._poisson(p.eh_rate * s / 12)):
                    self.early_help(month + D(days=rng.randrange(days)), None)
            month = add_months(month, 1)
            if on_month is not None:
                on_month()
        for row in self.person_rows():
            self.sink("ssd_person", row)
        for row in self.professionals:
            self.sink("ssd_professionals", row)

    def _poisson(self, lam: float) -> int:
        if lam <= 0:
            return 0
        if lam > 50:
            return max(0, int(round(self.rng.gauss(lam, math.sqrt(lam)))))
        L, k, prod = math.exp(-lam), 0, self.rng.random()
        while prod > L:
            k += 1
            prod *= self.rng.random()
        return k

    # ------------------------------------------------------------------ front door
    def _pick_after_cp(self, d: date) -> Child | None:
        """A child whose CP plan and episode ended 30 days to 6 years ago (repeat plans come from these)."""
        rng = self.rng
        for _ in range(12):
            if not self.had_cp:
                return None
            ch = self.children[self.had_cp[rng.randrange(len(self.had_cp))]]
            gap = (d - ch.open_until).days if ch.open_until is not None else -1
            if 30 <= gap <= 6 * 365 and age_at(ch.dob, d) < 18:
                return ch
        return None

    def _pick_rereferral(self, d: date) -> Child | None:
        rng = self.rng
        if rng.random() < self.p.p_reref_after_cp:
            ch = self._pick_after_cp(d)
            if ch is not None:
                return ch
        while self.recent_refs and (d - self.recent_refs[0][0]).days > 3 * 365:
            self.recent_refs.popleft()
        u = rng.random()
        if u < self.p.p_reref_12m:
            lo, hi = 1, 365
        elif u < self.p.p_reref_12m + self.p.p_reref_older:
            lo, hi = 366, 3 * 365
        else:
            return None
        n = len(self.recent_refs)
        for _ in range(12):
            if not n:
                return None
            rd, pid = self.recent_refs[rng.randrange(n)]
            ch = self.children[pid]
            gap = (d - ch.last_referral).days if ch.last_referral else -1
            if lo <= gap <= hi and ch.open_until is not None and ch.open_until < d and age_at(ch.dob, d) < 18:
                return ch
        return None

    def contact(self, ch: Child, d: date, referred: bool) -> None:
        rng, p = self.rng, self.p
        level = pick(
            rng,
            [("harm", 45), ("not_sure", 45), ("help", 10)]
            if referred
            else [("harm", 18), ("not_sure", 40), ("help", 42)],
        )
        if rng.random() < p.p_contact_decision_1wd:
            decision = self.cal.add(d, rng.choice([0, 0, 1, 1, 1]))
        else:
            decision = self.cal.add(d, rng.randint(2, 6))
        if rng.random() < 0.02:
            decision = None
        source = pick(rng, SOURCES)
        flags = {  # draws in the order they always had
            "NEW_REFERRAL_FLAG": yn(referred),
            "EXISTING_REFERRAL_FLAG": "N",
            "NFA_FLAG": yn(not referred and rng.random() < 0.6),
            "OTHER_OUTCOMES_EXIST_FLAG": yn(not referred and rng.random() < 0.3),  # early help
            "ADVICE_FLAG": yn(not referred and rng.random() < 0.2),
        }
        self.emit(
            "ssd_contacts",
            {
                "cont_contact_id": self.nid("ssd_contacts"),
                "cont_person_id": ch.pid,
                "cont_contact_date": d,
                "cont_contact_source_code": source,
                "cont_contact_source_desc": SOURCE_DESC[source],
                "cont_contact_outcome_json": outcome_json("contact", flags, None, self.comment()),
                "cont_decision_date": decision,
                "cont_contact_level": level,
            },
        )

    def contact_only(self, d: date) -> None:
        rng = self.rng
        if self.known and rng.random() < 0.45:
            ch = self.children[self.known[rng.randrange(len(self.known))]]
            if age_at(ch.dob, d) >= 18:
                ch = self.new_child(d)
        else:
            ch = self.new_child(d)
            ch.known = True
            self.known.append(ch.pid)
        self.contact(ch, d, referred=False)
        self.commit(d >= self.period_start)

    # ------------------------------------------------------------------ referral journeys
    def referral(self, d: date) -> int:
        """Simulate one referral and everything that follows; returns 1 if it had a linked contact."""
        rng, p, _cal = self.rng, self.p, self.cal
        ch = self._pick_rereferral(d) or self.new_child(d)
        if not ch.known:
            ch.known = True
            self.known.append(ch.pid)
        lag = rng.choices([0, rng.randint(1, 7), rng.randint(8, 20)], weights=[70, 25, 5])[0]
        linked = 0
        if d - D(days=lag) >= self.sim_start:
            self.contact(ch, d - D(days=lag), referred=True)
            linked = 1
        ch.last_referral = d
        self.recent_refs.append((d, ch.pid))
        ref_id = self.nid("ssd_cin_episodes")
        a_tid, a_wid = self.team("Assessment", ch)
        ref = {
            "cine_referral_id": ref_id,
            "cine_person_id": ch.pid,
            "cine_referral_date": d,
            "cine_cin_primary_need_code": pick(
                rng,
                [
                    ("N1", 55),
                    ("N4", 12),
                    ("N5", 15),
                    ("N2", 4),
                    ("N3", 4),
                    ("N6", 3),
                    ("N8", 3),
                    ("N9", 3),
                    ("N0", 1),
                ],
            ),
            "cine_referral_team": a_tid,
            "cine_referral_worker_id": a_wid,
        }
        source = pick(rng, SOURCES)
        ref["cine_referral_source_code"] = source
        ref["cine_referral_source_desc"] = SOURCE_DESC[source]
        nfa = rng.random() < p.p_referral_nfa
        close, reason = None, None
        asm_end = None
        repeat_cp = ch.cp_plans > 0
        did_s47 = not nfa and rng.random() < (p.p_repeat_cp_s47 if repeat_cp else p.p_s47)
        cp_end = None
        went_to_cla = None
        if nfa:
            close, reason = d + D(days=rng.randint(0, 3)), "RC8"
        else:
            outcome = rng.choices(
                ["nfa", "stepdown", "ongoing"],
                weights=[p.p_asm_nfa, p.p_asm_stepdown, 1 - p.p_asm_nfa - p.p_asm_stepdown],
            )[0]
            if did_s47:
                s47 = self.s47(ch, d, ref_id, repeat_cp)
                if s47["cp_end"] is not None or s47["cp_open"]:
                    outcome = "ongoing"
                    cp_end = s47["cp_end"]
                    went_to_cla = s47["to_cla"]
                elif s47["to_cla"]:
                    outcome = "ongoing"
                    went_to_cla = s47["to_cla"]
                elif outcome == "nfa" and rng.random() < 0.5:
                    outcome = "ongoing"
            if rng.random() < p.p_assessment or did_s47:
                asm_end = self.assessment(ch, d, ref_id, outcome)
            else:
                asm_end = d + D(days=rng.randint(5, 40))
                outcome = "nfa"
            if went_to_cla is not None:
                close = self.cla_period(ch, went_to_cla, "protection", ref_id)
                reason = self._cla_close_reason
            elif cp_end is not None or (did_s47 and s47["cp_open"]):
                if cp_end is None:
                    close = None
                else:
                    close = cp_end + D(days=lognormal_days(rng, 75, 0.8, 0, 500))
                    if rng.random() < 0.5:
                        self.cin_plan(ch, ref_id, cp_end + D(days=rng.randint(0, 10)), close)
                    reason = "RC7"
            elif outcome == "nfa":
                close, reason = asm_end + D(days=rng.randint(0, 10)), "RC8"
            elif outcome == "stepdown":
                close, reason = asm_end + D(days=rng.randint(0, 10)), "RC9"
                self.early_help(close + D(days=rng.randint(0, 14)), ch)
            else:
                close = asm_end + D(days=lognormal_days(rng, p.cin_median_days, 0.7, 20, 1500))
                reason = "RC7"
                if rng.random() < 0.02:
                    close = self.cla_period(ch, asm_end + D(days=rng.randint(10, 120)), "need", ref_id)
                    reason = self._cla_close_reason
                elif rng.random() < p.p_cin_plan:
                    self.cin_plan(ch, ref_id, asm_end + D(days=rng.randint(0, 25)), close)
        if close is not None:
            close = max(close, d, asm_end or d)
        ref["cine_referral_nfa"] = yn(nfa)
        ref["cine_close_date"] = close
        ref["cine_close_reason"] = reason
        ref["cine_referral_outcome_json"] = outcome_json(
            "referral",
            {"NFA_FLAG": yn(nfa), "STRATEGY_DISCUSSION_FLAG": yn(did_s47), "SINGLE_ASSESSMENT_FLAG": yn(not nfa)},
            1,
            self.comment(),
        )
        self.emit("ssd_cin_episodes", ref)
        end_alloc = asm_end or close
        self.involvement(ch, "Assessment", d, end_alloc, ref_id, "Allocated social worker", "Transferred")
        if close is None or (end_alloc and close > end_alloc + D(days=5)):
            self.involvement(
                ch,
                "Safeguarding and Family Support",
                end_alloc or d,
                close,
                ref_id,
                "Allocated social worker",
                "Case closed",
            )
        ch.open_until = close
        self.commit(close is None or close >= self.period_start)
        return linked

    def assessment(self, ch: Child, ref_date: date, ref_id: int, outcome: str) -> date:
        rng, p, cal = self.rng, self.p, self.cal
        start = cal.next_workday(ref_date + D(days=rng.choice([0, 0, 0, 1, 2, 3])))
        wd = int(rng.triangular(2, 45, 28)) if rng.random() < p.p_asm_45wd else rng.randint(46, 95)
        auth = cal.add(start, wd)
        tid, wid = self.team("Assessment", ch)
        self.emit(
            "ssd_cin_assessments",
            {
                "cina_assessment_id": self.nid("ssd_cin_assessments"),
                "cina_person_id": ch.pid,
                "cina_referral_id": ref_id,
                "cina_assessment_start_date": start,
                "cina_assessment_child_seen": yn(rng.random() < 0.97),
                "cina_assessment_auth_date": auth,
                "cina_assessment_outcome_json": outcome_json(
                    "assessment",
                    {
                        "NFA_FLAG": yn(outcome == "nfa"),
                        "REFERRAL_TO_OTHER_AGENCY_FLAG": yn(outcome == "stepdown"),  # step down to early help
                        "PROV_OF_SERVICES_FLAG": yn(outcome == "ongoing"),  # CIN plan
                    },
                    None,
                    self.comment(),
                ),
                "cina_assessment_outcome_nfa": yn(outcome in ("nfa", "stepdown")),
                "cina_assessment_team": tid,
                "cina_assessment_worker_id": wid,
            },
        )
        return auth

    def s47(self, ch: Child, ref_date: date, ref_id: int, repeat_cp: bool = False) -> dict:
        rng, p, cal = self.rng, self.p, self.cal
        start = cal.next_workday(ref_date + D(days=rng.choice([0, 0, 1, 1, 2, 3, 5])))
        end = cal.add(start, rng.randint(4, 20))
        res = {"cp_end": None, "cp_open": False, "to_cla": None}
        icpc = rng.random() < (p.p_repeat_cp_icpc if repeat_cp else p.p_icpc)
        sid = self.nid("ssd_s47_enquiry")
        icpc_date = None
        if icpc:
            wd = rng.randint(4, 15) if rng.random() < p.p_icpc_15wd else rng.randint(16, 40)
            icpc_date = cal.add(start, wd)
            end = min(end, icpc_date)
        elif rng.random() < p.p_s47_to_cla:
            res["to_cla"] = end
        tid, wid = self.team("Safeguarding and Family Support", ch)
        outcome = "icpc" if icpc else rng.choice(["substantiated", "substantiated", "not_substantiated"])
        self.emit(
            "ssd_s47_enquiry",
            {
                "s47e_s47_enquiry_id": sid,
                "s47e_referral_id": ref_id,
                "s47e_person_id": ch.pid,
                "s47e_s47_start_date": start,
                "s47e_s47_end_date": end,
                "s47e_s47_nfa": yn(outcome == "not_substantiated"),
                "s47e_s47_outcome_json": outcome_json(
                    "s47",
                    {
                        "NFA_FLAG": yn(outcome == "not_substantiated"),
                        "CP_CONFERENCE_FLAG": yn(icpc),
                        "PROV_OF_SERVICES_FLAG": yn(outcome == "substantiated"),
                    },
                    1,
                    self.comment(),
                ),
                "s47e_s47_completed_by_team": tid,
                "s47e_s47_completed_by_worker_id": wid,
            },
        )
        if icpc:
            plan = rng.random() < p.p_cpp
            cp = self.icpc_and_plan(ch, icpc_date, ref_id, sid, cal.add(start, 15), plan, False)
            res.update(cp)
        return res

    def icpc_and_plan(
        self,
        ch: Child,
        icpc_date: date,
        ref_id: int,
        s47_id: int | None,
        target: date | None,
        plan: bool,
        transfer_in: bool,
    ) -> dict:
        rng, p = self.rng, self.p
        icpc_id = self.nid("ssd_initial_cp_conference")
        plan_id = self.nid("ssd_cp_plans") if plan else None
        tid, wid = self.team("Child Protection Conference Service", None)
        self.emit(
            "ssd_initial_cp_conference",
            {
                "icpc_icpc_id": icpc_id,
                "icpc_icpc_meeting_id": icpc_id + 500_000,
                "icpc_s47_enquiry_id": s47_id,
                "icpc_person_id": ch.pid,
                "icpc_cp_plan_id": plan_id,
                "icpc_referral_id": ref_id,
                "icpc_icpc_transfer_in": yn(transfer_in),
                "icpc_icpc_target_date": target,
                "icpc_icpc_date": icpc_date,
                "icpc_icpc_outcome_cp_flag": yn(plan),
                "icpc_icpc_outcome_json": outcome_json(
                    "icpc", {"CP_FLAG": yn(plan), "NFA_FLAG": yn(not plan)}, None, self.comment()
                ),
                "icpc_icpc_team": tid,
                "icpc_icpc_worker_id": wid,
            },
        )
        res = {"cp_end": None, "cp_open": False, "to_cla": None}
        if not plan:
            return res
        start = icpc_date
        dur = lognormal_days(rng, p.cp_median_days, 0.55, 60, 1600)
        if rng.random() < 0.025:
            dur = rng.randint(700, 1100)
        end = start + D(days=dur)
        if age_at(ch.dob, end) >= 18:
            end = max(start + D(days=1), birthday(ch.dob, 18))
        cat = pick(rng, CP_CATEGORIES)
        self.emit(
            "ssd_cp_plans",
            {
                "cppl_cp_plan_id": plan_id,
                "cppl_referral_id": ref_id,
                "cppl_icpc_id": icpc_id,
                "cppl_person_id": ch.pid,
                "cppl_cp_plan_start_date": start,
                "cppl_cp_plan_end_date": end,
                "cppl_cp_plan_initial_category": cat,
                "cppl_cp_plan_ola": yn(False),
                "cppl_cp_plan_latest_category": cat if rng.random() < 0.9 else pick(rng, CP_CATEGORIES),
            },
        )
        if ch.cp_plans == 0:
            self.had_cp.append(ch.pid)
        ch.cp_plans += 1
        self.cp_reviews(ch, plan_id, start, end)
        self.cp_visits(ch, plan_id, start, end)
        if rng.random() < p.p_cp_to_cla and age_at(ch.dob, end) < 17:
            res["to_cla"] = end
        res["cp_end"] = end
        return res

    def cp_reviews(self, ch: Child, plan_id: int, start: date, end: date) -> None:
        rng = self.rng
        due = add_months(start, 3)
        while due < end + D(days=30):
            held = due - D(days=rng.randint(0, 14)) if rng.random() < 0.95 else due + D(days=rng.randint(1, 30))
            held = max(held, start + D(days=1))
            last = held >= end
            self.emit(
                "ssd_cp_reviews",
                {
                    "cppr_cp_review_id": self.nid("ssd_cp_reviews"),
                    "cppr_person_id": ch.pid,
                    "cppr_cp_plan_id": plan_id,
                    "cppr_cp_review_due": due,
                    "cppr_cp_review_date": held,
                    "cppr_cp_review_meeting_id": None,
                    "cppr_cp_review_outcome_continue_cp": yn(not last),
                    "cppr_cp_review_quorate": yn(rng.random() < 0.97),
                    "cppr_cp_review_participation": rng.choice(["PN1", "PN4", "PN5", "PN0"]),
                },
            )
            if last:
                break
            due = add_months(held, 6)

    def cp_visits(self, ch: Child, plan_id: int, start: date, end: date) -> None:
        rng, cal = self.rng, self.cal
        v = cal.add(start, rng.randint(0, 4))
        while v <= end and v <= self.extract:
            self.emit(
                "ssd_cp_visits",
                {
                    "cppv_cp_visit_id": self.nid("ssd_cp_visits"),
                    "cppv_person_id": ch.pid,
                    "cppv_cp_plan_id": plan_id,
                    "cppv_cp_visit_date": v,
                    "cppv_cp_visit_seen": yn(rng.random() < 0.93),
                    "cppv_cp_visit_seen_alone": yn(rng.random() < 0.5),
                    "cppv_cp_visit_bedroom": yn(rng.random() < 0.6),
                },
            )
            v = cal.add(v, rng.randint(4, 10) if rng.random() < 0.9 else rng.randint(11, 25))

    def cin_plan(self, ch: Child, ref_id: int, start: date, end: date | None) -> None:
        if end is not None and end <= start:
            return
        tid, wid = self.team("Safeguarding and Family Support", ch)
        self.emit(
            "ssd_cin_plans",
            {
                "cinp_cin_plan_id": self.nid("ssd_cin_plans"),
                "cinp_referral_id": ref_id,
                "cinp_person_id": ch.pid,
                "cinp_cin_plan_start_date": start,
                "cinp_cin_plan_end_date": end,
                "cinp_cin_plan_team": tid,
                "cinp_cin_plan_worker_id": wid,
            },
        )

    def transfer_in(self, d: date) -> None:
        """A child who moves in on another council's plan: referral, transfer-in conference, plan."""
        rng = self.rng
        ch = self.new_child(d, age=rng.randrange(0, 16))
        ch.known = True
        self.known.append(ch.pid)
        ref_id = self.nid("ssd_cin_episodes")
        tid, wid = self.team("Assessment", ch)
        icpc_date = self.cal.add(d, rng.randint(5, 15))
        cp = self.icpc_and_plan(ch, icpc_date, ref_id, None, None, True, True)
        close = cp["cp_end"] + D(days=rng.randint(0, 60))
        self.emit(
            "ssd_cin_episodes",
            {
                "cine_referral_id": ref_id,
                "cine_person_id": ch.pid,
                "cine_referral_date": d,
                "cine_cin_primary_need_code": "N1",
                "cine_referral_source_code": "5C",
                "cine_referral_source_desc": SOURCE_DESC["5C"],
                "cine_referral_nfa": "N",
                "cine_referral_outcome_json": outcome_json(
                    "referral", {"NFA_FLAG": "N", "CP_TRANSFER_IN_FLAG": "Y"}, None, self.comment()
                ),
                "cine_close_date": close,
                "cine_close_reason": "RC7",
                "cine_referral_team": tid,
                "cine_referral_worker_id": wid,
            },
        )
        self.involvement(
            ch,
            "Safeguarding and Family Support",
            d,
            close,
            ref_id,
            "Allocated social worker",
            "Case closed",
        )
        ch.last_referral, ch.open_until = d, close
        self.recent_refs.append((d, ch.pid))
        self.commit(close >= self.period_start)

    # ------------------------------------------------------------------ early help
    def early_help(self, d: date, ch: Child | None) -> None:
        rng = self.rng
        standalone = ch is None
        if d < self.sim_start:
            return
        if ch is None:
            while self.recent_eh and (d - self.recent_eh[0][0]).days > 365:
                self.recent_eh.popleft()
            if self.recent_eh and rng.random() < self.p.p_eh_repeat:
                _, pid = self.recent_eh[rng.randrange(len(self.recent_eh))]
                ch = self.children[pid]
                if ch.last_eh is None or not (1 <= (d - ch.last_eh).days <= 365) or age_at(ch.dob, d) >= 18:
                    ch = self.new_child(d)
            else:
                ch = self.new_child(d)
        end = d + D(days=lognormal_days(rng, 150, 0.5, 14, 900))
        tid, wid = self.team("Early Help", ch)
        self.emit(
            "ssd_early_help_episodes",
            {
                "earl_episode_id": self.nid("ssd_early_help_episodes"),
                "earl_person_id": ch.pid,
                "earl_episode_start_date": d,
                "earl_episode_end_date": end,
                "earl_episode_reason": rng.choice(EH_REASONS),
                "earl_episode_end_reason": rng.choice(
                    [
                        "Needs met",
                        "Needs met",
                        "Disengaged",
                        "Stepped up to social care",
                        "Moved away",
                    ]
                ),
                "earl_episode_organisation": rng.choice(EH_ORGS),
                "earl_episode_worker_id": wid,
            },
        )
        ch.last_eh = d
        self.recent_eh.append((d, ch.pid))
        if standalone:
            self.commit(end >= self.period_start)

    # ------------------------------------------------------------------ looked after
    def direct_admission(self, d: date) -> None:
        """A child who comes into care other than through a simulated CP journey (section 20,
        unaccompanied asylum-seeking children, remand, emergency protection)."""
        rng = self.rng
        route = rng.choices(["need", "uasc", "remand", "protection"], weights=[55, 12, 3, 30])[0]
        age = {
            "uasc": rng.choice([14, 15, 16, 16, 17]),
            "remand": rng.choice([14, 15, 16, 17]),
        }.get(
            route,
            rng.choices(range(18), weights=[20, 6, 5, 5, 4, 4, 4, 4, 4, 4, 5, 5, 6, 7, 8, 8, 6, 2])[0],
        )
        ch = self.new_child(d, age=age)
        ref_id = self.nid("ssd_cin_episodes")
        tid, wid = self.team("Assessment", ch)
        close = self.cla_period(ch, d, route, ref_id)
        src = "6" if route in ("uasc", "remand") else pick(self.rng, SOURCES)
        self.emit(
            "ssd_cin_episodes",
            {
                "cine_referral_id": ref_id,
                "cine_person_id": ch.pid,
                "cine_referral_date": d,
                "cine_cin_primary_need_code": {"uasc": "N8", "remand": "N6"}.get(route, "N1"),
                "cine_referral_source_code": src,
                "cine_referral_source_desc": SOURCE_DESC[src],
                "cine_referral_nfa": "N",
                "cine_referral_outcome_json": outcome_json("referral", {"NFA_FLAG": "N"}, None, self.comment()),
                "cine_close_date": close,
                "cine_close_reason": self._cla_close_reason,
                "cine_referral_team": tid,
                "cine_referral_worker_id": wid,
            },
        )
        ch.last_referral, ch.open_until = d, close
        ch.known = True
        self.known.append(ch.pid)
        self.commit(close is None or close >= self.period_start)

    def short_break_series(self, d: date) -> None:
        """A disabled child on an agreed series of short breaks (legal status V3/V4)."""
        rng = self.rng
        ch = self.new_child(d, age=rng.randint(5, 16))
        ref_id = self.nid("ssd_cin_episodes")
        end = min(d + D(days=rng.randint(365, 3 * 365)), birthday(ch.dob, 18) - D(days=1))
        tid, wid = self.team("Disabled Children", None)
        ls = rng.choice(["V3", "V4"])
        stay = d
        while stay < end:
            leave = stay + D(days=rng.randint(1, 4))
            self._period_rows(
                ch,
                ref_id,
                stay,
                leave,
                "E13",
                [(stay, ls)],
                [(stay, rng.choice(["K2", "U4", "U6"]), "PR1")],
                None,
            )
            stay = leave + D(days=rng.randint(21, 45))
        self.emit(
            "ssd_cin_episodes",
            {
                "cine_referral_id": ref_id,
                "cine_person_id": ch.pid,
                "cine_referral_date": d,
                "cine_cin_primary_need_code": "N2",
                "cine_referral_source_code": "3F",
                "cine_referral_source_desc": SOURCE_DESC["3F"],
                "cine_referral_nfa": "N",
                "cine_referral_outcome_json": outcome_json("referral", {"NFA_FLAG": "N"}, None, self.comment()),
                "cine_close_date": end,
                "cine_close_reason": "RC7",
                "cine_referral_team": tid,
                "cine_referral_worker_id": wid,
            },
        )
        self.involvement(ch, "Disabled Children", d, end, ref_id, "Allocated social worker", "Case closed")
        ch.last_referral, ch.open_until = d, end
        self.commit(end >= self.period_start)

    _cla_close_reason: str | None = None

    def cla_period(self, ch: Child, start: date, route: str, ref_id: int) -> date | None:
        """Simulate one period of care from `start`; returns the date the period (and the episode of
        need) ends. Writes episodes, legal statuses, placements, reviews, visits, health checks,
        permanence and care-leaver rows."""
        rng, p = self.rng, self.p
        age = age_at(ch.dob, start)
        eighteen = birthday(ch.dob, 18)
        if age >= 18:
            start = eighteen - D(days=rng.randint(30, 200))
            age = 17
        if route in ("uasc", "remand"):
            track = "to18" if route == "uasc" or rng.random() < 0.3 else "home"
        elif age < 5:
            track = rng.choices(["adoption", "sgo", "home", "to18"], weights=[36, 22, 24, 18])[0]
        elif age < 12:
            track = rng.choices(["adoption", "sgo", "home", "to18"], weights=[2, 18, 40, 40])[0]
        else:
            track = rng.choices(["home", "to18", "other"], weights=[36, 58, 6])[0]
        perm: dict = {}
        legal: list[tuple[date, str]] = []
        if route == "protection":
            if rng.random() < 0.12:
                legal.append((start, "L2"))
                legal.append((start + D(days=rng.randint(2, 8)), "C1"))
            else:
                legal.append((start, "C1"))
        elif route == "remand":
            legal.append((start, rng.choice(["J1", "J2"])))
        else:
            legal.append((start, "V2"))
        if track == "adoption":
            adm = start + D(days=rng.randint(90, 240))
            order = adm + D(days=rng.randint(30, 150))
            if rng.random() < 0.1:
                match = order - D(days=rng.randint(1, 60))
            else:
                match = order + D(days=lognormal_days(rng, 120, 0.6, 10, 700))
            by_carer = rng.random() < 0.15
            placed = max(match, order) + D(days=rng.randint(5, 40))
            end = placed + D(days=rng.randint(150, 420))
            reason = rng.choice(["E11", "E11", "E12"])
            perm = {
                "adm": adm,
                "order": order,
                "match": match,
                "placed": placed,
                "by_carer": by_carer,
                "order_date": end,
                "order_type": "Adoption order",
            }
            if legal[-1][1] in ("V2", "L2"):
                legal.append((start + D(days=rng.randint(20, 60)), "C1"))
            legal.append((order, "E1"))
        elif track == "sgo":
            end = start + D(days=rng.randint(300, 900))
            reason = rng.choice(["E45", "E45", "E46"])
            perm = {"order_date": end, "order_type": "Special guardianship order"}
        elif track == "home":
            end = start + D(days=int(lognormal_days(rng, 200, 1.0, 3, 3000) * p.cla_stay_factor))
            reason = rng.choices(["E4A", "E4B", "E13", "E41", "E48", "E8"], weights=[45, 5, 25, 4, 4, 17])[0]
            if reason in ("E41", "E48"):
                perm = {"order_date": end, "order_type": "Child arrangements order"}
        elif track == "other":
            end = start + D(days=rng.randint(30, 700))
            reason = rng.choice(["E6", "E8", "E3", "E16"])
        else:
            end = eighteen
            reason = rng.choices(["E17", "E5", "E7", "E8", "E15"], weights=[20, 35, 20, 23, 2])[0]
        if end >= eighteen:
            end, reason = (
                eighteen,
                rng.choices(["E17", "E5", "E7", "E8"], weights=[20, 35, 25, 20])[0],
            )
        end = max(end, start + D(days=1))
        # full care order after the interim order
        if legal[-1][1] == "C1" and track != "adoption":
            full = start + D(days=rng.randint(120, 300))
            if full < end:
                legal.append((full, "C2"))
        elif legal[0][1] == "C1" and track == "adoption":
            pass
        legal.sort()
        placements = self._placements(ch, start, end, track, perm)
        self._period_rows(ch, ref_id, start, end, reason, legal, placements, perm or None)
        s = start
        while s < end:  # worker changes roughly yearly
            e = min(end, s + D(days=rng.randint(200, 600)))
            self.involvement(
                ch,
                "Children in Care",
                s,
                e,
                ref_id,
                "Allocated social worker",
                "Worker left" if e < end else "Case closed",
            )
            s = e
        if reason in ("E11", "E12"):
            self._cla_close_reason = "RC1"
        elif reason in ("E45", "E46"):
            self._cla_close_reason = "RC4"
        elif reason in ("E41", "E47", "E48"):
            self._cla_close_reason = "RC3"
        else:
            self._cla_close_reason = "RC7"
        # care leavers: looked after at least 13 weeks since the 14th birthday, some after 16
        fourteen, sixteen = birthday(ch.dob, 14), birthday(ch.dob, 16)
        if (
            end > sixteen
            and (end - max(start, fourteen)).days >= 91
            and reason not in ("E11", "E12", "E45", "E46", "E2")
        ):
            self.care_leaver(ch, start, end, ref_id)
        return end

    def _placements(self, ch: Child, start: date, end: date, track: str, perm: dict):
        rng = self.rng
        out = []
        d = start
        first = True
        # a minority of children move often throughout (3+ placements in a year); the rest are unstable in
        # their first year and settle after it (long-term stability)
        unstable = rng.random() < 0.08
        while d < end:
            age = age_at(ch.dob, d)
            if age < 12:
                ptype = pick(
                    rng,
                    [
                        ("U6", 40),
                        ("U4", 18),
                        ("U5", 3),
                        ("U3", 12),
                        ("U1", 6),
                        ("P1", 5),
                        ("R3", 2 if age == 0 else 0),
                        ("K2", 2 if age >= 8 else 0),
                    ],
                )
            elif age < 16:
                ptype = pick(
                    rng,
                    [
                        ("U6", 30),
                        ("U4", 26),
                        ("U3", 8),
                        ("U1", 4),
                        ("K2", 20),
                        ("P1", 4),
                        ("S1", 3),
                        ("K1", 1),
                        ("Z1", 1),
                    ],
                )
            else:
                ptype = pick(
                    rng,
                    [
                        ("U6", 20),
                        ("U4", 22),
                        ("U3", 5),
                        ("K2", 14),
                        ("H5", 20),
                        ("K3", 8),
                        ("P2", 3),
                        ("R5", 1),
                        ("P1", 4),
                    ],
                )
            if track == "adoption" and perm.get("by_carer") and first:
                ptype = "U5"
                perm["foster_start"] = d
            provider = {"P1": "PR0"}.get(ptype) or (
                "PR1" if ptype[0] == "U" and rng.random() < 0.65 else rng.choice(["PR4", "PR4", "PR5", "PR1"])
            )
            # time to the next move (moves per year)
            rate = 2.5 if unstable else 0.75 if (d - start).days < 365 else 0.08
            stay = int(rng.expovariate(rate) * 365) + 7
            nxt = min(end, d + D(days=stay))
            if track == "adoption" and d < perm["placed"] <= nxt:
                nxt = perm["placed"]
            if track == "adoption" and d >= perm["placed"]:
                ptype = "A5" if perm.get("by_carer") else "A6"
                provider = "PR1"
                nxt = end
            out.append((d, ptype, provider))
            if rng.random() < 0.03 and nxt < end:  # a short temporary placement
                t = nxt
                out.append((t, rng.choice(["T0", "T1", "T4"]), "PR1"))
                nxt = t + D(days=rng.randint(2, 7))
                if nxt >= end:
                    break
            d = nxt
            first = False
        return out

    def _period_rows(self, ch, ref_id, start, end, reason, legal, placements, perm) -> None:
        """Episodes, legal statuses and placements of one period of care (plus reviews, visits,
        health checks and permanence for periods that are not short breaks)."""
        rng = self.rng
        cla_id = self.nid("cla_period")
        short_break = legal[0][1] in ("V3", "V4")
        # legal status rows
        legal = [x for x in legal if x[0] < end]
        for i, (ls_start, ls) in enumerate(legal):
            ls_end = legal[i + 1][0] if i + 1 < len(legal) else end
            self.emit(
                "ssd_legal_status",
                {
                    "lega_legal_status_id": self.nid("ssd_legal_status"),
                    "lega_person_id": ch.pid,
                    "lega_legal_status": ls,
                    "lega_legal_status_start_date": ls_start,
                    "lega_legal_status_end_date": ls_end,
                },
            )
        # placement rows
        pl_ids = []
        for i, (pl_start, ptype, provider) in enumerate(placements):
            pl_end = placements[i + 1][0] if i + 1 < len(placements) else end
            pid = self.nid("ssd_cla_placement")
            pl_ids.append(pid)
            self.emit(
                "ssd_cla_placement",
                {
                    "clap_cla_placement_id": pid,
                    "clap_cla_placement_start_date": pl_start,
                    "clap_cla_placement_type": ptype,
                    "clap_cla_placement_urn": f"SC{rng.randrange(10**5, 10**6)}"
                    if ptype in ("K1", "K2", "S1")
                    else None,
                    "clap_cla_placement_distance": round(rng.lognormvariate(1.8, 0.9), 1),
                    "clap_cla_id": cla_id,
                    "clap_cla_placement_provider": provider,
                    "clap_cla_placement_postcode": f"NR{rng.randint(1, 30)} {rng.randint(1, 9)}AB",
                    "clap_cla_placement_end_date": pl_end,
                    "clap_cla_placement_change_reason": None
                    if i + 1 == len(placements)
                    else rng.choice(
                        [
                            "CARPL",
                            "CARPL",
                            "CREQB",
                            "CREQO",
                            "LAREQ",
                            "CHILD",
                            "PLACE",
                            "STAND",
                            "CLOSE",
                        ]
                    ),
                    "clap_person_id": ch.pid,
                },
            )
        # episodes: a new one at every change of placement or legal status
        changes: dict[date, set] = {}
        for ls_start, _ in legal:
            changes.setdefault(ls_start, set()).add("L")
        for pl_start, _, _ in placements:
            changes.setdefault(pl_start, set()).add("P")
        points = sorted(d for d in changes if start <= d < end)
        for i, d in enumerate(points):
            e_end = points[i + 1] if i + 1 < len(points) else end
            kinds = changes[d]
            rne = "S" if i == 0 else ("T" if kinds == {"L", "P"} else ("L" if kinds == {"L"} else "P"))
            pl_idx = max(j for j, pl in enumerate(placements) if pl[0] <= d)
            self.emit(
                "ssd_cla_episodes",
                {
                    "clae_cla_episode_id": self.nid("ssd_cla_episodes"),
                    "clae_person_id": ch.pid,
                    "clae_cla_episode_start_date": d,
                    "clae_cla_episode_start_reason": rne,
                    "clae_cla_primary_need_code": "N2" if short_break else "N1",
                    "clae_cla_episode_ceased_date": e_end,
                    "clae_cla_episode_ceased_reason": "X1" if i + 1 < len(points) else reason,
                    "clae_cla_id": cla_id,
                    "clae_referral_id": ref_id,
                    "clae_cla_placement_id": pl_ids[pl_idx],
                    "clae_entered_care_date": start,
                    "clae_cla_last_iro_contact_date": None,
                },
            )
        if short_break:
            return
        self._cla_reviews(cla_id, start, end)
        self._cla_visits(ch, cla_id, start, end)
        self._health(ch, start, end)
        if perm is not None and start <= self.extract:
            self.emit(
                "ssd_permanence",
                {
                    "perm_table_id": self.nid("ssd_permanence"),
                    "perm_person_id": ch.pid,
                    "perm_cla_id": cla_id,
                    "perm_adm_decision_date": perm.get("adm"),
                    "perm_placement_order_date": perm.get("order"),
                    "perm_matched_date": perm.get("match"),
                    "perm_placed_for_adoption_date": perm.get("placed"),
                    "perm_adopted_by_carer_flag": yn(bool(perm.get("by_carer"))),
                    "perm_placed_foster_carer_date": perm.get("foster_start"),
                    "perm_part_of_sibling_group": yn(rng.random() < 0.3) if perm.get("placed") else None,
                    "perm_permanence_order_date": perm.get("order_date"),
                    "perm_permanence_order_type": perm.get("order_type"),
                    "perm_adopter_sex": rng.choice(["MF", "MF", "MF", "F1", "MM", "FF"])
                    if perm.get("placed")
                    else None,
                    "perm_adopter_legal_status": rng.choice(["L11", "L11", "L12", "L2", "L0"])
                    if perm.get("placed")
                    else None,
                    "perm_number_of_adopters": (2.0 if rng.random() < 0.85 else 1.0) if perm.get("placed") else None,
                },
            )

    def _cla_reviews(self, cla_id: int, start: date, end: date) -> None:
        rng = self.rng
        due = self.cal.add(start, 20)
        n = 0
        while due < end:
            cancelled = rng.random() < 0.03
            held = due - D(days=rng.randint(0, 10)) if rng.random() < 0.93 else due + D(days=rng.randint(1, 35))
            held = max(held, start + D(days=1))
            self.emit(
                "ssd_cla_reviews",
                {
                    "clar_cla_review_id": self.nid("ssd_cla_reviews"),
                    "clar_cla_id": cla_id,
                    "clar_cla_review_due_date": due,
                    "clar_cla_review_date": held,
                    "clar_cla_review_cancelled": yn(cancelled),
                    "clar_cla_review_participation": rng.choice(["PN1", "PN1", "PN0", "PN3", "PN5", "PN6"]),
                },
            )
            if cancelled:
                due = held + D(days=rng.randint(5, 20))
                continue
            n += 1
            due = add_months(held, 3 if n == 1 else 6)

    def _cla_visits(self, ch: Child, cla_id: int, start: date, end: date) -> None:
        rng = self.rng
        v = start + D(days=rng.randint(1, 7))
        stop = min(end, self.extract)
        while v <= stop:
            self.emit(
                "ssd_cla_visits",
                {
                    "clav_cla_visit_id": self.nid("ssd_cla_visits"),
                    "clav_cla_id": cla_id,
                    "clav_person_id": ch.pid,
                    "clav_cla_visit_date": v,
                    "clav_cla_visit_seen": yn(rng.random() < 0.96),
                    "clav_cla_visit_seen_alone": yn(rng.random() < 0.7),
                },
            )
            v += D(days=rng.randint(20, 42) if rng.random() < self.p.p_cla_visit_42d else rng.randint(43, 80))

    def _health(self, ch: Child, start: date, end: date) -> None:
        rng = self.rng
        stop = min(end, self.extract)
        for kind, first in (
            (
                "HEALTH",
                self.cal.add(
                    start,
                    rng.randint(5, 20) if rng.random() < self.p.p_health_timely else rng.randint(21, 60),
                ),
            ),
            ("DENTAL", start + D(days=rng.randint(30, 200))),
        ):
            d = first
            while d <= stop:
                self.emit(
                    "ssd_cla_health",
                    {
                        "clah_health_check_id": self.nid("ssd_cla_health"),
                        "clah_person_id": ch.pid,
                        "clah_health_check_type": kind,
                        "clah_health_check_date": d,
                        "clah_health_check_status": "Completed",
                    },
                )
                d += D(days=rng.randint(270, 364) if rng.random() < self.p.p_health_timely else rng.randint(365, 480))

    # ------------------------------------------------------------------ care leavers
    def care_leaver(self, ch: Child, start: date, end: date, ref_id: int) -> None:
        rng, p = self.rng, self.p
        sixteen = birthday(ch.dob, 16)
        eighteen = birthday(ch.dob, 18)
        last = birthday(ch.dob, 22 if rng.random() > 0.1 else 25) - D(days=1)
        m = month_end(max(sixteen, start, self.period_start))
        tid, _ = self.team("Leaving Care", None)
        _, pa_worker = self.team("Leaving Care", None)
        if end < last:
            self.involvement(
                ch,
                "Leaving Care",
                end,
                min(last, birthday(ch.dob, 21)),
                ref_id,
                "Personal adviser",
                "Left the service",
            )
        eet = rng.random() < p.p_cl_eet
        suitable = rng.random() < p.p_cl_suitable
        in_touch = rng.random() < p.p_cl_in_touch
        review = sixteen + D(days=rng.randint(0, 120))
        activity = rng.choice(EET if eet else NEET)
        letter = rng.choice(ACCOM_LETTERS)
        while m <= min(last, self.extract):
            if m < sixteen:
                m = month_end(add_months(m, 1))
                continue
            if rng.random() < 0.04:
                eet = rng.random() < p.p_cl_eet
                activity = rng.choice(EET if eet else NEET)
            if rng.random() < 0.03:
                suitable = rng.random() < p.p_cl_suitable
                letter = rng.choice(ACCOM_LETTERS)
            if rng.random() < 0.05:
                in_touch = rng.random() < p.p_cl_in_touch
            while add_months(review, 6) <= m:
                review = add_months(review, 6) + D(
                    days=rng.randint(-20, 20) if rng.random() < 0.9 else rng.randint(30, 120)
                )
            in_care = m < end
            elig = "eligible" if in_care else ("relevant" if m < eighteen else "former_relevant")
            touch = "YES" if in_touch else rng.choice(["NO", "REFU", "NO"])
            self._keep_journey = True
            self.emit(
                "ssd_care_leavers",
                {
                    "clea_table_id": self.nid("ssd_care_leavers"),
                    "clea_person_id": ch.pid,
                    "clea_care_leaver_eligibility": elig,
                    "clea_care_leaver_in_touch": touch,
                    "clea_care_leaver_latest_contact": m - D(days=rng.randint(0, 50)) if in_touch else None,
                    "clea_care_leaver_accommodation": f"{letter}{1 if suitable else 2}" if in_touch else "0",
                    "clea_care_leaver_accom_suitable": yn(suitable),
                    "clea_care_leaver_activity": activity if in_touch else "0",
                    "clea_pathway_plan_review_date": review if review <= m else None,
                    "clea_care_leaver_personal_advisor": f"{rng.choice(FORENAMES)} {rng.choice(SURNAMES)}",
                    "clea_care_leaver_allocated_team": tid,
                    "clea_care_leaver_worker_id": pa_worker,
                    "clea_as_at_date": m,
                },
            )
            m = month_end(add_months(m, 1))
