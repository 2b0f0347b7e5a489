"""The CIN census return (docs/returns.md section 6): `csc returns cin` writes the XML of one council and census
year from the cin_census_* models of the small extract's warehouse (built once, shared with test_returns.py)."""

from __future__ import annotations

import csv
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import duckdb
import pytest
import yaml

from csc.cli import main
from csc.config import PROJECT_DIR

YEAR_START, YEAR_END = date(2020, 4, 1), date(2021, 3, 31)

# The DfE CIN census schema's order of each element's children (the CIN census XSD; docs/returns.md section 6)
SPEC_ORDER: dict[str, tuple[str, ...]] = {
    "Message": ("Header", "Children"),
    "Header": ("CollectionDetails", "Source"),
    "CollectionDetails": ("Collection", "Year", "ReferenceDate"),
    "Source": ("SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"),
    "Children": ("Child",),
    "Child": ("ChildIdentifiers", "ChildCharacteristics", "CINdetails"),
    "ChildIdentifiers": (
        "LAchildID",
        "UPN",
        "FormerUPN",
        "UPNunknown",
        "PersonBirthDate",
        "ExpectedPersonBirthDate",
        "GenderCurrent",
        "PersonDeathDate",
    ),
    "ChildCharacteristics": ("Ethnicity", "Disabilities"),
    "Disabilities": ("Disability",),
    "CINdetails": (
        "CINreferralDate",
        "ReferralSource",
        "PrimaryNeedCode",
        "CINclosureDate",
        "ReasonForClosure",
        "DateOfInitialCPC",
        "Assessments",
        "CINPlanDates",
        "Section47",
        "ReferralNFA",
        "ChildProtectionPlans",
    ),
    "Assessments": (
        "AssessmentActualStartDate",
        "AssessmentInternalReviewDate",
        "AssessmentAuthorisationDate",
        "FactorsIdentifiedAtAssessment",
    ),
    "FactorsIdentifiedAtAssessment": ("AssessmentFactors",),
    "CINPlanDates": ("CINPlanStartDate", "CINPlanEndDate"),
    "Section47": ("S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"),
    "ChildProtectionPlans": (
        "CPPstartDate",
        "CPPendDate",
        "InitialCategoryOfAbuse",
        "LatestCategoryOfAbuse",
        "NumberOfPreviousCPP",
        "Reviews",
    ),
    "Reviews": ("CPPreviewDate",),
}
REQUIRED = {
    "ChildIdentifiers": {"LAchildID", "GenderCurrent"},
    "CINdetails": {"CINreferralDate", "ReferralSource", "PrimaryNeedCode", "ReferralNFA"},
    "Assessments": {"AssessmentActualStartDate"},
    "CINPlanDates": {"CINPlanStartDate"},
    "Section47": {"S47ActualStartDate", "ICPCnotRequired"},
    "ChildProtectionPlans": {"CPPstartDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP"},
}
CODES = {  # element -> code list of seeds/code_lists.csv
    "ReferralSource": "referral_source",
    "PrimaryNeedCode": "primary_need",
    "ReasonForClosure": "cin_closure_reason",
    "GenderCurrent": "cin_gender",
    "Ethnicity": "ethnicity",
    "InitialCategoryOfAbuse": "cp_category",
    "LatestCategoryOfAbuse": "cp_category",
}
# dates that can fall only within the census year / only on or before its end
IN_YEAR = {"CINclosureDate", "AssessmentAuthorisationDate", "CINPlanEndDate", "CPPendDate", "CPPreviewDate"}
BY_YEAR_END = {"CINreferralDate", "AssessmentActualStartDate", "CINPlanStartDate", "S47ActualStartDate", "CPPstartDate"}


@pytest.fixture(scope="module")
def written(returns_warehouse, small_landing, tmp_path_factory) -> Path:
    """`csc returns cin` for Norfolk's census year 2020/21, with identifiers."""
    out = tmp_path_factory.mktemp("cin_returns")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CSC_WAREHOUSE", str(returns_warehouse))
        mp.setenv("CSC_LANDING", str(small_landing))
        mp.setenv("CSC_REPORTS", str(out / "reports"))
        assert main(["returns", "cin", "--la", "926", "--year", "2021", "--out", str(out), "--with-identifiers"]) == 0
    return out / "E10000020" / "cin_census_2021.xml"


@pytest.fixture(scope="module")
def message(written) -> ET.Element:
    return ET.parse(written).getroot()


def code_lists() -> dict[str, set[str]]:
    lists: dict[str, set[str]] = {}
    for row in csv.DictReader((PROJECT_DIR / "seeds" / "code_lists.csv").open()):
        lists.setdefault(row["code_list"], set()).add(row["code"])
    return lists


def test_header_names_the_council_and_census_year(message):
    assert message.findtext("Header/CollectionDetails/Collection") == "CIN"
    assert message.findtext("Header/CollectionDetails/Year") == "2021"
    assert message.findtext("Header/CollectionDetails/ReferenceDate") == "2021-03-31"
    assert message.findtext("Header/Source/SourceLevel") == "L"
    assert message.findtext("Header/Source/LEA") == "926"
    assert re.fullmatch(r"\d{3}\d*", message.findtext("Header/Source/SerialNo"))  # the schema's serialnotype


def test_elements_are_named_and_ordered_as_the_schema(message):
    checked = 0
    for element in message.iter():
        names = [child.tag for child in element]
        if not names:
            continue
        order = SPEC_ORDER[element.tag]
        assert set(names) <= set(order), element.tag
        positions = [order.index(n) for n in names]
        assert positions == sorted(positions), (element.tag, names)
        assert REQUIRED.get(element.tag, set()) <= set(names), (element.tag, names)
        checked += 1
    assert checked > 1000


def test_every_child_with_a_cin_episode_open_in_the_year_is_in_and_no_other(message, returns_warehouse):
    with duckdb.connect(str(returns_warehouse), read_only=True) as con:
        open_referrals = con.execute(
            "select person_id, referral_date from staging.stg_ssd__cin_episodes where la_code = 'E10000020' "
            "and referral_date <= ? and (close_date is null or close_date >= ?) order by all",
            [YEAR_END, YEAR_START],
        ).fetchall()
    children = [c.findtext("ChildIdentifiers/LAchildID") for c in message.iterfind("Children/Child")]
    assert len(children) == len(set(children))
    assert set(children) == {person for person, _ in open_referrals}
    written = sorted(
        (c.findtext("ChildIdentifiers/LAchildID"), date.fromisoformat(d.findtext("CINreferralDate") or ""))
        for c in message.iterfind("Children/Child")
        for d in c.iterfind("CINdetails")
    )
    assert written == open_referrals and len(written) > 100
    with duckdb.connect(str(returns_warehouse), read_only=True) as con:
        nfa_referrals = con.execute(
            "select person_id, referral_date from staging.stg_ssd__cin_episodes where la_code = 'E10000020' "
            "and is_referral_nfa and referral_date <= ? and (close_date is null or close_date >= ?) order by all",
            [YEAR_END, YEAR_START],
        ).fetchall()
    assert _nfa_written(message) == nfa_referrals  # the small extract holds NFA referrals in Rotherham's year: below


def _nfa_written(message: ET.Element) -> list[tuple[str | None, date]]:
    return sorted(
        (c.findtext("ChildIdentifiers/LAchildID"), date.fromisoformat(d.findtext("CINreferralDate") or ""))
        for c in message.iterfind("Children/Child")
        for d in c.iterfind("CINdetails")
        if d.findtext("ReferralNFA") == "true"
    )


def test_the_years_nfa_referrals_are_in_the_return(returns_warehouse, small_landing, tmp_path, monkeypatch):
    """An NFA referral of the census year (referred and closed in it) is a CINdetails with ReferralNFA true:
    Rotherham's 2019/20 in the small extract has some."""
    monkeypatch.setenv("CSC_WAREHOUSE", str(returns_warehouse))
    monkeypatch.setenv("CSC_LANDING", str(small_landing))
    monkeypatch.setenv("CSC_REPORTS", str(tmp_path / "reports"))
    assert main(["returns", "cin", "--la", "E08000018", "--year", "2020", "--out", str(tmp_path)]) == 0
    rotherham = ET.parse(tmp_path / "E08000018" / "cin_census_2020.xml").getroot()
    with duckdb.connect(str(returns_warehouse), read_only=True) as con:
        nfa_referrals = con.execute(
            "select person_id, referral_date from staging.stg_ssd__cin_episodes where la_code = 'E08000018' "
            "and is_referral_nfa and referral_date <= ? and (close_date is null or close_date >= ?) order by all",
            [date(2020, 3, 31), date(2019, 4, 1)],
        ).fetchall()
    assert nfa_referrals, "the small extract has NFA referrals in Rotherham's 2019/20"
    assert _nfa_written(rotherham) == nfa_referrals


def test_dates_are_iso_and_within_the_census_year(message):
    dated = 0
    for element in message.iter():
        if len(element) or element.tag == "DateTime":
            continue
        if "Date" not in element.tag and element.tag != "InitialCPCtarget":
            continue
        value = date.fromisoformat(element.text or "")
        assert element.text == value.isoformat()
        if element.tag in IN_YEAR:
            assert YEAR_START <= value <= YEAR_END, (element.tag, value)
        if element.tag in BY_YEAR_END:
            assert value <= YEAR_END, (element.tag, value)
        dated += 1
    assert dated > 1000


def test_codes_are_valid(message):
    lists = code_lists()
    seen = set()
    for element in message.iter():
        if element.tag in CODES:
            assert element.text in lists[CODES[element.tag]], (element.tag, element.text)
            seen.add(element.tag)
        if element.tag in ("ReferralNFA", "ICPCnotRequired"):
            assert element.text in ("true", "false")
        if element.tag == "NumberOfPreviousCPP":
            assert int(element.text or "") >= 0
    assert seen >= {"ReferralSource", "PrimaryNeedCode", "GenderCurrent", "Ethnicity", "InitialCategoryOfAbuse"}


def test_upn_only_with_identifiers(message, returns_warehouse, small_landing, tmp_path, monkeypatch):
    assert message.find("Children/Child/ChildIdentifiers/UPN") is not None
    monkeypatch.setenv("CSC_WAREHOUSE", str(returns_warehouse))
    monkeypatch.setenv("CSC_REPORTS", str(tmp_path / "reports"))
    assert main(["returns", "cin", "--la", "E10000020", "--year", "2021", "--out", str(tmp_path)]) == 0
    plain = ET.parse(tmp_path / "E10000020" / "cin_census_2021.xml").getroot()
    assert plain.find("Children/Child/ChildIdentifiers/UPN") is None
    assert len(plain.findall("Children/Child")) == len(message.findall("Children/Child"))


def test_a_year_the_extract_does_not_cover_is_refused(returns_warehouse, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CSC_WAREHOUSE", str(returns_warehouse))
    monkeypatch.setenv("CSC_REPORTS", str(tmp_path / "reports"))
    assert main(["returns", "cin", "--la", "926", "--year", "2015", "--out", str(tmp_path)]) == 1
    assert "years covered: 2020, 2021" in capsys.readouterr().out
    assert not (tmp_path / "E10000020").exists()


# ------------------------------------------------------------ the DfE CIN census rules (docs/returns.md section 7)

RETURNS = PROJECT_DIR / "models" / "returns"


def test_every_cin_rule_is_in_the_seed_the_sql_and_the_tests_with_its_severity():
    seed = {
        r["rule_number"]: r["severity"] for r in csv.DictReader((PROJECT_DIR / "seeds" / "cin_census_rules.csv").open())
    }
    sql = "".join(p.read_text() for p in RETURNS.glob("int_cin_census__*_rule_failures.sql"))
    in_sql = re.findall(r"'(\w+)' as rule_code", sql)
    models = yaml.safe_load((RETURNS / "_cin_census__models.yml").read_text())["models"]
    (failures,) = [m for m in models if m["name"] == "cin_census_rule_failures"]
    tests = {
        t["dfe_rule_passes"]["arguments"]["rule"]: t["dfe_rule_passes"]["config"]
        for t in failures["data_tests"]
        if "dfe_rule_passes" in t
    }
    assert len(in_sql) == len(set(in_sql))  # each rule in one block's model, once
    assert set(seed) == set(in_sql) == set(tests)
    for rule, config in tests.items():
        assert config["meta"]["dfe_severity"] == seed[rule] == ("query" if rule.endswith("Q") else "error")
        if seed[rule] == "query":
            assert config["severity"] == "warn"
        else:
            assert "var('ssda903_errors_fail_build')" in config["severity"]


def test_the_small_extract_breaks_no_cin_error_rule(returns_warehouse):
    """The generator's journeys are coherent enough for the DfE's CIN census error rules (query rules may fire)."""
    with duckdb.connect(str(returns_warehouse), read_only=True) as con:
        broken = con.execute(
            """select rule_number, count(*) from returns.cin_census_rule_failures
               where severity = 'error' group by rule_number order by rule_number"""
        ).fetchall()
    assert broken == []


def test_the_data_quality_page_lists_the_cin_rules_broken(returns_warehouse, tmp_path):
    """The report's data-quality page counts each CIN census rule broken, per census year, beside the 903's table;
    the child and item ids stay in the warehouse."""
    from csc.report.run import make_report

    copy = tmp_path / "copy" / returns_warehouse.name  # views name the catalog after the file: keep its name
    copy.parent.mkdir()
    shutil.copyfile(returns_warehouse, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("delete from returns.cin_census_rule_failures")
        con.execute(
            """insert into returns.cin_census_rule_failures
               select 'E10000020', 2021, '8520', 'error', 'ChildIdentifiers', n, 'child-' || n, 'item-' || n,
                      'PersonBirthDate', 'Date of Birth is after data collection period'
               from range(1, 8) as r(n)"""
        )
    html = make_report(copy, "E10000020", None, tmp_path / "report").html.read_text()
    table = re.search(r'<table id="cin-rules-table">.*?</table>', html, re.S)
    assert table and "<td>2021</td><td>8520</td><td>error</td><td>ChildIdentifiers</td><td>PersonBirthDate</td>" in (
        table.group(0)
    )
    assert '<td class="n" data-kind="count">7</td>' in table.group(0)
    assert "child-" not in html and "item-" not in html
