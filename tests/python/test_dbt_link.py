"""dbt opens every file a build makes through `build.dbt_link`: the catalog DuckDB gives it there must be the one
dbt names in its relations, and the one the published warehouse opens under (views keep the catalog they were
built with)."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest
from dbt.adapters.duckdb.credentials import DuckDBCredentials

from csc.build import dbt_link, dbt_target
from csc.publish import building_file


def _catalog(path: Path) -> str:
    with duckdb.connect(str(path)) as con:
        return con.sql("select current_database()").fetchone()[0]


@pytest.mark.parametrize("name", ["csc.duckdb", "files.duckdb", "england_2026.duckdb"])
@pytest.mark.parametrize("suffix", ["", "step0", "merge3"])
def test_what_dbt_builds_through_the_link_opens_as_the_published_file(tmp_path: Path, name: str, suffix: str):
    warehouse = tmp_path / name
    scratch = building_file(warehouse, suffix)
    duckdb.connect(str(scratch)).close()
    link = dbt_link(scratch)
    assert link == dbt_link(warehouse), "every file of one warehouse goes through one path (partial parsing)"
    link.parent.mkdir()
    os.link(scratch, link)
    catalog = DuckDBCredentials.path_derived_database_name(str(link))  # what dbt writes into every relation
    assert _catalog(link) == catalog
    with duckdb.connect(str(link)) as con:  # as dbt materialises a table and a view on it
        con.execute(f'create schema "{catalog}".marts; create table "{catalog}".marts.t as select 1 as x')
        con.execute(f'create view "{catalog}".marts.v as select * from "{catalog}".marts.t')
    link.unlink()
    scratch.rename(warehouse)  # as publish does
    with duckdb.connect(str(warehouse)) as con:
        assert con.sql("select x from marts.v").fetchall() == [(1,)]


def test_a_symbolic_link_would_give_the_target_catalog(tmp_path: Path):
    """Why dbt_link is a hard link: DuckDB follows a symbolic link and names the catalog after its target."""
    target = tmp_path / "files.duckdb"
    duckdb.connect(str(target)).close()
    (tmp_path / "csc.duckdb").symlink_to(target)
    assert _catalog(tmp_path / "csc.duckdb") == "files"


def test_each_warehouse_has_its_own_dbt_target(tmp_path: Path):
    """Two warehouses built at once from one project never share run results; a build's files share one target
    (partial parsing across its steps)."""
    one, other = tmp_path / "a" / "csc.duckdb", tmp_path / "b" / "csc.duckdb"
    assert dbt_target(one) != dbt_target(other)
    assert dbt_target(one) != dbt_target(tmp_path / "a" / "region.duckdb")
    assert dbt_target(building_file(one, "step0")) == dbt_target(one) == dbt_target(building_file(one, "merge1"))
