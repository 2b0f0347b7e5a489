"""Which landed columns an intake reads: a whitelist, the contract's names for the SSD release.

Only columns whose (normalised) name is a contract column or one of its names in an SSD release
(`Table.landed_names`) are read, and they are landed under the contract name. Personal identifiers
(`Table.dropped_columns`) and every other column are never read; they are reported by name. The one
exception is `Table.join_only`: a legacy id that another table's key may be written in (e.g.
`pers_legacy_id` for `perm_person_id`), landed so the gate can resolve it, and never loaded into `raw`.
The landing gate plans its columns with the same function.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from csc.contract import SYSTEM_COLUMNS, Table

PERSONAL = "personal identifier, never read"
NOT_IN_CONTRACT = "not in the contract, not read"


def normalise(name: str) -> str:
    """A landed column name as the contract spells it: byte-order mark removed, trimmed, lower case."""
    return name.replace("\ufeff", "").strip().lower()


@dataclass(frozen=True)
class ColumnPlan:
    """`read`: (landed name as in the source, contract name) in source order; `not_read`: (name, reason)."""

    table: str
    read: tuple[tuple[str, str], ...]
    not_read: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    @property
    def source_names(self) -> list[str]:
        return [source for source, _ in self.read]

    @property
    def contract_names(self) -> list[str]:
        return [name for _, name in self.read]


def plan_columns(table: Table, source_names: Iterable[str], ssd_version: str | None = None) -> ColumnPlan:
    """The columns of `table` to read from a source with these column names (in source order). When a
    source holds a column under two names, the contract name wins over an older release's name."""
    names = list(source_names)
    known = table.landed_names(ssd_version)
    # a legacy id another table's key may be written in is landed for the gate's join, never loaded
    known.update({normalise(c): c for c in table.join_only})
    personal = {normalise(c) for c in table.dropped_columns} - {normalise(c) for c in table.join_only}
    chosen: dict[str, str] = {}  # contract name -> source name
    for source in names:
        target = known.get(normalise(source))
        if (
            target is not None
            and normalise(source) not in personal
            and (target not in chosen or normalise(source) == target)
        ):
            chosen[target] = source
    read: list[tuple[str, str]] = []
    not_read: list[tuple[str, str]] = []
    for source in names:
        name = normalise(source)
        target = known.get(name)
        if name in personal:
            not_read.append((source, PERSONAL))
        elif target is None:
            if name not in SYSTEM_COLUMNS:
                not_read.append((source, NOT_IN_CONTRACT))
        elif chosen[target] == source:
            read.append((source, target))
        else:
            not_read.append((source, f"another name of {target}, read from {chosen[target]}"))
    return ColumnPlan(table.name, tuple(read), tuple(not_read))
