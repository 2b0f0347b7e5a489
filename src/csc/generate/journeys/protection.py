"""Protection and children in need: assessments, S47 enquiries, initial conferences, CP plans with their
reviews and visits, CIN plans, and children who move in on another council's CP plan (transfer-in)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from csc.generate.entities import Child, ProtectionOutcome
from csc.generate.outcomes import outcome_json
from csc.generate.output import yn
from csc.generate.rand import lognormal_days, pick
from csc.generate.reference import (
    ASSESSMENT_START_DAYS,
    CP_CATEGORIES,
    CP_REVIEW_PARTICIPATION,
    S47_OUTCOMES,
    S47_START_DAYS,
    SOURCE_DESC,
)
from csc.generate.workcal import add_months, age_at, birthday
from csc.generate.world import World

D = timedelta
MEETING_ID_OFFSET = 500_000  # a conference's meeting id is its id plus this


def assessment(w: World, ch: Child, ref_date: date, ref_id: int, outcome: str) -> date:
    """A CIN assessment of the referral on `ref_date` with `outcome` (nfa, stepdown, ongoing); returns the
    day it was authorised."""
    rng, p, cal = w.rng, w.p, w.cal
    start = cal.next_workday(ref_date + D(days=rng.choice(ASSESSMENT_START_DAYS)))
    wd = int(rng.triangular(2, 45, 28)) if rng.random() < p.p_asm_45wd else rng.randint(46, 95)
    auth = cal.add(start, wd)
    tid, wid = w.staff.team("Assessment", ch)
    w.out.emit(
        "ssd_cin_assessments",
        {
            "cina_assessment_id": w.ids.next("ssd_cin_assessments"),
            "cina_person_id": ch.pid,
            "cina_referral_id": ref_id,
            "cina_assessment_start_date": start,
            "cina_assessment_child_seen": yn(rng.random() < p.p_asm_child_seen),
            "cina_assessment_auth_date": auth,
            "cina_assessment_outcome_json": outcome_json(
                "assessment",
                {
                    "NFA_FLAG": yn(outcome == "nfa"),
                    "REFERRAL_TO_OTHER_AGENCY_FLAG": yn(outcome == "stepdown"),  # step down to early help
                    "PROV_OF_SERVICES_FLAG": yn(outcome == "ongoing"),  # CIN plan
                },
                None,
                w.comment(),
            ),
            "cina_assessment_outcome_nfa": yn(outcome in ("nfa", "stepdown")),
            "cina_assessment_team": tid,
            "cina_assessment_worker_id": wid,
        },
    )
    return auth


def s47(w: World, ch: Child, ref_date: date, ref_id: int, repeat_cp: bool = False) -> ProtectionOutcome:
    """An S47 enquiry after the referral on `ref_date` and, when it leads to one, the conference and CP plan
    (`repeat_cp`: the child has had a plan before)."""
    rng, p, cal = w.rng, w.p, w.cal
    start = cal.next_workday(ref_date + D(days=rng.choice(S47_START_DAYS)))
    end = cal.add(start, rng.randint(4, 20))
    icpc = rng.random() < (p.p_repeat_cp_icpc if repeat_cp else p.p_icpc)
    sid = w.ids.next("ssd_s47_enquiry")
    icpc_date = None
    to_care = None
    if icpc:
        wd = rng.randint(4, 15) if rng.random() < p.p_icpc_15wd else rng.randint(16, 40)
        icpc_date = cal.add(start, wd)
        end = min(end, icpc_date)
    elif rng.random() < p.p_s47_to_cla:
        to_care = end
    tid, wid = w.staff.team("Safeguarding and Family Support", ch)
    outcome = "icpc" if icpc else rng.choice(S47_OUTCOMES)
    w.out.emit(
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
                w.comment(),
            ),
            "s47e_s47_completed_by_team": tid,
            "s47e_s47_completed_by_worker_id": wid,
        },
    )
    if icpc_date is None:
        return ProtectionOutcome(to_care=to_care, enquiry_end=end)
    plan = rng.random() < p.p_cpp
    outcome_of_conference = conference(w, ch, icpc_date, ref_id, sid, cal.add(start, 15), plan, False)
    return replace(outcome_of_conference, enquiry_end=max(end, icpc_date))


def conference(
    w: World,
    ch: Child,
    icpc_date: date,
    ref_id: int,
    s47_id: int | None,
    target: date | None,
    plan: bool,
    transfer_in: bool,
) -> ProtectionOutcome:
    """An initial CP conference on `icpc_date` and, if it decides one (`plan`), the CP plan with its reviews
    and visits; the plan may end with the child coming into care."""
    rng, p = w.rng, w.p
    icpc_id = w.ids.next("ssd_initial_cp_conference")
    plan_id = w.ids.next("ssd_cp_plans") if plan else None
    tid, wid = w.staff.team("Child Protection Conference Service", None)
    w.out.emit(
        "ssd_initial_cp_conference",
        {
            "icpc_icpc_id": icpc_id,
            "icpc_icpc_meeting_id": icpc_id + MEETING_ID_OFFSET,
            "icpc_s47_enquiry_id": s47_id,
            "icpc_person_id": ch.pid,
            "icpc_cp_plan_id": plan_id,
            "icpc_referral_id": ref_id,
            "icpc_icpc_transfer_in": yn(transfer_in),
            "icpc_icpc_target_date": target,
            "icpc_icpc_date": icpc_date,
            "icpc_icpc_outcome_cp_flag": yn(plan),
            "icpc_icpc_outcome_json": outcome_json(
                "icpc", {"CP_FLAG": yn(plan), "NFA_FLAG": yn(not plan)}, None, w.comment()
            ),
            "icpc_icpc_team": tid,
            "icpc_icpc_worker_id": wid,
        },
    )
    if plan_id is None:
        return ProtectionOutcome()
    start = icpc_date
    dur = lognormal_days(rng, p.cp_median_days, 0.55, 60, 1600)
    if rng.random() < p.p_cp_long:
        dur = rng.randint(700, 1100)
    end = start + D(days=dur)
    if age_at(ch.dob, end) >= 18:
        end = max(start + D(days=1), birthday(ch.dob, 18))
    cat = pick(rng, CP_CATEGORIES)
    w.out.emit(
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
            "cppl_cp_plan_latest_category": cat
            if rng.random() < p.p_cp_category_unchanged
            else pick(rng, CP_CATEGORIES),
        },
    )
    if ch.cp_plans == 0:
        w.had_cp.append(ch.pid)
    ch.cp_plans += 1
    cp_reviews(w, ch, plan_id, start, end)
    cp_visits(w, ch, plan_id, start, end)
    to_care = end if rng.random() < p.p_cp_to_cla and age_at(ch.dob, end) < 17 else None
    return ProtectionOutcome(plan_end=end, to_care=to_care)


def cp_reviews(w: World, ch: Child, plan_id: int, start: date, end: date) -> None:
    """Review conferences of a CP plan: 3 months after it starts, then every 6 months, the last ending it."""
    rng, p = w.rng, w.p
    due = add_months(start, 3)
    while due < end + D(days=30):
        held = (
            due - D(days=rng.randint(0, 14))
            if rng.random() < p.p_cp_review_on_time
            else due + D(days=rng.randint(1, 30))
        )
        # the review ending the plan is held on its end date, never after it (CIN census rule 4003)
        held = min(max(held, start + D(days=1)), end)
        last = held >= end
        w.out.emit(
            "ssd_cp_reviews",
            {
                "cppr_cp_review_id": w.ids.next("ssd_cp_reviews"),
                "cppr_person_id": ch.pid,
                "cppr_cp_plan_id": plan_id,
                "cppr_cp_review_due": due,
                "cppr_cp_review_date": held,
                "cppr_cp_review_meeting_id": None,
                "cppr_cp_review_outcome_continue_cp": yn(not last),
                "cppr_cp_review_quorate": yn(rng.random() < p.p_cp_review_quorate),
                "cppr_cp_review_participation": rng.choice(CP_REVIEW_PARTICIPATION),
            },
        )
        if last:
            break
        due = add_months(held, 6)


def cp_visits(w: World, ch: Child, plan_id: int, start: date, end: date) -> None:
    """Visits to a child on a CP plan, every few working days to the plan's end (or the extract date)."""
    rng, p, cal = w.rng, w.p, w.cal
    v = cal.add(start, rng.randint(0, 4))
    while v <= end and v <= w.extract:
        w.out.emit(
            "ssd_cp_visits",
            {
                "cppv_cp_visit_id": w.ids.next("ssd_cp_visits"),
                "cppv_person_id": ch.pid,
                "cppv_cp_plan_id": plan_id,
                "cppv_cp_visit_date": v,
                "cppv_cp_visit_seen": yn(rng.random() < p.p_cp_visit_seen),
                "cppv_cp_visit_seen_alone": yn(rng.random() < p.p_cp_visit_seen_alone),
                "cppv_cp_visit_bedroom": yn(rng.random() < p.p_cp_visit_bedroom),
            },
        )
        v = cal.add(v, rng.randint(4, 10) if rng.random() < p.p_cp_visit_10wd else rng.randint(11, 25))


def cin_plan(w: World, ch: Child, ref_id: int, start: date, end: date | None) -> None:
    """A CIN plan from `start` to `end` (none if it would end before it starts)."""
    if end is not None and end <= start:
        return
    tid, wid = w.staff.team("Safeguarding and Family Support", ch)
    w.out.emit(
        "ssd_cin_plans",
        {
            "cinp_cin_plan_id": w.ids.next("ssd_cin_plans"),
            "cinp_referral_id": ref_id,
            "cinp_person_id": ch.pid,
            "cinp_cin_plan_start_date": start,
            "cinp_cin_plan_end_date": end,
            "cinp_cin_plan_team": tid,
            "cinp_cin_plan_worker_id": wid,
        },
    )


def transfer_in(w: World, d: date) -> None:
    """The journey of a child who moves in on another council's plan: referral, transfer-in conference, plan."""
    rng = w.rng
    ch = w.new_child(d, age=rng.randrange(0, 16))
    w.mark_known(ch)
    ref_id = w.ids.next("ssd_cin_episodes")
    tid, wid = w.staff.team("Assessment", ch)
    icpc_date = w.cal.add(d, rng.randint(5, 15))
    plan = conference(w, ch, icpc_date, ref_id, None, None, True, True)
    assert plan.plan_end is not None  # a transfer-in conference always makes a plan
    close = plan.plan_end + D(days=rng.randint(0, 60))
    w.out.emit(
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
                "referral", {"NFA_FLAG": "N", "CP_TRANSFER_IN_FLAG": "Y"}, None, w.comment()
            ),
            "cine_close_date": close,
            "cine_close_reason": "RC7",
            "cine_referral_team": tid,
            "cine_referral_worker_id": wid,
        },
    )
    w.staff.involvement(
        ch, "Safeguarding and Family Support", d, close, ref_id, "Allocated social worker", "Case closed"
    )
    ch.last_referral, ch.open_until = d, close
    w.recent_refs.append((d, ch.pid))
    w.out.commit(close >= w.period_start)
