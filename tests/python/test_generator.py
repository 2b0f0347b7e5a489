"""The synthetic extract generator: deterministic, complete, coherent, realistic in shape."""

from __future__ import annotations

import json
from datetime import date, timedelta

import duckdb
import pyarrow.parquet as pq
from helpers import QUIET, extract_folder, small_extract

from csc.contract import load_tables
from csc.generate.profiles import load_councils
from csc.generate.run import generate
from csc.generate.writer import file_columns


def _tables(folder):
    return {f.stem: pq.read_table(f) for f in sorted(folder.glob("ssd_*.parquet"))}


def test_same_seed_same_extract_and_other_seed_differs(tmp_path):
    a = small_extract(tmp_path / "a", councils=1, years=1, scale=0.01)
    b = small_extract(tmp_path / "b", councils=1, years=1, scale=0.01)
    c = small_extract(tmp_path / "c", councils=1, years=1, scale=0.01, seed=8)
    ta, tb, tc = (_tables(extract_folder(x)) for x in (a, b, c))
    assert ta.keys() == tb.keys()
    for name in ta:
        assert ta[name].equals(tb[name]), name
    assert not ta["ssd_contacts"].equals(tc["ssd_contacts"])


# Rare enough to be empty in the 3% extract (a few % of each year of care of children 10+ / 12+):
# tests/python/test_returns_oc2.py::test_convictions_from_10_and_substance_misuse_from_12 checks they are written.
RARE_TABLES = {"ssd_cla_convictions", "ssd_cla_substance_misuse"}


def test_every_contract_table_and_column_is_written(small_landing):
    folder = extract_folder(small_landing)
    tables = _tables(folder)
    for name, table in load_tables().items():
        assert name in tables, name
        assert tables[name].column_names == file_columns(table)
        assert tables[name].num_rows > 0 or name in RARE_TABLES, name
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["la_code"] == "E10000020" and manifest["extract_date"] == "2021-03-31"
    assert manifest["period_start"] == "2019-04-01"


def test_local_extension_columns_are_filled(small_landing):
    t = _tables(extract_folder(small_landing))
    contacts = t["ssd_contacts"].to_pydict()
    assert {"harm", "help", "not_sure"} <= set(contacts["cont_contact_level"])
    assert sum(d is not None for d in contacts["cont_decision_date"]) > 0.9 * len(contacts["cont_decision_date"])
    leavers = t["ssd_care_leavers"].to_pydict()
    assert all((d + timedelta(days=1)).day == 1 for d in leavers["clea_as_at_date"])  # month ends
    assert set(leavers["clea_care_leaver_eligibility"]) <= {
        "eligible",
        "relevant",
        "former_relevant",
    }


def test_journeys_are_coherent(small_landing):
    con = duckdb.connect()
    f = extract_folder(small_landing)
    everywhere = str(small_landing / "*" / "*")

    def q(sql):
        return con.execute(sql.replace("{f}", str(f))).fetchone()[0]

    # every assessment, enquiry and plan belongs to a referral of the same child in the extract
    assert (
        q("""select count(*) from '{f}/ssd_cin_assessments.parquet' a
                left join '{f}/ssd_cin_episodes.parquet' r on r.cine_referral_id = a.cina_referral_id
                where r.cine_person_id is distinct from a.cina_person_id""")
        == 0
    )
    assert (
        q("""select count(*) from '{f}/ssd_cp_plans.parquet' p
                left join '{f}/ssd_initial_cp_conference.parquet' c on c.icpc_icpc_id = p.cppl_icpc_id
                where c.icpc_icpc_date is distinct from p.cppl_cp_plan_start_date""")
        == 0
    )
    # ICPCs never precede their enquiry; transfer-ins have none
    assert (
        q("""select count(*) from '{f}/ssd_initial_cp_conference.parquet' c
                join '{f}/ssd_s47_enquiry.parquet' s on s.s47e_s47_enquiry_id = c.icpc_s47_enquiry_id
                where c.icpc_icpc_date < s.s47e_s47_start_date""")
        == 0
    )
    assert (
        q("""select count(*) from '{f}/ssd_initial_cp_conference.parquet'
                where icpc_icpc_transfer_in = 'Y' and icpc_s47_enquiry_id is not null""")
        == 0
    )
    # CLA episodes chain: every episode but the last of a period ends X1 on the next one's start
    assert (
        q("""with e as (select *, lead(clae_cla_episode_start_date) over (partition by clae_cla_id
                           order by clae_cla_episode_start_date) as nxt from '{f}/ssd_cla_episodes.parquet')
                select count(*) from e where nxt is not null
                  and (clae_cla_episode_ceased_reason != 'X1' or clae_cla_episode_ceased_date != nxt)""")
        == 0
    )
    # nothing happens after the extract date
    assert q("select max(cont_contact_date) from '{f}/ssd_contacts.parquet'") <= date(2021, 3, 31)
    # short breaks (V3/V4) and re-referrals exist
    assert (
        q(f"select count(*) from '{everywhere}/ssd_legal_status.parquet' where lega_legal_status in ('V3', 'V4')") > 0
    )
    assert (
        q("""select count(*) from (select cine_person_id from '{f}/ssd_cin_episodes.parquet'
                group by 1 having count(*) > 1)""")
        > 0
    )


def test_councils_scale_to_152():
    councils = load_councils(152, seed=1)
    assert len({c.la_code for c in councils}) == 152
    assert [c.la_code for c in councils[:2]] == ["E10000020", "E08000018"]
    assert councils[0].current_population == 171656 and councils[1].current_population == 57522


def test_councils_in_parallel_processes_write_the_same_extracts(tmp_path):
    """Councils are independent: generated in two worker processes, every file holds exactly the rows that one
    process writes (councils' random streams do not depend on which process or in which order they run)."""
    import duckdb

    one, two = tmp_path / "one", tmp_path / "two"
    options = {"seed": 11, "councils": 3, "years": 2, "scale": 0.03}
    first = generate(one, console=QUIET, workers=1, **options)
    second = generate(two, console=QUIET, workers=2, **options)
    assert first == second and list(first) == list(second)
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    con = duckdb.connect()
    for rel in files:
        if rel.suffix == ".parquet":
            a, b = (f"read_parquet('{root / rel}')" for root in (one, two))
            assert con.execute(f"select count(*) from (select * from {a} except all select * from {b})").fetchone() == (
                0,
            ), rel
            assert con.execute(f"select count(*) from (select * from {b} except all select * from {a})").fetchone() == (
                0,
            ), rel
        else:
            assert (one / rel).read_text() == (two / rel).read_text(), rel
