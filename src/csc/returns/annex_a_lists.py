"""Ofsted's Annex A lists: each sheet's Ofsted headers, the return model that fills it, and the inspection window
that selects its rows for an as-at date (docs/annex_a.md)."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

AGE = "<age>"  # a column computed at writing: the child's age in whole years on the as-at date
BLANK = None  # a column the SSD does not hold: written blank (docs/annex_a.md says why for each)

WindowKind = Literal["dated", "open", "month_end"]


@dataclass(frozen=True)
class Window:
    """Which rows of a list's model fall in the inspection window of an as-at date.

    dated: `start` lies in the window; open: the item started (`start`) on or before the as-at date and did not
    end (the first of `end` that is not blank) before the window's first day; month_end: the rows of the latest
    month end (`start`) on or before the as-at date."""

    months: int
    kind: WindowKind
    start: str
    end: tuple[str, ...] = ()


@dataclass(frozen=True)
class Latest:
    """A column whose value depends on the as-at date: the latest date of the model's list column `dates` on or
    before it; with `among`, instead Yes when that date is also in the list column `among`, No when not (blank
    without a date)."""

    dates: str
    among: str | None = None


Source = str | Latest | None  # a model column, AGE, a Latest, or BLANK


@dataclass(frozen=True)
class AnnexAList:
    number: int
    sheet: str
    model: str  # returns.<model>: one row per council and item, every item with its dates
    window: Window
    columns: tuple[tuple[str, Source], ...]  # (Ofsted header, model column | AGE | Latest | BLANK), Ofsted's order
    order_by: tuple[str, ...]


COMMON: tuple[tuple[str, Source], ...] = (
    ("Child Unique ID", "child"),
    ("Gender", "gender"),
    ("Ethnicity", "ethnicity"),
    ("Date of Birth", "date_of_birth"),
    ("Age of Child (Years)", AGE),
)

ANNEX_A_LISTS: tuple[AnnexAList, ...] = (
    AnnexAList(
        1,
        "List 1 Contacts",
        "annex_a_list_01_contacts",
        Window(6, "dated", "contact_date"),
        (*COMMON, ("Date of Contact", "contact_date"), ("Contact Source", "contact_source_code")),
        ("contact_date", "child", "contact_id"),
    ),
    AnnexAList(
        2,
        "List 2 Early Help",
        "annex_a_list_02_early_help",
        Window(6, "open", "episode_start_date", ("episode_end_date",)),
        (
            *COMMON,
            ("Assessment start date", "episode_start_date"),
            ("Assessment completion date", "episode_end_date"),
            ("Organisation completing assessment", "episode_organisation"),
        ),
        ("episode_start_date", "child", "early_help_episode_id"),
    ),
    AnnexAList(
        3,
        "List 3 Referrals",
        "annex_a_list_03_referrals",
        Window(6, "dated", "referral_date"),
        (
            *COMMON,
            ("Date of Referral", "referral_date"),
            ("Referral Source", "referral_source_code"),
            ("Referral NFA?", "is_referral_nfa"),
            ("Number of Referrals in Last 12 Months", "referrals_in_12_months"),
            ("Allocated Team", "allocated_team"),
            ("Allocated Worker", BLANK),
        ),
        ("referral_date", "child", "referral_id"),
    ),
    AnnexAList(
        4,
        "List 4 Assessments",
        "annex_a_list_04_assessments",
        Window(6, "open", "assessment_start_date", ("assessment_auth_date",)),
        (
            *COMMON,
            ("Disability", "has_disability"),
            ("Continuous Assessment Start Date", "assessment_start_date"),
            ("Child Seen During Continuous Assessment", "is_child_seen"),
            ("Continuous Assessment Date of Authorisation", "assessment_auth_date"),
            ("Was the child assessed as requiring LA children's social care support?", "is_support_required"),
            ("Allocated Team", "allocated_team"),
            ("Allocated Worker", BLANK),
        ),
        ("assessment_start_date", "child", "assessment_id"),
    ),
    AnnexAList(
        5,
        "List 5 Section 47",
        "annex_a_list_05_section47",
        Window(6, "dated", "s47_start_date"),
        (
            *COMMON,
            ("Strategy discussion initiating Section 47 Enquiry Start Date", "s47_start_date"),
            ("Was an ICPC deemed unnecessary?", "is_icpc_not_required"),
            ("Date of ICPC", "icpc_date"),
            ("Did the ICPC result in a Child Protection Plan?", "is_icpc_cp_plan"),
            ("Number of Section 47 Enquiries in the last 12 months", "enquiries_in_12_months"),
            ("Number of ICPCs in the last 12 months", "conferences_in_12_months"),
            ("Allocated Team", "allocated_team"),
            ("Allocated Worker", BLANK),
        ),
        ("s47_start_date", "child", "s47_enquiry_id"),
    ),
    AnnexAList(
        6,
        "List 6 Children in Need",
        "annex_a_list_06_children_in_need",
        Window(12, "open", "cin_start_date", ("cin_closure_date",)),
        (
            *COMMON,
            ("CIN Start Date", "cin_start_date"),
            ("Primary Need Code", "primary_need_code"),
            ("Date Child Was Last Seen", BLANK),
            ("CIN Closure Date", "cin_closure_date"),
            ("Reason for Closure", "close_reason"),
            ("Case Status", BLANK),
            ("Allocated Team", BLANK),
            ("Allocated Worker", BLANK),
        ),
        ("cin_start_date", "child", "referral_id"),
    ),
    AnnexAList(
        7,
        "List 7 Child Protection",
        "annex_a_list_07_child_protection",
        Window(12, "open", "cp_plan_start_date", ("cp_plan_end_date",)),
        (
            *COMMON,
            ("Child Protection Plan Start Date", "cp_plan_start_date"),
            ("Initial Category of Abuse", "initial_category_code"),
            ("Latest Category of Abuse", "latest_category_code"),
            ("Date of the Last Statutory Visit", Latest("visit_dates")),
            ("Was the Child Seen Alone?", Latest("visit_dates", among="seen_alone_visit_dates")),
            ("Date of latest review conference", Latest("review_dates")),
            ("Child Protection Plan End Date", "cp_plan_end_date"),
            ("Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months", BLANK),
            ("Number of Previous Child Protection Plans", "earlier_plan_count"),
            ("Allocated Team", BLANK),
            ("Allocated Worker", BLANK),
        ),
        ("cp_plan_start_date", "child", "cp_plan_id"),
    ),
    AnnexAList(
        8,
        "List 8 Children Looked After",
        "annex_a_list_08_looked_after",
        Window(12, "open", "period_start_date", ("period_end_date",)),
        (
            *COMMON,
            ("Date Started to be Looked After", "period_start_date"),
            ("Child's Category of Need", "primary_need_code"),
            (
                "Second or Subsequent Period of Being Looked After Within Last 12 Months",
                "is_second_period_within_12_months",
            ),
            ("Start Date of Current Legal Status", BLANK),
            ("Legal Status", BLANK),
            ("Date of Latest Statutory Review", Latest("review_dates")),
            ("Date of Last Social Work Visit", Latest("visit_dates")),
            ("Permanence Plan", BLANK),
            ("Date of Last IRO Visit", BLANK),
            ("Date of Last Health Assessment", BLANK),
            ("Date of Last Dental Check", BLANK),
            ("Number of Placements in the Last 12 Months", BLANK),
            ("Date Ceased to be Looked After", "period_end_date"),
            ("Reason Ceased to be Looked After", "end_reason_code"),
            ("Start Date of Most Recent Placement", "placement_start_date"),
            ("Placement Type", "placement_type_code"),
            ("Placement Provider", "placement_provider_code"),
            ("Placement Postcode", BLANK),
            ("Placement URN", "placement_urn"),
            ("Placement Location", BLANK),
            ("Local Authority of Placement", BLANK),
            ("Number of Missing Episodes in the Last 12 Months", BLANK),
            ("Number of Absence Episodes in the Last 12 Months", BLANK),
            ("Return Interview Offered and Accepted", BLANK),
            ("Allocated Team", BLANK),
            ("Allocated Worker", BLANK),
        ),
        ("period_start_date", "child", "cla_period_id"),
    ),
    AnnexAList(
        9,
        "List 9 Care Leavers",
        "annex_a_list_09_care_leavers",
        Window(12, "month_end", "period_end"),
        (
            *COMMON,
            ("Eligibility Category", "eligibility"),
            ("LA in Touch", "in_touch_code"),
            ("Type of Accommodation", "accommodation_code"),
            ("Suitability of Accommodation", "is_suitably_accommodated"),
            ("Activity Status", "activity_code"),
            ("Allocated Team", "allocated_team"),
            ("Allocated Worker", BLANK),
        ),
        ("child",),
    ),
    AnnexAList(
        10,
        "List 10 Adoption",
        "annex_a_list_10_adoption",
        Window(12, "open", "adm_decision_date", ("adoption_date", "decision_reversed_date")),
        (
            *COMMON,
            ("Family Identifier", BLANK),
            ("Date Entered Care", "entered_care_date"),
            ("Date of Decision that Child Should be Placed for Adoption", "adm_decision_date"),
            ("Date of Placement Order", "placement_order_date"),
            ("Date of Matching Child and Prospective Adopters", "matched_date"),
            ("Date Placed for Adoption", "placed_for_adoption_date"),
            ("Date of Adoption Order", "adoption_date"),
            ("Date of Decision that Child Should No Longer be Placed for Adoption", "decision_reversed_date"),
            ("Reason Why Child No Longer Placed for Adoption", "decision_reversed_reason"),
            (
                "Date the Child was Placed in a Fostering for Adoption or Concurrent Planning Placement",
                "placed_ffa_cp_date",
            ),
        ),
        ("adm_decision_date", "child", "permanence_id"),
    ),
)

# Lists of Ofsted's Annex A the workbook leaves out, and why (the command says so)
NOT_WRITTEN: tuple[tuple[str, str], ...] = (
    ("List 11 Adopters", "the SSD holds no adopters or prospective adopters (only their number, sex and legal status)"),
)


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day when it is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def window_start(as_at: date, months: int) -> date:
    """First day of the `months` months up to and including `as_at` (31 March -> 1 October for six months)."""
    return months_before(as_at, months) + timedelta(days=1)


def latest_month_end(as_at: date) -> date:
    """The last month end on or before `as_at`."""
    if (as_at + timedelta(days=1)).day == 1:
        return as_at
    return as_at.replace(day=1) - timedelta(days=1)


def in_window(window: Window, row: Mapping[str, object], as_at: date) -> bool:
    """Whether a model row falls in the inspection window of `as_at` (rows with no start date never do)."""
    start = row[window.start]
    if not isinstance(start, date):
        return False
    if window.kind == "month_end":
        return start == latest_month_end(as_at)
    first = window_start(as_at, window.months)
    if window.kind == "dated":
        return first <= start <= as_at
    ended = next((row[c] for c in window.end if row[c] is not None), None)
    return start <= as_at and (not isinstance(ended, date) or ended >= first)


def age_on(birth: object, as_at: date) -> int | None:
    """Whole years from `birth` to `as_at`; None without a birth date or for a child not yet born."""
    if not isinstance(birth, date) or birth > as_at:
        return None
    return as_at.year - birth.year - ((as_at.month, as_at.day) < (birth.month, birth.day))


def latest_on(dates: object, as_at: date) -> date | None:
    """The latest of a list of dates on or before `as_at` (None when there is none)."""
    if not isinstance(dates, list):
        return None
    earlier = [d for d in dates if isinstance(d, date) and d <= as_at]
    return max(earlier, default=None)


def latest_value(source: Latest, row: Mapping[str, object], as_at: date) -> date | bool | None:
    """A Latest column's value in a row at `as_at`."""
    latest = latest_on(row[source.dates], as_at)
    if source.among is None or latest is None:
        return latest
    among = row[source.among]
    return isinstance(among, list) and latest in among
