"""Looked after children: periods of care (how each ends, its legal statuses, its workers and whether the
child becomes a care leaver), children who come into care other than through a simulated CP journey, and
disabled children on an agreed series of short breaks."""

from __future__ import annotations

from datetime import date, timedelta

from csc.generate.entities import CareExit, CarePeriod, Child, LegalSpell, Placement
from csc.generate.journeys import care_records, permanence
from csc.generate.journeys.care_leavers import care_leaver
from csc.generate.outcomes import outcome_json
from csc.generate.rand import lognormal_days, pick
from csc.generate.reference import (
    ADMISSION_AGE_WEIGHTS,
    ADMISSION_ROUTES,
    AT18_REASONS,
    CIN_CLOSE_REASON,
    HOME_REASONS,
    INDEPENDENT_LIVING_REASONS,
    NOT_CARE_LEAVER_REASONS,
    ORDER_ON_RETURN,
    OTHER_REASONS,
    REMAND_AGES,
    REMAND_STATUSES,
    ROUTE_NEED_CODE,
    SHORT_BREAK_PLACEMENTS,
    SHORT_BREAK_STATUSES,
    SOURCE_DESC,
    SOURCES,
    TO18_REASONS,
    TRACKS_5_TO_11,
    TRACKS_12_PLUS,
    TRACKS_UNDER_5,
    UASC_AGES,
    cin_code_in_force,
)
from csc.generate.workcal import age_at, birthday
from csc.generate.world import World

D = timedelta


def cin_close_reason(reason: str) -> str:
    """The CIN closure reason of an episode of need that ends with a period of care ending for `reason`."""
    return CIN_CLOSE_REASON.get(reason, "RC7")


def _track(w: World, route: str, age: int) -> str:
    """How the period of care will end: adoption, sgo, home, to18 (stays to 18) or other."""
    rng = w.rng
    if route in ("uasc", "remand"):
        return "to18" if route == "uasc" or rng.random() < w.p.p_remand_home else "home"
    if age < 5:
        return pick(rng, TRACKS_UNDER_5)
    if age < 12:
        return pick(rng, TRACKS_5_TO_11)
    return pick(rng, TRACKS_12_PLUS)


def _first_legal(w: World, route: str, start: date) -> list[LegalSpell]:
    """Legal status on entry: an interim care order (after an emergency protection order for some) for
    protection, remand for remand, else section 20 (V2)."""
    rng = w.rng
    if route == "protection":
        if rng.random() < w.p.p_epo_first:
            return [LegalSpell(start, "L2"), LegalSpell(start + D(days=rng.randint(2, 8)), "C1")]
        return [LegalSpell(start, "C1")]
    if route == "remand":
        return [LegalSpell(start, rng.choice(REMAND_STATUSES))]
    return [LegalSpell(start, "V2")]


def _exit(w: World, track: str, start: date, eighteen: date, legal: list[LegalSpell]) -> CareExit:
    """When and why a period on `track` ends, with its permanence (adoption adds its legal statuses to `legal`)."""
    rng, p = w.rng, w.p
    if track == "adoption":
        return permanence.adoption(w, start, legal)
    if track == "sgo":
        return permanence.special_guardianship(w, start)
    if track == "home":
        end = start + D(days=int(lognormal_days(rng, p.cla_home_median_days, 1.0, 3, 3000) * p.cla_stay_factor))
        reason = pick(rng, HOME_REASONS)
        order = permanence.child_arrangements(end) if reason in ORDER_ON_RETURN else None
        return CareExit(end, reason, order)
    if track == "other":
        return CareExit(start + D(days=rng.randint(30, 700)), rng.choice(OTHER_REASONS))
    return CareExit(eighteen, pick(rng, TO18_REASONS))


def cla_period(w: World, ch: Child, start: date, route: str, ref_id: int) -> CarePeriod:
    """Simulate one period of care from `start` (route: protection, need, uasc, remand): episodes, legal
    statuses, placements, reviews, visits, health checks, permanence, workers and care-leaver rows."""
    rng = w.rng
    age = age_at(ch.dob, start)
    eighteen = birthday(ch.dob, 18)
    if age >= 18:
        start = eighteen - D(days=rng.randint(30, 200))
        age = 17
    track = _track(w, route, age)
    legal = _first_legal(w, route, start)
    planned = _exit(w, track, start, eighteen, legal)
    end, reason = planned.end, planned.reason
    if end >= eighteen:
        end, reason = eighteen, pick(rng, AT18_REASONS)
    end = max(end, start + D(days=1))
    if reason in INDEPENDENT_LIVING_REASONS and end < birthday(ch.dob, 16):
        reason = "E8"  # independent living only from 16 (903 rule 387)
    # full care order after the interim order
    if legal[-1].status == "C1" and track != "adoption":
        full = start + D(days=rng.randint(120, 300))
        if full < end:
            legal.append(LegalSpell(full, "C2"))
    legal.sort()
    adoption = planned.permanence if track == "adoption" else None
    places = care_records.placements(w, ch, start, end, adoption, legal)
    care_records.period_rows(w, ch, ref_id, start, end, reason, legal, places, planned.permanence)
    s = start
    while s < end:  # worker changes roughly yearly
        e = min(end, s + D(days=rng.randint(200, 600)))
        w.staff.involvement(
            ch, "Children in Care", s, e, ref_id, "Allocated social worker", "Worker left" if e < end else "Case closed"
        )
        s = e
    # care leavers: looked after at least 13 weeks since the 14th birthday, some after 16
    fourteen, sixteen = birthday(ch.dob, 14), birthday(ch.dob, 16)
    if end > sixteen and (end - max(start, fourteen)).days >= 91 and reason not in NOT_CARE_LEAVER_REASONS:
        care_leaver(w, ch, start, end, ref_id)
    return CarePeriod(start, end, reason, cin_close_reason(reason))


def direct_admission(w: World, d: date) -> None:
    """The journey of a child who comes into care other than through a simulated CP journey (section 20,
    unaccompanied asylum-seeking children, remand, emergency protection)."""
    rng = w.rng
    route = pick(rng, ADMISSION_ROUTES)
    # all three ages are drawn whatever the route (the extract's draw order)
    uasc_age = rng.choice(UASC_AGES)
    remand_age = rng.choice(REMAND_AGES)
    other_age = rng.choices(range(18), weights=ADMISSION_AGE_WEIGHTS)[0]
    age = {"uasc": uasc_age, "remand": remand_age}.get(route, other_age)
    ch = w.new_child(d, age=age)
    ref_id = w.ids.next("ssd_cin_episodes")
    tid, wid = w.staff.team("Assessment", ch)
    period = cla_period(w, ch, d, route, ref_id)
    src = "6" if route in ("uasc", "remand") else cin_code_in_force(pick(rng, SOURCES), d)
    w.out.emit(
        "ssd_cin_episodes",
        {
            "cine_referral_id": ref_id,
            "cine_person_id": ch.pid,
            "cine_referral_date": d,
            "cine_cin_primary_need_code": ROUTE_NEED_CODE.get(route, "N1"),
            "cine_referral_source_code": src,
            "cine_referral_source_desc": SOURCE_DESC[src],
            "cine_referral_nfa": "N",
            "cine_referral_outcome_json": outcome_json("referral", {"NFA_FLAG": "N"}, None, w.comment()),
            "cine_close_date": period.end,
            "cine_close_reason": period.cin_close_reason,
            "cine_referral_team": tid,
            "cine_referral_worker_id": wid,
        },
    )
    ch.last_referral, ch.open_until = d, period.end
    w.mark_known(ch)
    w.out.commit(period.end >= w.period_start)


def short_break_series(w: World, d: date) -> None:
    """The journey of a disabled child on an agreed series of short breaks (legal status V3/V4): a stay of
    1-4 days every 3-6 weeks, each a period of care of its own, for 1-3 years."""
    rng = w.rng
    ch = w.new_child(d, age=rng.randint(5, 16))
    ref_id = w.ids.next("ssd_cin_episodes")
    end = min(d + D(days=rng.randint(365, 3 * 365)), birthday(ch.dob, 18) - D(days=1))
    tid, wid = w.staff.team("Disabled Children", None)
    status = rng.choice(SHORT_BREAK_STATUSES)
    stay = d
    while stay < end:
        leave = stay + D(days=rng.randint(1, 4))
        place = Placement(stay, rng.choice(SHORT_BREAK_PLACEMENTS), "PR1")
        care_records.period_rows(w, ch, ref_id, stay, leave, "E13", [LegalSpell(stay, status)], [place], None)
        stay = leave + D(days=rng.randint(21, 45))
    w.out.emit(
        "ssd_cin_episodes",
        {
            "cine_referral_id": ref_id,
            "cine_person_id": ch.pid,
            "cine_referral_date": d,
            "cine_cin_primary_need_code": "N2",
            "cine_referral_source_code": "3F",
            "cine_referral_source_desc": SOURCE_DESC["3F"],
            "cine_referral_nfa": "N",
            "cine_referral_outcome_json": outcome_json("referral", {"NFA_FLAG": "N"}, None, w.comment()),
            "cine_close_date": end,
            "cine_close_reason": "RC7",
            "cine_referral_team": tid,
            "cine_referral_worker_id": wid,
        },
    )
    w.staff.involvement(ch, "Disabled Children", d, end, ref_id, "Allocated social worker", "Case closed")
    ch.last_referral, ch.open_until = d, end
    w.out.commit(end >= w.period_start)
