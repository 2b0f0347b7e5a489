"""Every code list the SQL maps to or reads a category of is in seeds/code_lists.csv.

A staging model maps landed values with `map_code('<list>', column)`; when the list is absent from the seed, every
value maps to NULL and nothing fails: the model's own unit test passes because it mocks the seed with the rows
it expects. (The `disability` list was missing this way: every child's disability was NULL in every extract.)
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NAMED = re.compile(
    r"(?:map_code|category_of|in_category)\(\s*'(?P<macro>\w+)'|code_list\s*=\s*'(?P<where>\w+)'",
)


def _lists_named_in_sql() -> dict[str, set[str]]:
    named: dict[str, set[str]] = {}
    for path in [*ROOT.glob("models/**/*.sql"), *ROOT.glob("macros/**/*.sql"), *ROOT.glob("tests/dbt/**/*.sql")]:
        for match in NAMED.finditer(path.read_text()):
            name = match.group("macro") or match.group("where")
            named.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    return named


def _seed_lists(name: str) -> set[str]:
    with (ROOT / "seeds" / name).open(newline="") as f:
        return {row["code_list"] for row in csv.DictReader(f)}


def test_the_sql_names_code_lists():
    assert len(_lists_named_in_sql()) > 20


@pytest.mark.parametrize("code_list", sorted(_lists_named_in_sql()))
def test_each_code_list_the_sql_names_is_in_the_seed(code_list):
    assert code_list in _seed_lists("code_lists.csv"), sorted(_lists_named_in_sql()[code_list])


def test_every_value_mapping_maps_to_a_code_of_its_list():
    with (ROOT / "seeds" / "code_lists.csv").open(newline="") as f:
        codes = {(row["code_list"], row["code"]) for row in csv.DictReader(f)}
    with (ROOT / "seeds" / "value_mappings.csv").open(newline="") as f:
        unknown = [
            (row["code_list"], row["value"], row["code"])
            for row in csv.DictReader(f)
            if (row["code_list"], row["code"]) not in codes
        ]
    assert unknown == []
