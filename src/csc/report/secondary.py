"""Secondary suppression: no `c` of a published output can be worked out from the figures shown beside it.

Primary suppression (csc.report.cells) hides small figures one at a time. A hidden figure can still be recovered
when it is the one unknown of an equation the reader knows: a council figure and its localities (the total is
the sum of the parts), the months of a financial year and the year to date, the councils and the region, or a
percentage and its numerator and denominator. This module works on those equations alone:

- a `Cell` is one number of the output (`hidden` cells are numbers the output never shows, such as the year's
  numerator behind a year-to-date percentage: they are unknown to the reader but never count as disclosed);
- a `Sum` says total = sum of parts; a `Ratio` says that a value, its numerator and its denominator determine one
  another (any two give the third; `denominator` None: the denominator is public, e.g. the 0-17 population);
- `derived` is what a reader works out: every cell shown, then every cell that is the one unknown of an
  equation, repeated until nothing more follows;
- `protect` hides more cells until no suppressed cell can be derived: for the first equation that gives a
  suppressed cell away it hides the smallest other part shown (a non-zero one first, then a zero; never a cell
  listed in `keep`), or the total when no part can be hidden, and starts again. Each round hides one more cell,
  so it ends.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

Key = Hashable


@dataclass
class Cell:
    value: float | None
    suppressed: bool = False
    hidden: bool = False  # never shown: unknown to the reader, not a disclosure when derived


@dataclass(frozen=True)
class Sum:
    total: Key
    parts: tuple[Key, ...]
    protect_total: bool = False  # hide the total rather than another part (a table other reports also show)


@dataclass(frozen=True)
class Ratio:
    value: Key
    numerator: Key
    denominator: Key | None = None


Relation = Sum | Ratio


@dataclass
class Cells:
    """The cells of one output and the equations between them."""

    cells: dict[Key, Cell] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)

    def add(self, key: Key, value: float | None, suppressed: bool = False, hidden: bool = False) -> Key:
        """Add a cell once; a cell added again keeps its first value and is suppressed if either says so."""
        if key in self.cells:
            self.cells[key].suppressed |= suppressed
        else:
            self.cells[key] = Cell(value, suppressed or hidden, hidden)
        return key

    def suppressed(self) -> set[Key]:
        """The cells shown as `c` (not the hidden ones)."""
        return {k for k, c in self.cells.items() if c.suppressed and not c.hidden}


def _members(rel: Relation) -> tuple[Key, ...]:
    if isinstance(rel, Sum):
        return (rel.total, *rel.parts)
    return (rel.value, rel.numerator) if rel.denominator is None else (rel.value, rel.numerator, rel.denominator)


def _derive(cells: Cells) -> tuple[set[Key], dict[Key, Relation]]:
    """Every cell a reader can work out, and for each cell derived the equation that gave it (a work list:
    an equation is looked at again only when one of its cells becomes known)."""
    known = {k for k, c in cells.cells.items() if not c.suppressed}
    by: dict[Key, Relation] = {}
    containing: dict[Key, list[int]] = {}
    for i, rel in enumerate(cells.relations):
        for k in _members(rel):
            containing.setdefault(k, []).append(i)
    queue = list(range(len(cells.relations)))
    queued = set(queue)
    while queue:
        i = queue.pop()
        queued.discard(i)
        rel = cells.relations[i]
        unknown = [k for k in _members(rel) if k not in known]
        zero = isinstance(rel, Ratio) and rel.value in known and cells.cells[rel.value].value == 0
        if zero and isinstance(rel, Ratio) and rel.numerator in unknown:
            unknown = [rel.numerator]  # a zero rate or percentage: the numerator is 0
        if len(unknown) != 1:
            continue
        (k,) = unknown
        if isinstance(rel, Ratio) and k == rel.denominator and not cells.cells[rel.numerator].value:
            continue  # 0 / d: any denominator fits
        known.add(k)
        by[k] = rel
        for j in containing.get(k, []):
            if j not in queued:
                queue.append(j)
                queued.add(j)
    return known, by


def derived(cells: Cells) -> set[Key]:
    """The suppressed cells (shown as `c`) that a reader can work out from what is shown."""
    known, _ = _derive(cells)
    return cells.suppressed() & known


def _victim(cells: Cells, rel: Relation, keep: set[Key]) -> Key | None:
    if isinstance(rel, Ratio):
        order = [rel.numerator, rel.value] + ([rel.denominator] if rel.denominator is not None else [])
        return next((k for k in order if not cells.cells[k].suppressed and k not in keep), None)
    shown = [k for k in rel.parts if not cells.cells[k].suppressed and k not in keep]
    total = rel.total if not cells.cells[rel.total].suppressed and rel.total not in keep else None
    if rel.protect_total and total is not None:
        return total
    if shown:
        return min(shown, key=lambda k: (not cells.cells[k].value, cells.cells[k].value or 0, str(k)))
    return total


def _victim_for(cells: Cells, key: Key, by: dict[Key, Relation], keep: set[Key], seen: set[Key]) -> Key | None:
    """A shown cell to hide so that `key` is no longer derived: in the equation that gave it, else in the
    equations that gave that equation's derived members."""
    seen.add(key)
    rel = by[key]
    victim = _victim(cells, rel, keep)
    if victim is not None:
        return victim
    for member in _members(rel):
        if member in by and member not in seen:
            victim = _victim_for(cells, member, by, keep, seen)
            if victim is not None:
                return victim
    return None


def _components(cells: Cells) -> list[Cells]:
    """The equations split into groups that share no cell (in the report: one indicator each), each with its
    cells (the same Cell objects): a group is protected on its own."""
    parent: dict[Key, Key] = {}

    def root(k: Key) -> Key:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for rel in cells.relations:
        first, *rest = _members(rel)
        for k in rest:
            parent[root(k)] = root(first)
    groups: dict[Key, Cells] = {}
    for rel in cells.relations:
        group = groups.setdefault(root(_members(rel)[0]), Cells())
        group.relations.append(rel)
        for k in _members(rel):
            group.cells[k] = cells.cells[k]
    return list(groups.values())


def protect(cells: Cells, keep: Iterable[Key] = ()) -> set[Key]:
    """Suppress more cells until no suppressed cell can be derived; returns the cells it suppressed (a cell of
    `keep` only when nothing else will do)."""
    keep = set(keep)
    added: set[Key] = set()
    for group in _components(cells):
        added |= _protect(group, keep)
    return added


def _protect(cells: Cells, keep: set[Key]) -> set[Key]:
    added: set[Key] = set()
    while True:
        known, by = _derive(cells)
        leaks = sorted((k for k in cells.suppressed() if k in known), key=str)
        if not leaks:
            return added
        victim = _victim_for(cells, leaks[0], by, keep, set()) or _victim_for(cells, leaks[0], by, set(), set())
        if victim is None:
            raise ValueError(f"cannot protect {leaks[0]!r}")
        cells.cells[victim].suppressed = True
        added.add(victim)
