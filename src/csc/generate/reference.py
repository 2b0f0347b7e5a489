"""Reference lists the simulation draws codes from: names, 903 / CIN census codes with their weights, the
values of free-text-like columns. Weights are relative frequencies (`rand.pick`); a tuple that repeats a value
(e.g. ADOPTION_REASONS) is drawn with `random.choice`, so the repeat is its weight.

Changing a list's contents or order changes the extract (it moves every later draw)."""

from __future__ import annotations

from datetime import date

FORENAMES = ("Alex", "Sam", "Jordan", "Charlie", "Riley", "Jamie", "Casey", "Morgan", "Taylor", "Robin", "Frankie",
             "Ashley", "Harley", "Rowan", "Quinn", "Reese", "Skyler", "Avery")  # fmt: skip
SURNAMES = ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
            "Thompson", "Evans", "Walker", "White", "Roberts", "Green")  # fmt: skip

# ------------------------------------------------------------------ people
SEX = (("M", 51), ("F", 48), ("U", 1))
GENDER = {"M": "Male", "F": "Female", "U": "Not stated"}
ETHNICITY = (("WBRI", 80), ("WOTH", 5), ("MWBC", 2), ("MOTH", 2), ("MWAS", 1), ("APKN", 2), ("AOTH", 1), ("BAFR", 2),
             ("BOTH", 1), ("OOTH", 2), ("WROM", 1), ("NOBT", 1))  # fmt: skip
CHILD_AGE_WEIGHTS = (9, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7, 8, 8, 7, 4)  # age 0-17 of a child first met

# ------------------------------------------------------------------ workforce
FTE_VALUES = (1.0, 0.8, 0.6, 0.5)
FTE_WEIGHTS = (80, 10, 6, 4)
SOCIAL_WORK_TITLES = ("Social Worker", "Senior Social Worker", "Advanced Practitioner")
EARLY_HELP_TITLE = "Family Support Worker"

# ------------------------------------------------------------------ front door
SOURCES = (("6", 33), ("2A", 14), ("2B", 2), ("3A", 3), ("3B", 3), ("3E", 3), ("3F", 4), ("5A", 3), ("5B", 3),
           ("5D", 2), ("1A", 8), ("1C", 2), ("1D", 4), ("9", 3), ("5C", 2), ("4", 3), ("7", 2), ("8", 4),
           ("10", 1))  # fmt: skip
SOURCE_DESC = {
    "6": "Police", "2A": "Schools", "2B": "Education services", "3A": "GP", "3B": "Health visitor", "3E": "A&E",
    "3F": "Other health services", "5A": "Adult social care", "5B": "Other internal", "5D": "Early help",
    "1A": "Family member", "1C": "Self", "1D": "Other individual", "9": "Anonymous", "5C": "Another local authority",
    "4": "Housing", "7": "Other legal agency", "8": "Other", "10": "Unknown",
}  # fmt: skip
CONTACT_LEVEL_REFERRED = (("harm", 45), ("not_sure", 45), ("help", 10))  # level of need of a referred contact
CONTACT_LEVEL_OTHER = (("harm", 18), ("not_sure", 40), ("help", 42))  # of a contact without a referral
CONTACT_DECISION_QUICK_DAYS = (0, 0, 1, 1, 1)  # working days to a decision made within one working day
REFERRAL_LAG_WEIGHTS = (70, 25, 5)  # contact same day, 1-7 days or 8-20 days before the referral
PRIMARY_NEED = (("N1", 55), ("N4", 12), ("N5", 15), ("N2", 4), ("N3", 4), ("N6", 3), ("N8", 3), ("N9", 3),
                ("N0", 1))  # fmt: skip

# ------------------------------------------------------------------ protection
ASSESSMENT_START_DAYS = (0, 0, 0, 1, 2, 3)  # days from referral to the assessment's start
S47_START_DAYS = (0, 0, 1, 1, 2, 3, 5)  # days from referral to the enquiry's start
S47_OUTCOMES = ("substantiated", "substantiated", "not_substantiated")  # of an enquiry without a conference
CP_CATEGORIES = (("Neglect", 50), ("Emotional Abuse", 34), ("Physical Abuse", 8), ("Sexual Abuse", 4), ("Multiple", 4))
CP_REVIEW_PARTICIPATION = ("PN1", "PN4", "PN5", "PN0")

# ------------------------------------------------------------------ early help
EH_REASONS = ("Parenting support", "Domestic abuse", "School attendance", "Emotional wellbeing", "Behaviour",
              "Housing", "Parental mental health", "Substance misuse")  # fmt: skip
# a step-down to universal services ends early help with needs met (Norfolk's E04 groups them)
EH_END_REASONS = ("Needs met", "Stepped down to universal services", "Disengaged", "Stepped up to social care",
                  "Moved away")  # fmt: skip
EH_ORGS = ("Family Support Service", "School", "Health visiting", "Children's centre", "Voluntary sector partner")

# ------------------------------------------------------------------ looked after: routes, tracks, 903 codes
ADMISSION_ROUTES = (("need", 55), ("uasc", 12), ("remand", 3), ("protection", 30))  # admissions not via a CP plan
ADMISSION_AGE_WEIGHTS = (20, 6, 5, 5, 4, 4, 4, 4, 4, 4, 5, 5, 6, 7, 8, 8, 6, 2)  # age 0-17 at such an admission
UASC_AGES = (14, 15, 16, 16, 17)
REMAND_AGES = (14, 15, 16, 17)
ROUTE_NEED_CODE = {"uasc": "N8", "remand": "N6"}  # the referral's primary need (else N1)
# how a period of care ends, by age at entry: adoption, special guardianship, home, care to 18, other
TRACKS_UNDER_5 = (("adoption", 36), ("sgo", 22), ("home", 24), ("to18", 18))
TRACKS_5_TO_11 = (("adoption", 2), ("sgo", 18), ("home", 40), ("to18", 40))
TRACKS_12_PLUS = (("home", 36), ("to18", 58), ("other", 6))
REMAND_STATUSES = ("J1", "J2")
SHORT_BREAK_STATUSES = ("V3", "V4")
SHORT_BREAK_PLACEMENTS = ("K2", "U6", "U6")  # never long-term fostering U1 / U4 (903 rule 384)
# 903 reasons episode ceased, per track
ADOPTION_REASONS = ("E11", "E11", "E12")
SGO_REASONS = ("E45", "E45", "E46")
HOME_REASONS = (("E4A", 45), ("E4B", 5), ("E13", 25), ("E41", 4), ("E48", 4), ("E8", 17))
ORDER_ON_RETURN = ("E41", "E48")  # home reasons with a child arrangements order
OTHER_REASONS = ("E6", "E8", "E3", "E16")
INDEPENDENT_LIVING_REASONS = ("E5", "E6")  # only from 16 (903 rule 387: never under 14); E8 before
TO18_REASONS = (("E17", 20), ("E5", 35), ("E7", 20), ("E8", 23), ("E15", 2))
AT18_REASONS = (("E17", 20), ("E5", 35), ("E7", 25), ("E8", 20))  # a period cut short by the 18th birthday
NOT_CARE_LEAVER_REASONS = ("E11", "E12", "E45", "E46", "E2")  # adopted, special guardianship, died
# CIN closure reason (RC) of an episode of need that ends with the period of care, by reason ceased (else RC7)
CIN_CLOSE_REASON = {"E11": "RC1", "E12": "RC1", "E45": "RC4", "E46": "RC4", "E41": "RC3", "E47": "RC3", "E48": "RC3"}

# placements
PLACEMENT_PROVIDERS_OTHER = ("PR4", "PR4", "PR5", "PR1")
TEMPORARY_PLACEMENTS = ("T0", "T1", "T4")
PLACEMENT_CHANGE_REASONS = ("CARPL", "CARPL", "CREQB", "CREQO", "LAREQ", "CHILD", "PLACE", "STAND", "CLOSE")
URN_PLACEMENTS = ("K1", "K2", "S1")  # placement types with an Ofsted URN
PLACEMENTS_12_TO_15 = (("U6", 30), ("U4", 26), ("U3", 8), ("U1", 4), ("K2", 20), ("P1", 4), ("S1", 3), ("K1", 1),
                       ("Z1", 1))  # fmt: skip
PLACEMENTS_16_PLUS = (("U6", 20), ("U4", 22), ("U3", 5), ("K2", 14), ("H5", 20), ("K3", 8), ("P2", 3), ("R5", 1),
                      ("P1", 4))  # fmt: skip


# the 903 placement codes of 2025/26 (903 rule 146, seeds/ssda903_code_years.csv): H5, P2 and Z1 are retired and
# K3 and Z11-Z14 added; a placement starting before it takes the code in force then
PLACEMENT_CODES_2025_26 = date(2025, 4, 1)
PLACEMENT_CODE_BEFORE_2025_26 = {"K3": "H5", "Z11": "Z1", "Z12": "Z1", "Z13": "Z1", "Z14": "Z1"}
PLACEMENT_CODE_FROM_2025_26 = {"H5": "K3", "P2": "K3", "Z1": "Z14"}
PUBLIC_PLACEMENTS = ("R2", "R5")  # NHS and youth custody: other public provision PR3 (903 rules 527, 528)
ORDER_ONLY_PLACEMENTS = ("P1",)  # placed with parents only under an order, never section 20 V2 (903 rule 378)


def placement_code_in_force(ptype: str, start: date) -> str:
    """The 903 code of placement type `ptype` for a placement starting on `start`."""
    if start < PLACEMENT_CODES_2025_26:
        return PLACEMENT_CODE_BEFORE_2025_26.get(ptype, ptype)
    return PLACEMENT_CODE_FROM_2025_26.get(ptype, ptype)


# the CIN census codes of 2022/23 (seeds/ssda903_code_years.csv, CIN rules 8866 and 8640): referral source 5D
# (early help) and reason for closure RC9 (closed after assessment, referred to early help) are new; before it
# the same events took 5B (other internal) and RC8 (closed after assessment, no further action)
CIN_CODES_2022_23 = date(2022, 4, 1)
CIN_CODE_BEFORE_2022_23 = {"5D": "5B", "RC9": "RC8"}


def cin_code_in_force(code: str, on: date) -> str:
    """The CIN census code for `code` of an event (a referral's source, an episode's closure) on `on`."""
    return CIN_CODE_BEFORE_2022_23.get(code, code) if on < CIN_CODES_2022_23 else code


def placement_types(age: int) -> tuple[tuple[str, int], ...]:
    """903 placement types (with weights) of a child of `age`: mother and baby units at 0, children's homes from 8."""
    if age < 12:
        return (("U6", 40), ("U4", 18), ("U5", 3), ("U3", 12), ("U1", 6), ("P1", 5), ("R3", 2 if age == 0 else 0),
                ("K2", 2 if age >= 8 else 0))  # fmt: skip
    return PLACEMENTS_12_TO_15 if age < 16 else PLACEMENTS_16_PLUS


# reviews, permanence
# PN7: some children neither attend nor convey their views (CLA_REVIEW_PARTICIPATED_PCT_IM)
CLA_REVIEW_PARTICIPATION = ("PN1", "PN7", "PN0", "PN3", "PN5", "PN6")
ADOPTER_SEX = ("MF", "MF", "MF", "F1", "MM", "FF")
SINGLE_ADOPTER_SEX = ("M1", "F1")
ADOPTER_LEGAL_STATUS = ("L11", "L11", "L12", "L2", "L0")

# ------------------------------------------------------------------ care leavers
EET = ("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5")
NEET = ("G4", "G5", "G6")
ACCOM_LETTERS = ("B", "D", "E", "K", "U", "Z", "C", "T")
NOT_IN_TOUCH = ("NO", "REFU", "NO")
