"""The records of one period of care: placements (planned as a list, then written), legal statuses, 903
episodes (a new one at every change of placement or legal status), reviews, visits, health checks and the
permanence row."""

from __future__ import annotations

from datetime import date, timedelta

from csc.generate.entities import Child, LegalSpell, Permanence, Placement
from csc.generate.journeys.permanence import permanence_row
from csc.generate.output import yn
from csc.generate.rand import pick
from csc.generate.reference import (
    CLA_REVIEW_PARTICIPATION,
    ORDER_ONLY_PLACEMENTS,
    PLACEMENT_CHANGE_REASONS,
    PLACEMENT_PROVIDERS_OTHER,
    PUBLIC_PLACEMENTS,
    TEMPORARY_PLACEMENTS,
    URN_PLACEMENTS,
    placement_code_in_force,
    placement_types,
)
from csc.generate.workcal import add_months, age_at
from csc.generate.world import World

D = timedelta
SHORT_BREAK_STATUSES = ("V3", "V4")


def _legal_status_on(legal: list[LegalSpell], day: date) -> str | None:
    in_force = [spell.status for spell in legal if spell.start <= day]
    return in_force[-1] if in_force else None


def placements(
    w: World, ch: Child, start: date, end: date, adoption: Permanence | None, legal: list[LegalSpell] | None = None
) -> list[Placement]:
    """The placements of a period of care from `start` to `end` (`adoption`: the period's adoption plan, whose
    placement for adoption ends the moves; `legal`: the period's legal statuses, sorted). A minority of children
    move often throughout (3+ placements in a year); the rest are unstable in their first year and settle after
    it (long-term stability). Codes are those in force on the placement's start (903 rule 146); a child under
    section 20 (V2) is never placed with parents (P1 becomes U6, rule 378); NHS and youth custody placements are
    other public provision (rules 527, 528). None of these adds a draw."""
    rng, p = w.rng, w.p
    out: list[Placement] = []
    d = start
    first = True
    unstable = rng.random() < p.p_placement_unstable
    while d < end:
        ptype = placement_code_in_force(pick(rng, placement_types(age_at(ch.dob, d))), d)
        if ptype in ORDER_ONLY_PLACEMENTS and legal is not None and _legal_status_on(legal, d) == "V2":
            ptype = "U6"
        if adoption is not None and adoption.by_carer and first:
            ptype = "U5"  # fostered by the carer who adopts
        provider = {"P1": "PR0"}.get(ptype) or (
            "PR1"
            if ptype[0] == "U" and rng.random() < p.p_placement_own_provider
            else rng.choice(PLACEMENT_PROVIDERS_OTHER)
        )
        if ptype in PUBLIC_PLACEMENTS:
            provider = "PR3"
        # time to the next move (moves per year)
        if unstable:
            rate = p.moves_per_year_unstable
        else:
            rate = p.moves_per_year_first if (d - start).days < 365 else p.moves_per_year_settled
        stay = int(rng.expovariate(rate) * 365) + 7
        nxt = min(end, d + D(days=stay))
        if adoption is not None and adoption.placed is not None:
            if d < adoption.placed <= nxt:
                nxt = adoption.placed
            if d >= adoption.placed:
                ptype = "A5" if adoption.by_carer else "A6"
                provider = "PR1"
                nxt = end
        out.append(Placement(d, ptype, provider))
        if rng.random() < p.p_temporary_placement and nxt < end:  # a short temporary placement
            t = nxt
            temporary = Placement(t, rng.choice(TEMPORARY_PLACEMENTS), "PR1")
            nxt = t + D(days=rng.randint(2, 7))
            if nxt >= end:  # a period never ends in a temporary placement (903 rule 381): the last one runs on
                break
            out.append(temporary)
        d = nxt
        first = False
    return out


def period_rows(
    w: World,
    ch: Child,
    ref_id: int,
    start: date,
    end: date,
    reason: str,
    legal: list[LegalSpell],
    places: list[Placement],
    perm: Permanence | None,
) -> None:
    """Legal statuses, placements and episodes of one period of care ending for `reason` (plus reviews,
    visits, health checks and permanence for periods that are not short breaks)."""
    rng = w.rng
    ch.looked_after = True
    cla_id = w.ids.next("cla_period")
    short_break = legal[0].status in SHORT_BREAK_STATUSES
    legal = [x for x in legal if x.start < end]
    for i, (ls_start, ls) in enumerate(legal):
        ls_end = legal[i + 1].start if i + 1 < len(legal) else end
        w.out.emit(
            "ssd_legal_status",
            {
                "lega_legal_status_id": w.ids.next("ssd_legal_status"),
                "lega_person_id": ch.pid,
                "lega_legal_status": ls,
                "lega_legal_status_start_date": ls_start,
                "lega_legal_status_end_date": ls_end,
            },
        )
    pl_ids = []
    for i, (pl_start, ptype, provider) in enumerate(places):
        pl_end = places[i + 1].start if i + 1 < len(places) else end
        pl_id = w.ids.next("ssd_cla_placement")
        pl_ids.append(pl_id)
        w.out.emit(
            "ssd_cla_placement",
            {
                "clap_cla_placement_id": pl_id,
                "clap_cla_placement_start_date": pl_start,
                "clap_cla_placement_type": ptype,
                "clap_cla_placement_urn": f"SC{rng.randrange(10**5, 10**6)}" if ptype in URN_PLACEMENTS else None,
                "clap_cla_placement_distance": round(rng.lognormvariate(1.8, 0.9), 1),
                "clap_cla_id": cla_id,
                "clap_cla_placement_provider": provider,
                "clap_cla_placement_postcode": f"NR{rng.randint(1, 30)} {rng.randint(1, 9)}AB",
                "clap_cla_placement_end_date": pl_end,
                "clap_cla_placement_change_reason": None
                if i + 1 == len(places)
                else rng.choice(PLACEMENT_CHANGE_REASONS),
                "clap_person_id": ch.pid,
            },
        )
    # episodes: a new one at every change of placement or legal status
    changes: dict[date, set[str]] = {}
    for spell in legal:
        changes.setdefault(spell.start, set()).add("L")
    for place in places:
        changes.setdefault(place.start, set()).add("P")
    points = sorted(d for d in changes if start <= d < end)
    for i, d in enumerate(points):
        e_end = points[i + 1] if i + 1 < len(points) else end
        kinds = changes[d]
        rne = "S" if i == 0 else ("T" if kinds == {"L", "P"} else ("L" if kinds == {"L"} else "P"))
        pl_idx = max(j for j, pl in enumerate(places) if pl.start <= d)
        w.out.emit(
            "ssd_cla_episodes",
            {
                "clae_cla_episode_id": w.ids.next("ssd_cla_episodes"),
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
    cla_reviews(w, ch, cla_id, start, end)
    cla_visits(w, ch, cla_id, start, end)
    health_checks(w, ch, start, end)
    if perm is not None and start <= w.extract:
        permanence_row(w, ch, cla_id, perm)


def cla_reviews(w: World, ch: Child, cla_id: int, start: date, end: date) -> None:
    """Reviews 20 working days after entry, 3 months later, then every 6 months (a cancelled one is re-held).
    Participation PN0 is a child under 4 at the review, and only such a child (903 rules 440 and 441)."""
    rng, p = w.rng, w.p
    due = w.cal.add(start, 20)
    n = 0
    while due < end:
        cancelled = rng.random() < p.p_cla_review_cancelled
        held = (
            due - D(days=rng.randint(0, 10))
            if rng.random() < p.p_cla_review_on_time
            else due + D(days=rng.randint(1, 35))
        )
        held = max(held, start + D(days=1))
        participation = rng.choice(CLA_REVIEW_PARTICIPATION)
        if age_at(ch.dob, held) < 4:
            participation = "PN0"
        elif participation == "PN0":
            participation = "PN1"
        w.out.emit(
            "ssd_cla_reviews",
            {
                "clar_cla_review_id": w.ids.next("ssd_cla_reviews"),
                "clar_cla_id": cla_id,
                "clar_cla_review_due_date": due,
                "clar_cla_review_date": held,
                "clar_cla_review_cancelled": yn(cancelled),
                "clar_cla_review_participation": participation,
            },
        )
        if cancelled:
            due = held + D(days=rng.randint(5, 20))
            continue
        n += 1
        due = add_months(held, 3 if n == 1 else 6)


def cla_visits(w: World, ch: Child, cla_id: int, start: date, end: date) -> None:
    """Statutory visits, most within 6 weeks of the last, to the period's end (or the extract date)."""
    rng, p = w.rng, w.p
    v = start + D(days=rng.randint(1, 7))
    stop = min(end, w.extract)
    while v <= stop:
        w.out.emit(
            "ssd_cla_visits",
            {
                "clav_cla_visit_id": w.ids.next("ssd_cla_visits"),
                "clav_cla_id": cla_id,
                "clav_person_id": ch.pid,
                "clav_cla_visit_date": v,
                "clav_cla_visit_seen": yn(rng.random() < p.p_cla_visit_seen),
                "clav_cla_visit_seen_alone": yn(rng.random() < p.p_cla_visit_seen_alone),
            },
        )
        v += D(days=rng.randint(20, 42) if rng.random() < p.p_cla_visit_42d else rng.randint(43, 80))


def health_checks(w: World, ch: Child, start: date, end: date) -> None:
    """Health assessments (the first within 20 working days when timely) and dental checks, then yearly."""
    rng, p = w.rng, w.p
    stop = min(end, w.extract)
    first_health = w.cal.add(start, rng.randint(5, 20) if rng.random() < p.p_health_timely else rng.randint(21, 60))
    first_dental = start + D(days=rng.randint(30, 200))
    for kind, first in (("HEALTH", first_health), ("DENTAL", first_dental)):
        d = first
        while d <= stop:
            w.out.emit(
                "ssd_cla_health",
                {
                    "clah_health_check_id": w.ids.next("ssd_cla_health"),
                    "clah_person_id": ch.pid,
                    "clah_health_check_type": kind,
                    "clah_health_check_date": d,
                    "clah_health_check_status": "Completed",
                },
            )
            d += D(days=rng.randint(270, 364) if rng.random() < p.p_health_timely else rng.randint(365, 480))
