"""Which extracts a build gates, in which steps, and whether it merges into the published warehouse.

Every landed extract of every council is merged into the history in extract-date order, so a council with
several extracts newer than the history gets one step per extract (the oldest first); each step's figures are
recorded as that extract's vintage. A build is *incremental* when the published warehouse can be the base: it
exists, its checksum holds, it was built by the same project (csc.fingerprint) and no full refresh was asked
for; each step then rebuilds only its councils and merges them into a copy of the published file. Otherwise
the build is *full*: the last step gates every council's newest extract together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

from csc.db import scalar
from csc.fingerprint import project_fingerprint


@dataclass(frozen=True)
class Published:
    """What the published warehouse holds (empty when there is none or it cannot be read)."""

    path: Path
    usable: bool = False
    fingerprint: str | None = None
    current: dict[str, date] = field(default_factory=dict)  # council -> the extract its figures come from
    history: dict[str, date] = field(default_factory=dict)  # council -> its newest extract in the history
    names: dict[str, str] = field(default_factory=dict)
    signatures: dict[tuple[str, date], str] = field(default_factory=dict)  # (council, extract) -> folder signature
    problem: str | None = None  # why it cannot be used as a base or carry

    @property
    def is_base(self) -> bool:
        return self.usable and self.fingerprint == project_fingerprint()


def read_published(warehouse: Path, checksum_problem: str | None = None) -> Published:
    """The published warehouse's councils, extracts, history and fingerprint. `checksum_problem`: the file
    failed its checksum (it is then neither a base nor a source of history)."""
    if not warehouse.exists():
        return Published(warehouse, problem="no published warehouse")
    if checksum_problem:
        return Published(warehouse, problem=checksum_problem)
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as exc:
        return Published(warehouse, problem=f"cannot be opened: {str(exc).splitlines()[0]}")
    try:
        rows = con.execute("select la_code, la_name, extract_date from raw.manifests").fetchall()
        current = {la: d for la, _, d in rows}
        names = {la: name for la, name, _ in rows}
        history: dict[str, date] = {}
        fingerprint = None
        tables = {t for (t,) in con.execute("select schema_name || '.' || table_name from duckdb_tables()").fetchall()}
        signatures: dict[tuple[str, date], str] = {}
        if "history.extracts" in tables:
            history = dict(con.execute("select la_code, max(extract_date) from history.extracts group by 1").fetchall())
            columns = {c for (c,) in con.execute("select column_name from (describe history.extracts)").fetchall()}
            if "folder_signature" in columns:
                signatures = {
                    (la, d): sig
                    for la, d, sig in con.execute(
                        "select la_code, extract_date, folder_signature from history.extracts"
                    ).fetchall()
                }
        if "audit.build_info" in tables:
            columns = {c for (c,) in con.execute("select column_name from (describe audit.build_info)").fetchall()}
            if "project_fingerprint" in columns:
                fingerprint = scalar(con.execute("select any_value(project_fingerprint) from audit.build_info"))
        return Published(warehouse, True, fingerprint, current, history, names, signatures)
    except duckdb.Error as exc:
        return Published(warehouse, problem=f"cannot be read: {str(exc).splitlines()[0]}")
    finally:
        con.close()


@dataclass(frozen=True)
class Step:
    """One gate-and-build pass: the extract gated for each of its councils. `merge`: its councils are merged
    into the previous result; otherwise the step's file is the result (`final`) or only carries the history
    and vintages of its councils to the next step."""

    extracts: dict[str, date]
    merge: bool
    final: bool


def plan_steps(
    landed: dict[str, list[date]],
    published: Published,
    full_refresh: bool = False,
    signature: Callable[[str, date], str] | None = None,
) -> list[Step]:
    """The steps of a build (docstring of this module). An incremental build with no newer extract has no step
    (the warehouse is up to date). `signature(council, extract date)`: the landed folder's signature; the
    council's newest merged extract whose folder changed since (landed again under the same date) is pending
    again."""
    newest_in_history = published.history if published.usable else {}
    pending: dict[str, list[date]] = {}
    for la, dates in landed.items():
        merged = newest_in_history.get(la)
        pending[la] = [d for d in dates if merged is None or d > merged]
        if merged in dates and signature and signature(la, merged) != published.signatures.get((la, merged)):
            pending[la].insert(0, merged)
    depth = max((len(p) for p in pending.values()), default=0)
    by_depth = [{la: p[k] for la, p in pending.items() if len(p) > k} for k in range(depth)]
    if published.is_base and not full_refresh:
        return [Step(extracts, merge=True, final=k == depth - 1) for k, extracts in enumerate(by_depth)]
    newest = {la: dates[-1] for la, dates in landed.items() if dates}
    older = [{la: d for la, d in extracts.items() if d != newest[la]} for extracts in by_depth]
    steps = [Step(extracts, merge=False, final=False) for extracts in older if extracts]
    return [*steps, Step(newest, merge=False, final=True)]
