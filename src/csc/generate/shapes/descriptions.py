"""Every value a real SSD extract writes in place of a 903 / CIN code, in one place.

Sources (data-to-insight/ssd-data-model, mirrored at commit 4987c73), never this project's seeds, so that
tests check the warehouse maps what real systems write:

- `data/categories__future_release/legal_status.yml` and `category_of_abuse.yml` (SSD code sets);
- `data/objects/ssd_cla_episodes.yml` (903 RNE / REC code sets, in the clae_* guidance),
  `ssd_care_leavers.yml` (903 OC3 ACCOM / ACTIV, eligibility, suitability), `ssd_cla_reviews.yml` (903
  REVIEW_CODE PN0-PN7), `ssd_cp_plans.yml` ("Multiple: [List of relevant categories]");
- the extract scripts' own literals, cited where used;
- `docs/data_standards.md` section 3.1 (CIN census category-of-abuse codes).

The capitalisation is the source's. A Liquidlogic `_DESC` lookup is the council's configured description of
the code; the 903 guidance wording is the closest public source of what it holds.
"""

from __future__ import annotations

# 903 LS, legal_status.yml (SystemC writes DIM_LOOKUP_LGL_STATUS_DESC)
LEGAL_STATUS = {
    "C1": "Interim care order",
    "C2": "Full care order",
    "D1": "Freeing order granted",
    "E1": "Placement order granted",
    "V2": "Single period of accommodation under section 20 (Children Act 1989)",
    "V3": "Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded",
    "V4": "Accommodated under an agreed series of short-term breaks, when agreements are recorded "
    "(NOT individual episodes of care)",
    "L1": "Under police protection and in local authority accommodation",
    "L2": "Emergency protection order (EPO)",
    "L3": "Under child assessment order and in local authority accommodation",
    "J1": "Remanded to local authority accommodation or to youth detention accommodation",
    "J2": "Placed in local authority accommodation under the Police and Criminal Evidence Act 1984, including secure "
    "accommodation. However, this would not necessarily be accommodation where the child would be detained.",
    "J3": "Sentenced to Youth Rehabilitation Order (Criminal Justice and Immigration Act 2008 as amended by Legal Aid, "
    "Sentencing and Punishment of Offenders Act (LASPOA) 2012 with residence or intensive fostering requirement)",
}

# 903 RNE, ssd_cla_episodes.yml clae_cla_episode_start_reason (SystemC writes CARE_REASON_DESC)
EPISODE_START_REASON = {
    "S": "Started to be looked after",
    "L": "Change of legal status only",
    "P": "Change of placement and carer(s) only",
    "T": "Change of placement (but same carer(s)) only",
    "B": "Change of legal status and placement and carer(s) at the same time",
    "U": "Change of legal status and change of placement (but same carer(s)) at the same time",
}

# 903 REC, ssd_cla_episodes.yml clae_cla_episode_ceased_reason (SystemC writes CARE_REASON_END_DESC)
EPISODE_CEASED_REASON = {
    "X1": "Episode ceases, and new episode begins on same day, for any reason",
    "E11": "Adopted - application for an adoption order unopposed",
    "E12": "Adopted – consent dispensed with by the court",
    "E2": "Died",
    "E3": "Care taken over by another local authority in the UK",
    "E4A": "Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility as "
    "part of the care planning process (not under a special guardianship order or residence order/ child arrangement "
    "order).",
    "E4B": "Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility which "
    "was not part of the current care planning process (not under a special guardianship order or residence order or "
    "(from 22 April 2014) a child arrangement order).",
    "E13": "Left care to live with parent(s), relative(s), or other person(s) with no parental responsibility.",
    "E41": "Residence order/ child arrangement order which sets out with whom the child is to live) granted",
    "E45": "Special guardianship order made to former foster carer(s), who was/are a relative(s) or friend(s)",
    "E46": "Special guardianship order made to former foster carer(s), other than relative(s) or friend(s)",
    "E47": "Special guardianship order made to carer(s), other than former foster carer(s), who was/are a relative(s) "
    "or friend(s)",
    "E48": "Special guardianship order made to carer(s), other than former foster carer(s), other than relative(s) or "
    "friend(s)",
    "E5": "Moved into independent living arrangement and no longer looked-after: supportive accommodation providing "
    "formalised advice/support arrangements (such as most hostels, young men’s Christian association, foyers, staying "
    "close and care leavers projects). Includes both children leaving care before and at age 18",
    "E6": "Moved into independent living arrangement and no longer looked-after: accommodation providing no formalised "
    "advice/support arrangements (such as bedsit, own flat, living with friend(s)). Includes both children leaving "
    "care before and at age 18",
    "E7": "Transferred to residential care funded by adult social care services",
    "E9": "Sentenced to custody",
    "E14": "Accommodation on remand ended",
    "E15": "Age assessment determined child is aged 18 or over and E5, E6 and E7 do not apply, such as an "
    "unaccompanied asylum-seeking child (UASC) whose age has been disputed",
    "E16": "Child moved abroad",
    "E17": "Aged 18 (or over) and remained with current carers (inc under staying put arrangements)",
    "E8": "Period of being looked-after ceased for any other reason (where none of the other reasons apply)",
}

# 903 OC3 ACTIV, ssd_care_leavers.yml clea_care_leaver_activity (SystemC writes DIM_LOOKUP_MAIN_ACTIVITY_DESC).
# '0' (no information) has no description: SystemC has no lookup row for it, so it is written as NULL.
CARE_LEAVER_ACTIVITY = {
    "F1": "Young person engaged full time in higher education (for example studies beyond A level)",
    "P1": "Young person engaged part time in higher education (for example studies beyond A level)",
    "F2": "Young person engaged full time in education other than higher education",
    "P2": "Young person engaged part time in education other than higher education",
    "F4": "Young person engaged full time in an apprenticeship",
    "P4": "Young person engaged part time in an apprenticeship",
    "F5": "Young person engaged full time in training or employment (not apprenticeship)",
    "P5": "Young person engaged part time in training or employment (not apprenticeship)",
    "G4": "Young person not in education, employment or training because of illness or disability",
    "G5": "Young person not in education, employment or training: other circumstances",
    "G6": "Young person not in education, employment or training due to pregnancy or parenting",
}

# 903 OC3 ACCOM type letter, ssd_care_leavers.yml clea_care_leaver_accommodation (SystemC writes
# DIM_LOOKUP_ACCOMMODATION_CODE_DESC; the suitability digit goes to its own column). '0' has no description.
CARE_LEAVER_ACCOMMODATION = {
    "B": "With parent(s) or relative(s)",
    "C": "Community home or other form of residential care such as an National Health Service (NHS) establishment",
    "D": "Semi-independent, transitional accommodation (like a supported hostel, trainer flats); self-contained "
    "accommodation with specialist personal assistance support (for example, for young people with disabilities, "
    "pregnant young women and single parents); and self-contained accommodation with floating support",
    "E": "Supported lodgings (accommodation, usually in a family home, where adult(s) in the “host family” provide "
    "formal advice and support)",
    "G": "Gone abroad",
    "H": "Deported",
    "K": "Ordinary lodgings, without formal support",
    "R": "Residence not known",
    "S": "No fixed abode / homeless",
    "T": "Foyers and similar supported accommodation which combines the accommodation with opportunities for "
    "education, training or employment",
    "U": "Independent living, for example independent tenancy of flat, house or bedsit, including local authority or "
    "housing association tenancy, or accommodation provided by a college or university. Includes flat sharing",
    "V": "Emergency accommodation (like a night shelter, direct access or emergency hostel)",
    "W": "Bed and breakfast",
    "X": "In custody",
    "Y": "Other accommodation",
    "Z": "With former foster carer(s)",
}

# ssd_care_leavers.yml clea_care_leaver_accom_suitable code set 1/2 (SystemC writes the _DESC);
# keyed by the canonical flag
ACCOM_SUITABLE = {
    "Y": "Accommodation is considered suitable",
    "N": "Accommodation is considered unsuitable",
}

# ssd_care_leavers.yml clea_care_leaver_eligibility code set; keyed by the canonical value. The SystemC
# script writes 'No Current Eligibility' when DIM_LOOKUP_ELIGIBILITY_STATUS_DESC is NULL.
ELIGIBILITY_SPEC = {
    "relevant": "Relevant",
    "former_relevant": "Former Relevant",
    "eligible": "Eligible",
    "qualifying": "Qualifying",
    None: "No Current Eligibility",
}

# Mosaic: deployment_extracts/mosaic/live/ssd_deployment_individual_files/populate_ssd_data_warehouse.sql,
# ##populate_ssd_care_leavers (#care_leavers_tmp.eligibility literals)
ELIGIBILITY_MOSAIC = {
    "relevant": "a) Relevant child",
    "former_relevant": "b) Former relevant child",
    "qualifying": "c) Qualifying care leaver",
    "eligible": "d) Eligible",
}

# category_of_abuse.yml; the multiple category per ssd_cp_plans.yml "Multiple: [List of relevant categories]"
CP_CATEGORY = ("Neglect", "Emotional Abuse", "Physical Abuse", "Sexual Abuse")
CP_MULTIPLE_PREFIX = "Multiple: "
# which categories a "Multiple" plan lists (the canonical extract says only "Multiple"; one pair is chosen per plan)
CP_MULTIPLE_LISTS = (
    "Neglect, Emotional Abuse",
    "Neglect, Physical Abuse",
    "Emotional Abuse, Physical Abuse",
    "Neglect, Sexual Abuse",
    "Physical Abuse, Sexual Abuse",
)
# CIN census category-of-abuse codes (docs/data_standards.md 3.1), as Mosaic writes them
# (CIN_ABUSE_CATEGORY_CODE, 'MUL')
CP_CATEGORY_CIN = {
    "Neglect": "NEG",
    "Emotional Abuse": "EMO",
    "Physical Abuse": "PHY",
    "Sexual Abuse": "SAB",
    "Multiple": "MUL",
}

# Health check types, keyed by the canonical type:
# SystemC DIM_LOOKUP_EVENT_TYPE_DESC as the SSD spec gives it (ssd_cla_health.yml "e.g. Health Assessment, Dental
# Check"; D2I's AnnexA script admin/tools-ssd_dfe_returns matches these literals)
HEALTH_CHECK_SYSTEMC = {"HEALTH": "Health Assessment", "DENTAL": "Dental Check"}
# Mosaic populate_ssd_data_warehouse.sql ##populate_ssd_cla_health literals (also 'Health Check')
HEALTH_CHECK_MOSAIC = {"HEALTH": "Health Assessment", "DENTAL": "Dental Check"}
# Mosaic builds the check id from a prefix, the person and the check ('DT' / 'HA' + ids)
HEALTH_CHECK_ID_PREFIX_MOSAIC = {"HEALTH": "HA", "DENTAL": "DT"}
# Eclipse deployment_extracts/eclipse/live/ssd_deployment_individual_files/ssd_cla_health.sql
# ('Health check', 'Dental Check' after its CASE, 'Optician check'); status is the form's instancestate
HEALTH_CHECK_ECLIPSE = {"HEALTH": "Health check", "DENTAL": "Dental Check"}
HEALTH_CHECK_STATUS_ECLIPSE = "COMPLETE"

# 903 REVIEW_CODE, ssd_cla_reviews.yml (SystemC writes DIM_LOOKUP_PARTICIPATION_CODE_DESC)
PARTICIPATION = {
    "PN0": "Child aged under 4 at the time of the review",
    "PN1": "Child physically attends and speaks for him or herself (Attendance).",
    "PN2": "Child physically attends and an advocate speaks on his or her behalf. (Attendance views represented by "
    "advocate or Independent Reviewing Officer (IRO))",
    "PN3": "Child attends and conveys his or her view symbolically (non-verbally) (Attendance symbols)",
    "PN4": "Child physically attends but does not speak for him or herself, does not convey his or her view "
    "symbolically (non-verbally) and does not ask an advocate to speak for him or her (Attendance without "
    "contribution)",
    "PN5": "Child does not attend physically but briefs an advocate to speak for him or her (Views represented by "
    "advocate or independent reviewing officer (IRO) through texting, written format, phone, audio/video, viewpoint)",
    "PN6": "Child does not attend but conveys his or her feelings to the review by a facilitative medium (Texting the "
    "chair, written format, phone, audio/video, viewpoint)",
    "PN7": "Child does not attend nor are his or her views conveyed to the review",
}

# SystemC v1.4.5 ssd_permanence perm_permanence_order_type CASE literals, keyed by the canonical type
PERMANENCE_ORDER_TYPE_SYSTEMC = {
    "Adoption order": "Adoption",
    "Special guardianship order": "Special Guardianship Order",
    "Child arrangements order": "Child Arrangements/ Residence Order",
}

# SystemC v1.4.5 ssd_involvements: DIM_LOOKUP_INVOLVEMENT_TYPE_CODE ('CW' allocated case worker, '16PLUS'
# personal adviser: the codes the script's care-leaver CTE filters on); keyed by the canonical role
INVOLVEMENT_TYPE_SYSTEMC = {"Allocated social worker": "CW", "Personal adviser": "16PLUS"}

# Mosaic outcome "JSON": the comma-joined DESCRIPTIONs of the next actions (dm_workflow_nxt_action_types),
# which each council configures. All but "assessment" are literals the populate script itself lists for a
# Mosaic council (@nfa_next_actions, @further_sw_intervention_next_actions, early help and S47 step types);
# "assessment" is a generic step name with no source (see the report).
MOSAIC_NEXT_ACTION = {
    "assessment": "Continuous Assessment",
    "closure": "Closure Record",
    "early_help": "Early Help Referral Decision (EH)",
    "step_down": "Step down to Early Help (EH)",
    "strategy": "Strategy discussion (CSSW)",
    "icpc": "Initial CP Conference",
    "cin_plan": "Develop or update child or young person in need plan",
    "cp_plan": "Ongoing CP Investigation / Plan",
}

# SystemC cppr_cp_review_quorate is the answer to the conference form's 'WasConf' question (v1.4.5 lines
# 3712-3714), keyed by the canonical flag. The answer's wording is not in the repository: "Yes"/"No" assumed.
QUORATE_ANSWER_SYSTEMC = {"Y": "Yes", "N": "No"}

# SystemC dept_team_parent_name is DIM_DEPARTMENT.DEPT_TYPE_DESCRIPTION (v1.4.5 line 6069), a department type.
# The type names are not in the repository: "Service" (a locality) and "Team" assumed.
DEPT_TYPE_SYSTEMC = {"locality": "Service", "team": "Team"}

# Mosaic pers_sex is reference_data.ref_description of the GENDER domain (##populate_ssd_person); the
# descriptions are not in the repository: "Male" / "Female" / "Unknown" assumed. Keyed by the canonical code.
SEX_MOSAIC = {"M": "Male", "F": "Female", "U": "Unknown"}

# Eclipse pers_gender (ssd_person.sql CASE): the SSD's gender code set (ssd_person.yml: 00 not known, 01 man/boy/
# male, 02 woman/girl/female, 09 self-described), keyed by the canonical gender text; anything else is '09'.
GENDER_ECLIPSE = {"Male": "01", "Female": "02", "Not stated": "00", None: "00"}
