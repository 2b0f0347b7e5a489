"""What the gate found, in a form a person can act on."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Issue:
    severity: str  # blocking | warning | info
    table: str
    location: str  # file (relative to the landing root) or folder
    column: str | None
    rule: str
    rows: int
    message: str
    examples: list[str] = field(default_factory=list)

    def line(self) -> str:
        where = self.location + (f", column {self.column}" if self.column else "")
        rows = f", {self.rows:,} row(s)" if self.rows else ""
        ex = f"; e.g. {', '.join(self.examples[:5])}" if self.examples else ""
        return f"{where}: [{self.rule}] {self.message}{rows}{ex}"

    def as_dict(self) -> dict:
        return asdict(self)


class GateFailure(Exception):
    """Raised when the gate finds blocking problems: nothing is built or published."""

    def __init__(self, issues: list[Issue]):
        self.issues = [i for i in issues if i.severity == "blocking"]
        lines = "\n".join(f"  - {i.line()}" for i in self.issues)
        super().__init__(f"landing gate blocked the run ({len(self.issues)} problem(s)):\n{lines}")


def blocking(table: str, location: str, rule: str, message: str, **kw) -> Issue:
    """A problem that stops the run: nothing is built or published."""
    return Issue(
        "blocking", table, location, kw.get("column"), rule, kw.get("rows", 0), message, list(kw.get("examples", []))
    )


def warning(table: str, location: str, rule: str, message: str, **kw) -> Issue:
    """A problem that does not stop the run (rows quarantined, values blanked, optional data empty)."""
    return Issue(
        "warning", table, location, kw.get("column"), rule, kw.get("rows", 0), message, list(kw.get("examples", []))
    )


def info(table: str, location: str, rule: str, message: str, **kw) -> Issue:
    """Something worth knowing (ignored columns, identifiers not loaded, optional tables absent)."""
    return Issue(
        "info", table, location, kw.get("column"), rule, kw.get("rows", 0), message, list(kw.get("examples", []))
    )
