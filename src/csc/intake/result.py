"""What an intake did, for the command to print: tables landed, tables not landed, files ignored."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class LandedTable:
    name: str  # contract table, e.g. ssd_person
    source: str  # file name or database table as found
    rows: int
    not_read: tuple[tuple[str, str], ...] = ()  # columns not read: (name, reason)

    def not_read_by_reason(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for name, reason in self.not_read:
            grouped.setdefault(reason, []).append(name)
        return grouped


@dataclass(frozen=True)
class NotLanded:
    name: str  # ssd_* table name, lower case
    source: str
    rows: int | None  # None when not counted (a database table is not read at all)
    reason: str


@dataclass
class IntakeResult:
    folder: Path
    manifest: dict
    landed: list[LandedTable] = field(default_factory=list)
    not_landed: list[NotLanded] = field(default_factory=list)
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (name, why)
    missing_required: list[str] = field(default_factory=list)  # the gate will block on these
    missing_optional: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.landed)
