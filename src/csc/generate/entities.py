"""The typed things the journeys pass between them: the children the simulation meets, the outcome of each
step a later step depends on, and the plans a period of care is written from. Rows written to the extract stay
dicts keyed by contract column (`output.Row`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple


@dataclass
class Child:
    """A child the simulation has met, with what later journeys look back at."""

    pid: int
    dob: date
    locality: int  # index into the profile's localities
    open_until: date | None = None  # end of the latest episode of need (None: still open or never referred)
    last_referral: date | None = None
    cp_plans: int = 0  # CP plans so far (repeat plans come from children with one)
    last_eh: date | None = None  # start of the latest early help episode
    known: bool = False  # known to the service (repeat contacts are drawn from these)
    looked_after: bool = False  # has had a period of care (the 903 return needs a known sex)


@dataclass(frozen=True)
class EpisodeClose:
    """How an episode of need (a referral) ends."""

    close: date
    reason: str  # CIN closure reason (RC code)
    assessed: date | None = None  # the day its assessment ended (None: not assessed)


@dataclass(frozen=True)
class ProtectionOutcome:
    """What an S47 enquiry, or a conference, leads to."""

    plan_end: date | None = None  # end of the CP plan (None: no plan)
    to_care: date | None = None  # the day the child comes into care (None: does not)
    enquiry_end: date | None = None  # the day the enquiry and its conference were over (None: no enquiry)


class LegalSpell(NamedTuple):
    """A 903 legal status from `start` (to the next spell's start, or the end of the period of care)."""

    start: date
    status: str


class Placement(NamedTuple):
    """A placement from `start` (to the next placement's start, or the end of the period of care)."""

    start: date
    ptype: str  # 903 placement type
    provider: str  # 903 placement provider


@dataclass(frozen=True)
class Permanence:
    """The permanence a period of care ends in (ssd_permanence): an adoption (with its steps), a special
    guardianship order or a child arrangements order."""

    order_date: date  # the permanence order: the period's planned end
    order_type: str
    decision: date | None = None  # agency decision: should be placed for adoption
    placement_order: date | None = None
    matched: date | None = None
    placed: date | None = None  # placed for adoption
    by_carer: bool = False  # adopted by the child's foster carer
    foster_start: date | None = None  # placed with that foster carer (the first placement)


@dataclass(frozen=True)
class CareExit:
    """How a period of care is planned to end, before the 18th birthday cuts it short."""

    end: date
    reason: str  # 903 reason episode ceased
    permanence: Permanence | None = None


@dataclass(frozen=True)
class CarePeriod:
    """A simulated period of care: its first and last day, the 903 reason it ceased, and the closure reason
    (RC code) it gives the episode of need it belongs to."""

    start: date
    end: date
    reason: str
    cin_close_reason: str


@dataclass(frozen=True)
class Team:
    team_id: int
    workers: tuple[int, ...]  # professional ids


@dataclass(frozen=True)
class Professional:
    """A worker of a team (ssd_professionals)."""

    professional_id: int
    name: str
    registration_no: str
    job_title: str
    department: str
    fte: float
    agency: bool

    def row(self) -> dict[str, object]:
        return {
            "prof_professional_id": self.professional_id,
            "prof_staff_id": f"S{self.professional_id:07d}",
            "prof_professional_name": self.name,
            "prof_social_worker_registration_no": self.registration_no,
            "prof_professional_job_title": self.job_title,
            "prof_professional_caseload": None,
            "prof_professional_department": self.department,
            "prof_full_time_equivalency": self.fte,
            "prof_agency_worker_flag": "Y" if self.agency else "N",
        }
