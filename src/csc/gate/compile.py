"""Great Expectations expectations compiled to DuckDB predicates, so that a table's suite runs as one set-based
pass instead of on pandas batches.

Each expectation of a suite (`checks.build_suite`) becomes a `CompiledExpectation`: SQL over the helper columns of
`checks._helper_columns` saying when a row is unexpected, when it is missing (ignored), and what GX would list as
its unexpected value. The compiler reads the expectation's own type and kwargs and follows GX's semantics:

- `expect_column_values_to_not_be_null`: a null is unexpected; GX reports no missing count.
- every other column-map expectation ignores nulls (a null is missing, never unexpected);
- `expect_column_pair_values_a_to_be_greater_than_b` with `ignore_row_if="either_value_is_missing"`: a row with
  either value null is missing.

`expect_column_values_to_be_json_parseable` uses DuckDB's `json_valid`. Python's `json.loads` (GX on pandas) also
accepts the non-standard `NaN` and `Infinity`; the gate never sees them, since the values it checks are written at
load by DuckDB's own JSON functions (`sqlexpr.json_kept`). An expectation type or option the compiler does not
know raises `UnsupportedExpectation` rather than being skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from csc.gate.sqlexpr import quote


class UnsupportedExpectation(ValueError):
    """An expectation (type or option) the SQL compiler cannot translate faithfully."""


@dataclass(frozen=True)
class CompiledExpectation:
    """One expectation as SQL over the helper columns (see the module docstring).

    `unexpected`: true for a row GX would count as unexpected. `missing`: true for a row GX ignores as missing,
    or None where GX reports no missing count (not_null). `value`: JSON text of the value GX lists for an
    unexpected row (a pair as a two-element array). `mostly`: GX's `mostly`, None for all rows."""

    expectation_type: str
    unexpected: str
    missing: str | None
    value: str
    mostly: float | None = None

    def success(self, element_count: int, missing_count: int, unexpected_count: int) -> bool:
        """GX's verdict: no unexpected value, or with `mostly` the share of the non-missing values that pass."""
        if self.mostly is None:
            return unexpected_count == 0
        nonmissing = element_count - missing_count
        return nonmissing == 0 or (nonmissing - unexpected_count) / nonmissing >= self.mostly


def sql_literal(value: Any) -> str:
    """A Python value of an expectation's kwargs as a DuckDB literal."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, datetime):
        return f"timestamp '{value.isoformat(sep=' ')}'"
    if isinstance(value, date):
        return f"date '{value.isoformat()}'"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise UnsupportedExpectation(f"cannot write {value!r} ({type(value).__name__}) as a SQL literal")


def _kwargs(expectation: Any) -> tuple[str, dict[str, Any]]:
    config = expectation.configuration
    return config.type, dict(config.kwargs)


def _known(kind: str, kwargs: dict[str, Any], allowed: set[str]) -> None:
    """Options that change GX's result and that the compiler does not implement are refused, not ignored."""
    ignorable = {"result_format", "catch_exceptions", "meta", "notes", "description", "severity"}
    unknown = {k for k, v in kwargs.items() if v is not None and k not in allowed | ignorable}
    if unknown:
        raise UnsupportedExpectation(
            f"{kind}: option(s) {', '.join(sorted(unknown))} are not supported by the compiler"
        )


def compile_expectation(expectation: Any) -> CompiledExpectation:
    """Translate one GX expectation (from its type and kwargs) into SQL predicates over the helper columns."""
    kind, kw = _kwargs(expectation)
    mostly = kw.get("mostly")
    if kind == "expect_column_values_to_not_be_null":
        _known(kind, kw, {"column", "mostly"})
        col = quote(kw["column"])
        return CompiledExpectation(kind, f"{col} is null", None, "'null'", mostly)
    if kind in (
        "expect_column_values_to_be_json_parseable",
        "expect_column_values_to_be_in_set",
        "expect_column_values_to_be_between",
    ):
        col = quote(kw["column"])
        if kind == "expect_column_values_to_be_json_parseable":
            _known(kind, kw, {"column", "mostly"})
            bad = f"not json_valid({col})"
        elif kind == "expect_column_values_to_be_in_set":
            _known(kind, kw, {"column", "mostly", "value_set"})
            values = list(kw.get("value_set") or [])
            if not values:
                raise UnsupportedExpectation(f"{kind}: an empty value_set")
            bad = f"{col} not in ({', '.join(sql_literal(v) for v in values)})"
        else:
            _known(kind, kw, {"column", "mostly", "min_value", "max_value", "strict_min", "strict_max"})
            lo, hi = kw.get("min_value"), kw.get("max_value")
            if lo is None and hi is None:
                raise UnsupportedExpectation(f"{kind}: neither min_value nor max_value is set")
            bounds = []
            if lo is not None:
                bounds.append(f"{col} {'>' if kw.get('strict_min') else '>='} {sql_literal(lo)}")
            if hi is not None:
                bounds.append(f"{col} {'<' if kw.get('strict_max') else '<='} {sql_literal(hi)}")
            bad = f"not ({' and '.join(bounds)})"
        return CompiledExpectation(kind, f"({col} is not null and {bad})", f"{col} is null", f"to_json({col})", mostly)
    if kind == "expect_column_pair_values_a_to_be_greater_than_b":
        _known(kind, kw, {"column_A", "column_B", "or_equal", "ignore_row_if", "mostly"})
        if kw.get("ignore_row_if") != "either_value_is_missing":
            raise UnsupportedExpectation(
                f"{kind}: only ignore_row_if='either_value_is_missing' is supported, not {kw.get('ignore_row_if')!r}"
            )
        a, b = quote(kw["column_A"]), quote(kw["column_B"])
        op = ">=" if kw.get("or_equal") else ">"
        missing = f"({a} is null or {b} is null)"
        return CompiledExpectation(
            kind, f"(not {missing} and not ({a} {op} {b}))", missing, f"to_json([{a}, {b}])", mostly
        )
    raise UnsupportedExpectation(
        f"the SQL compiler does not know the expectation type {kind!r}: add it to csc.gate.compile "
        "(with a case in tests/python/test_gate_compiled.py) before using it in build_suite"
    )
