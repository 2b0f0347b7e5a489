"""Care leavers: a personal adviser and one ssd_care_leavers row per month end from the 16th birthday (or the
start of the history window) to 21 (some to 25), with activity, accommodation and contact that change now
and then, and pathway plan reviews every six months."""

from __future__ import annotations

from datetime import date, timedelta

from csc.generate.entities import Child
from csc.generate.output import yn
from csc.generate.reference import ACCOM_LETTERS, EET, FORENAMES, NEET, NOT_IN_TOUCH, SURNAMES
from csc.generate.workcal import add_months, birthday, month_end
from csc.generate.world import World

D = timedelta


def care_leaver(w: World, ch: Child, start: date, end: date, ref_id: int) -> None:
    """The care-leaver months of `ch`, looked after from `start` to `end`. A care-leaver row keeps the
    journey in the extract, however long ago the period of care ended."""
    rng, p = w.rng, w.p
    sixteen = birthday(ch.dob, 16)
    eighteen = birthday(ch.dob, 18)
    last = birthday(ch.dob, 22 if rng.random() > p.p_cl_to_25 else 25) - D(days=1)
    m = month_end(max(sixteen, start, w.period_start))
    tid, _ = w.staff.team("Leaving Care", None)
    _, pa_worker = w.staff.team("Leaving Care", None)
    if end < last:
        w.staff.involvement(
            ch, "Leaving Care", end, min(last, birthday(ch.dob, 21)), ref_id, "Personal adviser", "Left the service"
        )
    eet = rng.random() < p.p_cl_eet
    suitable = rng.random() < p.p_cl_suitable
    in_touch = rng.random() < p.p_cl_in_touch
    review = sixteen + D(days=rng.randint(0, 120))
    activity = rng.choice(EET if eet else NEET)
    letter = rng.choice(ACCOM_LETTERS)
    while m <= min(last, w.extract):
        if m < sixteen:
            m = month_end(add_months(m, 1))
            continue
        if rng.random() < p.p_cl_activity_change:
            eet = rng.random() < p.p_cl_eet
            activity = rng.choice(EET if eet else NEET)
        if rng.random() < p.p_cl_accom_change:
            suitable = rng.random() < p.p_cl_suitable
            letter = rng.choice(ACCOM_LETTERS)
        if rng.random() < p.p_cl_touch_change:
            in_touch = rng.random() < p.p_cl_in_touch
        while add_months(review, 6) <= m:
            review = add_months(review, 6) + D(
                days=rng.randint(-20, 20) if rng.random() < p.p_cl_review_on_time else rng.randint(30, 120)
            )
        in_care = m < end
        elig = "eligible" if in_care else ("relevant" if m < eighteen else "former_relevant")
        touch = "YES" if in_touch else rng.choice(NOT_IN_TOUCH)
        w.out.emit(
            "ssd_care_leavers",
            {
                "clea_table_id": w.ids.next("ssd_care_leavers"),
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
            keeps_journey=True,
        )
        m = month_end(add_months(m, 1))
