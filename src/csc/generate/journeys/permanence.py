"""Permanence: the adoption and special guardianship tracks of a period of care (their steps and when the
period ends), and the ssd_permanence row of a period that ends in an order."""

from __future__ import annotations

from datetime import date, timedelta

from csc.generate.entities import CareExit, Child, LegalSpell, Permanence
from csc.generate.output import yn
from csc.generate.rand import lognormal_days
from csc.generate.reference import (
    ADOPTER_LEGAL_STATUS,
    ADOPTER_SEX,
    ADOPTION_REASONS,
    SGO_REASONS,
    SINGLE_ADOPTER_SEX,
)
from csc.generate.world import World

D = timedelta
ADOPTION = "Adoption order"
SGO = "Special guardianship order"
CAO = "Child arrangements order"


def adoption(w: World, start: date, legal: list[LegalSpell]) -> CareExit:
    """An adoption track from `start`: decision, placement order, match, placement, then the adoption order
    that ends the period. Adds its legal statuses to `legal`: a care order for a child accommodated under
    section 20 or an emergency protection order, then the placement order (E1)."""
    rng, p = w.rng, w.p
    decision = start + D(days=rng.randint(90, 240))
    order = decision + D(days=rng.randint(30, 150))
    if rng.random() < p.p_match_before_order:
        match = max(order - D(days=rng.randint(1, 60)), decision)  # never before the decision (903 rule 333)
    else:
        match = order + D(days=lognormal_days(rng, p.adoption_match_median_days, 0.6, 10, 700))
    by_carer = rng.random() < p.p_adopted_by_carer
    placed = max(match, order) + D(days=rng.randint(5, 40))
    end = placed + D(days=rng.randint(150, 420))
    reason = rng.choice(ADOPTION_REASONS)
    if legal[-1].status in ("V2", "L2"):
        legal.append(LegalSpell(start + D(days=rng.randint(20, 60)), "C1"))
    legal.append(LegalSpell(order, "E1"))
    permanence = Permanence(
        order_date=end,
        order_type=ADOPTION,
        decision=decision,
        placement_order=order,
        matched=match,
        placed=placed,
        by_carer=by_carer,
        foster_start=start if by_carer else None,  # the first placement is with the carer who adopts
    )
    return CareExit(end, reason, permanence)


def special_guardianship(w: World, start: date) -> CareExit:
    """A special guardianship track: the order ends the period 300-900 days after it starts."""
    rng = w.rng
    end = start + D(days=rng.randint(300, 900))
    reason = rng.choice(SGO_REASONS)
    return CareExit(end, reason, Permanence(order_date=end, order_type=SGO))


def child_arrangements(end: date) -> Permanence:
    """The child arrangements order of a child who returns home on one (reasons E41, E48)."""
    return Permanence(order_date=end, order_type=CAO)


def permanence_row(w: World, ch: Child, cla_id: int, perm: Permanence) -> None:
    rng, p = w.rng, w.p
    placed = perm.placed is not None
    # the draws in the extract's order; the adopters' number and legal status then agree with their sex
    # (903 rules 511 and 514: one adopter is M1 / F1 with legal status L0, a couple is MM / FF / MF)
    sibling = yn(rng.random() < p.p_sibling_group) if placed else None
    sex = rng.choice(ADOPTER_SEX) if placed else None
    legal = rng.choice(ADOPTER_LEGAL_STATUS) if placed else None
    number = (2.0 if rng.random() < p.p_two_adopters else 1.0) if placed else None
    if sex is not None:
        number = 1.0 if sex in SINGLE_ADOPTER_SEX else 2.0
        legal = "L0" if number == 1.0 else ("L11" if legal == "L0" else legal)
        if number == 2.0:  # married (L11) a mixed-sex couple, civil partners (L12) a same-sex one (rules 520, 524)
            if sex == "MF" and legal == "L12":
                legal = "L11"
            elif sex != "MF" and legal == "L11":
                legal = "L12"
    w.out.emit(
        "ssd_permanence",
        {
            "perm_table_id": w.ids.next("ssd_permanence"),
            "perm_person_id": ch.pid,
            "perm_cla_id": cla_id,
            "perm_adm_decision_date": perm.decision,
            "perm_placement_order_date": perm.placement_order,
            "perm_matched_date": perm.matched,
            "perm_placed_for_adoption_date": perm.placed,
            "perm_adopted_by_carer_flag": yn(perm.by_carer),
            "perm_placed_foster_carer_date": perm.foster_start,
            "perm_part_of_sibling_group": sibling,
            "perm_permanence_order_date": perm.order_date,
            "perm_permanence_order_type": perm.order_type,
            "perm_adopter_sex": sex,
            "perm_adopter_legal_status": legal,
            "perm_number_of_adopters": number,
        },
    )
