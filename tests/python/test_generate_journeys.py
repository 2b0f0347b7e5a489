"""The generator's journeys one at a time (src/csc/generate/journeys): each on a small seeded World, without a
full simulation. Rows are read from the output buffer (as emitted) or from the sink (as committed and clipped)."""

from __future__ import annotations

import ast
import random
from collections import Counter
from dataclasses import fields, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from csc.contract import Column, Table, load_tables
from csc.generate import journeys
from csc.generate.contract_keys import person_column, person_id_columns
from csc.generate.entities import CarePeriod, Child, ProtectionOutcome
from csc.generate.journeys import care, care_leavers, early_help, front_door, permanence, protection
from csc.generate.output import Ids, Output
from csc.generate.profiles import Council, Profile
from csc.generate.rand import lognormal_days, pick, poisson
from csc.generate.reference import CIN_CLOSE_REASON
from csc.generate.workcal import age_at, birthday, month_end
from csc.generate.world import World

D = timedelta
EXTRACT = date(2021, 3, 31)
IN_WINDOW = date(2020, 6, 15)  # inside the history window of a 2-year extract to EXTRACT


def make_world(seed: int = 1, extract: date = EXTRACT, years: int = 2, **profile: Any) -> tuple[World, list]:
    """A World for a council of 20,000 children; the second value collects what it writes."""
    written: list[tuple[str, dict]] = []
    council = Council("E10000020", "Test", [("2015-01-01", 20_000)], replace(Profile(), **profile))
    return World(council, seed, extract, years, lambda t, r: written.append((t, r))), written


def emitted(w: World, table: str) -> list[dict]:
    return [r for t, r in w.out.buffer if t == table]


def of(rows: list[tuple[str, dict]], table: str) -> list[dict]:
    return [r for t, r in rows if t == table]


def child(w: World, born: date) -> Child:
    ch = w.new_child(born)
    ch.dob = born
    return ch


# ------------------------------------------------------------------ random helpers, profile
def test_random_helpers():
    rng = random.Random(3)
    draws = [poisson(rng, 4.0) for _ in range(4000)]
    assert 3.8 < sum(draws) / len(draws) < 4.2
    assert poisson(rng, 0) == 0 and poisson(rng, -1) == 0
    assert 900 < poisson(rng, 1000.0) < 1100  # normal approximation above GAUSS_ABOVE
    assert {pick(rng, (("a", 1), ("never", 0))) for _ in range(200)} == {"a"}
    assert all(10 <= lognormal_days(rng, 30, 3.0, 10, 40) <= 40 for _ in range(200))


def test_calibration_lives_in_profile():
    """Every probability is a Profile field in [0, 1], and no journey compares a draw with a number literal."""
    profile = Profile()
    for f in fields(Profile):
        if f.name.startswith("p_"):
            assert 0.0 <= getattr(profile, f.name) <= 1.0, f.name
    package = Path(journeys.__file__).parent
    for path in [*package.glob("*.py"), package.parent / "world.py", package.parent / "simulate.py"]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Compare) and isinstance(node.left, ast.Call):
                func = node.left.func
                if isinstance(func, ast.Attribute) and func.attr == "random":
                    assert not isinstance(node.comparators[0], ast.Constant), f"{path.name}:{node.lineno}"


# ------------------------------------------------------------------ output: clipping, commit, ids
def test_clipping_drops_rows_after_the_extract_date_and_blanks_later_dates():
    written: list[tuple[str, dict]] = []
    out = Output(lambda t, r: written.append((t, r)), EXTRACT)
    after, before = EXTRACT + D(days=1), EXTRACT - D(days=10)
    out.emit("ssd_contacts", {"cont_contact_id": 1, "cont_person_id": 11, "cont_contact_date": after})
    out.emit(
        "ssd_cin_episodes",
        {"cine_referral_id": 2, "cine_person_id": 12, "cine_referral_date": before, "cine_close_date": after,
         "cine_close_reason": "RC7"},
    )  # fmt: skip
    out.emit("ssd_cp_reviews", {"cppr_cp_review_id": 3, "cppr_cp_review_due": after, "cppr_cp_review_date": before})
    out.emit("ssd_cp_plans", {"cppl_cp_plan_id": 4, "cppl_person_id": 13, "cppl_cp_plan_start_date": EXTRACT})
    out.commit(True)
    assert [t for t, _ in written] == ["ssd_cin_episodes", "ssd_cp_plans"]
    referral = written[0][1]
    assert referral["cine_close_date"] is None and referral["cine_close_reason"] is None  # blanked together
    assert referral["cine_referral_date"] == before
    assert out.written == {12, 13}  # the contact's person is not in the extract
    assert out.buffer == []


def test_commit_drops_a_journey_unless_included_or_kept():
    written: list[tuple[str, dict]] = []
    out = Output(lambda t, r: written.append((t, r)), EXTRACT)
    out.emit("ssd_contacts", {"cont_contact_id": 1, "cont_person_id": 11, "cont_contact_date": EXTRACT})
    out.commit(False)
    assert written == [] and out.written == set()
    out.emit("ssd_contacts", {"cont_contact_id": 2, "cont_person_id": 12, "cont_contact_date": EXTRACT})
    out.emit("ssd_care_leavers", {"clea_person_id": 12, "clea_as_at_date": EXTRACT}, keeps_journey=True)
    out.commit(False)
    assert [t for t, _ in written] == ["ssd_contacts", "ssd_care_leavers"]
    out.emit("ssd_contacts", {"cont_contact_id": 3, "cont_person_id": 13, "cont_contact_date": EXTRACT})
    out.commit(False)  # the keep does not outlive its journey
    assert len(written) == 2


def test_person_id_columns_are_the_contracts_foreign_keys_to_ssd_person():
    columns = person_id_columns(load_tables())
    assert columns["ssd_contacts"] == ("cont_person_id",)
    assert columns["ssd_involvements"] == ("invo_person_id",)
    assert "ssd_person" not in columns and "ssd_department" not in columns
    made_up = Table(
        "x", "", False, "x_id", (Column("x_id", "id"), Column("x_child", "id", fk="ssd_person.pers_person_id"))
    )
    assert person_id_columns({"x": made_up}) == {"x": ("x_child",)}
    assert person_column(made_up) == "x_child"
    with pytest.raises(ValueError, match="0 foreign keys"):
        person_column(load_tables()["ssd_department"])


def test_ids_count_per_table():
    ids = Ids()
    assert [ids.next("ssd_person"), ids.next("ssd_person")] == [1_000_001, 1_000_002]
    assert ids.next("ssd_contacts") == 1_000_001
    assert ids.next("ssd_department") == 101


# ------------------------------------------------------------------ workforce
def test_workforce_departments_teams_and_involvements():
    w, written = make_world(localities=("North", "South"))
    depts = of(written, "ssd_department")
    localities = [d for d in depts if d["dept_team_parent_id"] is None]
    assert [d["dept_team_name"] for d in localities] == ["North", "South", "Council-wide services"]
    parents = {d["dept_team_id"] for d in localities}
    assert all(d["dept_team_parent_id"] in parents for d in depts if d not in localities)
    assert {"Assessment - North", "Assessment - South", "Leaving Care"} <= {d["dept_team_name"] for d in depts}
    assert all(len(t.workers) >= 2 for t in w.staff.teams.values())
    ch = w.new_child(IN_WINDOW)
    tid, wid = w.staff.team("Assessment", ch)
    own = w.staff.teams[("Assessment", ch.locality)]  # the child's locality team
    assert tid == own.team_id and wid in own.workers
    assert w.staff.team("Leaving Care", ch)[0] == w.staff.teams[("Leaving Care", 2)].team_id  # council-wide
    w.staff.involvement(ch, "Assessment", IN_WINDOW, IN_WINDOW - D(days=1), 5, "Allocated social worker")
    assert emitted(w, "ssd_involvements") == []  # ends before it starts
    w.staff.involvement(ch, "Assessment", IN_WINDOW, None, 5, "Allocated social worker", "Transferred")
    (invo,) = emitted(w, "ssd_involvements")
    assert invo["invo_person_id"] == ch.pid and invo["invo_worker_change_reason"] is None  # open: no reason
    rows = w.staff.professional_rows()
    assert (
        len(rows)
        == len({r["prof_professional_id"] for r in rows})
        == sum(len(t.workers) for t in w.staff.teams.values())
    )


# ------------------------------------------------------------------ front door
def test_contacts_without_a_referral_commit_their_own_journey():
    w, written = make_world(p_contact_known_child=1.0)
    front_door.contact_only(w, IN_WINDOW)
    front_door.contact_only(w, IN_WINDOW + D(days=1))  # about the child already known
    contacts = of(written, "ssd_contacts")
    assert len(contacts) == 2 and contacts[0]["cont_person_id"] == contacts[1]["cont_person_id"]
    for c in contacts:
        assert c["cont_decision_date"] is None or c["cont_decision_date"] >= c["cont_contact_date"]
        assert '"NEW_REFERRAL_FLAG": "N"' in c["cont_contact_outcome_json"]
    front_door.contact_only(w, w.period_start - D(days=1))  # before the window: not in the extract
    assert len(of(written, "ssd_contacts")) == 2


def test_referral_journeys_emit_consistent_rows():
    w, written = make_world(seed=5)
    for i in range(150):
        d = IN_WINDOW + D(days=i % 60)
        start = len(written)
        linked = front_door.referral(w, d)
        rows = written[start:]
        (ref,) = [r for t, r in rows if t == "ssd_cin_episodes" and r["cine_referral_date"] == d]
        ref_id, pid = ref["cine_referral_id"], ref["cine_person_id"]
        ch = w.children[pid]
        assert ch.last_referral == d and ch.known and ch.pid in w.known
        contacts = of(rows, "ssd_contacts")
        assert len(contacts) == linked
        assert all(d - D(days=20) <= c["cont_contact_date"] <= d and c["cont_person_id"] == pid for c in contacts)
        for table, ref_col, pid_col in (
            ("ssd_cin_assessments", "cina_referral_id", "cina_person_id"),
            ("ssd_s47_enquiry", "s47e_referral_id", "s47e_person_id"),
            ("ssd_initial_cp_conference", "icpc_referral_id", "icpc_person_id"),
            ("ssd_cp_plans", "cppl_referral_id", "cppl_person_id"),
            ("ssd_cin_plans", "cinp_referral_id", "cinp_person_id"),
            ("ssd_involvements", "invo_referral_id", "invo_person_id"),
            ("ssd_cla_episodes", "clae_referral_id", "clae_person_id"),
        ):
            for r in of(rows, table):
                assert (r[ref_col], r[pid_col]) == (ref_id, pid), table
        for a in of(rows, "ssd_cin_assessments"):
            assert a["cina_assessment_start_date"] >= d
            assert (
                a["cina_assessment_auth_date"] is None
                or a["cina_assessment_auth_date"] >= a["cina_assessment_start_date"]
            )
        close = ref["cine_close_date"]
        if close is not None:  # not blanked as after the extract date
            assert close >= d and ch.open_until == close
            assert ref["cine_close_reason"] in {"RC1", "RC3", "RC4", "RC7", "RC8", "RC9"}
        else:
            assert ref["cine_close_reason"] is None
    reasons = Counter(r["cine_close_reason"] for r in of(written, "ssd_cin_episodes"))
    assert reasons["RC8"] and reasons["RC7"]  # closed after assessment, and with a plan or services


def test_a_referral_nfa_closes_within_days_without_an_assessment():
    w, written = make_world(p_referral_nfa=1.0)
    front_door.referral(w, IN_WINDOW)
    (ref,) = of(written, "ssd_cin_episodes")
    assert ref["cine_referral_nfa"] == "Y" and ref["cine_close_reason"] == "RC8"
    assert IN_WINDOW <= ref["cine_close_date"] <= IN_WINDOW + D(days=3)
    assert of(written, "ssd_cin_assessments") == [] and of(written, "ssd_s47_enquiry") == []


def test_rereferrals_come_from_closed_episodes_of_children_under_18():
    w, _ = make_world(p_reref_12m=1.0, p_reref_after_cp=0.0)
    assert front_door.pick_rereferral(w, IN_WINDOW) is None  # nobody referred yet
    ch = child(w, date(2010, 1, 1))
    ch.last_referral, ch.open_until = IN_WINDOW - D(days=100), IN_WINDOW - D(days=10)
    w.recent_refs.append((ch.last_referral, ch.pid))
    assert front_door.pick_rereferral(w, IN_WINDOW) is ch
    ch.open_until = None  # still open: not a re-referral
    assert front_door.pick_rereferral(w, IN_WINDOW) is None


# ------------------------------------------------------------------ protection
def test_s47_outcomes_are_typed_and_match_the_rows():
    w, _ = make_world(seed=2, p_icpc=0.5, p_s47_to_cla=0.3, p_cp_to_cla=0.5)
    kinds = Counter()
    for i in range(120):
        ch = child(w, IN_WINDOW - D(days=365 * (i % 12) + 40))
        w.out.buffer.clear()
        result = protection.s47(w, ch, IN_WINDOW, 99)
        assert isinstance(result, ProtectionOutcome)
        (enquiry,) = emitted(w, "ssd_s47_enquiry")
        plans = emitted(w, "ssd_cp_plans")
        if plans:
            (plan,) = plans
            assert result.plan_end == plan["cppl_cp_plan_end_date"] > plan["cppl_cp_plan_start_date"]
            assert result.to_care in (None, result.plan_end)
            assert len(emitted(w, "ssd_cp_reviews")) >= 1 and ch.cp_plans == 1 and ch.pid in w.had_cp
            kinds["plan to care" if result.to_care else "plan"] += 1
        else:
            assert result.plan_end is None
            assert result.to_care in (None, enquiry["s47e_s47_end_date"])
            kinds["enquiry to care" if result.to_care else "enquiry only"] += 1
    assert set(kinds) == {"plan", "plan to care", "enquiry to care", "enquiry only"}


def test_cp_plan_reviews_and_visits_follow_the_plan():
    w, _ = make_world(seed=3)
    ch = child(w, date(2012, 1, 1))
    result = protection.conference(w, ch, IN_WINDOW, 7, None, None, True, False)
    (plan,) = emitted(w, "ssd_cp_plans")
    (conf,) = emitted(w, "ssd_initial_cp_conference")
    assert (
        conf["icpc_cp_plan_id"] == plan["cppl_cp_plan_id"] and conf["icpc_icpc_date"] == plan["cppl_cp_plan_start_date"]
    )
    reviews = emitted(w, "ssd_cp_reviews")
    assert reviews[0]["cppr_cp_review_due"] == date(2020, 9, 15)  # three months after the conference
    for r in reviews:  # the plan continues unless the review is held on or after the plan's end
        assert r["cppr_cp_review_outcome_continue_cp"] == ("N" if r["cppr_cp_review_date"] >= result.plan_end else "Y")
    visits = [v["cppv_cp_visit_date"] for v in emitted(w, "ssd_cp_visits")]
    assert visits == sorted(visits) and all(IN_WINDOW <= v <= min(result.plan_end, EXTRACT) for v in visits)
    none = protection.conference(w, ch, IN_WINDOW, 8, None, None, False, False)
    assert none == ProtectionOutcome() and len(emitted(w, "ssd_cp_plans")) == 1


def test_cp_plan_ends_by_the_18th_birthday():
    w, _ = make_world(seed=4, cp_median_days=5000.0)
    ch = child(w, IN_WINDOW - D(days=17 * 365 + 300))
    result = protection.conference(w, ch, IN_WINDOW, 7, None, None, True, False)
    assert result.plan_end == birthday(ch.dob, 18)
    assert result.to_care is None  # 17 or older at the plan's end: never into care


def test_transfer_in_journey():
    w, written = make_world(seed=6)
    protection.transfer_in(w, IN_WINDOW)
    (ref,) = of(written, "ssd_cin_episodes")
    (conf,) = of(written, "ssd_initial_cp_conference")
    (plan,) = of(written, "ssd_cp_plans")
    assert ref["cine_referral_source_code"] == "5C" and conf["icpc_icpc_transfer_in"] == "Y"
    assert conf["icpc_s47_enquiry_id"] is None and conf["icpc_referral_id"] == ref["cine_referral_id"]
    assert ref["cine_close_date"] is None or ref["cine_close_date"] >= plan["cppl_cp_plan_end_date"]


# ------------------------------------------------------------------ care and permanence
@pytest.mark.parametrize("route", ["protection", "need", "uasc", "remand"])
def test_a_cla_period_closes_with_a_typed_reason_and_contiguous_records(route):
    w, _ = make_world(seed=7)
    for i in range(40):
        ch = child(w, IN_WINDOW - D(days=365 * (i % 18) + 17))
        w.out.buffer.clear()
        period = care.cla_period(w, ch, IN_WINDOW, route, 55)
        assert isinstance(period, CarePeriod)
        assert period.start <= IN_WINDOW < period.end <= birthday(ch.dob, 18)
        assert period.cin_close_reason == CIN_CLOSE_REASON.get(period.reason, "RC7")
        episodes = emitted(w, "ssd_cla_episodes")
        assert episodes[0]["clae_cla_episode_start_date"] == period.start
        assert episodes[-1]["clae_cla_episode_ceased_date"] == period.end
        assert episodes[-1]["clae_cla_episode_ceased_reason"] == period.reason
        assert all(e["clae_cla_episode_ceased_reason"] == "X1" for e in episodes[:-1])
        for table, s, e in (
            ("ssd_cla_episodes", "clae_cla_episode_start_date", "clae_cla_episode_ceased_date"),
            ("ssd_legal_status", "lega_legal_status_start_date", "lega_legal_status_end_date"),
            ("ssd_cla_placement", "clap_cla_placement_start_date", "clap_cla_placement_end_date"),
        ):
            rows = emitted(w, table)
            assert [r[s] for r in rows[1:]] == [r[e] for r in rows[:-1]], table  # no gaps, no overlaps
            assert rows[0][s] == period.start and rows[-1][e] == period.end, table
        first_status = emitted(w, "ssd_legal_status")[0]["lega_legal_status"]
        assert first_status in {"protection": ("C1", "L2"), "remand": ("J1", "J2")}.get(route, ("V2",))


def test_adoption_by_the_foster_carer():
    w, _ = make_world(seed=8, p_adopted_by_carer=1.0)
    adoptions = 0
    for i in range(60):
        ch = child(w, IN_WINDOW - D(days=400 + i))
        w.out.buffer.clear()
        period = care.cla_period(w, ch, IN_WINDOW, "need", 55)
        if period.reason not in ("E11", "E12"):
            continue
        adoptions += 1
        assert period.cin_close_reason == "RC1"
        (perm,) = emitted(w, "ssd_permanence")
        assert perm["perm_permanence_order_type"] == permanence.ADOPTION
        assert perm["perm_adopted_by_carer_flag"] == "Y" and perm["perm_placed_foster_carer_date"] == period.start
        assert perm["perm_placed_for_adoption_date"] < perm["perm_permanence_order_date"] == period.end
        types = [p["clap_cla_placement_type"] for p in emitted(w, "ssd_cla_placement")]
        assert types[0] == "U5" and types[-1] == "A5"
        assert "E1" in [s["lega_legal_status"] for s in emitted(w, "ssd_legal_status")]
    assert adoptions >= 5


def test_special_guardianship_exit():
    w, _ = make_world(seed=9)
    planned = permanence.special_guardianship(w, IN_WINDOW)
    assert planned.reason in ("E45", "E46") and planned.permanence is not None
    assert planned.permanence.order_date == planned.end and planned.permanence.placed is None
    assert 300 <= (planned.end - IN_WINDOW).days <= 900


def test_direct_admission_and_short_breaks_commit_their_journeys():
    w, written = make_world(seed=10)
    for i in range(10):
        care.direct_admission(w, IN_WINDOW + D(days=i))
    refs = of(written, "ssd_cin_episodes")
    assert len(refs) == 10
    for ref in refs:
        ch = w.children[ref["cine_person_id"]]
        assert ref["cine_close_date"] == ch.open_until or (ref["cine_close_date"] is None and ch.open_until > EXTRACT)
        assert ch.known
        assert any(e["clae_referral_id"] == ref["cine_referral_id"] for e in of(written, "ssd_cla_episodes"))
    start = len(written)
    care.short_break_series(w, IN_WINDOW)
    rows = written[start:]
    (ref,) = of(rows, "ssd_cin_episodes")
    assert ref["cine_cin_primary_need_code"] == "N2"
    statuses = {s["lega_legal_status"] for s in of(rows, "ssd_legal_status")}
    assert len(statuses) == 1 and statuses <= {"V3", "V4"}
    assert {e["clae_cla_episode_ceased_reason"] for e in of(rows, "ssd_cla_episodes")} <= {"E13", None}  # None: later
    assert of(rows, "ssd_cla_reviews") == [] and of(rows, "ssd_cla_visits") == []  # short breaks: none


# ------------------------------------------------------------------ care leavers, early help
def test_care_leaver_month_ends_keep_the_journey():
    w, written = make_world(seed=11, p_cl_to_25=0.0)
    ch = child(w, date(2002, 5, 10))
    start, end = date(2016, 1, 1), birthday(ch.dob, 18)
    care_leavers.care_leaver(w, ch, start, end, 55)
    w.out.commit(False)  # kept whatever the journey's dates
    rows = of(written, "ssd_care_leavers")
    months = [r["clea_as_at_date"] for r in rows]
    assert months[0] == month_end(w.period_start) and months[-1] == EXTRACT
    assert all(m == month_end(m) for m in months) and months == sorted(months)
    for r in rows:
        m = r["clea_as_at_date"]
        want = "eligible" if m < end else ("relevant" if m < birthday(ch.dob, 18) else "former_relevant")
        assert r["clea_care_leaver_eligibility"] == want
    assert {r["clea_care_leaver_worker_id"] for r in rows} == {rows[0]["clea_care_leaver_worker_id"]}


def test_early_help_episodes():
    w, written = make_world(seed=12)
    state = w.rng.getstate()
    early_help.episode(w, w.sim_start - D(days=1), None)
    assert w.rng.getstate() == state and written[-1][0] == "ssd_department"  # before the simulation: nothing
    early_help.episode(w, IN_WINDOW, None)
    (eh,) = of(written, "ssd_early_help_episodes")
    assert eh["earl_episode_end_date"] is None or eh["earl_episode_end_date"] >= IN_WINDOW + D(days=14)
    ch = w.children[eh["earl_person_id"]]
    assert ch.last_eh == IN_WINDOW and w.recent_eh[-1] == (IN_WINDOW, ch.pid)
    early_help.episode(w, IN_WINDOW, ch)  # a step-down is part of its referral's journey: not committed
    assert len(emitted(w, "ssd_early_help_episodes")) == 1 and len(of(written, "ssd_early_help_episodes")) == 1


def test_new_children_and_person_rows():
    w, written = make_world(seed=13)
    a, b = w.new_child(IN_WINDOW), w.new_child(IN_WINDOW, age=4)
    assert age_at(b.dob, IN_WINDOW) == 4 and 0 <= a.locality < len(w.p.localities)
    w.out.written.add(b.pid)
    (person,) = w.person_rows()
    assert person["pers_person_id"] == b.pid and person["pers_dob"] == b.dob
    assert person["pers_sex"] in ("M", "F", "U") and person["pers_legacy_id"] == f"L{b.pid}"


# ------------------------------------------------------------------ CIN census coherence (docs/returns.md section 7)


def test_an_episode_with_an_enquiry_closes_rc7_after_its_enquiry_and_conference():
    """CIN census rules 2990, 8565, 8868: an episode with an enquiry is never "closed after assessment" (RC8, RC9),
    and closes no earlier than its enquiry ends and its conference is held. Without an enquiry RC8 and RC9 stay."""
    w, written = make_world(seed=5, p_referral_nfa=0.0, p_s47=0.5, p_icpc=0.5, p_cpp=0.0, p_cin_to_cla=0.0)
    for i in range(150):
        front_door.referral(w, IN_WINDOW + D(days=i % 30))
    w.out.commit(True)
    rows = w.out.buffer + written
    enquiries = {r["s47e_referral_id"]: r for r in of(rows, "ssd_s47_enquiry")}
    conferences = {r["icpc_referral_id"]: r for r in of(rows, "ssd_initial_cp_conference")}
    reasons: Counter[str] = Counter()
    for ref in of(rows, "ssd_cin_episodes"):
        close, ref_id = ref["cine_close_date"], ref["cine_referral_id"]
        if close is None:
            continue
        if ref_id in enquiries:
            assert ref["cine_close_reason"] not in {"RC8", "RC9"}
            assert close >= enquiries[ref_id]["s47e_s47_end_date"]
            if ref_id in conferences:
                assert close >= conferences[ref_id]["icpc_icpc_date"]
        else:
            reasons[ref["cine_close_reason"]] += 1
    # RC9 is a code of the 2022/23 census on: an episode closed before it (IN_WINDOW is in 2020) is RC8
    assert enquiries and conferences and reasons["RC8"] and not reasons["RC9"]


def test_a_cp_plan_is_never_reviewed_after_it_ends():
    """CIN census rule 4003 (and 8841): each review is after the plan's start and on or before its end; a late review
    due before the end is held on the end date (the plan ends at it), never after."""
    w, _ = make_world(seed=2, p_cp_review_on_time=0.0)  # every review 1 to 30 days late
    ch = child(w, date(2012, 1, 1))
    protection.cp_reviews(w, ch, 1, date(2019, 1, 10), date(2019, 4, 11))  # first review due 10 April 2019
    assert [r["cppr_cp_review_date"] for r in emitted(w, "ssd_cp_reviews")] == [date(2019, 4, 11)]
    start, end = date(2019, 6, 1), date(2020, 9, 30)
    protection.cp_reviews(w, ch, 2, start, end)
    held = [r["cppr_cp_review_date"] for r in emitted(w, "ssd_cp_reviews") if r["cppr_cp_plan_id"] == 2]
    assert held and all(start < d <= end for d in held)


def test_a_date_of_death_is_never_before_the_end_of_the_last_episode():
    """CIN census rules 8555, 4008, 4009, 8915, 8920: no referral, plan or activity after the child's death."""
    w, _ = make_world(seed=3, p_death=1.0)
    closed, still_open = child(w, date(2000, 1, 1)), child(w, date(2000, 1, 1))
    closed.open_until, still_open.open_until = date(2020, 11, 30), EXTRACT + D(days=1)
    w.out.written.update({closed.pid, still_open.pid})
    deaths = {r["pers_person_id"]: r["pers_death_date"] for r in w.person_rows()}
    assert deaths[closed.pid] == closed.open_until  # a death drawn before it, at most 6,000 days after birth
    assert deaths[still_open.pid] is None
