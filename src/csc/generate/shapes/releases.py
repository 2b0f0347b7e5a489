"""What differs between SSD releases 1.2.4 and 1.4.5, per CMS, and the ssd_version_log table.

- SystemC 1.2.4: the LA releases `deployment_extracts_la_release/*_systemc_sqlserver*_v1.2.4_1.sql` (seven
  councils, identical DDL): ssd_person without pers_upn / forename / surname and with pers_common_child_id
  (renamed pers_single_unique_id later, #55/#56); `clae_cla_episode_ceased` (renamed _ceased_date in 82983db,
  2025-09-10); no clar_cla_person_id (added in 1.4.1, ssd_version_history.yml); ssd_version_log created and
  filled (lines 69-121). Value differences are in systemc.py.
- Mosaic 1.2.4: `deployment_extracts/mosaic/live/populate_ssd_data_warehouse.sql` at 0855a2b (2024-11-08, the
  1.2.4 era): ssd_person without legacy id / names / upn, with pers_common_child_id; no
  cont_contact_source_code or cppl_cp_plan_ola (added 2026-03 towards issues/276); `clae_cla_episode_ceased`;
  ssd_cin_plans came from `ssd_cin_plans_dm_kt.sql`, which still named cinp_cin_plan_id. No version log.
- Eclipse: the repository has no Eclipse script before the 1.4.x releases (at 0855a2b only
  `eclipse_db_perm_ssd_placeholder.sql`), so Eclipse 1.2.4 does not exist.
"""

from __future__ import annotations

from datetime import date, datetime

import pyarrow as pa

from csc.generate.shapes.ddl import SSD_145
from csc.generate.shapes.ddl_mosaic import MOSAIC_145

PERSON_SYSTEMC_124 = (
    "pers_legacy_id:s pers_person_id:s pers_sex:s pers_gender:s pers_ethnicity:s pers_dob:t pers_common_child_id:s "
    "pers_upn_unknown:s pers_send_flag:s pers_expected_dob:t pers_death_date:t pers_is_mother:s pers_nationality:s"
)
PERSON_MOSAIC_124 = (
    "pers_person_id:s pers_sex:s pers_gender:s pers_ethnicity:s pers_dob:t pers_common_child_id:s pers_upn_unknown:s "
    "pers_send_flag:s pers_expected_dob:t pers_death_date:t pers_is_mother:s pers_nationality:s"
)


def _drop(spec: str, column: str) -> str:
    return " ".join(item for item in spec.split() if item.partition(":")[0] != column)


def _rename(spec: str, old: str, new: str) -> str:
    return " ".join(new + item[len(old) :] if item.partition(":")[0] == old else item for item in spec.split())


def layout(cms: str, release: str) -> dict[str, str]:
    """Table -> column list ('name:type ...') of a CMS script at a release."""
    if cms == "eclipse" and release != "1.4.5":
        raise ValueError(f"no Eclipse SSD script for release {release} (the first Eclipse scripts are 1.4.x)")
    out = dict(MOSAIC_145 if cms == "mosaic" else SSD_145)
    if cms == "eclipse":
        out["ssd_cla_reviews"] = _drop(out["ssd_cla_reviews"], "clar_cla_person_id")
        return out
    if release == "1.4.5":
        return out
    if release != "1.2.4":
        raise ValueError(f"unknown SSD release {release}")
    out["ssd_cla_episodes"] = _rename(
        out["ssd_cla_episodes"], "clae_cla_episode_ceased_date", "clae_cla_episode_ceased"
    )
    if cms == "systemc":
        out["ssd_person"] = PERSON_SYSTEMC_124
        out["ssd_cla_reviews"] = _drop(out["ssd_cla_reviews"], "clar_cla_person_id")
    else:
        out["ssd_person"] = PERSON_MOSAIC_124
        out["ssd_contacts"] = _drop(out["ssd_contacts"], "cont_contact_source_code")
        out["ssd_cp_plans"] = _drop(out["ssd_cp_plans"], "cppl_cp_plan_ola")
        out["ssd_cin_plans"] = _rename(out["ssd_cin_plans"], "cin_plan_id", "cinp_cin_plan_id")
    return out


# ssd_version_log as the v1.2.4 scripts create and fill it (340_knowsley lines 82-121): the current release
# (release_date = GETDATE(), the day the script ran) and the release history the script inserts.
VERSION_LOG_SCHEMA = pa.schema(
    [
        ("version_number", pa.string()),
        ("release_date", pa.date32()),
        ("description", pa.string()),
        ("is_current", pa.int64()),  # BIT
        ("created_at", pa.timestamp("ms")),
        ("created_by", pa.string()),
        ("impact_description", pa.string()),
    ]
)
VERSION_HISTORY_124 = (  # (version, release date, description, impact description)
    ("1.0.0", "2023-01-01", "Initial alpha release (Phase 1 end)", ""),
    ("1.1.1", "2024-06-26", "Minor updates with revised assessment_factors",
     "Revised JSON Array structure implemented for CiN"),
    ("1.1.2", "2024-06-26", "ssd_version_log obj added and minor patch fixes",
     "Provide mech for extract ver visibility"),
    ("1.1.3", "2024-06-27", "Revised filtering on ssd_person", "Check IS_CLIENT flag first"),
    ("1.1.4", "2024-07-01", "ssd_department obj added",
     "Increased seperation btw professionals and depts enabling history"),
    ("1.1.5", "2024-07-09", "ssd_person involvements history",
     "Improved consistency on _json fields, clean-up involvements_history_json"),
    ("1.1.6", "2024-07-12", "FK fixes for #DtoI-1769", "non-unique/FK issues addressed: #DtoI-1769, #DtoI-1601"),
    ("1.1.7", "2024-07-15", "Non-core ssd_person records added", "Fix requ towards #DtoI-1802"),
    ("1.1.8", "2024-07-17", "admin table creation logging process defined", ""),
    ("1.1.9", "2024-07-29", "Applied CAST(person_id) + minor fixes", "impacts all tables using where exists"),
    ("1.2.0", "2024-08-13", "#DtoI-1762, #DtoI-1810, improved 0/-1 handling", "impacts all _team fields, AAL7 outputs"),
    ("1.2.1", "2024-08-20", "#DtoI-1820, removed destructive pre-clean-up incl .dbo refs", "priority patch fix"),
    ("1.2.2", "2024-11-06", "#DtoI-1826, META+YML restructure incl. remove opt blocks", "feat/bespoke LA extracts"),
    ("1.2.3", "2024-11-20", "non-core ssd_flag field removal", "no wider impact"),
)  # fmt: skip
CURRENT_124 = (
    "1.2.4",
    "changes to provide legacy support for json fields pre 2016 #LEGACY-PRE2016 tags",
    "all json field alternative sql",
)


def version_log(release: str, run_date: date) -> pa.Table:
    """The ssd_version_log rows a release's script leaves, the script run on `run_date` (the extract date)."""
    if release != "1.2.4":
        raise ValueError(f"the {release} scripts create no ssd_version_log")
    created = datetime(run_date.year, run_date.month, run_date.day)
    version, description, impact = CURRENT_124
    rows = [(version, run_date, description, 1, created, "admin", impact)]
    rows += [(v, date.fromisoformat(d), text, 0, created, "admin", imp) for v, d, text, imp in VERSION_HISTORY_124]
    return pa.Table.from_pylist([dict(zip(VERSION_LOG_SCHEMA.names, r, strict=True)) for r in rows], VERSION_LOG_SCHEMA)
