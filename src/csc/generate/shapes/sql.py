"""DuckDB expressions the shapes are written in. Every expression reads the canonical row as `t` (and other
canonical tables as views `c_<table>`), so a whole table is reshaped in one vectorised SELECT."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from csc.generate.reference import FORENAMES, SURNAMES


def lit(value: str | None) -> str:
    """A SQL string literal (or NULL)."""
    return "NULL" if value is None else "'" + value.replace("'", "''") + "'"


def col(name: str) -> str:
    return f't."{name}"'


Code = TypeVar("Code", bound=str | None)


def case_map(expr: str, mapping: Mapping[Code, str | None], default: str = "NULL") -> str:
    """CASE WHEN expr = code THEN value ... ELSE default END (a None key maps NULL)."""
    whens = [
        f"WHEN {expr} IS NULL THEN {lit(v)}" if k is None else f"WHEN {expr} = {lit(k)} THEN {lit(v)}"
        for k, v in mapping.items()
    ]
    return f"CASE {' '.join(whens)} ELSE {default} END"


def text(expr: str) -> str:
    return f"CAST({expr} AS VARCHAR)"


def legacy_id(expr: str) -> str:
    """A person's legacy id as SystemC's DIM_PERSON.LEGACY_ID looks ('P' + digits, e.g. 'P2024156' in D2I's
    admin/tools-ssd_workflow personID_checks): unique per person, never equal to the person id."""
    return f"'P' || lpad({text(expr)}, 8, '0')"


def ten_digits(expr: str) -> str:
    """A fake 10-digit identifier (NHS-number shaped, not check-digit valid), one per id (a bijection mod 9e9)."""
    return f"CAST(1000000000 + ((CAST({expr} AS BIGINT) * 7919 + 104729) % 9000000000) AS VARCHAR)"


def worker_name(expr: str) -> str:
    """A fake worker name derived from a worker id (SystemC writes DIM_WORKER_ID_DESC, the name, into some
    worker-id columns)."""
    fore = "[" + ", ".join(lit(n) for n in FORENAMES) + "]"
    sur = "[" + ", ".join(lit(n) for n in SURNAMES) + "]"
    n, m = len(FORENAMES), len(SURNAMES)
    idx = f"CAST({expr} AS BIGINT)"
    return (
        f"CASE WHEN {expr} IS NULL THEN NULL ELSE list_extract({fore}, 1 + ({idx} * 7) % {n}) || ' ' || "
        f"list_extract({sur}, 1 + ({idx} // {n}) % {m}) END"
    )


def guid(expr: str, salt: str) -> str:
    """A deterministic uppercase GUID per id, as SQL Server's NEWID() looks."""
    h = f"md5({lit(salt)} || {text(expr)})"
    parts = " || '-' || ".join(f"substr({h}, {a}, {b})" for a, b in ((1, 8), (9, 4), (13, 4), (17, 4), (21, 12)))
    return f"upper({parts})"


def pick(expr: str, choices: tuple[str, ...]) -> str:
    """One of `choices` chosen deterministically from an integer id."""
    arr = "[" + ", ".join(lit(c) for c in choices) + "]"
    return f"list_extract({arr}, 1 + (CAST({expr} AS BIGINT) * 31) % {len(choices)})"


def json_value(column: str, key: str) -> str:
    """The text of one key of the canonical outcome JSON ('' when absent or null)."""
    return f"coalesce(json_extract_string({col(column)}, '$.{key}'), '')"


def json_count(column: str, key: str, null: str = "null") -> str:
    return f"coalesce(CAST(json_extract({col(column)}, '$.{key}') AS BIGINT)::VARCHAR, {lit(null)})"


def json_escape(expr: str) -> str:
    """The escaping the SystemC v1.4.5 S47 / ICPC blocks apply to comments (REPLACE of \\, ", CR, LF, TAB)."""
    out = f"replace({expr}, '\\', '\\\\')"
    out = f"replace({out}, '\"', '\\\"')"
    for ch, esc in (("chr(13)", "'\\r'"), ("chr(10)", "'\\n'"), ("chr(9)", "'\\t'")):
        out = f"replace({out}, {ch}, {esc})"
    return out


def legacy_json(
    column: str,
    flags: tuple[str, ...],
    count_key: str,
    comment_key: str,
    escape: bool = False,
    compact: bool = False,
) -> str:
    """The SystemC v1.4.5 default (#LEGACY-PRE2016) outcome JSON: a string concatenation of every key, ""
    for a missing flag, null for a missing count, and the comments as typed (unescaped unless `escape`)."""
    sep, colon = (",", ":") if compact else (", ", ": ")
    parts = [f"'\"{k}\"{colon}\"' || {json_value(column, k)} || '\"'" for k in flags]
    parts.append(f"'\"{count_key}\"{colon}' || {json_count(column, count_key)}")
    comment = json_value(column, comment_key)
    parts.append(f"'\"{comment_key}\"{colon}\"' || {json_escape(comment) if escape else comment} || '\"'")
    return "'{' || " + f" || '{sep}' || ".join(parts) + " || '}'"


def for_json(column: str, flags: tuple[str, ...], count_key: str, comment_key: str, null_count: str | None) -> str:
    """FOR JSON PATH, WITHOUT_ARRAY_WRAPPER output (SystemC v1.2.4 default path): compact valid JSON; a NULL
    count is left out, or is 0 where the script wraps it in ISNULL(x, '') (`null_count='0'`)."""
    parts = [f"'\"{k}\":' || to_json({json_value(column, k)})" for k in flags]
    count = f"CAST(json_extract({col(column)}, '$.{count_key}') AS BIGINT)::VARCHAR"
    if null_count is None:
        count_part = f"CASE WHEN {count} IS NULL THEN '' ELSE ',\"{count_key}\":' || {count} END"
    else:
        count_part = f"',\"{count_key}\":' || coalesce({count}, {lit(null_count)})"
    comment = f"',\"{comment_key}\":' || to_json({json_value(column, comment_key)})"
    return "'{' || " + " || ',' || ".join(parts) + f" || {count_part} || {comment} || '}}'"


def listed(parts: Mapping[str, str]) -> str:
    """Mosaic's `stuff(( select distinct ', ' + description ... for xml path('')), 1, len(','), '')`: the
    descriptions of the conditions that hold, sorted and comma-joined; NULL when none holds."""
    items = [f"CASE WHEN {cond} THEN {lit(desc)} END" for cond, desc in parts.items()]
    return f"nullif(array_to_string(list_sort(list_distinct([{', '.join(items)}])), ', '), '')"


def flag_is_y(column: str, key: str) -> str:
    return f"{json_value(column, key)} = 'Y'"
