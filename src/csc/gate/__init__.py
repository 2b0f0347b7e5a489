"""The landing gate: Great Expectations suites and set-based DuckDB checks on every landed file."""
