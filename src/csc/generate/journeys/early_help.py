"""Early help: episodes of family support below the social-care threshold, standalone (with repeat episodes
within a year) or as the step-down of a closed referral."""

from __future__ import annotations

from datetime import date, timedelta

from csc.generate.entities import Child
from csc.generate.rand import lognormal_days
from csc.generate.reference import EH_END_REASONS, EH_ORGS, EH_REASONS
from csc.generate.workcal import age_at
from csc.generate.world import World

D = timedelta


def _standalone_child(w: World, d: date) -> Child:
    """The child of a standalone episode: a repeat of an episode started in the last year, or a new child."""
    rng = w.rng
    while w.recent_eh and (d - w.recent_eh[0][0]).days > 365:
        w.recent_eh.popleft()
    if w.recent_eh and rng.random() < w.p.p_eh_repeat:
        _, pid = w.recent_eh[rng.randrange(len(w.recent_eh))]
        ch = w.children[pid]
        if ch.last_eh is None or not (1 <= (d - ch.last_eh).days <= 365) or age_at(ch.dob, d) >= 18:
            ch = w.new_child(d)
        return ch
    return w.new_child(d)


def episode(w: World, d: date, ch: Child | None) -> None:
    """An early help episode from `d`: of `ch` (a step-down, part of the referral's journey), or, when `ch` is
    None, a journey of its own. Nothing happens before the simulation's main start."""
    rng = w.rng
    standalone = ch is None
    if d < w.sim_start:
        return
    if ch is None:
        ch = _standalone_child(w, d)
    end = d + D(days=lognormal_days(rng, w.p.eh_median_days, 0.5, 14, 900))
    _, wid = w.staff.team("Early Help", ch)
    w.out.emit(
        "ssd_early_help_episodes",
        {
            "earl_episode_id": w.ids.next("ssd_early_help_episodes"),
            "earl_person_id": ch.pid,
            "earl_episode_start_date": d,
            "earl_episode_end_date": end,
            "earl_episode_reason": rng.choice(EH_REASONS),
            "earl_episode_end_reason": rng.choice(EH_END_REASONS),
            "earl_episode_organisation": rng.choice(EH_ORGS),
            "earl_episode_worker_id": wid,
        },
    )
    ch.last_eh = d
    w.recent_eh.append((d, ch.pid))
    if standalone:
        w.out.commit(end >= w.period_start)
