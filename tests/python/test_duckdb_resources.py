"""DuckDB's memory limit, threads and spill folder: resolved once (config.DuckDBResources), applied to the gate's
connection (db.connect) and passed to dbt through the profile's environment (config.dbt_env)."""

from __future__ import annotations

from pathlib import Path

from csc.config import DEFAULT_MEMORY_LIMIT, DuckDBResources, dbt_env
from csc.db import connect


def test_defaults_put_the_spill_folder_beside_the_database(tmp_path):
    r = DuckDBResources.resolve(tmp_path / "w" / "csc.duckdb", environ={})
    assert r.memory_limit == DEFAULT_MEMORY_LIMIT
    assert r.threads >= 1
    assert r.temp_directory == tmp_path / "w" / "csc.duckdb.tmp"


def test_the_environment_overrides_each_setting(tmp_path):
    env = {"CSC_DUCKDB_MEMORY_LIMIT": "1GB", "CSC_DUCKDB_THREADS": "1", "CSC_DUCKDB_TEMP_DIR": str(tmp_path / "spill")}
    r = DuckDBResources.resolve(tmp_path / "csc.duckdb", environ=env)
    assert (r.memory_limit, r.threads, r.temp_directory) == ("1GB", 1, tmp_path / "spill")


def test_connect_applies_the_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("CSC_DUCKDB_MEMORY_LIMIT", "1GB")
    monkeypatch.setenv("CSC_DUCKDB_THREADS", "1")
    monkeypatch.delenv("CSC_DUCKDB_TEMP_DIR", raising=False)
    con = connect(tmp_path / "x.duckdb")
    try:
        limit, threads, temp = con.execute(
            "select current_setting('memory_limit'), current_setting('threads'), current_setting('temp_directory')"
        ).fetchone()
    finally:
        con.close()
    assert limit == "953.6 MiB"  # DuckDB prints 1GB (10^9 bytes) in binary units
    assert int(threads) == 1
    assert Path(temp) == tmp_path / "x.duckdb.tmp"


def test_dbt_gets_the_same_settings_as_environment_variables(tmp_path):
    env = dbt_env(tmp_path / "csc.duckdb", environ={"CSC_DUCKDB_MEMORY_LIMIT": "3GB"})
    assert env["CSC_DUCKDB_MEMORY_LIMIT"] == "3GB"
    assert env["CSC_DUCKDB_TEMP_DIR"] == str(tmp_path / "csc.duckdb.tmp")
    assert int(env["CSC_DUCKDB_THREADS"]) >= 1
