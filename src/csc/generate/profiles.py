"""Council profiles: volumes and conversion rates that shape each simulated council.

The two demo councils are calibrated to the county (Norfolk, 000) and metropolitan borough
(Rotherham, 001) of docs/generator.md section 2; other councils take the Eastern region
tartan-rug rates (docs/generator.md section 2.2) where published, and otherwise a seeded variation of regional rates.
Rates are per 10,000 children aged 0-17 per year unless named otherwise.

Every probability and rate the journeys (csc.generate.journeys) draw with is a Profile field, so calibration
lives here; code lists with their weights are in csc.generate.reference. Changing a value changes the extract
(tests/python/test_generate_digest.py pins it).
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, replace

from csc.config import PROJECT_DIR


@dataclass(frozen=True)
class Profile:
    contacts_rate: float = 2400.0  # contacts per 10k per year
    referral_rate: float = 340.0  # referrals per 10k per year
    p_reref_12m: float = 0.20  # referral is for a child referred 1-365 days earlier
    p_reref_older: float = 0.12  # referral is for a child referred more than a year earlier
    p_reref_after_cp: float = 0.04  # referral is for a child whose earlier CP plan has ended (repeat plans)
    p_repeat_cp_s47: float = 0.85  # enquiry per referral of a child who had a CP plan before
    p_repeat_cp_icpc: float = 0.70  # conference per such enquiry
    p_referral_nfa: float = 0.01
    p_assessment: float = 0.95
    p_asm_45wd: float = 0.86  # assessments authorised within 45 working days of start
    p_asm_nfa: float = 0.40  # assessment outcome: no further action (closes)
    p_asm_stepdown: float = 0.20  # closes and steps down to early help
    p_s47: float = 0.36  # enquiries per referral
    p_icpc: float = 0.29  # conferences per enquiry
    p_icpc_15wd: float = 0.88
    p_icpc_transfer_in: float = 0.03
    p_cpp: float = 0.95  # plan per conference
    cp_median_days: float = 300.0
    cin_median_days: float = 150.0
    p_cin_plan: float = 0.80
    p_cp_to_cla: float = 0.10
    p_s47_to_cla: float = 0.02
    cla_direct_rate: float = 6.0  # admissions per 10k per year not via a CP plan or enquiry
    cla_stay_factor: float = 1.0  # scales time in care for children who return home
    p_cla_visit_42d: float = 0.96
    p_health_timely: float = 0.85
    eh_rate: float = 200.0  # early help episodes per 10k per year (besides step-downs)
    p_eh_repeat: float = 0.09
    p_contact_decision_1wd: float = 0.65
    p_cl_eet: float = 0.54
    p_cl_suitable: float = 0.88
    p_cl_in_touch: float = 0.92
    p_agency: float = 0.05
    caseload_target: float = 16.0
    localities: tuple[str, ...] = ("North", "South", "East", "West")
    # The same in every council (the published figures above are what councils differ by).
    # people
    p_death: float = 0.001  # a person's record holds a date of death
    p_send: float = 0.15  # a person has special educational needs or a disability (SEND flag)
    p_is_mother: float = 0.01  # a person is recorded as a mother
    p_british: float = 0.92  # nationality British (else Other)
    p_comment: float = 0.10  # an outcome JSON's comments hold free text (the text stream's draw)
    # front door
    p_contact_known_child: float = 0.45  # a contact that is not a referral is about a child already known
    p_contact_no_decision: float = 0.02  # a contact without a decision date
    p_contact_nfa: float = 0.60  # a contact that is not a referral: no further action
    p_contact_early_help: float = 0.30  # a contact that is not a referral: other outcome (early help)
    p_contact_advice: float = 0.20  # a contact that is not a referral: advice given
    # protection and children in need
    p_asm_child_seen: float = 0.97  # the child is seen during the assessment
    p_s47_nfa_continues: float = 0.50  # after an enquiry with no plan nor care, an NFA assessment becomes ongoing
    p_cin_plan_after_cp: float = 0.50  # a CIN plan follows the end of a CP plan
    p_cin_to_cla: float = 0.02  # an ongoing CIN case (no enquiry) comes into care
    p_cp_long: float = 0.025  # a CP plan lasts 700-1100 days (else lognormal about cp_median_days)
    p_cp_category_unchanged: float = 0.90  # a CP plan's latest category is its initial one
    p_cp_review_on_time: float = 0.95  # a CP review is held by its due date
    p_cp_review_quorate: float = 0.97  # a CP review is quorate
    p_cp_visit_10wd: float = 0.90  # the next CP visit is within 10 working days (else 11-25)
    p_cp_visit_seen: float = 0.93  # the child is seen at a CP visit
    p_cp_visit_seen_alone: float = 0.50  # the child is seen alone at a CP visit
    p_cp_visit_bedroom: float = 0.60  # the child's bedroom is seen at a CP visit
    cp_close_median_days: float = 75.0  # an episode of need stays open after its CP plan ends
    # early help
    eh_median_days: float = 150.0  # length of an early help episode
    # children looked after
    short_break_rate: float = 1.5  # agreed series of short breaks started per 10k per year
    p_remand_home: float = 0.30  # a child remanded to care returns home (else stays to 18)
    p_epo_first: float = 0.12  # a protection admission starts on an emergency protection order (L2)
    cla_home_median_days: float = 200.0  # time in care of a child who returns home (times cla_stay_factor)
    p_match_before_order: float = 0.10  # an adoption match precedes the placement order
    adoption_match_median_days: float = 120.0  # placement order to match, otherwise
    p_adopted_by_carer: float = 0.15  # an adopted child is adopted by their foster carer
    p_placement_unstable: float = 0.08  # a child moves often throughout the period (3+ placements a year)
    moves_per_year_unstable: float = 2.5  # placement moves per year of such a child
    moves_per_year_first: float = 0.75  # placement moves per year of the others, in their first year
    moves_per_year_settled: float = 0.08  # placement moves per year of the others, after their first year
    p_placement_own_provider: float = 0.65  # a foster placement is with the council's own carers (PR1)
    p_temporary_placement: float = 0.03  # a move goes through a short temporary placement (T0/T1/T4)
    p_sibling_group: float = 0.30  # a child placed for adoption is part of a sibling group
    p_two_adopters: float = 0.85  # a child placed for adoption has two adopters
    p_cla_review_cancelled: float = 0.03  # a CLA review is cancelled (and held again 5-20 days later)
    p_cla_review_on_time: float = 0.93  # a CLA review is held by its due date
    p_cla_visit_seen: float = 0.96  # the child is seen at a CLA visit
    p_cla_visit_seen_alone: float = 0.70  # the child is seen alone at a CLA visit
    # care leavers
    p_cl_to_25: float = 0.10  # a care leaver stays with the service to 25 (else to 22)
    p_cl_activity_change: float = 0.04  # a care leaver's activity is drawn again at a month end
    p_cl_accom_change: float = 0.03  # a care leaver's accommodation is drawn again at a month end
    p_cl_touch_change: float = 0.05  # whether in touch is drawn again at a month end
    p_cl_review_on_time: float = 0.90  # a pathway plan review is within 20 days of six months after the last
    # workforce: open cases that size the teams (per 10k children unless named otherwise)
    assessment_open_months: float = 1.3  # months a referral stays with the assessment team
    sfs_cases_per_10k: float = 120.0  # safeguarding and family support cases
    cic_cases_per_10k: float = 80.0  # children in care cases
    eh_cases_per_10k: float = 70.0  # early help cases
    mash_workers_per_100k: float = 4.0  # front door (MASH) workers per 100k children
    leaving_care_cases_per_10k: float = 30.0  # care leavers with a personal adviser
    pa_caseload_extra: float = 4.0  # a personal adviser's caseload is caseload_target plus this
    disabled_cases_per_10k: float = 6.0  # disabled children's team cases
    children_10k_per_chair: float = 3.0  # 10k children per child protection conference chair


NORFOLK = Profile(
    contacts_rate=2500.0,
    referral_rate=350.0,
    p_reref_12m=0.19,
    p_reref_older=0.09,
    p_reref_after_cp=0.025,
    p_referral_nfa=0.005,
    p_assessment=0.93,
    p_asm_45wd=0.84,
    p_asm_nfa=0.45,
    p_asm_stepdown=0.12,
    p_s47=0.37,
    p_icpc=0.24,
    p_icpc_15wd=0.90,
    cp_median_days=220.0,
    cin_median_days=60.0,
    cla_direct_rate=8.0,
    cla_stay_factor=3.0,
    p_cl_eet=0.52,
    p_cl_suitable=0.87,
    p_contact_decision_1wd=0.70,
    p_agency=0.06,
    caseload_target=17.0,
    localities=(
        "Breckland and South",
        "Norwich",
        "Great Yarmouth",
        "North Norfolk",
        "West Norfolk",
    ),
)
ROTHERHAM = Profile(
    contacts_rate=3340.0,
    referral_rate=612.0,
    p_reref_12m=0.19,
    p_reref_older=0.09,
    p_reref_after_cp=0.03,
    p_referral_nfa=0.01,
    p_assessment=0.98,
    p_asm_45wd=0.92,
    p_asm_nfa=0.26,
    p_asm_stepdown=0.32,
    p_s47=0.60,
    p_icpc=0.28,
    p_icpc_15wd=0.46,
    cp_median_days=240.0,
    cin_median_days=160.0,
    cla_direct_rate=12.0,
    cla_stay_factor=1.1,
    p_cl_eet=0.56,
    p_cl_suitable=0.87,
    p_contact_decision_1wd=0.57,
    p_agency=0.05,
    caseload_target=16.0,
    localities=("Rotherham North", "Rotherham Central", "Rotherham South"),
)
# Eastern region tartan rug 2020/21 Q2 (annualised rates per 10k): contacts, referrals, S47, ICPC, LAC start.
TARTAN = {
    "E06000055": (2137.2, 251.7, 92.4, 27.0, 35.9),
    "E10000003": (1772.8, 329.8, 91.5, 48.4, 10.8),
    "E06000056": (2436.2, 228.1, 100.2, 36.1, 13.5),
    "E10000012": (341.0, 236.2, 40.4, 29.4, 18.8),
    "E10000015": (1180.3, 171.5, 50.9, 23.4, 13.3),
    "E06000032": (2795.4, 689.9, 230.7, 56.0, 18.8),
    "E06000031": (2459.8, 497.8, 116.9, 51.3, 28.6),
    "E06000033": (2389.7, 540.0, 123.3, 63.4, 20.6),
    "E10000029": (2021.7, 356.1, 122.3, 43.8, 20.1),
    "E06000034": (1170.9, 508.0, 173.8, 28.7, 32.7),
}
DEMO = {"E10000020": NORFOLK, "E08000018": ROTHERHAM}
DEMO_ORDER = ["E10000020", "E08000018"]


@dataclass(frozen=True)
class Council:
    la_code: str
    la_name: str
    population: list[tuple[str, int]]  # (effective_from, population)
    profile: Profile

    @property
    def current_population(self) -> int:
        return self.population[-1][1]


def _profile_for(la_code: str, seed: int) -> Profile:
    if la_code in DEMO:
        return DEMO[la_code]
    if la_code in TARTAN:
        contacts, refs, s47, icpc, lac = TARTAN[la_code]
        contacts = max(contacts, refs * 3.0)
        return replace(
            Profile(),
            contacts_rate=contacts,
            referral_rate=refs,
            p_s47=min(0.7, s47 / refs),
            p_icpc=min(0.6, icpc / s47),
            cla_direct_rate=max(1.0, lac * 0.35),
        )
    rng = random.Random(f"{seed}:{la_code}")
    refs = rng.uniform(250, 650)
    return replace(
        Profile(),
        contacts_rate=refs * rng.uniform(4, 9),
        referral_rate=refs,
        p_s47=rng.uniform(0.2, 0.5),
        p_icpc=rng.uniform(0.2, 0.4),
        p_icpc_15wd=rng.uniform(0.6, 0.95),
        p_asm_45wd=rng.uniform(0.7, 0.97),
        cla_direct_rate=rng.uniform(3, 12),
    )


def load_councils(n: int, seed: int) -> list[Council]:
    """The first n councils: the two demo councils, then the seeded population list in order."""
    pops: dict[str, list[tuple[str, int]]] = {}
    names: dict[str, str] = {}
    with (PROJECT_DIR / "seeds" / "population_0_17.csv").open(newline="") as f:
        for row in csv.DictReader(f):
            pops.setdefault(row["la_code"], []).append((row["effective_from"], int(row["population_0_17"])))
            names[row["la_code"]] = row["la_name"]
    order = DEMO_ORDER + [c for c in pops if c not in DEMO_ORDER]
    if n > len(order):
        raise ValueError(f"at most {len(order)} councils can be generated (population seed)")
    return [Council(c, names[c], sorted(pops[c]), _profile_for(c, seed)) for c in order[:n]]
