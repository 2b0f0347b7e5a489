"""Outcome JSON as the SSD writes it (keys from data-to-insight/ssd-data-model data/objects/ssd_contacts.yml,
ssd_cin_episodes.yml, ssd_cin_assessments.yml, ssd_s47_enquiry.yml, ssd_initial_cp_conference.yml, in the order
of the SystemC v1.4.5 script): every key present, "" when not recorded, a count of outcomes and the case worker's
free-text comments (COMMENTS; OUTCOME_COMMENTS for S47), which must never reach the warehouse."""

from __future__ import annotations

import json
import random

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
OUTCOME_COMMENTS = (
    "Discussed with team manager, no further concerns at this time.",
    'Mum said "we are fine" and declined support, school to monitor.',
    "Advice given to caller; GP and school informed.",
    "Strategy discussion held with police, health and education.",
    "Child's views recorded. Family agreed to a plan of support.",
    "Threshold not met.\nSignposted to the family hub, 0-19 service notified.",
    'Worker noted "home conditions poor" on the visit, follow up in 10 days.',
)


def outcome_json(layout: str, flags: dict[str, str | None], count: int | None, comment: str = "") -> str:
    """An outcome JSON value with the SSD's keys (see OUTCOME_LAYOUT)."""
    keys, count_key, comment_key = OUTCOME_LAYOUT[layout]
    out: dict[str, str | int | None] = {k: flags.get(k) or "" for k in keys}
    out[count_key] = count
    out[comment_key] = comment
    return json.dumps(out)


def comment(text_rng: random.Random, p_comment: float) -> str:
    """Free text typed into an outcome's comments (a share `p_comment` of outcomes). It draws from the text
    stream only, so that free text never moves a draw of the journeys' stream."""
    return text_rng.choice(OUTCOME_COMMENTS) if text_rng.random() < p_comment else ""
