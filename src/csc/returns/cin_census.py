"""`csc returns cin`: the CIN census XML of one council and census year, from the cin_census_* return models.

Element names and order follow the DfE's CIN census schema (docs/returns.md section 6): an empty optional item is
left out, dates are yyyy-mm-dd and yes/no items true / false."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb

from csc.returns.identifiers import upns
from csc.returns.ssda903 import ReturnError, covered_years, extract_date

SOFTWARE_CODE = "csc-warehouse"
RELEASE = "1"
SERIAL_NO = "001"  # the schema's serialnotype: three digits or more

Value = str | int | bool | date | list[str] | None


@dataclass(frozen=True)
class CinCensusResult:
    la_code: str
    collection_year: int
    path: Path
    children: int
    cin_details: int
    with_identifiers: bool


def format_value(value: Value) -> str | None:
    """A value as the CIN census XML holds it: dates yyyy-mm-dd, yes/no true / false; None when blank."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def codes(value: Value) -> list[str]:
    """A list of codes (disabilities, assessment factors) as the model holds it."""
    return [str(code) for code in value] if isinstance(value, list) else []


def add(parent: ET.Element, name: str, value: Value) -> None:
    """Append <name>value</name> to parent, unless the value is blank (every such item is optional)."""
    text = format_value(value)
    if text is not None:
        ET.SubElement(parent, name).text = text


def query(con: duckdb.DuckDBPyConnection, sql: str, la_code: str, year: int) -> list[tuple[Value, ...]]:
    rows: list[tuple[Value, ...]] = con.execute(sql, [la_code, year]).fetchall()
    return rows


def grouped(rows: list[tuple[Value, ...]]) -> dict[Value, list[tuple[Value, ...]]]:
    """Rows keyed by their first column (the parent's id), the key dropped."""
    out: dict[Value, list[tuple[Value, ...]]] = defaultdict(list)
    for row in rows:
        out[row[0]].append(row[1:])
    return out


def header(message: ET.Element, dfe_code: str, year: int) -> None:
    head = ET.SubElement(message, "Header")
    details = ET.SubElement(head, "CollectionDetails")
    add(details, "Collection", "CIN")
    add(details, "Year", year)
    add(details, "ReferenceDate", date(year, 3, 31))
    source = ET.SubElement(head, "Source")
    add(source, "SourceLevel", "L")
    add(source, "LEA", dfe_code)
    add(source, "SoftwareCode", SOFTWARE_CODE)
    add(source, "Release", RELEASE)
    add(source, "SerialNo", SERIAL_NO)
    add(source, "DateTime", datetime.now().replace(microsecond=0).isoformat())


WHERE = "where la_code = ? and collection_year = ?"


def build_message(con: duckdb.DuckDBPyConnection, la_code: str, year: int, identifiers: dict[str, str]) -> ET.Element:
    """The CIN census Message element of `la_code` for the census year ending 31 March `year`."""
    dfe = con.execute("select dfe_code from marts.dim_council where la_code = ?", [la_code]).fetchone()
    message = ET.Element("Message")
    header(message, str(dfe[0]) if dfe else "", year)
    children = query(
        con,
        "select child, upn_unknown_reason, person_birth_date, expected_person_birth_date, sex_item, sex, "
        "person_death_date, "
        f"ethnicity, disability_codes from returns.cin_census_children {WHERE} order by row_number",
        la_code,
        year,
    )
    details = grouped(
        query(
            con,
            "select child, referral_id, referral_date, referral_source_code, primary_need_code, closure_date, "
            f"reason_for_closure, initial_cpc_date, is_referral_nfa from returns.cin_census_cin_details {WHERE} "
            "order by row_number",
            la_code,
            year,
        )
    )
    assessments = grouped(
        query(
            con,
            "select referral_id, assessment_start_date, assessment_authorisation_date, factor_codes "
            f"from returns.cin_census_assessments {WHERE} order by assessment_start_date, assessment_id",
            la_code,
            year,
        )
    )
    cin_plans = grouped(
        query(
            con,
            "select referral_id, cin_plan_start_date, cin_plan_end_date "
            f"from returns.cin_census_cin_plans {WHERE} order by cin_plan_start_date, cin_plan_id",
            la_code,
            year,
        )
    )
    section47 = grouped(
        query(
            con,
            "select referral_id, s47_start_date, initial_cpc_target, initial_cpc_date, is_icpc_not_required "
            f"from returns.cin_census_section47 {WHERE} order by s47_start_date, s47_enquiry_id",
            la_code,
            year,
        )
    )
    cp_plans = grouped(
        query(
            con,
            "select referral_id, cp_plan_id, cp_plan_start_date, cp_plan_end_date, initial_category_code, "
            f"latest_category_code, previous_plans from returns.cin_census_cp_plans {WHERE} "
            "order by cp_plan_start_date, cp_plan_id",
            la_code,
            year,
        )
    )
    reviews = grouped(
        query(
            con,
            f"select cp_plan_id, cp_review_date from returns.cin_census_cp_reviews {WHERE} order by cp_review_date",
            la_code,
            year,
        )
    )
    root = ET.SubElement(message, "Children")
    for child, upn_unknown, dob, expected_dob, sex_item, sex, death, ethnicity, disabilities in children:
        element = ET.SubElement(root, "Child")
        ids = ET.SubElement(element, "ChildIdentifiers")
        add(ids, "LAchildID", child)
        add(ids, "UPN", identifiers.get(str(child)))
        add(ids, "UPNunknown", None if identifiers.get(str(child)) else upn_unknown)
        add(ids, "PersonBirthDate", dob)
        add(ids, "ExpectedPersonBirthDate", expected_dob)
        add(ids, str(sex_item), sex)
        add(ids, "PersonDeathDate", death)
        characteristics = ET.SubElement(element, "ChildCharacteristics")
        add(characteristics, "Ethnicity", ethnicity)
        if codes(disabilities):
            listed = ET.SubElement(characteristics, "Disabilities")
            for code in codes(disabilities):
                add(listed, "Disability", code)
        for referral_id, *episode in details[child]:
            added = cin_details(
                element, episode, assessments[referral_id], cin_plans[referral_id], section47[referral_id]
            )
            for plan_id, *plan in cp_plans[referral_id]:
                cp_plan(added, plan, reviews[plan_id])
    return message


def cin_details(
    child: ET.Element,
    episode: list[Value],
    assessments: list[tuple[Value, ...]],
    cin_plans: list[tuple[Value, ...]],
    section47: list[tuple[Value, ...]],
) -> ET.Element:
    """Append one CINdetails (the episode's items, its assessments, CIN plans and section 47 enquiries)."""
    element = ET.SubElement(child, "CINdetails")
    for name, value in zip(
        ("CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure"),
        episode[:5],
        strict=True,
    ):
        add(element, name, value)
    add(element, "DateOfInitialCPC", episode[5])
    for start, authorised, factors in assessments:
        assessment = ET.SubElement(element, "Assessments")
        add(assessment, "AssessmentActualStartDate", start)
        add(assessment, "AssessmentAuthorisationDate", authorised)
        if codes(factors):
            identified = ET.SubElement(assessment, "FactorsIdentifiedAtAssessment")
            for code in codes(factors):
                add(identified, "AssessmentFactors", code)
    for start, end in cin_plans:
        plan = ET.SubElement(element, "CINPlanDates")
        add(plan, "CINPlanStartDate", start)
        add(plan, "CINPlanEndDate", end)
    for start, target, conference, not_required in section47:
        enquiry = ET.SubElement(element, "Section47")
        add(enquiry, "S47ActualStartDate", start)
        add(enquiry, "InitialCPCtarget", target)
        add(enquiry, "DateOfInitialCPC", conference)
        add(enquiry, "ICPCnotRequired", not_required)
    add(element, "ReferralNFA", episode[6])  # after the Section47 blocks, before ChildProtectionPlans (the XSD)
    return element


def cp_plan(details: ET.Element, plan: list[Value], reviews: list[tuple[Value, ...]]) -> None:
    element = ET.SubElement(details, "ChildProtectionPlans")
    for name, value in zip(
        ("CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP"),
        plan,
        strict=True,
    ):
        add(element, name, value)
    if reviews:
        listed = ET.SubElement(element, "Reviews")
        for (review_date,) in reviews:
            add(listed, "CPPreviewDate", review_date)


def write_cin_census(
    warehouse: Path, la_code: str, year: int, out: Path, landing: Path | None = None
) -> CinCensusResult:
    """Write the CIN census XML of `la_code` for the year ending 31 March `year` to out/<la_code>/cin_census_<year>.xml.
    With `landing`, UPNs are read from the council's landed extract (else UPN is left out)."""
    if not warehouse.is_file():
        raise ReturnError(f"no warehouse at {warehouse}: run `csc build` first")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        years = covered_years(con, la_code)
        if year not in years:
            covered = ", ".join(str(y) for y in years) or "none"
            raise ReturnError(
                f"the extract of {la_code} does not cover the census year ending 31 March {year} in full "
                f"(years covered: {covered})"
            )
        identifiers = upns(landing, la_code, extract_date(con, la_code)) if landing is not None else {}
        message = build_message(con, la_code, year, identifiers)
    folder = out / la_code
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"cin_census_{year}.xml"
    tree = ET.ElementTree(message)
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    children = message.find("Children")
    n_children = len(children) if children is not None else 0
    n_details = len(message.findall("Children/Child/CINdetails"))
    return CinCensusResult(la_code, year, path, n_children, n_details, landing is not None)
