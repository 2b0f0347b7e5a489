"""English councils: the reference seed (seeds/councils.csv) and the resolver used wherever a council is named.

A council is named by its DfE 3-digit LA code (926 = Norfolk) or its ONS 9-character code (E10000020, the
landing folder name). A reorganised council has a row per ONS code: the former one with valid_to, the
successor with valid_from. When a DfE code is shared by a former and a current row (North Yorkshire 815:
E10000023 until 2023-03-31, E06000065 since), the DfE code resolves to the current row; the former ONS code
still resolves to the former row.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from csc.config import PROJECT_DIR

COUNCILS_SEED = "seeds/councils.csv"
NEIGHBOURS_SEED = "seeds/statistical_neighbours.csv"

_DFE_CODE = re.compile(r"\d{3}")
_ONS_CODE = re.compile(r"[Ee]\d{8}")


@dataclass(frozen=True)
class CouncilRef:
    dfe_code: str  # blank for the synthetic councils (E99xxxxxx) of the population seed
    la_code: str
    la_name: str
    region: str
    valid_from: date | None
    valid_to: date | None

    @property
    def is_current(self) -> bool:
        return self.valid_to is None


class UnknownCouncil(ValueError):
    """The code names no council in seeds/councils.csv."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(
            f"unknown council {code!r}: give the DfE 3-digit code (e.g. 926) or the ONS code (e.g. E10000020) "
            f"of an English council ({COUNCILS_SEED})"
        )


def _date(value: str) -> date | None:
    value = value.strip()
    return date.fromisoformat(value) if value else None


@cache
def councils() -> tuple[CouncilRef, ...]:
    """Every row of seeds/councils.csv, in file order."""
    with (PROJECT_DIR / COUNCILS_SEED).open(newline="", encoding="utf-8") as f:
        return tuple(
            CouncilRef(
                dfe_code=row["dfe_code"].strip(),
                la_code=row["la_code"].strip().upper(),
                la_name=row["la_name"].strip(),
                region=row["region"].strip(),
                valid_from=_date(row["valid_from"]),
                valid_to=_date(row["valid_to"]),
            )
            for row in csv.DictReader(f)
        )


@cache
def _by_la_code() -> dict[str, CouncilRef]:
    return {c.la_code: c for c in councils()}


@cache
def _by_dfe_code() -> dict[str, CouncilRef]:
    """The current row of each DfE code; a code with only former rows keeps its latest one."""
    best: dict[str, CouncilRef] = {}
    for c in councils():
        if not c.dfe_code:
            continue
        held = best.get(c.dfe_code)
        if held is None or _recency(c) > _recency(held):
            best[c.dfe_code] = c
    return best


def _recency(c: CouncilRef) -> tuple[date, date]:
    return (c.valid_to or date.max, c.valid_from or date.min)


def by_la_code(la_code: str) -> CouncilRef | None:
    """The row of an ONS code (trimmed, either case), or None."""
    return _by_la_code().get(la_code.strip().upper())


def by_dfe_code(dfe_code: str) -> CouncilRef | None:
    """The current row of a DfE code (a former row when the code has no current one), or None."""
    return _by_dfe_code().get(dfe_code.strip())


def resolve_council(code: str) -> CouncilRef:
    """The council named by a DfE 3-digit code or an ONS code; UnknownCouncil otherwise."""
    text = code.strip()
    council = None
    if _DFE_CODE.fullmatch(text):
        council = by_dfe_code(text)
    elif _ONS_CODE.fullmatch(text):
        council = by_la_code(text)
    if council is None:
        raise UnknownCouncil(text)
    return council


@cache
def _neighbour_codes() -> dict[str, tuple[str, ...]]:
    ranked: dict[str, list[tuple[int, str]]] = {}
    with (PROJECT_DIR / NEIGHBOURS_SEED).open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pair = (int(row["neighbour_rank"]), row["neighbour_la_code"].strip().upper())
            ranked.setdefault(row["la_code"].strip().upper(), []).append(pair)
    return {la_code: tuple(code for _, code in sorted(pairs)) for la_code, pairs in ranked.items()}


def statistical_neighbours(la_code: str) -> list[CouncilRef]:
    """The council's DfE statistical neighbours, closest first (either code form; UnknownCouncil if unknown).

    The published lists are for current councils. A former ONS code whose DfE code continues in a current row
    (a recode such as North Yorkshire E10000023) gets that row's neighbours; a council replaced by different
    councils (Cumbria) or a synthetic council has none.
    """
    council = resolve_council(la_code)
    codes = _neighbour_codes()
    if council.la_code not in codes and council.dfe_code:
        successor = by_dfe_code(council.dfe_code)
        if successor is not None:
            council = successor
    return [_by_la_code()[code] for code in codes.get(council.la_code, ())]
