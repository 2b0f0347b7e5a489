"""SQL expressions the gate uses to decide whether a landed value parses.

They must accept exactly what staging accepts: the dbt macros `parse_date` and `parse_flag`
(macros/parsing.sql) are the same expressions, and tests/python/test_parsing_parity.py checks
that both give the same answer on the same strings.
"""

from __future__ import annotations

from csc.contract import FLAG_FALSE, FLAG_TRUE

ISO_DATE = r"\d{4}-\d{2}-\d{2}([ T].*)?"
UK_DATE = r"\d{1,2}/\d{1,2}/\d{4}( .*)?"


def parse_date(col: str) -> str:
    return (
        f"(case when regexp_full_match({col}, '{ISO_DATE}') "
        f"then cast(try_strptime(left({col}, 10), '%Y-%m-%d') as date) "
        f"when regexp_full_match({col}, '{UK_DATE}') "
        f"then cast(try_strptime(split_part({col}, ' ', 1), '%d/%m/%Y') as date) end)"
    )


def parse_flag(col: str) -> str:
    true = ", ".join(f"'{v}'" for v in FLAG_TRUE)
    false = ", ".join(f"'{v}'" for v in FLAG_FALSE)
    return f"(case when lower(trim({col})) in ({true}) then true when lower(trim({col})) in ({false}) then false end)"


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
