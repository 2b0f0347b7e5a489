"""Identifiers, and the way out of the simulation: journey rows are buffered, clipped to the extract and
written only when the journey belongs in the extract.

The extract holds what an SSD would on its extract date: a journey is written if it is open or ended inside
the history window (`commit(include)`), rows that start after the extract date are dropped, dates after it
are blanked as not yet happened (with the reason that goes with an end date), and a person is written when
any row about them is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from csc.contract import Table, load_tables
from csc.generate.contract_keys import person_id_columns

Row = dict[str, Any]
Sink = Callable[[str, Row], None]

ID_BASE = {"ssd_department": 100}  # first id - 1 of a table (else DEFAULT_ID_BASE)
DEFAULT_ID_BASE = 1_000_000
# When an end date is blanked because it is after the extract date, these go with it.
END_DEPENDENTS = {
    "cine_close_date": ["cine_close_reason"],
    "clae_cla_episode_ceased_date": ["clae_cla_episode_ceased_reason"],
    "clap_cla_placement_end_date": ["clap_cla_placement_change_reason"],
    "earl_episode_end_date": ["earl_episode_end_reason"],
    "invo_involvement_end_date": ["invo_worker_change_reason"],
    "perm_permanence_order_date": ["perm_permanence_order_type"],
    "s47e_s47_end_date": ["s47e_s47_nfa", "s47e_s47_outcome_json"],
    "cina_assessment_auth_date": ["cina_assessment_outcome_nfa", "cina_assessment_outcome_json"],
}
# Reviews are in the extract once due (a review due after the extract date is dropped, even if held).
REVIEW_DUE = {"ssd_cp_reviews": "cppr_cp_review_due", "ssd_cla_reviews": "clar_cla_review_due_date"}


def yn(b: bool | None) -> str | None:
    return None if b is None else ("Y" if b else "N")


class Ids:
    """Sequential ids per table (1_000_001, 1_000_002, ...; departments from 101)."""

    def __init__(self) -> None:
        self._last: dict[str, int] = {}

    def next(self, table: str) -> int:
        self._last[table] = self._last.get(table, ID_BASE.get(table, DEFAULT_ID_BASE)) + 1
        return self._last[table]


class Output:
    """Buffers one journey's rows (`emit`) and writes them to `sink` when the journey is committed."""

    def __init__(self, sink: Sink, extract: date, tables: Mapping[str, Table] | None = None):
        self.sink = sink
        self.extract = extract
        self.tables = tables if tables is not None else load_tables()
        self.person_columns = person_id_columns(self.tables)
        self.written: set[int] = set()  # person ids with a row in the extract
        self.buffer: list[tuple[str, Row]] = []
        self._keep = False
        # per table, the date columns that cannot be after the extract date (blanked when they are)
        self.past_dates = {
            name: [c.name for c in t.columns if c.kind == "date" and not c.future_ok] for name, t in self.tables.items()
        }

    def write(self, table: str, row: Row) -> None:
        """Write a row that is not part of a journey (departments, professionals, persons) as it is."""
        self.sink(table, row)

    def emit(self, table: str, row: Row, keeps_journey: bool = False) -> None:
        """Buffer a journey row; `keeps_journey`: the journey is written whatever `commit` is told (a care
        leaver's month-end row puts their whole journey in the extract)."""
        self.buffer.append((table, row))
        self._keep = self._keep or keeps_journey

    def commit(self, include: bool) -> None:
        """Write the buffered journey if it belongs in the extract (or holds a row that keeps it), else drop it."""
        buf, self.buffer = self.buffer, []
        include = include or self._keep
        self._keep = False
        if not include:
            return
        for table, row in buf:
            clipped = self.clip(table, row)
            if clipped is not None:
                self.sink(table, clipped)

    def clip(self, table: str, row: Row) -> Row | None:
        """The row as the extract holds it (None: not in the extract yet); marks its persons as written."""
        t = self.tables[table]
        x = self.extract
        if table in REVIEW_DUE:
            due = row.get(REVIEW_DUE[table])
            if due and due > x:
                return None
        elif t.event_date and row.get(t.event_date) and row[t.event_date] > x:
            return None
        for name in self.past_dates[table]:
            v = row.get(name)
            if v is not None and v > x:
                row[name] = None
                for dep in END_DEPENDENTS.get(name, []):
                    row[dep] = None
        for pid_col in self.person_columns.get(table, ()):
            if pid_col in row:
                self.written.add(row[pid_col])
        return row
