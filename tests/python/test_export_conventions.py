"""What real SSD exports write, as the landing gate must read it (docs/real_extracts.md):
NULL literals, NUL bytes, placeholder dates, datetimes with fractional seconds, headerless and
broken CSV, renamed columns of older releases, legacy ids, free text inside JSON, files of
tables the warehouse does not read, and plausible records that break an order rule."""

from __future__ import annotations

import json

import duckdb
import pytest
from helpers import QUIET, extract_folder

from csc.gate.issues import GateFailure
from csc.gate.run import run_gate
from csc.generate.defects import read_rows, write_csv


def gate(landing, tmp_path, **kwargs):
    return run_gate(landing, tmp_path / "gate.duckdb", tmp_path / "reports", console=QUIET, **kwargs)


def blocked(landing, tmp_path) -> list:
    with pytest.raises(GateFailure) as info:
        gate(landing, tmp_path)
    return info.value.issues


def query(tmp_path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(tmp_path / "gate.duckdb"), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def rewrite(folder, table: str, fn, **kwargs) -> tuple[list[str], list[list]]:
    """Rewrite a landed table as CSV after fn(cols, rows) edits it in place."""
    cols, rows = read_rows(folder, table)
    fn(cols, rows)
    write_csv(folder, table, cols, rows, **kwargs)
    return cols, rows


def test_null_literals_and_nul_bytes_are_nulls(landing, tmp_path):
    folder = extract_folder(landing)

    def ssms(cols, rows):
        for r in rows:
            for i, v in enumerate(r):
                if v is None:
                    r[i] = "NULL"
        rows[0][cols.index("cine_cin_primary_need_code")] = "\\N"
        rows[1][cols.index("cine_referral_source_desc")] = "null"

    cols, rows = rewrite(folder, "ssd_cin_episodes", ssms)
    assert sum(v == "NULL" for r in rows for v in r) > 100

    def nul(cols, rows):
        i = cols.index("cont_contact_source_desc")
        for r in rows[:5]:
            r[i] = (r[i] or "Police") + "\x00"

    rewrite(folder, "ssd_contacts", nul)
    result = gate(landing, tmp_path)
    assert not result.blocking
    assert query(tmp_path, "select count(*) from raw.quarantine")[0][0] == 0
    # no literal survives into raw, and the close dates that were NULL are nulls
    assert (
        query(
            tmp_path,
            """select count(*) from raw.ssd_cin_episodes
               where cine_close_date = 'NULL' or cine_cin_primary_need_code = '\\N'
                  or cine_referral_source_desc = 'null'""",
        )[0][0]
        == 0
    )
    landed_nulls = sum(r[cols.index("cine_close_date")] == "NULL" for r in rows)
    raw_nulls = query(
        tmp_path, "select count(*) from raw.ssd_cin_episodes where la_code = 'E10000020' and cine_close_date is null"
    )[0][0]
    assert raw_nulls == landed_nulls > 0
    assert (
        query(tmp_path, "select count(*) from raw.ssd_contacts where contains(cont_contact_source_desc, chr(0))")[0][0]
        == 0
    )


def test_datetimes_with_fractional_seconds_parse(landing, tmp_path):
    folder = extract_folder(landing)

    def sqlserver(cols, rows):
        for c in ("cine_referral_date", "cine_close_date"):
            i = cols.index(c)
            for r in rows:
                if r[i]:
                    r[i] = r[i][:10] + " 00:00:00.000"

    rewrite(folder, "ssd_cin_episodes", sqlserver)
    assert not gate(landing, tmp_path).blocking
    assert query(tmp_path, "select count(*) from raw.quarantine where table_name = 'ssd_cin_episodes'")[0][0] == 0


def test_placeholder_dates_are_blanked_and_counted(landing, tmp_path):
    folder = extract_folder(landing)

    def placeholder(cols, rows):
        i = cols.index("clea_pathway_plan_review_date")
        for r in rows:
            if r[i] is None:
                r[i] = "1900-01-01 00:00:00.000"

    _, rows = rewrite(folder, "ssd_care_leavers", placeholder)
    n = sum(1 for r in rows if r and "1900-01-01 00:00:00.000" in r)
    assert n > 0
    result = gate(landing, tmp_path)
    assert not result.blocking
    found = [i for i in result.issues if i.rule == "placeholder_date" and i.table == "ssd_care_leavers"]
    assert found and found[0].rows == n
    assert query(
        tmp_path,
        """select count(*) from raw.ssd_care_leavers where la_code = 'E10000020'
           and clea_pathway_plan_review_date like '1900%'""",
    ) == [(0,)]


def test_a_headerless_csv_blocks_with_how_to_re_export(landing, tmp_path):
    folder = extract_folder(landing)
    cols, rows = read_rows(folder, "ssd_cin_plans")
    path = write_csv(folder, "ssd_cin_plans", cols, rows)
    path.write_text("\n".join(path.read_text().splitlines()[1:]) + "\n")
    issues = [i for i in blocked(landing, tmp_path) if i.table == "ssd_cin_plans"]
    assert [i.rule for i in issues] == ["csv_shape"]
    assert "there is no header row" in issues[0].message
    assert "Include column headers when copying or saving the results" in issues[0].message
    assert issues[0].location.endswith("ssd_cin_plans.csv")


def test_unquoted_json_breaking_the_columns_blocks_with_how_to_re_export(landing, tmp_path):
    folder = extract_folder(landing)
    cols, rows = read_rows(folder, "ssd_contacts")
    i = cols.index("cont_contact_outcome_json")
    lines = [",".join(cols)]
    for r in rows:
        values = ["" if v is None else str(v) for v in r]
        values[i] = '{"NFA_FLAG":"Y","ADVICE_FLAG":"N"}'  # commas, no quotes: what SSMS writes by default
        lines.append(",".join(values))
    (folder / "ssd_contacts.parquet").unlink(missing_ok=True)
    (folder / "ssd_contacts.csv").write_text("\n".join(lines) + "\n")
    issues = [i for i in blocked(landing, tmp_path) if i.table == "ssd_contacts"]
    assert [i.rule for i in issues] == ["csv_shape"]
    assert "written without quotes" in issues[0].message
    assert "Quote strings containing list separators when saving .csv results" in issues[0].message


def test_renamed_column_of_release_1_2_4_is_read_under_the_contract_name(landing, tmp_path):
    folder = extract_folder(landing)
    cols, rows = read_rows(folder, "ssd_cla_episodes")
    cols[cols.index("clae_cla_episode_ceased_date")] = "clae_cla_episode_ceased"
    write_csv(folder, "ssd_cla_episodes", cols, rows)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["ssd_version"] = "1.2.4"
    (folder / "manifest.json").write_text(json.dumps(manifest))
    result = gate(landing, tmp_path)
    assert not result.blocking
    assert any(i.rule == "renamed_columns" and "clae_cla_episode_ceased" in i.message for i in result.issues)
    landed = sum(1 for r in rows if r[cols.index("clae_cla_episode_ceased")])
    loaded = query(
        tmp_path,
        """select count(clae_cla_episode_ceased_date) from raw.ssd_cla_episodes where la_code = 'E10000020'""",
    )[0][0]
    assert loaded == landed > 0


def test_legacy_person_ids_resolve_and_the_legacy_id_is_never_loaded(landing, tmp_path):
    folder = extract_folder(landing)
    pcols, prows = read_rows(folder, "ssd_person")
    if "pers_legacy_id" not in pcols:
        pcols.append("pers_legacy_id")
        for r in prows:
            r.append(None)
    pid, lid = pcols.index("pers_person_id"), pcols.index("pers_legacy_id")
    for r in prows:
        r[lid] = f"P{int(r[pid]):07d}"
    write_csv(folder, "ssd_person", pcols, prows)
    legacy = {r[pid]: r[lid] for r in prows}

    def systemc(cols, rows):
        i = cols.index("perm_person_id")
        for r in rows:
            r[i] = legacy[r[i]]

    _, rows = rewrite(folder, "ssd_permanence", systemc)
    assert rows
    result = gate(landing, tmp_path)
    assert not result.blocking
    resolved = [i for i in result.issues if i.rule == "legacy_key"]
    assert resolved and resolved[0].rows == len(rows)
    assert query(tmp_path, "select count(*) from raw.ssd_permanence where perm_person_id like 'P%'") == [(0,)]
    columns = {r[0] for r in query(tmp_path, "select column_name from duckdb_columns()")}
    assert "pers_legacy_id" not in columns


def test_free_text_inside_json_never_reaches_raw(landing, tmp_path):
    folder = extract_folder(landing)
    secret = "Mum said the child was crying all night"

    def comments(cols, rows):
        i = cols.index("cont_contact_outcome_json")
        rows[0][i] = json.dumps({"NFA_FLAG": "Y", "ADVICE_FLAG": "N", "OUTCOME_COMMENTS": secret})
        rows[1][i] = '{"NFA_FLAG":"Y","COMMENTS":"' + secret + ' "unescaped" quote"}'  # legacy string-built JSON
        rows[2][i] = secret  # plain text, as Mosaic writes its ICPC outcome

    rewrite(folder, "ssd_contacts", comments)
    result = gate(landing, tmp_path)
    assert not result.blocking
    for schema, table, column in query(
        tmp_path,
        "select schema_name, table_name, column_name from duckdb_columns() where data_type = 'VARCHAR'",
    ):
        hits = query(tmp_path, f'select count(*) from "{schema}"."{table}" where contains("{column}", ?)', [secret])
        assert hits == [(0,)], (schema, table, column)
    kept = query(
        tmp_path,
        "select cont_contact_outcome_json from raw.ssd_contacts where la_code = 'E10000020' and _row_id = 1",
    )[0][0]
    assert json.loads(kept) == {"NFA_FLAG": "Y", "ADVICE_FLAG": "N"}
    invalid = [i for i in result.issues if i.rule == "json_parses" and i.table == "ssd_contacts"]
    assert invalid and invalid[0].rows == 2


def test_files_of_tables_the_warehouse_does_not_read_are_reported(landing, tmp_path):
    folder = extract_folder(landing)
    (folder / "ssd_address.csv").write_text("addr_table_id,addr_person_id,addr_address_postcode\n1,2,NR1 1AA\n")
    (folder / "SSD_Local_Extra.csv").write_text("x\n1\n")
    cols, rows = read_rows(folder, "ssd_person")
    (folder / "ssd_person.parquet").unlink()
    write_csv(folder, "ssd_person", cols, rows)
    (folder / "ssd_person.csv").rename(folder / "SSD_Person.CSV")  # names are case-insensitive
    result = gate(landing, tmp_path)
    assert not result.blocking
    notes = {i.table: i.message for i in result.issues if i.rule == "table_not_read"}
    assert "kept out by design" in notes["ssd_address"]
    assert "not an SSD table the warehouse knows" in notes["ssd_local_extra"]
    assert query(tmp_path, "select count(*) from raw.ssd_person where la_code = 'E10000020'") == [(len(rows),)]


def test_a_consent_placement_is_kept_and_reported_as_a_query(landing, tmp_path):
    """Placed for adoption before the placement order (with parental consent) is plausible: the row
    is kept and reported, never rejected (and one such row never blocks a small table)."""
    folder = extract_folder(landing)

    def consent(cols, rows):
        order, placed = cols.index("perm_placement_order_date"), cols.index("perm_placed_for_adoption_date")
        r = next(r for r in rows if r[order] and r[placed])
        r[placed] = "2000-01-01"

    rewrite(folder, "ssd_permanence", consent)
    result = gate(landing, tmp_path)
    assert not result.blocking
    q = query(
        tmp_path,
        "select rule, action from raw.quarantine where table_name = 'ssd_permanence' and la_code = 'E10000020'",
    )
    assert q == [("end_not_before_start", "kept")]
    assert any(i.table == "ssd_permanence" and "query" in i.message for i in result.issues)


def test_scheduled_reviews_undated_visits_and_unallocated_involvements_are_kept(landing, tmp_path):
    """SystemC includes future (scheduled) review dates, CP visits without a date and involvements without a
    worker: plausible records, kept (a missing visit date or worker is reported as a query), never rejected."""
    folder = extract_folder(landing)

    def future(cols, rows):
        rows[0][cols.index("cppr_cp_review_date")] = "2021-06-30 00:00:00.000"

    def undated(cols, rows):
        for r in rows[:3]:
            r[cols.index("cppv_cp_visit_date")] = None

    def unallocated(cols, rows):
        for r in rows[:2]:
            r[cols.index("invo_professional_id")] = None

    rewrite(folder, "ssd_cp_reviews", future)
    rewrite(folder, "ssd_cp_visits", undated)
    rewrite(folder, "ssd_involvements", unallocated)
    result = gate(landing, tmp_path)
    assert not result.blocking
    rows = query(
        tmp_path,
        """select table_name, rule, action, count(*) from raw.quarantine where la_code = 'E10000020'
           group by all order by all""",
    )
    assert rows == [("ssd_cp_visits", "not_null", "kept", 3), ("ssd_involvements", "not_null", "kept", 2)]


def test_a_worker_name_in_an_id_column_reaches_nowhere(landing, tmp_path):
    """SystemC writes the referral worker's name (DIM_WORKER_ID_DESC) in cine_referral_worker_id: the link
    does not resolve, so it is blanked, and the name is recorded nowhere (not even as the quarantined value);
    an unresolved id that looks like an id is still recorded for the council to look up."""
    folder = extract_folder(landing)
    name = "Morgan Williams-Okafor"

    def names(cols, rows):
        i = cols.index("cine_referral_worker_id")
        rows[0][i] = name
        rows[1][i] = "999999"

    rewrite(folder, "ssd_cin_episodes", names)
    result = gate(landing, tmp_path)
    assert not result.blocking
    assert query(
        tmp_path,
        """select bad_value, action from raw.quarantine where la_code = 'E10000020' and rule = 'foreign_key'
           and column_name = 'cine_referral_worker_id' order by _row_id""",
    ) == [(None, "blanked"), ("999999", "blanked")]
    for schema, table, column in query(
        tmp_path,
        "select schema_name, table_name, column_name from duckdb_columns() where data_type = 'VARCHAR'",
    ):
        hits = query(tmp_path, f'select count(*) from "{schema}"."{table}" where contains("{column}", ?)', [name])
        assert hits == [(0,)], (schema, table, column)
