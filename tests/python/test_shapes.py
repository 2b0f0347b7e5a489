"""The generator's real-world shapes: the canonical extract as each CMS script x SSD release x export tool
writes it (src/csc/generate/shapes), the SSD's own outcome JSON keys and the optional SSD tables."""

from __future__ import annotations

import csv
import json
import re
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from helpers import extract_folder

from csc.generate.optional_tables import OPTIONAL_TABLES
from csc.generate.shapes import EXPORTS, supported_shapes, write_shaped_extract
from csc.generate.shapes import descriptions as desc
from csc.generate.shapes.export import write_headerless_csv, write_unquoted_csv

PLACEHOLDER = datetime(1900, 1, 1)
ALL_SHAPES = [(c, r, e) for c, r in supported_shapes() for e in EXPORTS]


@pytest.fixture(scope="module")
def canonical(small_landing) -> Path:
    return extract_folder(small_landing)


@pytest.fixture(scope="module")
def shaped(canonical, tmp_path_factory):
    """shaped(cms, release, export) -> (folder, counts), each shape written once per module."""
    root = tmp_path_factory.mktemp("shapes")
    cache: dict[tuple[str, str, str], tuple[Path, dict[str, int]]] = {}

    def get(cms: str, release: str, export: str = "parquet") -> tuple[Path, dict[str, int]]:
        key = (cms, release, export)
        if key not in cache:
            out = root / "_".join(key)
            cache[key] = (out, write_shaped_extract(canonical, out, cms, release, export))
        return cache[key]

    return get


def canon(folder: Path, table: str) -> dict[str, list]:
    """A canonical table as a shape sees it: care leavers at the latest month end only (the SSD holds
    each care leaver's current state; the canonical month-end history is a local extension)."""
    data = pq.read_table(folder / f"{table}.parquet")
    if table == "ssd_care_leavers":
        latest = max(data.column("clea_as_at_date").to_pylist())
        data = data.filter(
            pc.equal(data.column("clea_as_at_date"), pa.scalar(latest, data.schema.field("clea_as_at_date").type))
        )
    return data.to_pydict()


def table(shaped, cms: str, release: str, name: str) -> dict[str, list]:
    folder, _ = shaped(cms, release, "parquet")
    return pq.read_table(folder / f"{name}.parquet").to_pydict()


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def by_id(rows: dict[str, list], key: str, column: str) -> dict:
    return dict(zip(rows[key], rows[column], strict=True))


# ---------------------------------------------------------------------------------------------- every shape
@pytest.mark.parametrize(("cms", "release", "export"), ALL_SHAPES)
def test_every_shape_keeps_every_row_and_writes_no_manifest(shaped, canonical, cms, release, export):
    folder, counts = shaped(cms, release, export)
    assert not (folder / "manifest.json").exists()
    for path in sorted(canonical.glob("ssd_*.parquet")):
        expected = len(next(iter(canon(canonical, path.stem).values())))
        assert counts[path.stem] == expected, path.stem
    for name, n in counts.items():
        if export == "parquet":
            assert pq.read_metadata(folder / f"{name}.parquet").num_rows == n, name
        else:
            header, rows = read_csv(folder / f"{name}.csv")
            assert len(rows) == n and all(len(r) == len(header) for r in rows), name
    assert ("ssd_version_log" in counts) == (cms == "systemc" and release == "1.2.4")


def test_eclipse_has_no_1_2_4_script_and_bad_arguments_are_refused(canonical, tmp_path):
    assert ("eclipse", "1.2.4") not in supported_shapes() and len(supported_shapes()) == 5
    with pytest.raises(ValueError, match="Eclipse"):
        write_shaped_extract(canonical, tmp_path, "eclipse", "1.2.4", "clean")
    for args in (("caredirector", "1.4.5", "clean"), ("systemc", "1.3", "clean"), ("systemc", "1.4.5", "xlsx")):
        with pytest.raises(ValueError):
            write_shaped_extract(canonical, tmp_path, *args)


def test_local_extension_columns_are_absent_and_script_columns_present(shaped):
    for cms, release in supported_shapes():
        folder, _ = shaped(cms, release)
        cols = {p.stem: pq.read_schema(p).names for p in folder.glob("*.parquet")}
        assert "cont_decision_date" not in cols["ssd_contacts"] and "cont_contact_level" not in cols["ssd_contacts"]
        assert "clea_as_at_date" not in cols["ssd_care_leavers"]
        single = "pers_single_unique_id" if release == "1.4.5" else "pers_common_child_id"
        assert single in cols["ssd_person"]
        has_person = cms == "mosaic" or (cms == "systemc" and release == "1.4.5")
        assert ("clar_cla_person_id" in cols["ssd_cla_reviews"]) == has_person, (cms, release)
        ceased = {"1.4.5": "clae_cla_episode_ceased_date", "1.2.4": "clae_cla_episode_ceased"}
        assert ceased[release] in cols["ssd_cla_episodes"]
        assert ceased["1.4.5" if release == "1.2.4" else "1.2.4"] not in cols["ssd_cla_episodes"]


# ---------------------------------------------------------------------------------------------- SystemC
def test_systemc_writes_descriptions_for_903_codes(shaped, canonical):
    legal = table(shaped, "systemc", "1.4.5", "ssd_legal_status")
    c_legal = canon(canonical, "ssd_legal_status")
    assert set(legal["lega_legal_status"]) <= set(desc.LEGAL_STATUS.values())
    expect = {
        i: desc.LEGAL_STATUS[v]
        for i, v in zip(c_legal["lega_legal_status_id"], c_legal["lega_legal_status"], strict=True)
    }
    assert by_id(legal, "lega_legal_status_id", "lega_legal_status") == {str(k): v for k, v in expect.items()}
    eps = table(shaped, "systemc", "1.4.5", "ssd_cla_episodes")
    assert "Started to be looked after" in eps["clae_cla_episode_start_reason"]
    assert set(eps["clae_cla_episode_start_reason"]) <= set(desc.EPISODE_START_REASON.values())
    assert set(eps["clae_cla_episode_ceased_reason"]) - {None} <= set(desc.EPISODE_CEASED_REASON.values())
    health = table(shaped, "systemc", "1.4.5", "ssd_cla_health")
    assert set(health["clah_health_check_type"]) == {"Health Assessment", "Dental Check"}
    reviews = table(shaped, "systemc", "1.2.4", "ssd_cla_reviews")
    assert set(reviews["clar_cla_review_participation"]) <= set(desc.PARTICIPATION.values())


def test_systemc_care_leavers_as_the_script_writes_them(shaped, canonical):
    cl = table(shaped, "systemc", "1.4.5", "ssd_care_leavers")
    c_cl = canon(canonical, "ssd_care_leavers")
    assert set(cl["clea_care_leaver_eligibility"]) <= {"Relevant", "Former Relevant", "Eligible", "Qualifying"}
    assert {"Eligible", "Former Relevant"} <= set(cl["clea_care_leaver_eligibility"])
    assert set(cl["clea_care_leaver_accom_suitable"]) == set(desc.ACCOM_SUITABLE.values())
    assert set(cl["clea_care_leaver_activity"]) - {None} <= set(desc.CARE_LEAVER_ACTIVITY.values())
    assert set(cl["clea_care_leaver_accommodation"]) - {None} <= set(desc.CARE_LEAVER_ACCOMMODATION.values())
    assert all(re.fullmatch(r"[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}", i) for i in cl["clea_table_id"])
    assert len(set(cl["clea_table_id"])) == len(cl["clea_table_id"])
    for canon_review, review in zip(
        c_cl["clea_pathway_plan_review_date"], cl["clea_pathway_plan_review_date"], strict=True
    ):
        assert review == (PLACEHOLDER if canon_review is None else datetime.combine(canon_review, datetime.min.time()))
    assert None in c_cl["clea_pathway_plan_review_date"]


def test_systemc_identifiers_workers_and_placeholders(shaped, canonical):
    person = table(shaped, "systemc", "1.4.5", "ssd_person")
    legacy = by_id(person, "pers_person_id", "pers_legacy_id")
    assert len(set(legacy.values())) == len(legacy) and all(re.fullmatch(r"P\d{8}", v) for v in legacy.values())
    assert all(re.fullmatch(r"\d{10}", v) for v in person["pers_single_unique_id"])
    assert {"Robin", "Sam"} & set(person["pers_forename"])  # personal identifiers kept as the script writes them
    assert set(person["pers_is_mother"]) == {"Y", None}
    perm, c_perm = table(shaped, "systemc", "1.4.5", "ssd_permanence"), canon(canonical, "ssd_permanence")
    assert perm["perm_person_id"] == [legacy[str(p)] for p in c_perm["perm_person_id"]]
    assert set(perm["perm_person_id"]).isdisjoint(person["pers_person_id"])
    assert set(perm["perm_placed_foster_carer_date"]) == {PLACEHOLDER}  # [PLACEHOLDER_DATA] on every row
    prof = table(shaped, "systemc", "1.4.5", "ssd_professionals")
    assert set(prof["prof_agency_worker_flag"]) == {None} and max(prof["prof_professional_caseload"]) > 0
    refs = table(shaped, "systemc", "1.4.5", "ssd_cin_episodes")
    assert all(re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", w) for w in refs["cine_referral_worker_id"])
    assert not set(refs["cine_referral_source_code"]) & {"6", "2A", "1A"}  # lookup ids, not CIN codes
    reviews, eps = (
        table(shaped, "systemc", "1.4.5", "ssd_cla_reviews"),
        table(shaped, "systemc", "1.4.5", "ssd_cla_episodes"),
    )
    person_of = by_id(eps, "clae_cla_id", "clae_person_id")
    assert [person_of[c] for c in reviews["clar_cla_id"]] == reviews["clar_cla_person_id"]


def test_systemc_cp_categories_and_outcome_json(shaped, canonical):
    plans, c_plans = table(shaped, "systemc", "1.4.5", "ssd_cp_plans"), canon(canonical, "ssd_cp_plans")
    multiple = [v for v in plans["cppl_cp_plan_initial_category"] if v.startswith("Multiple")]
    assert len(multiple) == c_plans["cppl_cp_plan_initial_category"].count("Multiple") > 0
    for value in multiple:
        listed = value.removeprefix("Multiple: ").split(", ")
        assert len(listed) == 2 and set(listed) <= set(desc.CP_CATEGORY)
    assert set(plans["cppl_cp_plan_latest_category"]) - set(multiple) <= set(desc.CP_CATEGORY)
    contacts = table(shaped, "systemc", "1.4.5", "ssd_contacts")["cont_contact_outcome_json"]
    assert all(v.startswith('{"NEW_REFERRAL_FLAG": "') and v.endswith('"}') for v in contacts)
    broken = []
    for v in contacts:
        try:
            json.loads(v)
        except json.JSONDecodeError:
            broken.append(v)
    assert broken and all('said "we' in v or 'noted "home' in v or "\n" in v for v in broken)  # unescaped comments
    icpc = table(shaped, "systemc", "1.4.5", "ssd_initial_cp_conference")["icpc_icpc_outcome_json"]
    assert all("CP_FLAG" in json.loads(v) for v in icpc)  # the ICPC block escapes its comments
    refs = table(shaped, "systemc", "1.4.5", "ssd_cin_episodes")["cine_referral_outcome_json"]
    assert not any('"NFA_FLAG"' in v for v in refs)  # commented out in the script
    old = table(shaped, "systemc", "1.2.4", "ssd_contacts")["cont_contact_outcome_json"]
    parsed = [json.loads(v) for v in old]  # FOR JSON PATH: always valid, compact, null count left out
    assert all("NUMBER_OF_OUTCOMES" not in p and "NEW_REFERRAL_FLAG" in p for p in parsed)


def test_systemc_1_2_4_release_differences(shaped, canonical):
    person = table(shaped, "systemc", "1.2.4", "ssd_person")
    assert set(person["pers_sex"]) == {"SSD_PH"} and "pers_upn" not in person and "pers_forename" not in person
    assert set(person["pers_gender"]) <= {"M", "F", "U"} and "SSD_PH" in person["pers_upn_unknown"]
    eps = table(shaped, "systemc", "1.2.4", "ssd_cla_episodes")
    c_eps = canon(canonical, "ssd_cla_episodes")
    assert sum(d is not None for d in eps["clae_cla_episode_ceased"]) == sum(
        d is not None for d in c_eps["clae_cla_episode_ceased_date"]
    )
    assert set(eps["clae_cla_last_iro_contact_date"]) == {PLACEHOLDER}
    log = table(shaped, "systemc", "1.2.4", "ssd_version_log")
    current = [v for v, c in zip(log["version_number"], log["is_current"], strict=True) if c == 1]
    assert current == ["1.2.4"] and len(log["version_number"]) == 15
    assert log["release_date"][log["version_number"].index("1.2.4")] == date(2021, 3, 31)
    folder, _ = shaped("systemc", "1.2.4", "ssms")
    header, rows = read_csv(folder / "ssd_professionals.csv")
    assert {r[header.index("prof_agency_worker_flag")] for r in rows} == {""}  # '' placeholder, not NULL


# ---------------------------------------------------------------------------------------------- Mosaic
def test_mosaic_columns_and_values(shaped, canonical):
    folder, _ = shaped("mosaic", "1.4.5")
    cols = {p.stem: pq.read_schema(p).names for p in folder.glob("*.parquet")}
    assert "clap_person_id" not in cols["ssd_cla_placement"] and "cppr_person_id" not in cols["ssd_cp_reviews"]
    assert "cppv_person_id" not in cols["ssd_cp_visits"] and "invo_person_id" not in cols["ssd_involvements"]
    assert "cin_plan_id" in cols["ssd_cin_plans"] and "cinp_cin_plan_id" not in cols["ssd_cin_plans"]
    cl = table(shaped, "mosaic", "1.4.5", "ssd_care_leavers")
    assert set(cl["clea_table_id"]) == {None}
    assert set(cl["clea_care_leaver_eligibility"]) <= set(desc.ELIGIBILITY_MOSAIC.values())
    assert "b) Former relevant child" in cl["clea_care_leaver_eligibility"]
    assert all(len(a) == 1 for a in cl["clea_care_leaver_accommodation"])
    assert set(table(shaped, "mosaic", "1.4.5", "ssd_contacts")["cont_contact_source_code"]) == {None}
    icpc = table(shaped, "mosaic", "1.4.5", "ssd_initial_cp_conference")
    assert "Ongoing CP Investigation / Plan" in icpc["icpc_icpc_outcome_json"]
    for v in icpc["icpc_icpc_outcome_json"]:
        with pytest.raises((json.JSONDecodeError, TypeError)):
            json.loads(v)
    health = table(shaped, "mosaic", "1.4.5", "ssd_cla_health")
    assert set(health["clah_health_check_type"]) == {"Health Assessment", "Dental Check"}
    assert all(i[:2] in ("HA", "DT") for i in health["clah_health_check_id"])
    plans = table(shaped, "mosaic", "1.4.5", "ssd_cp_plans")
    assert set(plans["cppl_cp_plan_initial_category"]) <= {"NEG", "EMO", "PHY", "SAB", "MUL"}
    assert set(table(shaped, "mosaic", "1.4.5", "ssd_cin_assessments")["cina_assessment_outcome_json"]) == {"Y", "N"}
    visits = table(shaped, "mosaic", "1.4.5", "ssd_cin_visits")
    assert "cinv_person_id" not in visits and None not in visits["cinv_cin_plan_id"]  # linked through the plan
    old = {p.stem: pq.read_schema(p).names for p in shaped("mosaic", "1.2.4")[0].glob("*.parquet")}
    assert "cont_contact_source_code" not in old["ssd_contacts"] and "cppl_cp_plan_ola" not in old["ssd_cp_plans"]
    assert "cinp_cin_plan_id" in old["ssd_cin_plans"] and "pers_legacy_id" not in old["ssd_person"]


@pytest.mark.parametrize(
    ("name", "key", "person", "day"),
    [
        ("ssd_contacts", "cont_contact_id", "cont_person_id", "cont_contact_date"),
        ("ssd_initial_cp_conference", "icpc_icpc_id", "icpc_person_id", "icpc_icpc_date"),
    ],
)
def test_mosaic_sibling_records_share_workflow_step_ids(shaped, name, key, person, day):
    rows = table(shaped, "mosaic", "1.4.5", name)
    n = len(rows[key])
    pairs = {}
    for i, p, d in zip(rows[key], rows[person], rows[day], strict=True):
        pairs.setdefault(i, []).append((p, d))
    shared = {i: v for i, v in pairs.items() if len(v) > 1}
    assert 0 < len(shared) <= max(1, round(0.05 * n))
    assert all(len({p for p, _ in v}) == len(v) and len({d for _, d in v}) == 1 for v in shared.values())
    assert len(set(zip(rows[key], rows[person], strict=True))) == n  # (id, person) stays unique


def test_mosaic_plans_follow_the_shared_conference_id(shaped):
    icpc = table(shaped, "mosaic", "1.4.5", "ssd_initial_cp_conference")
    plans = table(shaped, "mosaic", "1.4.5", "ssd_cp_plans")
    conferences = set(zip(icpc["icpc_icpc_id"], icpc["icpc_person_id"], strict=True))
    assert all((i, p) in conferences for i, p in zip(plans["cppl_icpc_id"], plans["cppl_person_id"], strict=True))


# ---------------------------------------------------------------------------------------------- Eclipse
def test_eclipse_health_checks_codes_and_json_keys(shaped, canonical):
    health = table(shaped, "eclipse", "1.4.5", "ssd_cla_health")
    assert set(health["clah_health_check_type"]) == {"Health check", "Dental Check"}
    assert set(health["clah_health_check_status"]) == {"COMPLETE"}
    legal, c_legal = table(shaped, "eclipse", "1.4.5", "ssd_legal_status"), canon(canonical, "ssd_legal_status")
    assert legal["lega_legal_status"] == c_legal["lega_legal_status"]
    refs = table(shaped, "eclipse", "1.4.5", "ssd_cin_episodes")["cine_referral_outcome_json"]
    assert all(set(json.loads(v)) >= {"OUTCOME_NFA_FLAG", "OTHER_OUTCOMES_EXIST_FLAG"} for v in refs)
    assert set(table(shaped, "eclipse", "1.4.5", "ssd_contacts")["cont_contact_outcome_json"]) == {None}
    assert set(table(shaped, "eclipse", "1.4.5", "ssd_professionals")["prof_full_time_equivalency"]) == {None}
    person = table(shaped, "eclipse", "1.4.5", "ssd_person")
    assert set(person["pers_gender"]) <= {"00", "01", "02", "09"}


# ---------------------------------------------------------------------------------------------- exports
def test_ssms_export_literal_null_bom_and_datetimes(shaped):
    folder, _ = shaped("systemc", "1.4.5", "ssms")
    raw = (folder / "ssd_cin_episodes.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfcine_referral_id,")
    header, rows = read_csv(folder / "ssd_cin_episodes.csv")
    close = [r[header.index("cine_close_date")] for r in rows]
    assert "NULL" in close and all(v == "NULL" or re.fullmatch(r"\d{4}-\d\d-\d\d 00:00:00\.000", v) for v in close)
    assert b'"{""SINGLE_ASSESSMENT_FLAG"": ' in raw  # quoted, quotes doubled
    header, rows = read_csv(shaped("eclipse", "1.4.5", "ssms")[0] / "ssd_contacts.csv")
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d 00:00:00", r[header.index("cont_contact_date")]) for r in rows)


def test_clean_export_empty_nulls_and_no_bom(shaped):
    folder, _ = shaped("systemc", "1.4.5", "clean")
    raw = (folder / "ssd_cin_episodes.csv").read_bytes()
    assert raw.startswith(b"cine_referral_id,") and b",NULL," not in raw
    header, rows = read_csv(folder / "ssd_cin_episodes.csv")
    assert "" in {r[header.index("cine_close_date")] for r in rows}


def test_parquet_export_types(shaped):
    folder, _ = shaped("systemc", "1.4.5", "parquet")
    schema = pq.read_schema(folder / "ssd_cin_episodes.parquet")
    assert schema.field("cine_referral_id").type == pa.string()
    assert pa.types.is_timestamp(schema.field("cine_referral_date").type)
    mosaic = pq.read_schema(shaped("mosaic", "1.4.5", "parquet")[0] / "ssd_cin_episodes.parquet")
    assert mosaic.field("cine_referral_id").type == pa.int64()  # numeric(9) in the Mosaic DDL


def test_broken_writers(canonical, tmp_path):
    contacts = pq.read_table(canonical / "ssd_contacts.parquet")
    path = write_headerless_csv(contacts, tmp_path / "ssd_contacts.csv")
    first = path.read_text().splitlines()[0]
    assert first.split(",")[0] == str(contacts["cont_contact_id"][0]) and "cont_contact_id" not in first
    path = write_unquoted_csv(contacts, tmp_path / "unquoted.csv")
    header, rows = read_csv(path)
    assert len(header) == contacts.num_columns and all(len(r) > len(header) for r in rows)


# ---------------------------------------------------------------------------------------------- canonical
def test_canonical_outcome_json_has_the_ssd_keys(canonical):
    keys = {
        "ssd_contacts": ("cont_contact_outcome_json", {"NEW_REFERRAL_FLAG", "ADVICE_FLAG", "NUMBER_OF_OUTCOMES"}),
        "ssd_cin_episodes": ("cine_referral_outcome_json", {"SINGLE_ASSESSMENT_FLAG", "STRATEGY_DISCUSSION_FLAG"}),
        "ssd_cin_assessments": ("cina_assessment_outcome_json", {"NFA_FLAG", "PROV_OF_SERVICES_FLAG"}),
        "ssd_s47_enquiry": ("s47e_s47_outcome_json", {"CP_CONFERENCE_FLAG", "OUTCOME_COMMENTS"}),
        "ssd_initial_cp_conference": ("icpc_icpc_outcome_json", {"CP_FLAG", "COMMENTS"}),
    }
    for name, (column, expected) in keys.items():
        values = [json.loads(v) for v in canon(canonical, name)[column] if v is not None]
        assert all(
            expected <= set(v) and not any(k.startswith("OUTCOME_") and k.endswith("_FLAG") for k in v) for v in values
        )
        comment = "OUTCOME_COMMENTS" if name == "ssd_s47_enquiry" else "COMMENTS"
        with_text = sum(bool(v[comment]) for v in values)
        assert 0 < with_text < 0.3 * len(values) or len(values) < 30, name


def test_optional_tables_are_written_from_the_journeys(canonical):
    rare = {"ssd_cla_convictions", "ssd_cla_substance_misuse"}  # test_returns_oc2.py checks they are written
    for name in OPTIONAL_TABLES:
        assert pq.read_metadata(canonical / f"{name}.parquet").num_rows > 0 or name in rare, name
    people = set(canon(canonical, "ssd_person")["pers_person_id"])
    missing = canon(canonical, "ssd_missing")
    assert set(missing["miss_person_id"]) <= set(canon(canonical, "ssd_cla_placement")["clap_person_id"])
    assert set(canon(canonical, "ssd_disability")["disa_person_id"]) <= people
    asm_ids = set(canon(canonical, "ssd_cin_assessments")["cina_assessment_id"])
    factors = canon(canonical, "ssd_assessment_factors")
    assert set(factors["cinf_assessment_id"]) <= asm_ids
    assert all(isinstance(json.loads(v), list) for v in factors["cinf_assessment_factors_json"])
    assert set(canon(canonical, "ssd_immigration_status")["immi_immigration_status"]) <= {
        "Unaccompanied Asylum Seeking Child",
        "Refugee Status",
    }
    sdq = canon(canonical, "ssd_sdq_scores")
    assert all(0 <= s <= 40 for s in sdq["csdq_sdq_score"] if s is not None)
    prep, legal = canon(canonical, "ssd_pre_proceedings"), canon(canonical, "ssd_legal_status")
    care_orders: dict[int, list[date]] = {}
    for pid, status, start in zip(
        legal["lega_person_id"], legal["lega_legal_status"], legal["lega_legal_status_start_date"], strict=True
    ):
        if status == "C1" and start is not None:
            care_orders.setdefault(pid, []).append(start)
    for pid, decision in zip(prep["prep_person_id"], prep["prep_pre_pro_decision_date"], strict=True):
        assert any(decision < start for start in care_orders[pid])  # pre-proceedings, then care


def test_generate_cms_writes_each_council_under_its_dfe_code_with_the_land_command(tmp_path, capsys):
    from csc.cli import main

    out = tmp_path / "exports"
    args = ["generate", "--cms", "mosaic", "--ssd-version", "1.2.4", "--export", "ssms", "--out", str(out)]
    assert main([*args, "--councils", "2", "--years", "1", "--scale", "0.02", "--seed", "3"]) == 0
    printed = " ".join(capsys.readouterr().out.split())
    assert sorted(p.name for p in out.iterdir()) == ["372", "926"]
    for code in ("372", "926"):
        assert not (out / code / "manifest.json").exists()
        assert (out / code / "ssd_person.csv").read_text(encoding="utf-8-sig").count("NULL") > 0
        land = f"land it with: csc land {out / code} --la {code} --extract-date 2021-03-31 --ssd-version 1.2.4"
        assert land in printed
