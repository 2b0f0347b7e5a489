"""Great Expectations results of the landing checks, built from the counts of the compiled DuckDB pass.

The gate runs each table's suite in SQL (`csc.gate.rowchecks`), then records what GX itself would have reported:
one `ExpectationSuiteValidationResult` per table, whose `ExpectationValidationResult` entries carry success,
element_count, unexpected_count, unexpected_percent, partial_unexpected_list (up to 20 values, in council and row
order) and, except for not-null, missing_count and the percentages GX adds (as GX's `_format_map_output`).
They are kept on the GateResult and written as JSON beside the gate report (validations/<table>.json).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from great_expectations.core.expectation_validation_result import (
    ExpectationSuiteValidationResult,
    ExpectationValidationResult,
)

PARTIAL_UNEXPECTED = 20


@dataclass
class ExpectationCounts:
    """What the compiled pass counted for one expectation, over every council's rows of its table."""

    element_count: int
    missing_count: int | None  # None: GX reports none (not-null)
    unexpected_count: int
    success: bool
    partial_unexpected_list: list[Any] = field(default_factory=list)


def map_result(c: ExpectationCounts) -> dict[str, Any]:
    """The `result` dict of a column-map or column-pair expectation, as GX's SUMMARY format builds it."""
    out: dict[str, Any] = {
        "element_count": c.element_count,
        "unexpected_count": c.unexpected_count,
        "unexpected_percent": None,
        "partial_unexpected_list": c.partial_unexpected_list[:PARTIAL_UNEXPECTED],
    }
    if c.element_count == 0:
        if c.missing_count is not None:
            out.update(missing_count=0, missing_percent=None)
            out.update(unexpected_percent_total=None, unexpected_percent_nonmissing=None)
        return out
    total_pct = 100.0 * c.unexpected_count / c.element_count
    if c.missing_count is None:
        out["unexpected_percent"] = total_pct
        return out
    nonmissing = c.element_count - c.missing_count
    nonmissing_pct = 100.0 * c.unexpected_count / nonmissing if nonmissing else None
    out["unexpected_percent"] = nonmissing_pct
    out.update(missing_count=c.missing_count, missing_percent=100.0 * c.missing_count / c.element_count)
    out.update(unexpected_percent_total=total_pct, unexpected_percent_nonmissing=nonmissing_pct)
    return out


def suite_result(suite: Any, counts: list[ExpectationCounts]) -> ExpectationSuiteValidationResult:
    """The suite's validation result: one ExpectationValidationResult per expectation, in the suite's order."""
    results = [
        ExpectationValidationResult(success=c.success, expectation_config=e.configuration, result=map_result(c))
        for e, c in zip(suite.expectations, counts, strict=True)
    ]
    passed = sum(bool(r.success) for r in results)
    return ExpectationSuiteValidationResult(
        success=passed == len(results),
        results=results,
        suite_name=suite.name,
        statistics={
            "evaluated_expectations": len(results),
            "successful_expectations": passed,
            "unsuccessful_expectations": len(results) - passed,
            "success_percent": 100.0 * passed / len(results) if results else None,
        },
        meta={"engine": "duckdb (compiled by csc.gate.compile)"},
    )


def write_validations(validations: dict[str, ExpectationSuiteValidationResult], folder: Path) -> Path:
    """validations/<table>.json under the report folder (GX's own JSON form of each suite result)."""
    out = folder / "validations"
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.json"):
        old.unlink()
    for table, result in validations.items():
        (out / f"{table}.json").write_text(json.dumps(result.to_json_dict(), indent=2, default=str) + "\n")
    return out
