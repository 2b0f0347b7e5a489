"""Every CMS script x SSD release x export style lands with `csc land`, builds, and gives the figures of the
canonical extract of the same journeys.

The generator writes one council's journeys once as the landing contract (canonical) and then as each
case-management system's SSD script and export tool would (`csc.generate.shapes`): descriptions instead of
codes, renamed and missing columns, legacy ids, shared ids, placeholders, NULL literals, no manifest. For
each shape, `marts.indicator_values` must equal the canonical build row for row, except where the script
itself loses the information. Those losses are listed below with their reason, and the test checks
that the warehouse says so: an indicator it cannot compute is reported as not available, with its reason,
never computed wrongly. A surprise either way (a figure that differs, or an indicator reported unavailable
that is not expected to be) fails.
"""

from __future__ import annotations

import json

import duckdb
import pytest
from helpers import EXTRACT_DATE, QUIET, extract_folder, small_extract

from csc.build import build
from csc.cli import main
from csc.generate.shapes import EXPORTS, supported_shapes, write_shaped_extract

LA = "E10000020"
SHAPES = [(cms, release, export) for cms, release in supported_shapes() for export in EXPORTS]

# Indicators an SSD shape cannot support, and why (each is checked against marts.indicator_availability).
UNAVAILABLE_EVERYWHERE = {
    # local extension columns of the contract, which no SSD script writes (cont_decision_date)
    "CON_DECISION_1WD_PCT_IM",
    "CON_HELP_DECISION_5WD_PCT_IM",
    # prof_agency_worker_flag: a NULL placeholder (SystemC 1.4.5, Mosaic, Eclipse) or '' (SystemC 1.2.4)
    "WF_AGENCY_PCT_SNAP",
}
# prof_full_time_equivalency is NULL in every row of Mosaic's and Eclipse's scripts: no caseload per FTE
NO_FTE = {"WF_AVG_CASELOAD_SNAP", "WF_AVG_CASELOAD_KEY_SG_SNAP", "WF_AVG_CASELOAD_LAC_SNAP", "WF_AVG_CASELOAD_CWD_SNAP"}
# Mosaic's script writes no outcome JSON for referrals, assessments and S47 enquiries
NO_OUTCOMES = {f"REF_OUT_{o}_N_IM" for o in ("ASSESS", "STRATEGY", "CLOSE", "OTHER")}
NO_OUTCOMES |= {f"ASM_OUT_{o}_PCT_IM" for o in ("ONGOING", "NFA", "STEPDOWN", "OTHER")}
NO_OUTCOMES |= {f"S47_OUT_{o}_PCT_IM" for o in ("CONT_RISK", "SUBST", "NOT_SUBST", "NOT_REC")}
# Eclipse's permanence script leaves the adoption dates NULL
NO_ADOPTION_DATES = {
    "ADOPT_A10_AVG_DAYS_YTD",
    "ADOPT_A2_AVG_DAYS_YTD",
    "ADOPT_12M_DECISION_PCT_YTD",
    "ADOPT_14M_PCT_YTD",
}
UNAVAILABLE = {
    "systemc": UNAVAILABLE_EVERYWHERE,
    "mosaic": UNAVAILABLE_EVERYWHERE | NO_FTE | NO_OUTCOMES,
    "eclipse": UNAVAILABLE_EVERYWHERE | NO_FTE | NO_ADOPTION_DATES,
}
# Figures a script changes without the warehouse being able to tell: Eclipse writes
# clar_cla_review_cancelled = 'N' for every review, so cancelled reviews count as held.
# clar_cla_review_cancelled = 'N' for every review, so cancelled reviews count as held (and in the participation
# cohort).
LOST_SILENTLY = {
    "eclipse": {"CLA_REVIEW_TIMELY_PCT_IM", "CLA_REVIEW_ATTENDED_PCT_IM", "CLA_REVIEW_PARTICIPATED_PCT_IM"}
}
# SystemC 1.4.5 builds the outcome JSON of referrals and assessments by string concatenation (#LEGACY-PRE2016):
# a NULL comment makes the whole JSON NULL, so those rows' outcomes are lost and counted as "other" (the warehouse
# cannot tell a lost outcome from an unrecorded one). Known gap, reported to the next work: a data-quality count
# of completed assessments and referrals without an outcome.
LOST_BY_RELEASE = {
    ("systemc", "1.4.5"): {f"REF_OUT_{o}_N_IM" for o in ("ASSESS", "STRATEGY", "CLOSE", "OTHER")}
    | {f"ASM_OUT_{o}_PCT_IM" for o in ("ONGOING", "NFA", "STEPDOWN", "OTHER")}
}
# Department parents are a locality only in Mosaic's script (SystemC writes a department type, Eclipse NULL):
# elsewhere the council supplies seeds/team_localities.csv, and only the council rows are compared.
LOCALITIES_KEPT = {"mosaic"}
# The SSD holds each care leaver's current state only: care-leaver figures exist for the extract month.
CURRENT_STATE_ONLY = "CL_"  # indicator id prefix (compared with starts_with: '_' is a LIKE wildcard)


@pytest.fixture(scope="module")
def canonical(tmp_path_factory):
    root = tmp_path_factory.mktemp("canonical")
    small_extract(root / "landing", councils=1)
    warehouse = root / "csc.duckdb"
    build(root / "landing", warehouse, root / "reports", console=QUIET)
    manifest = json.loads((extract_folder(root / "landing", LA) / "manifest.json").read_text())
    return extract_folder(root / "landing", LA), warehouse, manifest


def land_shape(canonical_folder, manifest, tmp_path, cms, release, export, capsys):
    exported = tmp_path / "export"
    counts = write_shaped_extract(canonical_folder, exported, cms, release, export)
    assert not (exported / "manifest.json").exists() and counts
    args = ["land", str(exported), "--la", "926", "--landing", str(tmp_path / "landing")]
    args += ["--period-start", manifest["period_start"]]
    if "ssd_version_log" not in counts:  # else the release and run date come from ssd_version_log
        args += ["--extract-date", EXTRACT_DATE.isoformat(), "--ssd-version", release]
    assert main(args) == 0, capsys.readouterr().out
    landed = json.loads((extract_folder(tmp_path / "landing", LA) / "manifest.json").read_text())
    assert landed["ssd_version"] == release and landed["extract_date"] == EXTRACT_DATE.isoformat()
    return tmp_path / "landing"


def differences(con, cms: str, breakdown: str, release: str = "") -> list[tuple]:
    lost = sorted(LOST_SILENTLY.get(cms, set()) | LOST_BY_RELEASE.get((cms, release), set()) | UNAVAILABLE[cms])
    query = f"""
        with canonical as (
            select indicator_id, period_end, breakdown_value, numerator, round(denominator, 6) as denominator,
                   round(value, 6) as value
            from c.marts.indicator_values
            where breakdown = '{breakdown}' and indicator_id not in (select unnest($1))
              and (not starts_with(indicator_id, '{CURRENT_STATE_ONLY}') or period_end = $2)),
        shaped as (
            select indicator_id, period_end, breakdown_value, numerator, round(denominator, 6) as denominator,
                   round(value, 6) as value
            from s.marts.indicator_values
            where breakdown = '{breakdown}' and indicator_id not in (select unnest($1))
              and (not starts_with(indicator_id, '{CURRENT_STATE_ONLY}') or period_end = $2))
        select 'canonical only' as side, * from (from canonical except all from shaped)
        union all
        select 'shape only', * from (from shaped except all from canonical)
        order by indicator_id, period_end, side"""
    return con.execute(query, [lost, EXTRACT_DATE]).fetchall()


@pytest.mark.parametrize(("cms", "release", "export"), SHAPES)
def test_each_real_shape_lands_and_builds_the_canonical_figures(canonical, tmp_path, capsys, cms, release, export):
    canonical_folder, canonical_warehouse, manifest = canonical
    landing = land_shape(canonical_folder, manifest, tmp_path, cms, release, export, capsys)
    warehouse = tmp_path / "csc.duckdb"
    build(landing, warehouse, tmp_path / "reports", console=QUIET)
    con = duckdb.connect()
    con.execute(f"attach '{canonical_warehouse}' as c (read_only)")
    con.execute(f"attach '{warehouse}' as s (read_only)")
    unavailable = dict(
        con.execute(
            "select indicator_id, unavailable_reason from s.marts.indicator_availability where not is_available"
        ).fetchall()
    )
    assert set(unavailable) == UNAVAILABLE[cms], unavailable
    assert all(unavailable.values())
    assert con.execute("select count(*) from c.marts.indicator_availability where not is_available").fetchone()[0] == 0
    # every other figure of the council, every month
    assert differences(con, cms, "all", release) == []
    if cms in LOCALITIES_KEPT:
        assert differences(con, cms, "locality", release) == []
    # the care-leaver figures of the extract month are there to compare, and earlier months are not known
    # (null), never 0: the SSD holds each care leaver's current state only
    known = con.execute(
        f"""select period_end = ? as is_extract_month, count(*), count(numerator), count(value),
                   min(numerator) filter (where period_end = ?)
            from s.marts.indicator_values where starts_with(indicator_id, '{CURRENT_STATE_ONLY}') and breakdown = 'all'
            group by all order by 1""",
        [EXTRACT_DATE, EXTRACT_DATE],
    ).fetchall()
    assert known[0][0] is False and known[0][1] == 23 * 5 and known[0][2:4] == (0, 0)
    assert known[1][:3] == (True, 5, 5) and known[1][4] > 0


def test_every_real_shape_is_covered():
    """Five scripts exist (Eclipse has none before 1.4.x), each in three export styles."""
    assert len(SHAPES) == 15 and {s[2] for s in SHAPES} == set(EXPORTS) == {"ssms", "clean", "parquet"}


def test_the_canonical_build_has_no_unavailable_indicator_to_hide_behind(canonical):
    _, warehouse, _ = canonical
    con = duckdb.connect(str(warehouse), read_only=True)
    months = con.execute(
        "select count(distinct period_end) from marts.indicator_values where indicator_id = 'CL_N_SNAP'"
    ).fetchone()[0]
    assert months == 24  # two years of history: care leavers every month in the canonical extract
