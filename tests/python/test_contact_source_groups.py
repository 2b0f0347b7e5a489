"""The seven contact source groups of the contacts-by-source indicators (docs/indicators.md section 3.1, reading 4.42):
every CIN census referral source code is in the group the reports print, and the labels real extracts write in the
source columns map, through the gate's own map_code and seeds/value_mappings.csv, to a code of that group. Reads the
seeds only: no warehouse."""

from __future__ import annotations

import csv

import duckdb
import pytest

from csc.config import PROJECT_DIR
from csc.gate.sqlexpr import map_code, register_code_tables

# The catalogue's groups: (1) police, (2) education incl. schools, (3) health, (4) internal council services,
# (5) members of the public incl. self and parent, (6) other local authorities, (7) others.
EXPECTED_GROUP = {
    "1A": "public",
    "1B": "public",
    "1C": "public",
    "1D": "public",
    "2A": "education",
    "2B": "education",
    "3A": "health",
    "3B": "health",
    "3C": "health",
    "3D": "health",
    "3E": "health",
    "3F": "health",
    "4": "other",
    "5A": "internal",
    "5B": "internal",
    "5C": "other_la",
    "5D": "internal",
    "6": "police",
    "7": "other",
    "8": "other",
    "9": "public",
    "10": "other",
}


def _categories() -> dict[str, str]:
    with (PROJECT_DIR / "seeds" / "code_lists.csv").open() as f:
        return {r["code"]: r["category"] for r in csv.DictReader(f) if r["code_list"] == "referral_source"}


def _map(con: duckdb.DuckDBPyConnection, label: str) -> str | None:
    sql = f"select {map_code('referral_source', 'landed.label')} from (select ? as label) as landed"
    row = con.execute(sql, [label]).fetchone()
    return None if row is None else row[0]


def test_every_referral_source_code_is_in_its_group():
    assert _categories() == EXPECTED_GROUP


@pytest.mark.parametrize(
    ("label", "group"),
    [
        ("Police", "police"),
        ("6 - Police", "police"),
        ("Schools", "education"),
        ("2B: Education services", "education"),
        ("GP", "health"),
        ("Health services: A&E", "health"),
        ("Adult social care", "internal"),
        ("Early help", "internal"),
        ("Individual: self", "public"),
        ("Family member", "public"),
        ("Anonymous", "public"),
        ("Another local authority", "other_la"),
        ("LA services: external (e.g. from another LA)", "other_la"),
        ("Housing", "other"),
        ("Unknown", "other"),
        ("6", "police"),
        ("5c", "other_la"),
    ],
)
def test_source_labels_map_to_their_group(label, group):
    con = duckdb.connect()
    register_code_tables(con)
    code = _map(con, label)
    assert code is not None, label
    assert EXPECTED_GROUP[code] == group


def test_an_unmapped_label_maps_to_nothing():
    con = duckdb.connect()
    register_code_tables(con)
    assert _map(con, "Neighbourhood watch") is None
