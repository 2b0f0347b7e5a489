"""Front door: contacts, and referrals with everything that follows them (assessment, S47 enquiry,
conference, CP plan, CIN plan, step-down to early help or care), simulated as one journey when the referral
happens, so that later referrals can look back at what it left behind."""

from __future__ import annotations

from datetime import date, timedelta

from csc.generate.entities import Child, EpisodeClose, ProtectionOutcome
from csc.generate.journeys import care, early_help, protection
from csc.generate.outcomes import outcome_json
from csc.generate.output import yn
from csc.generate.rand import lognormal_days, pick
from csc.generate.reference import (
    CONTACT_DECISION_QUICK_DAYS,
    CONTACT_LEVEL_OTHER,
    CONTACT_LEVEL_REFERRED,
    PRIMARY_NEED,
    REFERRAL_LAG_WEIGHTS,
    SOURCE_DESC,
    SOURCES,
    cin_code_in_force,
)
from csc.generate.workcal import age_at
from csc.generate.world import World

D = timedelta
TRIES = 12  # attempts at finding a suitable earlier child before meeting a new one
RECENT_YEARS = 3  # re-referrals look back this far


def _pick_after_cp(w: World, d: date) -> Child | None:
    """A child whose CP plan and episode ended 30 days to 6 years ago (repeat plans come from these)."""
    rng = w.rng
    for _ in range(TRIES):
        if not w.had_cp:
            return None
        ch = w.children[w.had_cp[rng.randrange(len(w.had_cp))]]
        gap = (d - ch.open_until).days if ch.open_until is not None else -1
        if 30 <= gap <= 6 * 365 and age_at(ch.dob, d) < 18:
            return ch
    return None


def pick_rereferral(w: World, d: date) -> Child | None:
    """The child of a re-referral (a child referred before whose episode has closed), or None for a new child."""
    rng, p = w.rng, w.p
    if rng.random() < p.p_reref_after_cp:
        ch = _pick_after_cp(w, d)
        if ch is not None:
            return ch
    while w.recent_refs and (d - w.recent_refs[0][0]).days > RECENT_YEARS * 365:
        w.recent_refs.popleft()
    u = rng.random()
    if u < p.p_reref_12m:
        lo, hi = 1, 365
    elif u < p.p_reref_12m + p.p_reref_older:
        lo, hi = 366, RECENT_YEARS * 365
    else:
        return None
    n = len(w.recent_refs)
    for _ in range(TRIES):
        if not n:
            return None
        _, pid = w.recent_refs[rng.randrange(n)]
        ch = w.children[pid]
        gap = (d - ch.last_referral).days if ch.last_referral else -1
        if lo <= gap <= hi and ch.open_until is not None and ch.open_until < d and age_at(ch.dob, d) < 18:
            return ch
    return None


def contact(w: World, ch: Child, d: date, referred: bool) -> None:
    """A contact about `ch` on `d` (`referred`: it led to a referral)."""
    rng, p = w.rng, w.p
    level = pick(rng, CONTACT_LEVEL_REFERRED if referred else CONTACT_LEVEL_OTHER)
    if rng.random() < p.p_contact_decision_1wd:
        decision: date | None = w.cal.add(d, rng.choice(CONTACT_DECISION_QUICK_DAYS))
    else:
        decision = w.cal.add(d, rng.randint(2, 6))
    if rng.random() < p.p_contact_no_decision:
        decision = None
    source = cin_code_in_force(pick(rng, SOURCES), d)
    flags = {  # draws in the order they always had
        "NEW_REFERRAL_FLAG": yn(referred),
        "EXISTING_REFERRAL_FLAG": "N",
        "NFA_FLAG": yn(not referred and rng.random() < p.p_contact_nfa),
        "OTHER_OUTCOMES_EXIST_FLAG": yn(not referred and rng.random() < p.p_contact_early_help),  # early help
        "ADVICE_FLAG": yn(not referred and rng.random() < p.p_contact_advice),
    }
    w.out.emit(
        "ssd_contacts",
        {
            "cont_contact_id": w.ids.next("ssd_contacts"),
            "cont_person_id": ch.pid,
            "cont_contact_date": d,
            "cont_contact_source_code": source,
            "cont_contact_source_desc": SOURCE_DESC[source],
            "cont_contact_outcome_json": outcome_json("contact", flags, None, w.comment()),
            "cont_decision_date": decision,
            "cont_contact_level": level,
        },
    )


def contact_only(w: World, d: date) -> None:
    """The journey of a contact that leads to no referral (about a known child, or one met now)."""
    rng = w.rng
    if w.known and rng.random() < w.p.p_contact_known_child:
        ch = w.children[w.known[rng.randrange(len(w.known))]]
        if age_at(ch.dob, d) >= 18:
            ch = w.new_child(d)
    else:
        ch = w.new_child(d)
        w.mark_known(ch)
    contact(w, ch, d, referred=False)
    w.out.commit(d >= w.period_start)


def referral(w: World, d: date) -> int:
    """The journey of one referral on `d` and everything that follows; returns 1 if it had a linked contact."""
    rng, p = w.rng, w.p
    ch = pick_rereferral(w, d) or w.new_child(d)
    w.mark_known(ch)
    lag = rng.choices([0, rng.randint(1, 7), rng.randint(8, 20)], weights=REFERRAL_LAG_WEIGHTS)[0]
    linked = 0
    if d - D(days=lag) >= w.sim_start:
        contact(w, ch, d - D(days=lag), referred=True)
        linked = 1
    ch.last_referral = d
    w.recent_refs.append((d, ch.pid))
    ref_id = w.ids.next("ssd_cin_episodes")
    a_tid, a_wid = w.staff.team("Assessment", ch)
    need = pick(rng, PRIMARY_NEED)
    source = cin_code_in_force(pick(rng, SOURCES), d)
    nfa = rng.random() < p.p_referral_nfa
    repeat_cp = ch.cp_plans > 0
    did_s47 = not nfa and rng.random() < (p.p_repeat_cp_s47 if repeat_cp else p.p_s47)
    if nfa:
        ends = EpisodeClose(d + D(days=rng.randint(0, 3)), "RC8")
    else:
        ends = _after_referral(w, ch, d, ref_id, did_s47, repeat_cp)
    close = max(ends.close, d, ends.assessed or d)
    w.out.emit(
        "ssd_cin_episodes",
        {
            "cine_referral_id": ref_id,
            "cine_person_id": ch.pid,
            "cine_referral_date": d,
            "cine_cin_primary_need_code": need,
            "cine_referral_team": a_tid,
            "cine_referral_worker_id": a_wid,
            "cine_referral_source_code": source,
            "cine_referral_source_desc": SOURCE_DESC[source],
            "cine_referral_nfa": yn(nfa),
            "cine_close_date": close,
            "cine_close_reason": cin_code_in_force(ends.reason, close) if ends.reason and close else ends.reason,
            "cine_referral_outcome_json": outcome_json(
                "referral",
                {"NFA_FLAG": yn(nfa), "STRATEGY_DISCUSSION_FLAG": yn(did_s47), "SINGLE_ASSESSMENT_FLAG": yn(not nfa)},
                1,
                w.comment(),
            ),
        },
    )
    end_alloc = ends.assessed or close
    w.staff.involvement(ch, "Assessment", d, end_alloc, ref_id, "Allocated social worker", "Transferred")
    if close > end_alloc + D(days=5):
        w.staff.involvement(
            ch, "Safeguarding and Family Support", end_alloc, close, ref_id, "Allocated social worker", "Case closed"
        )
    ch.open_until = close
    w.out.commit(close >= w.period_start)
    return linked


def _after_referral(w: World, ch: Child, d: date, ref_id: int, did_s47: bool, repeat_cp: bool) -> EpisodeClose:
    """What follows a referral that is not closed at once (`did_s47`: with an enquiry), and how it ends."""
    rng, p = w.rng, w.p
    outcome = rng.choices(
        ["nfa", "stepdown", "ongoing"],
        weights=[p.p_asm_nfa, p.p_asm_stepdown, 1 - p.p_asm_nfa - p.p_asm_stepdown],
    )[0]
    enquiry = ProtectionOutcome()  # none without an enquiry
    if did_s47:
        enquiry = protection.s47(w, ch, d, ref_id, repeat_cp)
        kept_open = enquiry.plan_end is not None or enquiry.to_care is not None  # by a CP plan, or care
        if kept_open or (outcome == "nfa" and rng.random() < p.p_s47_nfa_continues):
            outcome = "ongoing"
    if rng.random() < p.p_assessment or did_s47:
        asm_end = protection.assessment(w, ch, d, ref_id, outcome)
    else:
        asm_end = d + D(days=rng.randint(5, 40))
        outcome = "nfa"
    if enquiry.to_care is not None:
        period = care.cla_period(w, ch, enquiry.to_care, "protection", ref_id)
        return EpisodeClose(period.end, period.cin_close_reason, asm_end)
    if enquiry.plan_end is not None:
        close = enquiry.plan_end + D(days=lognormal_days(rng, p.cp_close_median_days, 0.8, 0, 500))
        if rng.random() < p.p_cin_plan_after_cp:
            protection.cin_plan(w, ch, ref_id, enquiry.plan_end + D(days=rng.randint(0, 10)), close)
        return EpisodeClose(close, "RC7", asm_end)
    # "closed after assessment" (RC8, RC9) only when the assessment was all: an episode with an enquiry closes
    # RC7 (CIN census rule 2990)
    if outcome == "nfa":
        close = _not_before(asm_end + D(days=rng.randint(0, 10)), enquiry.enquiry_end)
        return EpisodeClose(close, "RC7" if did_s47 else "RC8", asm_end)
    if outcome == "stepdown":
        close = _not_before(asm_end + D(days=rng.randint(0, 10)), enquiry.enquiry_end)
        early_help.episode(w, close + D(days=rng.randint(0, 14)), ch)
        return EpisodeClose(close, "RC7" if did_s47 else "RC9", asm_end)
    close = _not_before(asm_end + D(days=lognormal_days(rng, p.cin_median_days, 0.7, 20, 1500)), enquiry.enquiry_end)
    if rng.random() < p.p_cin_to_cla:
        period = care.cla_period(w, ch, asm_end + D(days=rng.randint(10, 120)), "need", ref_id)
        return EpisodeClose(period.end, period.cin_close_reason, asm_end)
    if rng.random() < p.p_cin_plan:
        protection.cin_plan(w, ch, ref_id, asm_end + D(days=rng.randint(0, 25)), close)
    return EpisodeClose(close, "RC7", asm_end)


def _not_before(close: date, enquiry_end: date | None) -> date:
    """An episode's closure, moved to the end of its enquiry and conference when they end later (CIN census rules
    8565, 8868: no activity after the closure, no enquiry left open by it)."""
    return close if enquiry_end is None or close >= enquiry_end else enquiry_end
