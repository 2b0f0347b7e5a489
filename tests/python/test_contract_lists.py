"""The one static list of SSD tables in SQL (macro ssd_table_names, looped over by the row-count tests) is the
landing contract's list: a table added to the contract and not to the macro would go unreconciled."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from csc.contract import load_tables

ROOT = Path(__file__).resolve().parents[2]


def test_ssd_table_names_macro_lists_every_contract_table():
    text = (ROOT / "macros" / "ssd_tables.sql").read_text()
    listed = ast.literal_eval(re.search(r"return\((\[.*?\])\)", text, re.S).group(1))
    assert len(listed) == len(set(listed))
    assert sorted(f"ssd_{name}" for name in listed) == sorted(load_tables())
