"""DuckDB helpers shared by the packages."""

from __future__ import annotations

from typing import Any

import duckdb


def scalar(result: duckdb.DuckDBPyConnection | duckdb.DuckDBPyRelation) -> Any:
    """The first value of the first row of a query that always returns a row (an aggregate such as count(*))."""
    row = result.fetchone()
    if row is None:
        raise LookupError("the query returned no row")
    return row[0]
