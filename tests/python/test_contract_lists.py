"""The one static list of SSD tables in SQL (macro ssd_table_names, looped over by the row-count tests) is the
landing contract's list: a table added to the contract and not to the macro would go unreconciled."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

from csc.contract import load_tables

ROOT = Path(__file__).resolve().parents[2]


def test_ssd_table_names_macro_lists_every_contract_table():
    text = (ROOT / "macros" / "ssd_tables.sql").read_text()
    listed = ast.literal_eval(re.search(r"return\((\[.*?\])\)", text, re.S).group(1))
    assert len(listed) == len(set(listed))
    assert sorted(f"ssd_{name}" for name in listed) == sorted(load_tables())


def test_ssd_history_table_names_macro_lists_the_history_source_tables():
    """The row-count and history tests loop over macro ssd_history_table_names: it names exactly the SSD tables that
    staging reads from source history, each a contract table."""
    text = (ROOT / "macros" / "ssd_tables.sql").read_text()
    macro = re.search(r"macro ssd_history_table_names\(\).*?return\((\[.*?\])\)", text, re.S)
    listed = ast.literal_eval(macro.group(1))
    sources = yaml.safe_load((ROOT / "models" / "staging" / "history" / "_history__sources.yml").read_text())
    (history,) = [s for s in sources["sources"] if s["name"] == "history"]
    declared = sorted(t["name"] for t in history["tables"] if t["name"].startswith("ssd_"))
    assert sorted(f"ssd_{name}" for name in listed) == declared
    assert set(declared) <= set(load_tables())
